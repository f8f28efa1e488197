// Parsing a NumPy index tuple (`a[i, 1:3, None, ..., idx, mask]`) into a
// plan: the basic-indexing view V every index is applied to, and the
// advanced indices (integer and boolean arrays) with the axes of V they
// address and where their broadcast dimensions land in the result.
import { fail } from '../core/errors.js';
import { broadcastShapes } from '../core/shape.js';
import { array } from '../ndarray/create.js';
import { type Layout, type SliceSpec, sliceLayout } from '../ndarray/layout.js';
import { NDArray } from '../ndarray/ndarray.js';

/** A JavaScript index list: nested integers (a fancy index) or booleans (a mask). */
export type IndexList = number | bigint | boolean | readonly IndexList[];

/**
 * One entry of `a.get(...)`: an integer, a slice string ('1:5', '::-1'), '...',
 * null or 'newaxis', a SliceObject, an integer or boolean NDArray (an advanced
 * index), a JavaScript array of integers or booleans, or true/false.
 */
export type IndexSpec = SliceSpec | boolean | NDArray | readonly IndexList[];

/** An advanced index: an integer array over one axis of V, or a boolean array over `ndim` axes. */
export interface AdvancedIndex {
  readonly kind: 'int' | 'bool';
  readonly array: NDArray;
  /** First axis of V it addresses (a 0-d boolean addresses the new axis it creates). */
  readonly vAxis: number;
  /** The axis of the indexed array that vAxis came from, for error messages. */
  readonly axis: number;
  /** Position in the index tuple, for error messages. */
  readonly position: number;
}

export interface IndexPlan {
  /** The view every basic index is applied to; advanced axes are kept whole. */
  readonly view: Layout;
  readonly advanced: readonly AdvancedIndex[];
  /** True when the advanced indices sit next to each other in the tuple. */
  readonly adjacent: boolean;
}

const INT_STRING = /^\s*-?\d+\s*$/;

function isAdvanced(spec: IndexSpec): boolean {
  return spec instanceof NDArray || Array.isArray(spec) || typeof spec === 'boolean';
}

function isInteger(spec: IndexSpec): spec is number | string {
  return typeof spec === 'number' || (typeof spec === 'string' && INT_STRING.test(spec));
}

/** An advanced index entry as an integer or boolean NDArray; float arrays are refused. */
function toIndexArray(spec: IndexSpec, position: number): NDArray {
  const argument = `index[${position}]`;
  if (spec instanceof NDArray) {
    if (spec.dtype.kind === 'b' || spec.dtype.kind === 'i' || spec.dtype.kind === 'u') return spec;
    throw fail(
      'ERR_INVALID_INDEX',
      argument,
      'arrays used as indices must be of integer (or boolean) type',
    );
  }
  if (typeof spec === 'boolean') return array(spec);
  const list = array(spec);
  if (list.dtype.kind === 'b' || list.dtype.kind === 'i') return list;
  // An empty list is an integer index, as in NumPy; numbers must be integral.
  const values = list.size === 0 ? [] : (list.ravel().toArray() as number[]);
  if (!values.every(Number.isSafeInteger)) {
    throw fail(
      'ERR_INVALID_INDEX',
      argument,
      'only integers, slices, ellipsis, newaxis and integer or boolean arrays are valid indices',
    );
  }
  return list.astype('int64');
}

/** How many axes of the indexed array an entry consumes. */
function consumes(spec: IndexSpec | NDArray): number {
  if (spec instanceof NDArray) return spec.dtype.kind === 'b' ? spec.ndim : 1;
  if (spec === null || spec === 'newaxis' || spec === '...') return 0;
  return 1;
}

/**
 * Splits an index tuple into the basic view and the advanced indices, as
 * NumPy's prepare_index does. With any advanced index present, integers are
 * advanced too (they count for adjacency: `a[0, :, [1, 2]]` puts the
 * broadcast axis first).
 */
