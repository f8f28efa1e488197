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

/** Blue's sums of |x| lanes: small ones scaled up, big ones down, NaN to the middle. */
// @ts-ignore: decorator
@inline
function blueSimd(n: i32, x: usize, shift: i32, out: usize): i32 {
  let sml = f64x2.splat(0);
  let med = f64x2.splat(0);
  let big = f64x2.splat(0);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const p = x + (<usize>i << shift);
    const ax = f64x2.abs(shift == 3 ? v128.load(p) : wide(p));
    const isBig = f64x2.gt(ax, f64x2.splat(TBIG));
    const isSml = f64x2.lt(ax, f64x2.splat(TSML));
    const isMed = v128.not(v128.or(isBig, isSml));
    const b = f64x2.mul(ax, f64x2.splat(SBIG));
    const s = f64x2.mul(ax, f64x2.splat(SSML));
    big = f64x2.add(big, v128.and(f64x2.mul(b, b), isBig));
    sml = f64x2.add(sml, v128.and(f64x2.mul(s, s), isSml));
    med = f64x2.add(med, v128.and(f64x2.mul(ax, ax), isMed));
  }
  store<f64>(out, hsum(sml));
  store<f64>(out, hsum(med), 8);
  store<f64>(out, hsum(big), 16);
  return i;
}

// @ts-ignore: decorator
@inline
function blueOne(ax: f64, out: usize): void {
  if (ax > TBIG) store<f64>(out, load<f64>(out, 16) + ax * SBIG * (ax * SBIG), 16);
  else if (ax < TSML) store<f64>(out, load<f64>(out) + ax * SSML * (ax * SSML));
  else store<f64>(out, load<f64>(out, 8) + ax * ax, 8);
}

/**
 * Blue's three sums of squares of x (small scaled up, medium, big scaled
 * down), written to out[0..2]; the caller combines them as the reference does.
 * Small values keep accumulating after a big one: the result ignores them then.
 */
export function nrm2_f64(n: i32, x: usize, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) i = blueSimd(n, x, 3, out);
  else {
    store<f64>(out, 0);
    store<f64>(out, 0, 8);
    store<f64>(out, 0, 16);
  }
  for (; i < n; i++) blueOne(Math.abs(load<f64>(x + (<usize>i << 3))), out);
}

export function nrm2_f32(n: i32, x: usize, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) i = blueSimd(n, x, 2, out);
  else {
    store<f64>(out, 0);
    store<f64>(out, 0, 8);
    store<f64>(out, 0, 16);
  }
  for (; i < n; i++) blueOne(Math.abs(<f64>load<f32>(x + (<usize>i << 2))), out);
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
