// Editing along an axis: insert and delete (new arrays, NumPy's rules for a
// scalar index, index lists, boolean masks and slices) and trimZeros (a view
// without the leading and trailing zeros).
import { fail } from '../core/errors.js';
import { normalizeAxes, normalizeAxis } from '../core/shape.js';
import { truth } from '../indexing/select.js';
import { type ArrayLike, asArray, int64Array, integerArray } from '../indexing/take.js';
import { countTrue, readIntegers, walkMask } from '../indexing/walk.js';
import { array } from '../ndarray/create.js';
import { type SliceObject, sliceIndices } from '../ndarray/layout.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { moveaxis } from './dims.js';

/** Where insert and delete act: an index, a list or array of indices, a boolean mask, or a slice. */
export type EditIndex = number | readonly (number | boolean)[] | NDArray | SliceObject;

function isSlice(obj: EditIndex): obj is SliceObject {
  return typeof obj === 'object' && !Array.isArray(obj) && !(obj instanceof NDArray);
}

/** What integerArray should read: a JavaScript list as given (an empty one is integral). */
function indexSource(obj: EditIndex, converted: NDArray): unknown {
  if (converted.size === 0) return [];
  return obj instanceof NDArray || typeof obj === 'number' ? converted : obj;
}

/** The positions a slice selects in an axis of length n. */
function slicePositions(s: SliceObject, n: number): number[] {
  const { first, step, length } = sliceIndices(
    n,
    s.start ?? null,
    s.stop ?? null,
    s.step ?? null,
    'obj',
  );
  return Array.from({ length }, (_, i) => first + i * step);
}

/** The C-order positions where a 1-D mask holds. */
function maskPositions(mask: NDArray): number[] {
  const out: number[] = [];
  walkMask(truth(mask), [1], 0, (off) => out.push(off));
  return out;
}

/** `arr` flattened when axis is null, and the axis acted on. */
function target(arr: ArrayLike, axis: number | null, routine: string): [NDArray, number] {
  const a = asArray(arr);
  if (axis === null) return [a.ndim === 1 ? a : a.ravel(), 0];
  return [a, normalizeAxis(axis, a.ndim, 'axis', routine)];
}

function outOfBounds(index: number, axis: number, n: number, routine: string): never {
  throw fail(
    'ERR_INDEX_OUT_OF_BOUNDS',
    'obj',
    `index ${index} is out of bounds for axis ${axis} with size ${n}`,
    routine,
  );
}

/**
 * NumPy's insert: `values` placed before the given indices along `axis` (of
 * the flattened array when null), cast to arr's dtype. A scalar index inserts
 * `values` as a block (its first axis moved to `axis`); a list inserts one
 * slice per index, at the positions the indices have in the original array.
 */
export function insert(
  arr: ArrayLike,
  obj: EditIndex,
  values: ArrayLike,
  axis: number | null = null,
): NDArray {
  const [a, ax] = target(arr, axis, 'insert');
  const n = a.shape[ax];
  const lead = new Array<string>(ax).fill(':');
  let positions: number[];
  let scalar = typeof obj === 'number';
  if (isSlice(obj)) positions = slicePositions(obj, n);
  else if (typeof obj === 'number') positions = [obj];
  else {
    const o = obj instanceof NDArray ? obj : array(obj);
    if (o.dtype.kind === 'b' && o.size > 0) {
      if (o.ndim !== 1)
        throw fail(
          'ERR_VALUE',
          'obj',
          'boolean array argument obj to insert must be one dimensional',
          'insert',
        );
      positions = maskPositions(o);
    } else {
      if (o.ndim > 1)
        throw fail(
          'ERR_VALUE',
          'obj',
          'index array argument obj to insert must be one dimensional or scalar',
          'insert',
        );
      positions = Array.from(readIntegers(integerArray(indexSource(obj, o), 'obj', 'insert')));
      scalar = o.ndim === 0;
    }
  }
  const typed =
    values instanceof NDArray ? values.astype(a.dtype) : array(values, { dtype: a.dtype });
  if (positions.length === 1) {
    const index = positions[0];
    if (index < -n || index > n) outOfBounds(index, ax, n, 'insert');
    const at = index < 0 ? index + n : index;
    let v = typed.reshape([
      ...new Array<number>(Math.max(a.ndim - typed.ndim, 0)).fill(1),
      ...typed.shape,
    ]);
    if (scalar) v = moveaxis(v, 0, ax);
    const count = v.shape[ax];
    const shape = a.shape.slice();
    shape[ax] += count;
    const out = empty(shape, a.dtype);
    out.slice(...lead, { stop: at }).assign(a.slice(...lead, { stop: at }));
    out.slice(...lead, { start: at, stop: at + count }).assign(v);
    out.slice(...lead, { start: at + count }).assign(a.slice(...lead, { start: at }));
    return out;
  }
  // Each index moves by the number of insertions before it (a stable order of the indices).
  const normalized = positions.map((p) => (p < 0 ? p + n : p));
  const order = normalized.map((_, i) => i).sort((x, y) => normalized[x] - normalized[y]);
  order.forEach((i, rank) => {
    normalized[i] += rank;
  });
  const shape = a.shape.slice();
  shape[ax] += normalized.length;
  const out = empty(shape, a.dtype);
  const old = new Array<boolean>(shape[ax]).fill(true);
  for (const p of normalized) {
    if (p < 0 || p >= shape[ax]) outOfBounds(p, ax, shape[ax], 'insert');
    old[p] = false;
  }
  out.set([...lead, int64Array([normalized.length], Float64Array.from(normalized))], typed);
  out.set([...lead, array(old, { dtype: 'bool' })], a);
  return out;
}

