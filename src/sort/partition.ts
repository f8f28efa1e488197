// partition and argpartition: after the call the element at each kth position
// is the one a sort would put there, smaller or equal ones come before it and
// greater or equal ones after (NaNs last). Numbers (int64/uint64 within
// +-2^53 too) go through a three-way quickselect with pseudo-random
// median-of-three pivots; other lanes are fully sorted, which satisfies the
// same contract.
import { fail } from '../core/errors.js';
import type { ArrayInput } from '../ndarray/create.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { LaneSorter } from './order.js';
import { alongAxis } from './sort.js';
import { allocate, forEachLane, LaneIO, native, reprOf } from './values.js';

/** NumPy's only partition kind. */
export type PartitionKind = 'introselect';

function checkPartitionKind(kind: PartitionKind | undefined | null, routine: string): void {
  if (kind === undefined || kind === null || kind === 'introselect') return;
  throw fail('ERR_OPTION', 'kind', `unknown partition kind '${String(kind)}'`, routine);
}

/** The kth positions, made non-negative, unique and ascending; typed errors when out of range. */
function kthList(kth: number | readonly number[], n: number, routine: string): number[] {
  const list = typeof kth === 'number' ? [kth] : kth;
  const out = list.map((k) => {
    if (!Number.isInteger(k)) throw fail('ERR_ARGUMENT', 'kth', 'kth must be an integer', routine);
    if (k < -n || k >= n)
      throw fail('ERR_VALUE', 'kth', `kth(=${k}) out of bounds (${n})`, routine);
    return k < 0 ? k + n : k;
  });
  return [...new Set(out)].sort((a, b) => a - b);
}

/** A copy of `a` partitioned along `axis` around the `kth` positions, as np.partition. */
export function partition(
  a: ArrayInput,
  kth: number | readonly number[],
  axis: number | null = -1,
  kind?: PartitionKind | null,
): NDArray {
  checkPartitionKind(kind, 'partition');
  const { x, axis: ax } = alongAxis(a, axis, 'partition');
  const src = native(x);
  const n = src.shape[ax];
  const ks = kthList(kth, n, 'partition');
  const out = empty(src.shape, src.dtype);
  const repr = reprOf(src.dtype);
  const sorter = new LaneSorter(n);
  const select = new Selector(n);
  const numbers = new Float64Array(n);
  const wide = repr === 'num' ? null : allocate(src.dtype, n);
  const [input, output] = [
    new LaneIO(src, src.strides[ax], n),
    new LaneIO(out, out.strides[ax], n),
  ];
  forEachLane(src.shape, ax, [src, out], (off) => {
    if (input.readNumbers(off[0], numbers)) {
      select.values(numbers, n, ks);
      output.writeNumbers(off[1], numbers);
    } else {
      input.read(off[0], wide!);
      output.write(off[1], wide!, sorter.argsort(repr, wide!, n));
    }
  });
  return x.dtype.isNative ? out : out.astype(x.dtype);
}

/** The int64 indices that partition `a` along `axis` around `kth`, as np.argpartition. */
export function argpartition(
  a: ArrayInput,
  kth: number | readonly number[],
  axis: number | null = -1,
  kind?: PartitionKind | null,
): NDArray {
  checkPartitionKind(kind, 'argpartition');
  const { x, axis: ax } = alongAxis(a, axis, 'argpartition', true);
  const src = native(x);
  const n = src.shape[ax];
  const ks = kthList(kth, n, 'argpartition');
  const out = empty(src.shape, 'int64');
  const repr = reprOf(src.dtype);
  const sorter = new LaneSorter(n);
  const select = new Selector(n);
  const numbers = new Float64Array(n);
  const wide = repr === 'num' ? null : allocate(src.dtype, n);
  const [input, output] = [
    new LaneIO(src, src.strides[ax], n),
    new LaneIO(out, out.strides[ax], n),
  ];
  forEachLane(src.shape, ax, [src, out], (off) => {
    let order: Int32Array;
    if (input.readNumbers(off[0], numbers)) order = select.indices(numbers, n, ks);
    else {
      input.read(off[0], wide!);
      order = sorter.argsort(repr, wide!, n);
    }
    output.writeIndices(off[1], order);
  });
  return out;
}

/** Quickselect over numbers with NaNs moved last, optionally carrying indices. */
class Selector {
  readonly #index: Int32Array;
  readonly #nanAt: Int32Array;
  readonly #nans: Float64Array;
  #seed = 0x2545f491;

  constructor(capacity: number) {
    this.#index = new Int32Array(capacity);
    this.#nanAt = new Int32Array(capacity);
    this.#nans = new Float64Array(capacity);
  }

  /** Partitions vals[0, n) in place around the ascending positions `ks`. */
  values(vals: Float64Array, n: number, ks: readonly number[]): void {
    let m = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (Number.isNaN(v)) this.#nans[k++] = v;
      else vals[m++] = v;
    }
    vals.set(this.#nans.subarray(0, k), m);
    this.#selectAll(vals, null, m, ks);
  }

  /** The indices partitioning vals[0, n) around `ks`; vals is reordered alongside. */
  indices(vals: Float64Array, n: number, ks: readonly number[]): Int32Array {
    const index = this.#index;
    let m = 0;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const v = vals[i];
      if (Number.isNaN(v)) this.#nanAt[k++] = i;
      else {
        vals[m] = v;
        index[m++] = i;
      }
    }
    index.set(this.#nanAt.subarray(0, k), m);
    this.#selectAll(vals, index, m, ks);
    return index;
  }

  #selectAll(x: Float64Array, ix: Int32Array | null, m: number, ks: readonly number[]): void {
    let lo = 0;
    for (const k of ks) {
      if (k >= m) return;
      this.#select(x, ix, lo, m, k);
      lo = k + 1;
    }
  }

  /** Puts the k-th smallest of x[lo, hi) at k with smaller before and larger after. */
  #select(x: Float64Array, ix: Int32Array | null, lo: number, hi: number, k: number): void {
    while (hi - lo > 16) {
      const p = this.#pivot(x, lo, hi);
      // Three-way split: [lo, lt) < p, [lt, gt) == p, [gt, hi) > p.
      let lt = lo;
      let gt = hi;
      let i = lo;
      while (i < gt) {
        const v = x[i];
        if (v < p) swap(x, ix, lt++, i++);
        else if (v > p) swap(x, ix, i, --gt);
        else i++;
      }
      if (k < lt) hi = lt;
      else if (k >= gt) lo = gt;
      else return;
    }
    for (let i = lo + 1; i < hi; i++) {
      for (let j = i; j > lo && x[j - 1] > x[j]; j--) swap(x, ix, j, j - 1);
    }
  }

  /** Median of three pseudo-random elements (a fixed xorshift: results are reproducible). */
  #pivot(x: Float64Array, lo: number, hi: number): number {
    const pick = () => {
      let s = this.#seed;
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      this.#seed = s;
      return x[lo + ((s >>> 0) % (hi - lo))];
    };
    const [a, b, c] = [pick(), pick(), pick()];
    return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
  }
}

function swap(x: Float64Array, ix: Int32Array | null, i: number, j: number): void {
  const t = x[i];
  x[i] = x[j];
  x[j] = t;
  if (ix !== null) {
    const u = ix[i];
    ix[i] = ix[j];
    ix[j] = u;
  }
}
