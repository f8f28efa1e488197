// Level-1 and Level-2 kernels for float64 and float32 (AssemblyScript -> wasm)
// on contiguous operands that the driver (src/backends/wasm/level12.ts) has
// copied into this instance's memory: dot, axpy, asum, nrm2's three scaled
// sums, gemv by rows or by columns, and the ger rank-1 update. One source for
// every variant: ASC_FEATURE_SIMD picks simd128 loops (a scalar loop finishes
// the tail), ASC_FEATURE_RELAXED_SIMD fused multiply-add.
//
// Pointers are byte offsets into memory; n, m and leading dimensions count
// elements. float32 reductions (dot, asum, nrm2, gemv) accumulate in float64,
// as the reference kernels do; float32 axpy and ger compute in float32.

// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

// @ts-ignore: decorator
@inline
function madd32(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

/** Two float32 at p, widened to float64 lanes. */
// @ts-ignore: decorator
@inline
function wide(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

// @ts-ignore: decorator
@inline
function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

export function dot_f64(n: i32, x: usize, y: usize): f64 {
  let i = 0;
  let s: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    for (; i + 8 <= n; i += 8) {
      const px = x + (<usize>i << 3);
      const py = y + (<usize>i << 3);
      s0 = madd(v128.load(px), v128.load(py), s0);
      s1 = madd(v128.load(px, 16), v128.load(py, 16), s1);
      s2 = madd(v128.load(px, 32), v128.load(py, 32), s2);
      s3 = madd(v128.load(px, 48), v128.load(py, 48), s3);
    }
    s = hsum(f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3)));
  }
  for (; i < n; i++) s += load<f64>(x + (<usize>i << 3)) * load<f64>(y + (<usize>i << 3));
  return s;
}

export function dot_f32(n: i32, x: usize, y: usize): f64 {
  let i = 0;
  let s: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    for (; i + 8 <= n; i += 8) {
      const px = x + (<usize>i << 2);
      const py = y + (<usize>i << 2);
      s0 = madd(wide(px), wide(py), s0);
      s1 = madd(wide(px + 8), wide(py + 8), s1);
      s2 = madd(wide(px + 16), wide(py + 16), s2);
      s3 = madd(wide(px + 24), wide(py + 24), s3);
    }
    s = hsum(f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3)));
  }
  for (; i < n; i++)
    s += <f64>load<f32>(x + (<usize>i << 2)) * <f64>load<f32>(y + (<usize>i << 2));
  return s;
}

/** y += a x. */
export function axpy_f64(n: i32, a: f64, x: usize, y: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a);
    for (; i + 4 <= n; i += 4) {
      const px = x + (<usize>i << 3);
      const py = y + (<usize>i << 3);
      v128.store(py, madd(va, v128.load(px), v128.load(py)));
      v128.store(py, madd(va, v128.load(px, 16), v128.load(py, 16)), 16);
    }
  }
  for (; i < n; i++) {
    const py = y + (<usize>i << 3);
    store<f64>(py, load<f64>(py) + a * load<f64>(x + (<usize>i << 3)));
  }
}

export function axpy_f32(n: i32, a: f32, x: usize, y: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f32x4.splat(a);
    for (; i + 8 <= n; i += 8) {
      const px = x + (<usize>i << 2);
      const py = y + (<usize>i << 2);
      v128.store(py, madd32(va, v128.load(px), v128.load(py)));
      v128.store(py, madd32(va, v128.load(px, 16), v128.load(py, 16)), 16);
    }
  }
  for (; i < n; i++) {
    const py = y + (<usize>i << 2);
    store<f32>(py, load<f32>(py) + a * load<f32>(x + (<usize>i << 2)));
  }
}

export function asum_f64(n: i32, x: usize): f64 {
  let i = 0;
  let s: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    for (; i + 4 <= n; i += 4) {
      const px = x + (<usize>i << 3);
      s0 = f64x2.add(s0, f64x2.abs(v128.load(px)));
      s1 = f64x2.add(s1, f64x2.abs(v128.load(px, 16)));
    }
    s = hsum(f64x2.add(s0, s1));
  }
  for (; i < n; i++) s += Math.abs(load<f64>(x + (<usize>i << 3)));
  return s;
}