/**
 * NumPy's delete: a new array without the slices at the given indices (or
 * where a boolean mask of the axis' length holds, or in a slice) along
 * `axis` (of the flattened array when null).
 */
export function deleteItems(arr: ArrayLike, obj: EditIndex, axis: number | null = null): NDArray {
  const [a, ax] = target(arr, axis, 'delete');
  const n = a.shape[ax];
  const keep = new Array<boolean>(n).fill(true);
  if (isSlice(obj)) {
    for (const p of slicePositions(obj, n)) keep[p] = false;
  } else {
    const o =
      typeof obj === 'number' ? array(BigInt(obj)) : obj instanceof NDArray ? obj : array(obj);
    if (o.dtype.kind === 'b' && o.size > 0) {
      if (o.ndim !== 1 || o.shape[0] !== n) {
        throw fail(
          'ERR_VALUE',
          'obj',
          `boolean array argument obj to delete must be one dimensional and match the axis length of ${n}`,
          'delete',
        );
      }
      for (const p of maskPositions(o)) keep[p] = false;
    } else {
      for (const p of readIntegers(integerArray(indexSource(obj, o), 'obj', 'delete'))) {
        if (p < -n || p >= n) outOfBounds(p, ax, n, 'delete');
        keep[p < 0 ? p + n : p] = false;
      }
    }
  }
  return a.get(...new Array<string>(ax).fill(':'), array(keep, { dtype: 'bool' }));
}

/**
 * NumPy's trim_zeros: a view of `filt` without the leading ('f') and/or
 * trailing ('b') zeros along the given axes (all by default). An all-zero
 * array gives an empty view.
 */
export function trimZeros(
  filt: ArrayLike,
  trim = 'fb',
  axis?: number | readonly number[],
): NDArray {
  const a = asArray(filt);
  const mode = trim.toLowerCase();
  if (!['fb', 'bf', 'f', 'b'].includes(mode))
    throw fail('ERR_VALUE', 'trim', `unexpected character(s) in \`trim\`: '${trim}'`, 'trimZeros');
  const axes =
    axis === undefined
      ? a.shape.map((_, k) => k)
      : normalizeAxes(typeof axis === 'number' ? [axis] : axis, a.ndim);
  if (axes.length === 0) return a;
  // The bounding box of the nonzero elements.
  const lo = a.shape.map(() => Number.POSITIVE_INFINITY);
  const hi = a.shape.map(() => -1);
  const mask = truth(a);
  const bytes = new Uint8Array(mask.buffer);
  const coords = a.shape.map(() => 0);
  const found = countTrue(mask) > 0;
  for (let flat = 0; found && flat < a.size; flat++) {
    let off = mask.byteOffset;
    coords.forEach((c, k) => {
      off += c * mask.strides[k];
    });
    if (bytes[off] !== 0) {
      coords.forEach((c, k) => {
        lo[k] = Math.min(lo[k], c);
        hi[k] = Math.max(hi[k], c);
      });
    }
    for (let k = a.ndim - 1; k >= 0 && ++coords[k] === a.shape[k]; k--) coords[k] = 0;
  }
  const specs = a.shape.map((_, k): SliceObject | string => {
    if (!axes.includes(k)) return ':';
    if (!found) return { start: 0, stop: 0 };
    return {
      start: mode.includes('f') ? lo[k] : null,
      stop: mode.includes('b') ? hi[k] + 1 : null,
    };
  });
  return a.slice(...specs);
}
