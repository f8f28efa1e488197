// NumPy's sort order on compute values, for one lane at a time: NaNs last (in
// input order), -0 equal to +0, int64/uint64 exact, complex lexicographic with
// NaNs last by NumPy's rules. Every order produced is stable, so it is the
// result of NumPy's kind='stable' and a valid result of every other kind.
import { SortScratch } from './radix.js';
import type { Data, Repr } from './values.js';

/** Sorts lanes of up to `capacity` elements, reusing its buffers from lane to lane. */
export class LaneSorter {
  readonly scratch: SortScratch;
  readonly #capacity: number;
  #nans: Float64Array | null = null;
  #nanAt: Int32Array | null = null;
  #signs: Uint8Array | null = null;

  constructor(capacity: number) {
    this.scratch = new SortScratch(capacity);
    this.#capacity = capacity;
  }

  /**
   * Sorts the numbers vals[0, n) in place (vals may be `scratch.keys`): NaNs
   * move to the end in input order, zeros keep their input order of signs.
   */
  sortNumbers(vals: Float64Array, n: number): void {
    const s = this.scratch;
    const keys = s.keys;
    let m = 0;
    let k = 0;
    let zeros = 0;
    let negative = false;
    // The NaN and sign buffers are made on the first NaN and the first zero.
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (Number.isNaN(v)) (this.#nans ??= new Float64Array(this.#capacity))[k++] = v;
      else if (v === 0) {
        const neg = 1 / v < 0;
        negative ||= neg;
        (this.#signs ??= new Uint8Array(this.#capacity))[zeros++] = neg ? 1 : 0;
        keys[m++] = 0;
      } else keys[m++] = v;
    }
    s.sortKeys(m);
    if (negative) {
      const [p, signs] = [firstNotBelow(keys, m, 0), this.#signs!];
      for (let z = 0; z < zeros; z++) keys[p + z] = signs[z] === 1 ? -0 : 0;
    }
    if (keys !== vals) vals.set(keys.subarray(0, m));
    if (k > 0) vals.set(this.#nans!.subarray(0, k), m);
  }

  /** The stable sorting permutation of the numbers vals[0, n) (in scratch.index). */
  argsortNumbers(vals: Float64Array, n: number): Int32Array {
    const s = this.scratch;
    const { keys, index } = s;
    let m = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (Number.isNaN(v)) (this.#nanAt ??= new Int32Array(this.#capacity))[k++] = i;
      else {
        keys[m] = v === 0 ? 0 : v;
        index[m++] = i;
      }
    }
    s.sortPairs(m);
    if (k > 0) index.set(this.#nanAt!.subarray(0, k), m);
    return index;
  }

  /** The stable sorting permutation of `n` compute values of any representation. */
  argsort(repr: Repr, data: Data, n: number): Int32Array {
    if (repr === 'num') return this.argsortNumbers(data as Float64Array, n);
    const index = this.scratch.index;
    for (let i = 0; i < n; i++) index[i] = i;
    this.refine(columnsOf(repr, data, n), n);
    return index;
  }

  /**
   * Refines the order in scratch.index[0, n) by `columns` (most significant
   * first), stably: one stable pass per column, least significant first.
   */
  refine(columns: readonly Float64Array[], n: number): void {
    const s = this.scratch;
    const { keys, index } = s;
    for (let c = columns.length - 1; c >= 0; c--) {
      const col = columns[c];
      for (let i = 0; i < n; i++) keys[i] = col[index[i]];
      s.sortPairs(n);
    }
  }
}

/** The first position of sorted x[0, n) holding a value >= v. */
function firstNotBelow(x: Float64Array, n: number, v: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sort keys of `n` compute values as float64 columns, most significant first,
 * free of NaN and -0: lexicographic order of the columns is NumPy's order.
 */
export function columnsOf(repr: Repr, data: Data, n: number): Float64Array[] {
  return COLUMNS[repr](data, n);
}

const canonical = (v: number) => (Number.isNaN(v) || v === 0 ? 0 : v);

const COLUMNS: Readonly<Record<Repr, (data: Data, n: number) => Float64Array[]>> = {
  num: (data, n) => {
    const x = data as Float64Array;
    const v = new Float64Array(n);
    let nan: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      const y = x[i];
      if (Number.isNaN(y)) {
        nan ??= new Float64Array(n);
        nan[i] = 1;
      }
      v[i] = canonical(y);
    }
    return nan === null ? [v] : [nan, v];
  },
  big: (data, n) => {
    // Low and high 32-bit words (little-endian); int64's high word is signed.
    const words = new Uint32Array(data.buffer, data.byteOffset, 2 * n);
    const signed = data instanceof BigInt64Array;
    const hi = new Float64Array(n);
    const lo = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      lo[i] = words[2 * i];
      hi[i] = signed ? words[2 * i + 1] | 0 : words[2 * i + 1];
    }
    return [hi, lo];
  },
  cplx: (data, n) => {
    // NumPy's complex order: [R + Rj, R + nanj, nan + Rj, nan + nanj], each
    // group sorted by its non-NaN parts.
    const z = data as Float64Array;
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    let group: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      const [r, j] = [z[2 * i], z[2 * i + 1]];
      const g = (Number.isNaN(r) ? 2 : 0) + (Number.isNaN(j) ? 1 : 0);
      if (g !== 0) {
        group ??= new Float64Array(n);
        group[i] = g;
      }
      re[i] = canonical(r);
      im[i] = canonical(j);
    }
    return group === null ? [re, im] : [group, re, im];
  },
};

/** x[i] < y[j] in NumPy's sort order (NaNs last). */
export type Less = (x: Data, i: number, y: Data, j: number) => boolean;

export const LESS: Readonly<Record<Repr, Less>> = {
  num: (x, i, y, j) => {
    const [a, b] = [x[i] as number, y[j] as number];
    return a < b || (Number.isNaN(b) && !Number.isNaN(a));
  },
  big: (x, i, y, j) => x[i] < y[j],
  cplx: (x, i, y, j) => {
    const [ar, ai, br, bi] = [x[2 * i], x[2 * i + 1], y[2 * j], y[2 * j + 1]] as number[];
    if (ar < br) return !Number.isNaN(ai) || Number.isNaN(bi);
    if (ar > br) return Number.isNaN(bi) && !Number.isNaN(ai);
    if (ar === br || (Number.isNaN(ar) && Number.isNaN(br)))
      return ai < bi || (Number.isNaN(bi) && !Number.isNaN(ai));
    return Number.isNaN(br);
  },
};

/** x[i] == y[j] as NumPy's `==` (NaN unequal to everything). */
export type Equal = (x: Data, i: number, y: Data, j: number) => boolean;

export const EQUAL: Readonly<Record<Repr, Equal>> = {
  num: (x, i, y, j) => x[i] === y[j],
  big: (x, i, y, j) => x[i] === y[j],
  cplx: (x, i, y, j) => x[2 * i] === y[2 * j] && x[2 * i + 1] === y[2 * j + 1],
};

/** Whether element i of `x` is or contains a NaN. */
export function isNanAt(repr: Repr, x: Data, i: number): boolean {
  if (repr === 'big') return false;
  if (repr === 'num') return Number.isNaN(x[i]);
  return Number.isNaN(x[2 * i]) || Number.isNaN(x[2 * i + 1]);
}
