// The sorting engine: a most-significant-digit radix sort of float64 keys by
// their IEEE bits made order-preserving (negative keys have every bit flipped,
// others only the sign bit), with insertion sort at the leaves. Counting
// scatters and insertion sort are both stable, so pairs (key, index) sort
// stably. Keys must not be NaN; callers move NaNs out first. -0 sorts before
// +0 here, so callers that need them equal store both as +0.
//
// Loops touch as few typed arrays as possible: V8 reloads each array's map,
// length and data pointer after every typed-array store.

/** Most bits one counting pass looks at (2048 buckets: counts stay in L1). */
const MAX_BITS = 11;
/** Ranges this short go to insertion sort. */
const LEAF = 32;
const SIGN = 0x80000000;

/** Keys, an optional index payload, and the scratch the engine reuses between lanes. */
export class SortScratch {
  /** The keys to sort; the sorted keys land here. */
  readonly keys: Float64Array;
  readonly #keys2: Float64Array;
  readonly #bits: readonly [Uint32Array, Uint32Array];
  readonly #counts: Int32Array[] = [];
  #index: readonly [Int32Array, Int32Array] | null = null;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.#keys2 = new Float64Array(capacity);
    this.#bits = [new Uint32Array(this.keys.buffer), new Uint32Array(this.#keys2.buffer)];
  }

  /** The payload that moves with the keys (sortPairs); allocated on first use. */
  get index(): Int32Array {
    return this.#pairIndex()[0];
  }

  /** Sorts keys[0, n) ascending. */
  sortKeys(n: number): void {
    this.#run(n, false);
  }

  /** Sorts the pairs (keys[i], index[i]) for i < n by key, stably. */
  sortPairs(n: number): void {
    this.#run(n, true);
  }

  #pairIndex(): readonly [Int32Array, Int32Array] {
    this.#index ??= [new Int32Array(this.keys.length), new Int32Array(this.keys.length)];
    return this.#index;
  }

  #run(n: number, pairs: boolean): void {
    if (n <= LEAF) {
      if (pairs) insertPairs(this.keys, this.index, 0, n);
      else insertKeys(this.keys, 0, n);
      return;
    }
    if (ascending(this.keys, n)) return;
    const top = differingBits(this.#bits[0], 0, n);
    if (top === 0) return;
    const job: Job = {
      keys: [this.keys, this.#keys2],
      bits: this.#bits,
      index: pairs ? this.#pairIndex() : null,
      counts: this.#counts,
    };
    radix(job, 0, 0, n, top, 0);
  }
}

interface Job {
  readonly keys: readonly [Float64Array, Float64Array];
  readonly bits: readonly [Uint32Array, Uint32Array];
  readonly index: readonly [Int32Array, Int32Array] | null;
  readonly counts: Int32Array[];
}

/** Already in order (then stable as it is). */
function ascending(x: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (x[i - 1] > x[i]) return false;
  return true;
}

/**
 * One more than the highest bit position where the transformed keys of
 * [lo, hi) differ (0 when all are identical): all share the bits above it.
 */
function differingBits(bits: Uint32Array, lo: number, hi: number): number {
  let andHi = -1;
  let orHi = 0;
  let andLo = -1;
  let orLo = 0;
  for (let i = lo; i < hi; i++) {
    const h = bits[2 * i + 1];
    const f = h >> 31;
    const kh = h ^ (f | SIGN);
    const kl = bits[2 * i] ^ f;
    andHi &= kh;
    orHi |= kh;
    andLo &= kl;
    orLo |= kl;
  }
  const high = andHi ^ orHi;
  if (high !== 0) return 64 - Math.clz32(high);
  const low = andLo ^ orLo;
  return low === 0 ? 0 : 32 - Math.clz32(low);
}

function countsAt(job: Job, depth: number): Int32Array {
  let c = job.counts[depth];
  if (c === undefined) {
    c = new Int32Array(1 << MAX_BITS);
    job.counts[depth] = c;
  }
  return c;
}

/**
 * Sorts [lo, hi) of buffer `src` (0 or 1) on the key bits below `top`; the
 * result always lands in buffer 0. Digits never straddle the two 32-bit words.
 */
