// Diagonal blocks of trmm and trsm (AssemblyScript -> wasm): B = T B or
// B = T^-1 B in place for a small packed T (order m) and a packed block of
// B, float64 and complex128 (float32 and complex64 data are packed as
// these). One source for every variant: ASC_FEATURE_RELAXED_SIMD /
// ASC_FEATURE_SIMD pick fused multiply-add, simd128 or scalar code at
// compile time. Rows are visited as the reference visits them (products walk
// away from the stored side, solves towards it); each sum starts from the
// diagonal term (trmm: d x_i, trsm: x_i) and adds the row's terms in column
// order, then a solve divides by d; vectors run across columns of B.
//
// Layouts (byte offsets into memory), all row-major:
// - real: T m x m at pt (strictly triangular entries only, negated for a
//   solve), its diagonal at pd (m values), B m x ldb at pb (ldb a multiple
//   of 4; columns past the block's are padding).
// - complex: T m x m at pt with 4 values per entry (tr, tr, -ti, ti; already
//   conjugated and negated as the call needs), the diagonal at pd (m pairs
//   re, im), B m x ldb interleaved pairs at pb (ldb even).
// `scaled`: multiply x_i by d first (trmm, non-unit); `divided`: divide the
// sum by d (trsm, non-unit).

// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** Row of step `step` and its column range [l0, l1), as the reference's rowAt. */
// @ts-ignore: decorator
@inline
function rowOf(upper: bool, solve: bool, step: i32, m: i32): i32 {
  return upper != solve ? step : m - 1 - step;
}

// @ts-ignore: decorator
@inline
function realRowSimd(
  i: i32, l0: i32, l1: i32, m: i32, ldb: i32, pt: usize, pb: usize,
  d: f64, scaled: bool, divided: bool,
): void {
  const rowB = <usize>ldb * 8;
  const dv = f64x2.splat(d);
  for (let j = 0; j < ldb; j += 4) {
    const xi = pb + <usize>i * rowB + <usize>j * 8;
    let s0 = v128.load(xi);
    let s1 = v128.load(xi, 16);
    if (scaled) {
      s0 = f64x2.mul(dv, s0);
      s1 = f64x2.mul(dv, s1);
    }
    let t = pt + (<usize>i * <usize>m + <usize>l0) * 8;
    let x = pb + <usize>l0 * rowB + <usize>j * 8;
    for (let l = l0; l < l1; l++, t += 8, x += rowB) {
      const v = v128.load64_splat(t);
      s0 = madd(v, v128.load(x), s0);
      s1 = madd(v, v128.load(x, 16), s1);
    }
    if (divided) {
      s0 = f64x2.div(s0, dv);
      s1 = f64x2.div(s1, dv);
    }
    v128.store(xi, s0);
    v128.store(xi, s1, 16);
  }
}

// @ts-ignore: decorator
@inline
function realRowScalar(
  i: i32, l0: i32, l1: i32, m: i32, ldb: i32, pt: usize, pb: usize,
  d: f64, scaled: bool, divided: bool,
): void {
  const rowB = <usize>ldb * 8;
  for (let j = 0; j < ldb; j++) {
    const xi = pb + <usize>i * rowB + <usize>j * 8;
    let s = load<f64>(xi);
    if (scaled) s = d * s;
    let t = pt + (<usize>i * <usize>m + <usize>l0) * 8;
    let x = pb + <usize>l0 * rowB + <usize>j * 8;
    for (let l = l0; l < l1; l++, t += 8, x += rowB) s += load<f64>(t) * load<f64>(x);
    store<f64>(xi, divided ? s / d : s);
  }
}

export function tri_f64(
  m: i32, ldb: i32, pt: usize, pd: usize, pb: usize,
  upper: bool, solve: bool, unit: bool,
): void {
  const scaled = !solve && !unit;
  const divided = solve && !unit;
  for (let step = 0; step < m; step++) {
    const i = rowOf(upper, solve, step, m);
    const l0 = upper ? i + 1 : 0;
    const l1 = upper ? m : i;
    const d = load<f64>(pd + <usize>i * 8);
    if (ASC_FEATURE_SIMD) realRowSimd(i, l0, l1, m, ldb, pt, pb, d, scaled, divided);
    else realRowScalar(i, l0, l1, m, ldb, pt, pb, d, scaled, divided);
  }
}

/** (pr + i pi) / (qr + i qi) by Smith's algorithm, as the reference divides; the real part. */
// @ts-ignore: decorator
@inline
function divRe(pr: f64, pi: f64, qr: f64, qi: f64): f64 {
  if (Math.abs(qr) >= Math.abs(qi)) {
    const e = qi / qr;
    return (pr + pi * e) / (qr + qi * e);
  }
  const e = qr / qi;
  return (pr * e + pi) / (qi + qr * e);
}