export function asum_f32(n: i32, x: usize): f64 {
  let i = 0;
  let s: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    for (; i + 4 <= n; i += 4) {
      const px = x + (<usize>i << 2);
      s0 = f64x2.add(s0, f64x2.abs(wide(px)));
      s1 = f64x2.add(s1, f64x2.abs(wide(px + 8)));
    }
    s = hsum(f64x2.add(s0, s1));
  }
  for (; i < n; i++) s += Math.abs(<f64>load<f32>(x + (<usize>i << 2)));
  return s;
}

// Blue's thresholds and scalings, as src/kernels/ref/nrm2.ts.
const TSML: f64 = reinterpret<f64>(0x2000000000000000); // 2^-511
const TBIG: f64 = reinterpret<f64>(0x5e50000000000000); // 2^486
const SSML: f64 = reinterpret<f64>(0x6180000000000000); // 2^537
const SBIG: f64 = reinterpret<f64>(0x1e50000000000000); // 2^-538

/** The squares of the lanes of ax that `mask` selects, scaled first; other lanes give zero. */
// @ts-ignore: decorator
@inline
function sq(ax: v128, mask: v128, scale: f64): v128 {
  // Masking before scaling keeps other lanes at zero: no overflow, no slow subnormal results.
  const v = f64x2.mul(v128.and(ax, mask), f64x2.splat(scale));
  return f64x2.mul(v, v);
}

/** |x| of two lanes at p, float64 (shift 3) or float32 widened (shift 2). */
// @ts-ignore: decorator
@inline
function absAt(p: usize, shift: i32): v128 {
  return f64x2.abs(shift == 3 ? v128.load(p) : wide(p));
}

/**
 * Blue's sums over the first multiple of 4 elements, two lanes per
 * accumulator and two accumulators per sum (independent add chains), into
 * out[0..2]; returns how many elements it summed. NaN goes to the middle sum.
 */
// @ts-ignore: decorator
@inline
function blueSimd(n: i32, x: usize, shift: i32, out: usize): i32 {
  const z = v128.splat<i32>(0);
  let sml0 = z;
  let sml1 = z;
  let med0 = z;
  let med1 = z;
  let big0 = z;
  let big1 = z;
  const tbig = f64x2.splat(TBIG);
  const tsml = f64x2.splat(TSML);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const p = x + (<usize>i << shift);
    const a0 = absAt(p, shift);
    const a1 = absAt(p + (<usize>2 << shift), shift);
    const b0 = f64x2.gt(a0, tbig);
    const b1 = f64x2.gt(a1, tbig);
    const s0 = f64x2.lt(a0, tsml);
    const s1 = f64x2.lt(a1, tsml);
    const m0 = v128.and(a0, v128.not(v128.or(b0, s0)));
    const m1 = v128.and(a1, v128.not(v128.or(b1, s1)));
    big0 = f64x2.add(big0, sq(a0, b0, SBIG));
    big1 = f64x2.add(big1, sq(a1, b1, SBIG));
    sml0 = f64x2.add(sml0, sq(a0, s0, SSML));
    sml1 = f64x2.add(sml1, sq(a1, s1, SSML));
    med0 = f64x2.add(med0, f64x2.mul(m0, m0));
    med1 = f64x2.add(med1, f64x2.mul(m1, m1));
  }
  store<f64>(out, hsum(f64x2.add(sml0, sml1)));
  store<f64>(out, hsum(f64x2.add(med0, med1)), 8);
  store<f64>(out, hsum(f64x2.add(big0, big1)), 16);
  return i;
}

/**
 * Blue's three sums of squares of x (small scaled up, medium, big scaled
 * down), written to out[0..2]; the caller combines them as the reference does.
 * Small values keep accumulating after a big one: the result ignores them then.
 */