function radix(job: Job, src: number, lo: number, hi: number, top: number, depth: number): void {
  const n = hi - lo;
  if (n <= LEAF || top === 0) {
    leaf(job, src, lo, hi);
    return;
  }
  const floor = top > 32 ? 32 : 0;
  const b = Math.min(MAX_BITS, top - floor, Math.max(1, 28 - Math.clz32(n)));
  const shift = top - b;
  const mask = (1 << b) - 1;
  const c = countsAt(job, depth);
  c.fill(0, 0, mask + 1);
  const bits = job.bits[src];
  if (floor === 32) histHi(bits, lo, hi, shift - 32, mask, c);
  else histLo(bits, lo, hi, shift, mask, c);
  let at = lo;
  let single = false;
  for (let k = 0; k <= mask; k++) {
    const v = c[k];
    if (v === n) single = true;
    c[k] = at;
    at += v;
  }
  if (single) {
    // Runs of equal keys would otherwise cost one counting pass per digit;
    // all-equal ranges go to the leaf, where insertion sort is linear.
    const next = differingBits(bits, lo, hi);
    if (next === 0) leaf(job, src, lo, hi);
    else radix(job, src, lo, hi, next, depth);
    return;
  }
  const dst = 1 - src;
  const [x, y] = [job.keys[src], job.keys[dst]];
  const s = floor === 32 ? shift - 32 : shift;
  if (job.index === null) {
    if (floor === 32) scatterHi(bits, x, y, lo, hi, s, mask, c);
    else scatterLo(bits, x, y, lo, hi, s, mask, c);
  } else {
    const [ix, iy] = [job.index[src], job.index[dst]];
    if (floor === 32) scatterPairsHi(bits, x, y, ix, iy, lo, hi, s, mask, c);
    else scatterPairsLo(bits, x, y, ix, iy, lo, hi, s, mask, c);
  }
  // c[k] is now the end of bucket k; deeper levels use their own counts.
  let start = lo;
  for (let k = 0; k <= mask; k++) {
    const end = c[k];
    if (end - start > 1) radix(job, dst, start, end, shift, depth + 1);
    else if (end - start === 1 && dst === 1) leaf(job, 1, start, end);
    start = end;
  }
}

function leaf(job: Job, src: number, lo: number, hi: number): void {
  const x = job.keys[0];
  if (src === 1) x.set(job.keys[1].subarray(lo, hi), lo);
  if (job.index === null) {
    insertKeys(x, lo, hi);
    return;
  }
  const ix = job.index[0];
  if (src === 1) ix.set(job.index[1].subarray(lo, hi), lo);
  insertPairs(x, ix, lo, hi);
}

function histHi(bits: Uint32Array, lo: number, hi: number, s: number, m: number, c: Int32Array) {
  for (let i = lo; i < hi; i++) {
    const h = bits[2 * i + 1];
    c[((h ^ ((h >> 31) | SIGN)) >>> s) & m]++;
  }
}

function histLo(bits: Uint32Array, lo: number, hi: number, s: number, m: number, c: Int32Array) {
  for (let i = lo; i < hi; i++) {
    c[((bits[2 * i] ^ (bits[2 * i + 1] >> 31)) >>> s) & m]++;
  }
}

function scatterHi(
  bits: Uint32Array,
  x: Float64Array,
  y: Float64Array,
  lo: number,
  hi: number,
  s: number,
  m: number,
  c: Int32Array,
) {
  for (let i = lo; i < hi; i++) {
    const h = bits[2 * i + 1];
    y[c[((h ^ ((h >> 31) | SIGN)) >>> s) & m]++] = x[i];
  }
}

function scatterLo(
  bits: Uint32Array,
  x: Float64Array,
  y: Float64Array,
  lo: number,
  hi: number,
  s: number,
  m: number,
  c: Int32Array,
) {
  for (let i = lo; i < hi; i++) {
    y[c[((bits[2 * i] ^ (bits[2 * i + 1] >> 31)) >>> s) & m]++] = x[i];
  }
}

function scatterPairsHi(
  bits: Uint32Array,
  x: Float64Array,
  y: Float64Array,
  ix: Int32Array,
  iy: Int32Array,
  lo: number,
  hi: number,
  s: number,
  m: number,
  c: Int32Array,
) {
  for (let i = lo; i < hi; i++) {
    const h = bits[2 * i + 1];
    const j = c[((h ^ ((h >> 31) | SIGN)) >>> s) & m]++;
    y[j] = x[i];
    iy[j] = ix[i];
  }
}

function scatterPairsLo(
  bits: Uint32Array,
  x: Float64Array,
  y: Float64Array,
  ix: Int32Array,
  iy: Int32Array,
  lo: number,
  hi: number,
  s: number,
  m: number,
  c: Int32Array,
) {
  for (let i = lo; i < hi; i++) {
    const j = c[((bits[2 * i] ^ (bits[2 * i + 1] >> 31)) >>> s) & m]++;
    y[j] = x[i];
    iy[j] = ix[i];
  }
}

/** Stable insertion sort of keys[lo, hi). */
function insertKeys(x: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = x[i];
    let j = i - 1;
    while (j >= lo && x[j] > v) {
      x[j + 1] = x[j];
      j--;
    }
    x[j + 1] = v;
  }
}

/** Stable insertion sort of the pairs (x[i], ix[i]) for lo <= i < hi. */
function insertPairs(x: Float64Array, ix: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const v = x[i];
    const p = ix[i];
    let j = i - 1;
    while (j >= lo && x[j] > v) {
      x[j + 1] = x[j];
      ix[j + 1] = ix[j];
      j--;
    }
    x[j + 1] = v;
    ix[j + 1] = p;
  }
}
