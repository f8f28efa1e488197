// Set routines on flattened arrays, following NumPy's sort-based algorithms:
// intersect1d, union1d, setdiff1d, setxor1d and isin. Operands meet in their
// common dtype; membership is NumPy's `==` (NaN is never found).
import { dtypes } from '../core/dtypes.js';
import { resultType } from '../core/promotion.js';
import type { ArrayInput } from '../ndarray/create.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { EQUAL, LaneSorter, LESS } from './order.js';
import { gather, groupFlat, uniqueFlat } from './unique.js';
import { allocate, asArray, type Flat, flat, fromFlat, indexArray } from './values.js';

export interface IntersectOptions {
  /** Both inputs already hold unique values (skips the unique step). */
  readonly assumeUnique?: boolean;
  /** Also return the first indices of the common values in each (flattened) input. */
  readonly returnIndices?: boolean;
}

export interface IsinOptions {
  /** Accepted as NumPy accepts it; the result does not depend on it. */
  readonly assumeUnique?: boolean;
  /** Return true where the element is NOT in testElements. */
  readonly invert?: boolean;
}

function operands(a: ArrayInput, b: ArrayInput): [NDArray, NDArray] {
  return [asArray(a), asArray(b)];
}

function concat(x: Flat, y: Flat): Flat {
  const per = x.repr === 'cplx' ? 2 : 1;
  const data = allocate(x.dtype, x.n + y.n) as Float64Array;
  data.set(x.data as Float64Array, 0);
  data.set(y.data as Float64Array, per * x.n);
  return { ...x, data, n: x.n + y.n };
}

/** The stable sort of f: sorted data and the permutation. */
function sorted(f: Flat): { s: Flat; perm: Int32Array } {
  const perm = new LaneSorter(f.n).argsort(f.repr, f.data, f.n).slice(0, f.n);
  return { s: { ...f, ...gather(f, perm) }, perm };
}

/** Positions i < n - 1 of sorted `s` where s[i] == s[i + 1]. */
function equalNeighbours(s: Flat): number[] {
  const eq = EQUAL[s.repr];
  const out: number[] = [];
  for (let i = 0; i + 1 < s.n; i++) if (eq(s.data, i, s.data, i + 1)) out.push(i);
  return out;
}

/** The sorted values common to both inputs, as np.intersect1d. */
export function intersect1d(
  a: ArrayInput,
  b: ArrayInput,
  options?: IntersectOptions & { returnIndices?: false },
): NDArray;
export function intersect1d(
  a: ArrayInput,
  b: ArrayInput,
  options: IntersectOptions,
): NDArray | [NDArray, NDArray, NDArray];
export function intersect1d(
  a: ArrayInput,
  b: ArrayInput,
  options: IntersectOptions = {},
): NDArray | [NDArray, NDArray, NDArray] {
  const [x, y] = operands(a, b);
  const common = resultType(x.dtype, y.dtype);
  const picks = [flat(x, common), flat(y, common)].map((f) => {
    if (options.assumeUnique) return { u: f, first: null };
    if (!options.returnIndices) return { u: uniqueFlat(f), first: null };
    const g = groupFlat(f, true, false);
    return { u: { ...f, ...gather(f, g.representative) }, first: g.representative };
  });
  const [p, q] = picks;
  const { s, perm } = sorted(concat(p.u, q.u));
  const at = Int32Array.from(equalNeighbours(s));
  const values = fromFlat(s, at);
  if (!options.returnIndices) return values;
  const i1 = at.map((i) => perm[i]);
  const i2 = at.map((i) => perm[i + 1] - p.u.n);
  const [j1, j2] = [
    p.first === null ? i1 : i1.map((i) => p.first![i]),
    q.first === null ? i2 : i2.map((i) => q.first![i]),
  ];
  return [values, indexArray(j1, [j1.length]), indexArray(j2, [j2.length])];
}

/** The sorted unique values in either input, as np.union1d. */
export function union1d(a: ArrayInput, b: ArrayInput): NDArray {
  const [x, y] = operands(a, b);
  const common = resultType(x.dtype, y.dtype);
  return fromFlat(uniqueFlat(concat(flat(x, common), flat(y, common))));
}

/** The sorted unique values of `a` that are not in `b`, as np.setdiff1d (a's dtype). */
export function setdiff1d(a: ArrayInput, b: ArrayInput, assumeUnique = false): NDArray {
  const [x, y] = operands(a, b);
  const common = resultType(x.dtype, y.dtype);
  const fx = assumeUnique ? flat(x) : uniqueFlat(flat(x));
  const fy = assumeUnique ? flat(y, common) : uniqueFlat(flat(y, common));
  const keep = membership(flat(fromFlat(fx), common), fy, true);
  const take = Int32Array.from({ length: fx.n }, (_, i) => i).filter((i) => keep[i] === 1);
  const out = fromFlat(fx, take);
  return x.dtype.isNative ? out : out.astype(x.dtype);
}

/** The sorted values in exactly one of the inputs, as np.setxor1d. */
export function setxor1d(a: ArrayInput, b: ArrayInput, assumeUnique = false): NDArray {
  const [x, y] = operands(a, b);
  const common = resultType(x.dtype, y.dtype);
  const [fx, fy] = [flat(x, common), flat(y, common)];
  const aux = assumeUnique ? concat(fx, fy) : concat(uniqueFlat(fx), uniqueFlat(fy));
  const { s } = sorted(aux);
  const eq = EQUAL[s.repr];
  const take = Int32Array.from({ length: s.n }, (_, i) => i).filter(
    (i) =>
      !(i > 0 && eq(s.data, i - 1, s.data, i)) && !(i + 1 < s.n && eq(s.data, i, s.data, i + 1)),
  );
  return fromFlat(s, take);
}

/**
 * For each element of `f`, 1 when it equals (NumPy's `==`) an element of
 * `tests` (0 with `invert`): a binary search among the sorted tests.
 */
function membership(f: Flat, tests: Flat, invert: boolean): Uint8Array {
  const { s } = sorted(tests);
  const [less, eq] = [LESS[f.repr], EQUAL[f.repr]];
  const out = new Uint8Array(f.n);
  for (let j = 0; j < f.n; j++) {
    let lo = 0;
    let hi = s.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (less(s.data, mid, f.data, j)) lo = mid + 1;
      else hi = mid;
    }
    const found = lo < s.n && eq(s.data, lo, f.data, j);
    out[j] = found !== invert ? 1 : 0;
  }
  return out;
}

/** Whether each element of `element` is in `testElements` (bool, element's shape), as np.isin. */
export function isin(element: ArrayInput, testElements: ArrayInput, options: IsinOptions = {}) {
  const [x, y] = operands(element, testElements);
  const common = resultType(x.dtype, y.dtype);
  const found = membership(flat(x, common), flat(y, common), options.invert ?? false);
  const out = empty(x.shape, dtypes.bool);
  new Uint8Array(out.buffer).set(found);
  return out;
}
