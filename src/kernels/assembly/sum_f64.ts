// NumPy's float64 pairwise summation over n contiguous elements that the
// driver (src/backends/wasm/sum.ts) copied into this instance's memory, with
// NumPy's rounding order bit for bit (twin: src/reduce/pairwise.ts). A leaf's
// eight accumulators r0..r7 are four f64x2 vectors (r0,r1) (r2,r3) (r4,r5)
// (r6,r7); lanes combine as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)). Additions
// only (no fused multiply-add), so the three variants give the same bits.

// @ts-ignore: decorator
@inline
function lo(a: v128, b: v128): v128 {
  return v128.shuffle<f64>(a, b, 0, 2);
}

// @ts-ignore: decorator
@inline
function hi(a: v128, b: v128): v128 {
  return v128.shuffle<f64>(a, b, 1, 3);
}

/** Eight-accumulator sum of n elements at x, 8 <= n <= 128. */
function leaf(x: usize, n: i32): f64 {
  const full = n & ~7;
  let res: f64;
  if (ASC_FEATURE_SIMD) {
    let v0 = v128.load(x);
    let v1 = v128.load(x, 16);
    let v2 = v128.load(x, 32);
    let v3 = v128.load(x, 48);
    for (let p = x + 64, end = x + (<usize>full << 3); p < end; p += 64) {
      v0 = f64x2.add(v0, v128.load(p));
      v1 = f64x2.add(v1, v128.load(p, 16));
      v2 = f64x2.add(v2, v128.load(p, 32));
      v3 = f64x2.add(v3, v128.load(p, 48));
    }
    res = combine(v0, v1, v2, v3);
  } else {
    let r0 = load<f64>(x);
    let r1 = load<f64>(x, 8);
    let r2 = load<f64>(x, 16);
    let r3 = load<f64>(x, 24);
    let r4 = load<f64>(x, 32);
    let r5 = load<f64>(x, 40);
    let r6 = load<f64>(x, 48);
    let r7 = load<f64>(x, 56);
    for (let p = x + 64, end = x + (<usize>full << 3); p < end; p += 64) {
      r0 += load<f64>(p);
      r1 += load<f64>(p, 8);
      r2 += load<f64>(p, 16);
      r3 += load<f64>(p, 24);
      r4 += load<f64>(p, 32);
      r5 += load<f64>(p, 40);
      r6 += load<f64>(p, 48);
      r7 += load<f64>(p, 56);
    }
    res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
  }
  for (let i = full; i < n; i++) res += load<f64>(x + (<usize>i << 3));
  return res;
}

// @ts-ignore: decorator
@inline
function combine(v0: v128, v1: v128, v2: v128, v3: v128): f64 {
  // (r0+r1, r2+r3) and (r4+r5, r6+r7), then their pairs, then the two halves.
  const a = f64x2.add(lo(v0, v1), hi(v0, v1));
  const b = f64x2.add(lo(v2, v3), hi(v2, v3));
  const w = f64x2.add(lo(a, b), hi(a, b));
  return f64x2.extract_lane(w, 0) + f64x2.extract_lane(w, 1);
}

/**
 * leaf(x, na) + leaf(y, nb) for two adjacent leaves, na a multiple of 8 and
 * na <= nb < na + 16: both loops run interleaved (eight independent vector
 * chains instead of four; each leaf still adds in its own order).
 */
function leafPair(x: usize, na: i32, y: usize, nb: i32): f64 {
  if (!ASC_FEATURE_SIMD) return leaf(x, na) + leaf(y, nb);
  let a0 = v128.load(x);
  let a1 = v128.load(x, 16);
  let a2 = v128.load(x, 32);
  let a3 = v128.load(x, 48);
  let b0 = v128.load(y);
  let b1 = v128.load(y, 16);
  let b2 = v128.load(y, 32);
  let b3 = v128.load(y, 48);
  const d = y - x;
  let p = x + 64;
  for (const end = x + (<usize>na << 3); p < end; p += 64) {
    a0 = f64x2.add(a0, v128.load(p));
    a1 = f64x2.add(a1, v128.load(p, 16));
    a2 = f64x2.add(a2, v128.load(p, 32));
    a3 = f64x2.add(a3, v128.load(p, 48));
    const q = p + d;
    b0 = f64x2.add(b0, v128.load(q));
    b1 = f64x2.add(b1, v128.load(q, 16));
    b2 = f64x2.add(b2, v128.load(q, 32));
    b3 = f64x2.add(b3, v128.load(q, 48));
  }
  const full = nb & ~7;
  let q = p + d;
  if (q < y + (<usize>full << 3)) {
    b0 = f64x2.add(b0, v128.load(q));
    b1 = f64x2.add(b1, v128.load(q, 16));
    b2 = f64x2.add(b2, v128.load(q, 32));
    b3 = f64x2.add(b3, v128.load(q, 48));
    q += 64;
  }
  let rb = combine(b0, b1, b2, b3);
  for (const end = y + (<usize>nb << 3); q < end; q += 8) rb += load<f64>(q);
  return combine(a0, a1, a2, a3) + rb;
}

/** NumPy's pairwise sum of the n float64 at x (byte offset). */
export function pairwise_f64(x: usize, n: i32): f64 {
  if (n < 8) {
    let r: f64 = 0;
    for (let i = 0; i < n; i++) r += load<f64>(x + (<usize>i << 3));
    return r;
  }
  if (n <= 128) return leaf(x, n);
  let n2 = n >> 1;
  n2 -= n2 & 7;
  if (n - n2 <= 128) return leafPair(x, n2, x + (<usize>n2 << 3), n - n2);
  return pairwise_f64(x, n2) + pairwise_f64(x + (<usize>n2 << 3), n - n2);
}
