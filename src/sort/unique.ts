// unique (values, first indices, NumPy 2 shaped inverse, counts; whole
// elements or subarrays along an axis), as NumPy's sort-based _unique1d: equal
// neighbours after a stable sort form a group; NaNs (complex: any NaN part)
// form one group with equalNan, none with axis.
import { normalizeAxis } from '../core/shape.js';
import type { ArrayInput } from '../ndarray/create.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { columnsOf, EQUAL, type Equal, isNanAt, LaneSorter } from './order.js';
import { allocate, asArray, type Data, type Flat, flat, fromFlat, indexArray } from './values.js';

export interface UniqueOptions {
  readonly returnIndex?: boolean;
  readonly returnInverse?: boolean;
  readonly returnCounts?: boolean;
  /** Unique subarrays along this axis; null (default) flattens. */
  readonly axis?: number | null;
  /** Collapse NaNs into one (default true); ignored with an axis, as NumPy. */
  readonly equalNan?: boolean;
}

export interface UniqueResult {
  readonly values: NDArray;
  /** First indices of the unique values (along `axis`, or in the flattened array). */
  readonly indices?: NDArray;
  /** Indices into `values` rebuilding the input: a's shape without axis, 1-D with it. */
  readonly inverse?: NDArray;
  readonly counts?: NDArray;
}

/** Groups of equal elements in stable sorted order. */
export interface Groups {
  /** The stable sorting permutation. */
  readonly perm: Int32Array;
  /** Sorted positions where each group starts, then the element count. */
  readonly starts: number[];
  /** The original index standing for each group. */
  readonly representative: Int32Array;
}

/**
 * Sorts `n` elements (perm from the caller) and splits them into groups:
 * `same(p, q)` tells whether original elements p and q are equal, `nan(p)`
 * whether p belongs to the single NaN group (null: no NaN group). With
 * `firstOccurrence` the NaN group's representative is its first element in
 * the input (NumPy's hash path); otherwise its first in sorted order.
 */
function groupSorted(
  perm: Int32Array,
  n: number,
  same: (p: number, q: number) => boolean,
  nan: ((p: number) => boolean) | null,
  firstOccurrence: boolean,
): Groups {
  const starts: number[] = [];
  let nanStart = n;
  if (nan !== null && n > 0 && nan(perm[n - 1])) {
    nanStart = n - 1;
    while (nanStart > 0 && nan(perm[nanStart - 1])) nanStart--;
  }
  for (let i = 0; i < nanStart; i++) {
    if (i === 0 || !same(perm[i - 1], perm[i])) starts.push(i);
  }
  if (nanStart < n) starts.push(nanStart);
  const representative = Int32Array.from(starts, (s) => perm[s]);
  if (firstOccurrence && nanStart < n) {
    let first = perm[nanStart];
    for (let i = nanStart + 1; i < n; i++) first = Math.min(first, perm[i]);
    representative[starts.length - 1] = first;
  }
  starts.push(n);
  return { perm: perm.slice(0, n), starts, representative };
}

/** Groups of the elements of a flat operand (NumPy's 1-D unique). */
export function groupFlat(f: Flat, equalNan: boolean, firstOccurrence: boolean): Groups {
  const perm = new LaneSorter(f.n).argsort(f.repr, f.data, f.n);
  const eq = EQUAL[f.repr];
  const nan = equalNan ? (p: number) => isNanAt(f.repr, f.data, p) : null;
  return groupSorted(perm, f.n, (p, q) => eq(f.data, p, f.data, q), nan, firstOccurrence);
}

/** The sorted unique elements of `f` (representatives as NumPy's hash path picks them). */
export function uniqueFlat(f: Flat): Flat {
  const g = groupFlat(f, true, true);
  return { ...f, ...gather(f, g.representative) };
}

/** f's elements at `take`, as compute data. */
export function gather(f: Flat, take: Int32Array): { data: Data; n: number } {
  const per = f.repr === 'cplx' ? 2 : 1;
  const data = allocate(f.dtype, take.length);
  for (let i = 0; i < take.length; i++) {
    for (let c = 0; c < per; c++) data[per * i + c] = f.data[per * take[i] + c];
  }
  return { data, n: take.length };
}