export function planIndex(l: Layout, specs: readonly IndexSpec[]): IndexPlan {
  const anyAdvanced = specs.some(isAdvanced);
  if (!anyAdvanced)
    return { view: sliceLayout(l, specs as SliceSpec[]), advanced: [], adjacent: true };
  const entries = specs.map((s, position) => {
    if (isAdvanced(s)) return toIndexArray(s, position);
    if (isInteger(s)) {
      if (!Number.isInteger(Number(s)))
        throw fail('ERR_INVALID_INDEX', `index[${position}]`, `index ${s} is not an integer`);
      return array(BigInt(Number(s)), { dtype: 'int64' });
    }
    return s as SliceSpec;
  });
  const ndim = l.shape.length;
  const consumed = entries.reduce((n: number, e) => n + consumes(e), 0);
  if (consumed > ndim) {
    throw fail(
      'ERR_TOO_MANY_INDICES',
      'index',
      `too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed`,
    );
  }
  const rewritten: SliceSpec[] = [];
  const advanced: AdvancedIndex[] = [];
  let vAxis = 0;
  let axis = 0;
  entries.forEach((e, position) => {
    if (!(e instanceof NDArray)) {
      rewritten.push(e);
      const span = e === '...' ? ndim - consumed : 1;
      vAxis += span;
      if (e !== null && e !== 'newaxis') axis += span;
      return;
    }
    const kind = e.dtype.kind === 'b' ? 'bool' : 'int';
    advanced.push({ kind, array: e, vAxis, axis, position });
    if (kind === 'bool' && e.ndim === 0) {
      rewritten.push(null);
      vAxis += 1;
      return;
    }
    const span = kind === 'bool' ? e.ndim : 1;
    for (let k = 0; k < span; k++) rewritten.push(':');
    vAxis += span;
    axis += span;
  });
  const view = sliceLayout(l, rewritten);
  for (const a of advanced) if (a.kind === 'bool') checkMask(a, view);
  const positions = advanced.map((a) => a.position);
  const adjacent = positions[positions.length - 1] - positions[0] === positions.length - 1;
  return { view, advanced, adjacent };
}

function checkMask(a: AdvancedIndex, view: Layout): void {
  a.array.shape.forEach((d, k) => {
    const n = view.shape[a.vAxis + k];
    if (d !== n) {
      throw fail(
        'ERR_INVALID_INDEX',
        `index[${a.position}]`,
        `boolean index did not match indexed array along axis ${a.axis + k}; size of axis is ${n} but size of corresponding boolean axis is ${d}`,
      );
    }
  });
}

/** The shape the advanced indices broadcast to (a k-d mask counts as its number of true entries). */
export function broadcastShape(shapes: readonly (readonly number[])[]): number[] {
  try {
    return broadcastShapes(shapes);
  } catch {
    const all = shapes.map((s) => `(${s.join(',')}${s.length === 1 ? ',' : ''})`).join(' ');
    throw fail(
      'ERR_INVALID_INDEX',
      'index',
      `shape mismatch: indexing arrays could not be broadcast together with shapes ${all}`,
    );
  }
}

/**
 * The result shape of an indexing plan whose advanced indices broadcast to
 * `b`: where the broadcast axes start, and the axes of V the rest come from.
 */
export function resultShape(
  plan: IndexPlan,
  b: readonly number[],
): { shape: number[]; first: number; vAxes: number[] } {
  const taken = new Set<number>();
  for (const a of plan.advanced) {
    const span = a.kind === 'bool' ? Math.max(a.array.ndim, 1) : 1;
    for (let k = 0; k < span; k++) taken.add(a.vAxis + k);
  }
  const vAxes = plan.view.shape.flatMap((_, i) => (taken.has(i) ? [] : [i]));
  const rest = vAxes.map((i) => plan.view.shape[i]);
  const first = plan.adjacent ? Math.min(...taken) : 0;
  return { shape: [...rest.slice(0, first), ...b, ...rest.slice(first)], first, vAxes };
}

/** A scalar stored by one number per axis, or by one flat number when `flat` (set(i, v) as item(i)). */
export function isElementIndex(
  index: NDArray | readonly IndexSpec[],
  value: unknown,
  ndim: number,
  flat: boolean,
): index is readonly number[] {
  const scalar = !(value instanceof NDArray || Array.isArray(value) || ArrayBuffer.isView(value));
  return (
    scalar &&
    Array.isArray(index) &&
    (index.length === ndim || (flat && index.length === 1)) &&
    index.every((k) => typeof k === 'number')
  );
}
