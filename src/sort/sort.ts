// sort, argsort and lexsort along an axis (or the flattened array): each lane
// is copied into float64 / BigInt / complex compute arrays, ordered there by
// the radix engine, and written back. Every kind gives the stable order.
import { fail } from '../core/errors.js';
import { formatShape, normalizeAxis } from '../core/shape.js';
import type { ArrayInput } from '../ndarray/create.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { columnsOf, LaneSorter } from './order.js';
import { allocate, asArray, forEachLane, LaneIO, native, reprOf } from './values.js';

/** NumPy's sort kinds; all give the stable result here, which every kind allows. */
export type SortKind = 'quicksort' | 'mergesort' | 'heapsort' | 'stable';

const KINDS: ReadonlySet<string> = new Set(['quicksort', 'mergesort', 'heapsort', 'stable']);

function checkKind(kind: SortKind | null | undefined, routine: string): void {
  if (kind === undefined || kind === null || KINDS.has(kind)) return;
  throw fail(
    'ERR_OPTION',
    'kind',
    `sort kind must be one of 'quicksort', 'mergesort', 'heapsort' or 'stable' (got '${String(kind)}')`,
    routine,
  );
}

/**
 * The array and axis to work along: `axis` null means the flattened array.
 * The index routines (argsort, argpartition) see a 0-d array as 1-D, as NumPy.
 */
export function alongAxis(
  a: ArrayInput,
  axis: number | null,
  routine: string,
  zeroDimAsVector = false,
): { readonly x: NDArray; readonly axis: number } {
  const given = asArray(a);
  const x = zeroDimAsVector && given.ndim === 0 ? given.reshape([1]) : given;
  if (axis === null) return { x: x.ravel(), axis: 0 };
  return { x, axis: normalizeAxis(axis, x.ndim, 'axis', routine) };
}

/** A sorted copy of `a` along `axis` (default -1; null sorts the flattened array), as np.sort. */
export function sort(a: ArrayInput, axis: number | null = -1, kind?: SortKind | null): NDArray {
  checkKind(kind, 'sort');
  const { x, axis: ax } = alongAxis(a, axis, 'sort');
  const src = native(x);
  const out = empty(src.shape, src.dtype);
  const n = src.shape[ax];
  const repr = reprOf(src.dtype);
  const sorter = new LaneSorter(n);
  const keys = sorter.scratch.keys;
  const wide = repr === 'num' ? null : allocate(src.dtype, n);
  const [input, output] = [
    new LaneIO(src, src.strides[ax], n),
    new LaneIO(out, out.strides[ax], n),
  ];
  forEachLane(src.shape, ax, [src, out], (off) => {
    if (input.readNumbers(off[0], keys)) {
      sorter.sortNumbers(keys, n);
      output.writeNumbers(off[1], keys);
    } else {
      input.read(off[0], wide!);
      output.write(off[1], wide!, sorter.argsort(repr, wide!, n));
    }
  });
  return x.dtype.isNative ? out : out.astype(x.dtype);
}

/** The indices (int64) that sort `a` along `axis`, as np.argsort; stable for every kind. */
export function argsort(a: ArrayInput, axis: number | null = -1, kind?: SortKind | null): NDArray {
  checkKind(kind, 'argsort');
  const { x, axis: ax } = alongAxis(a, axis, 'argsort', true);
  const src = native(x);
  const out = empty(src.shape, 'int64');
  const n = src.shape[ax];
  const repr = reprOf(src.dtype);
  const sorter = new LaneSorter(n);
  const numbers = new Float64Array(n);
  const wide = repr === 'num' ? null : allocate(src.dtype, n);
  const [input, output] = [
    new LaneIO(src, src.strides[ax], n),
    new LaneIO(out, out.strides[ax], n),
  ];
  forEachLane(src.shape, ax, [src, out], (off) => {
    let order: Int32Array;
    if (input.readNumbers(off[0], numbers)) order = sorter.argsortNumbers(numbers, n);
    else {
      input.read(off[0], wide!);
      order = sorter.argsort(repr, wide!, n);
    }
    output.writeIndices(off[1], order);
  });
  return out;
}

/**
 * Indirect stable sort on several keys, as np.lexsort: the last key is the
 * primary one. `keys` is a list of equally shaped arrays, or an array whose
 * first axis runs over the keys.
 */
export function lexsort(keys: ArrayInput, axis = -1): NDArray {
  const list = keyList(keys);
  const shape = list[0].shape;
  for (const k of list) {
    if (k.shape.length !== shape.length || k.shape.some((d, i) => d !== shape[i])) {
      throw fail(
        'ERR_SHAPE_MISMATCH',
        'keys',
        `all keys need to be the same shape: ${formatShape(k.shape)} vs ${formatShape(shape)}`,
        'lexsort',
      );
    }
  }
  if (shape.length === 0) return empty([], 'int64');
  const ax = normalizeAxis(axis, shape.length, 'axis', 'lexsort');
  const srcs = list.map(native);
  const out = empty(shape, 'int64');
  const n = shape[ax];
  const sorter = new LaneSorter(n);
  const bufs = srcs.map((k) => allocate(k.dtype, n));
  const inputs = srcs.map((k) => new LaneIO(k, k.strides[ax], n));
  const output = new LaneIO(out, out.strides[ax], n);
  forEachLane(shape, ax, [out, ...srcs], (off) => {
    const index = sorter.scratch.index;
    for (let i = 0; i < n; i++) index[i] = i;
    srcs.forEach((k, j) => {
      inputs[j].read(off[j + 1], bufs[j]);
      sorter.refine(columnsOf(reprOf(k.dtype), bufs[j], n), n);
    });
    output.writeIndices(off[0], index);
  });
  return out;
}

function keyList(keys: ArrayInput): NDArray[] {
  const list =
    keys instanceof NDArray
      ? keys.ndim === 0
        ? []
        : Array.from({ length: keys.shape[0] }, (_, i) => keys.slice(i))
      : Array.isArray(keys)
        ? keys.map(asArray)
        : [];
  if (list.length === 0) {
    throw fail('ERR_ARGUMENT', 'keys', 'need a sequence of keys with length > 0', 'lexsort');
  }
  return list;
}