/** The unique elements of `a`, as np.unique; extra outputs on request. */
export function unique(
  a: ArrayInput,
  options?: UniqueOptions & {
    returnIndex?: false;
    returnInverse?: false;
    returnCounts?: false;
  },
): NDArray;
export function unique(a: ArrayInput, options: UniqueOptions): UniqueResult;
export function unique(a: ArrayInput, options: UniqueOptions = {}): NDArray | UniqueResult {
  const x = asArray(a);
  const wantsMore = !!(options.returnIndex || options.returnInverse || options.returnCounts);
  const axis =
    options.axis === undefined || options.axis === null
      ? null
      : normalizeAxis(options.axis, x.ndim, 'axis', 'unique');
  const along = axis !== null && x.ndim !== 1;
  const result =
    axis !== null && along
      ? uniqueAlong(x, axis)
      : uniqueElements(x, options.equalNan ?? true, !wantsMore);
  if (!wantsMore) return result.values;
  const { groups, values } = result;
  const out: { -readonly [K in keyof UniqueResult]: UniqueResult[K] } = { values };
  const count = groups.representative.length;
  if (options.returnIndex) out.indices = indexArray(groups.representative, [count]);
  if (options.returnInverse) {
    const inverse = new Int32Array(groups.perm.length);
    for (let g = 0; g < count; g++) {
      for (let i = groups.starts[g]; i < groups.starts[g + 1]; i++) inverse[groups.perm[i]] = g;
    }
    out.inverse = indexArray(inverse, along ? [inverse.length] : x.shape);
  }
  if (options.returnCounts) {
    const counts = Array.from({ length: count }, (_, g) => groups.starts[g + 1] - groups.starts[g]);
    out.counts = indexArray(counts, [count]);
  }
  return out;
}

function uniqueElements(x: NDArray, equalNan: boolean, firstOccurrence: boolean) {
  const f = flat(x);
  const groups = groupFlat(f, equalNan, firstOccurrence);
  const values = fromFlat(f, groups.representative);
  return { groups, values: x.dtype.isNative ? values : values.astype(x.dtype) };
}

/**
 * Unique subarrays along `axis`: rows of the array with `axis` moved first,
 * ordered lexicographically field by field (NaNs last), equal when every
 * field is `==` (so rows with NaN never collapse, as in NumPy).
 */
function uniqueAlong(x: NDArray, axis: number) {
  const order = [axis, ...x.shape.map((_, i) => i).filter((i) => i !== axis)];
  const moved = x.transpose(order);
  const rows = moved.shape[0];
  const width = rows === 0 ? 0 : moved.size / rows;
  const f = flat(moved);
  const fields = Array.from({ length: width }, (_, j) => field(f, j, width, rows));
  const sorter = new LaneSorter(rows);
  const perm = sorter.scratch.index;
  for (let i = 0; i < rows; i++) perm[i] = i;
  for (let j = width - 1; j >= 0; j--) sorter.refine(fieldColumns(f, fields[j], rows), rows);
  const eq: Equal = EQUAL[f.repr];
  const same = (p: number, q: number) => fields.every((d) => eq(d, p, d, q));
  const groups = groupSorted(perm, rows, same, null, false);
  const take = Int32Array.from({ length: groups.representative.length * width }, (_, k) => {
    return groups.representative[Math.floor(k / width)] * width + (k % width);
  });
  const shape = [groups.representative.length, ...moved.shape.slice(1)];
  const back = order.map((_, i) => order.indexOf(i));
  const values = fromFlat(f, take, shape).transpose(back).copy();
  return { groups, values: x.dtype.isNative ? values : values.astype(x.dtype) };
}

/**
 * Sort keys of one field of the rows. NumPy compares float16 fields with
 * NaN first (its half compare), every other type with NaN last.
 */
function fieldColumns(f: Flat, data: Data, rows: number): Float64Array[] {
  const columns = columnsOf(f.repr, data, rows);
  if (f.dtype.name === 'float16' && columns.length === 2) {
    columns[0] = columns[0].map((nan) => 1 - nan);
  }
  return columns;
}

/** Column j of `f` seen as `rows` rows of `width` elements. */
function field(f: Flat, j: number, width: number, rows: number): Data {
  const take = Int32Array.from({ length: rows }, (_, i) => i * width + j);
  return gather(f, take).data;
}