// @ts-ignore: decorator
@inline
function blue(n: i32, x: usize, shift: i32, out: usize): void {
  let sml: f64 = 0;
  let med: f64 = 0;
  let big: f64 = 0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    i = blueSimd(n, x, shift, out);
    sml = load<f64>(out);
    med = load<f64>(out, 8);
    big = load<f64>(out, 16);
  }
  for (; i < n; i++) {
    const p = x + (<usize>i << shift);
    const ax = Math.abs(shift == 3 ? load<f64>(p) : <f64>load<f32>(p));
    if (ax > TBIG) big += ax * SBIG * (ax * SBIG);
    else if (ax < TSML) sml += ax * SSML * (ax * SSML);
    else med += ax * ax;
  }
  store<f64>(out, sml);
  store<f64>(out, med, 8);
  store<f64>(out, big, 16);
}

/** Blue's sums of float64 x into out[0..2]. */
export function nrm2_f64(n: i32, x: usize, out: usize): void {
  blue(n, x, 3, out);
}

export function nrm2_f32(n: i32, x: usize, out: usize): void {
  blue(n, x, 2, out);
}

/** out[i] = sum_j A[i, j] x[j] for a row-major m x n block A (row stride lda). */
export function gemv_rows_f64(m: i32, n: i32, a: usize, lda: i32, x: usize, out: usize): void {
  const rb = <usize>lda << 3;
  for (let i = 0; i < m; i++) {
    const row = a + <usize>i * rb;
    store<f64>(out + (<usize>i << 3), dot_f64(n, row, x));
  }
}

export function gemv_rows_f32(m: i32, n: i32, a: usize, lda: i32, x: usize, out: usize): void {
  const rb = <usize>lda << 2;
  for (let i = 0; i < m; i++) {
    const row = a + <usize>i * rb;
    store<f64>(out + (<usize>i << 3), dot_f32(n, row, x));
  }
}

/**
 * acc[i] += A[i, j] x[j] for j = 0..n-1 in order, A column-major m x n
 * (column stride lda); x and acc float64.
 */
export function gemv_cols_f64(m: i32, n: i32, a: usize, lda: i32, x: usize, acc: usize): void {
  const cb = <usize>lda << 3;
  for (let j = 0; j < n; j++) {
    const col = a + <usize>j * cb;
    const xj = load<f64>(x + (<usize>j << 3));
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const vx = f64x2.splat(xj);
      for (; i + 4 <= m; i += 4) {
        const pa = col + (<usize>i << 3);
        const pc = acc + (<usize>i << 3);
        v128.store(pc, madd(v128.load(pa), vx, v128.load(pc)));
        v128.store(pc, madd(v128.load(pa, 16), vx, v128.load(pc, 16)), 16);
      }
    }
    for (; i < m; i++) {
      const pc = acc + (<usize>i << 3);
      store<f64>(pc, load<f64>(pc) + load<f64>(col + (<usize>i << 3)) * xj);
    }
  }
}

export function gemv_cols_f32(m: i32, n: i32, a: usize, lda: i32, x: usize, acc: usize): void {
  const cb = <usize>lda << 2;
  for (let j = 0; j < n; j++) {
    const col = a + <usize>j * cb;
    const xj = load<f64>(x + (<usize>j << 3));
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const vx = f64x2.splat(xj);
      for (; i + 4 <= m; i += 4) {
        const pa = col + (<usize>i << 2);
        const pc = acc + (<usize>i << 3);
        v128.store(pc, madd(wide(pa), vx, v128.load(pc)));
        v128.store(pc, madd(wide(pa + 8), vx, v128.load(pc, 16)), 16);
      }
    }
    for (; i < m; i++) {
      const pc = acc + (<usize>i << 3);
      store<f64>(pc, load<f64>(pc) + <f64>load<f32>(col + (<usize>i << 2)) * xj);
    }
  }
}

/** A[l, k] += p[k] q[l] for l < lines, k < len: A has `lines` rows of `len` (row stride lda). */
export function ger_f64(lines: i32, len: i32, a: usize, lda: i32, p: usize, q: usize): void {
  const lb = <usize>lda << 3;
  for (let l = 0; l < lines; l++) {
    axpy_f64(len, load<f64>(q + (<usize>l << 3)), p, a + <usize>l * lb);
  }
}

export function ger_f32(lines: i32, len: i32, a: usize, lda: i32, p: usize, q: usize): void {
  const lb = <usize>lda << 2;
  for (let l = 0; l < lines; l++) {
    axpy_f32(len, load<f32>(q + (<usize>l << 2)), p, a + <usize>l * lb);
  }
}