/** The imaginary part of Smith's quotient. */
// @ts-ignore: decorator
@inline
function divIm(pr: f64, pi: f64, qr: f64, qi: f64): f64 {
  if (Math.abs(qr) >= Math.abs(qi)) {
    const e = qi / qr;
    return (pi - pr * e) / (qr + qi * e);
  }
  const e = qr / qi;
  return (pi * e - pr) / (qi + qr * e);
}

// @ts-ignore: decorator
@inline
function complexRowSimd(
  i: i32, l0: i32, l1: i32, m: i32, ldb: i32, pt: usize, pb: usize,
  dr: f64, di: f64, scaled: bool, divided: bool,
): void {
  const rowB = <usize>ldb * 16;
  // d x = dr (xr, xi) + di (-xi, xr).
  const dre = f64x2.splat(dr);
  const dim = f64x2(-di, di);
  for (let j = 0; j < ldb; j += 2) {
    const xi = pb + <usize>i * rowB + <usize>j * 16;
    let s0 = v128.load(xi);
    let s1 = v128.load(xi, 16);
    if (scaled) {
      s0 = f64x2.add(f64x2.mul(dre, s0), f64x2.mul(dim, v128.shuffle<f64>(s0, s0, 1, 0)));
      s1 = f64x2.add(f64x2.mul(dre, s1), f64x2.mul(dim, v128.shuffle<f64>(s1, s1, 1, 0)));
    }
    let t = pt + (<usize>i * <usize>m + <usize>l0) * 32;
    let x = pb + <usize>l0 * rowB + <usize>j * 16;
    for (let l = l0; l < l1; l++, t += 32, x += rowB) {
      const tr = v128.load(t);
      const ti = v128.load(t, 16);
      const x0 = v128.load(x);
      const x1 = v128.load(x, 16);
      s0 = madd(tr, x0, s0);
      s1 = madd(tr, x1, s1);
      s0 = madd(ti, v128.shuffle<f64>(x0, x0, 1, 0), s0);
      s1 = madd(ti, v128.shuffle<f64>(x1, x1, 1, 0), s1);
    }
    if (divided) {
      const ar = f64x2.extract_lane(s0, 0);
      const ai = f64x2.extract_lane(s0, 1);
      const br = f64x2.extract_lane(s1, 0);
      const bi = f64x2.extract_lane(s1, 1);
      s0 = f64x2(divRe(ar, ai, dr, di), divIm(ar, ai, dr, di));
      s1 = f64x2(divRe(br, bi, dr, di), divIm(br, bi, dr, di));
    }
    v128.store(xi, s0);
    v128.store(xi, s1, 16);
  }
}

// @ts-ignore: decorator
@inline
function complexRowScalar(
  i: i32, l0: i32, l1: i32, m: i32, ldb: i32, pt: usize, pb: usize,
  dr: f64, di: f64, scaled: bool, divided: bool,
): void {
  const rowB = <usize>ldb * 16;
  for (let j = 0; j < ldb; j++) {
    const xi = pb + <usize>i * rowB + <usize>j * 16;
    let sr = load<f64>(xi);
    let si = load<f64>(xi, 8);
    if (scaled) {
      const r = dr * sr - di * si;
      si = dr * si + di * sr;
      sr = r;
    }
    let t = pt + (<usize>i * <usize>m + <usize>l0) * 32;
    let x = pb + <usize>l0 * rowB + <usize>j * 16;
    for (let l = l0; l < l1; l++, t += 32, x += rowB) {
      const tr = load<f64>(t);
      const ti = load<f64>(t, 24);
      const xr = load<f64>(x);
      const xm = load<f64>(x, 8);
      sr += tr * xr - ti * xm;
      si += tr * xm + ti * xr;
    }
    store<f64>(xi, divided ? divRe(sr, si, dr, di) : sr);
    store<f64>(xi, divided ? divIm(sr, si, dr, di) : si, 8);
  }
}

export function tri_c128(
  m: i32, ldb: i32, pt: usize, pd: usize, pb: usize,
  upper: bool, solve: bool, unit: bool,
): void {
  const scaled = !solve && !unit;
  const divided = solve && !unit;
  for (let step = 0; step < m; step++) {
    const i = rowOf(upper, solve, step, m);
    const l0 = upper ? i + 1 : 0;
    const l1 = upper ? m : i;
    const dr = load<f64>(pd + <usize>i * 16);
    const di = load<f64>(pd + <usize>i * 16, 8);
    if (ASC_FEATURE_SIMD) complexRowSimd(i, l0, l1, m, ldb, pt, pb, dr, di, scaled, divided);
    else complexRowScalar(i, l0, l1, m, ldb, pt, pb, dr, di, scaled, divided);
  }
}
