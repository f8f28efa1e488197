// Reference kernels for plane rotations: applying one to strided x and y (rot
// with a real c and a real or complex s; rotm with the modified 2x2 matrix H)
// and constructing one from scalars (rotg after Anderson's safe-scaling
// algorithm as in reference BLAS 3.12, rotmg as in reference BLAS). Arithmetic
// in float64; NaN and Inf propagate (c = 1, s = 0 still multiplies).
// Constructors round their results with `round` (Math.fround for float32).
import type { KernelCall, KernelComplex, KernelResult } from '../types.js';

const re = (s: unknown) => s as number;

/** x, y = c x + s y, c y - s x on elements of `width` components (real s). */
function rotWidth(width: number) {
  return ({ dims, ops, scalars }: KernelCall): KernelResult => {
    const { x, y } = ops;
    const c = re(scalars.c);
    const s = re(scalars.s);
    for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
      for (let k = 0; k < width; k++) {
        const xv = x.data[ix + k];
        const yv = y.data[iy + k];
        x.data[ix + k] = c * xv + s * yv;
        y.data[iy + k] = c * yv - s * xv;
      }
    }
    return undefined;
  };
}

export const rotReal = rotWidth(1);
const rotComplexRealSine = rotWidth(2);

/** x, y = c x + s y, c y - conj(s) x with complex s (LAPACK's crot/zrot). */
function rotComplexSine({ dims, ops, scalars }: KernelCall): KernelResult {
  const { x, y } = ops;
  const c = re(scalars.c);
  const { re: sr, im: si } = scalars.s as KernelComplex;
  for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
    const xr = x.data[ix];
    const xi = x.data[ix + 1];
    const yr = y.data[iy];
    const yi = y.data[iy + 1];
    x.data[ix] = c * xr + (sr * yr - si * yi);
    x.data[ix + 1] = c * xi + (sr * yi + si * yr);
    y.data[iy] = c * yr - (sr * xr + si * xi);
    y.data[iy + 1] = c * yi - (sr * xi - si * xr);
  }
  return undefined;
}

/** Complex vectors with a real s (csrot/zdrot) or a complex one (crot/zrot). */
export function rotComplex(call: KernelCall): KernelResult {
  return typeof call.scalars.s === 'number' ? rotComplexRealSine(call) : rotComplexSine(call);
}

/**
 * [x; y] = H [x; y] with H read from param's flag as reference BLAS reads it:
 * -2 identity (x and y untouched), other negatives the full H, 0 a unit
 * diagonal, anything else h12 = 1, h21 = -1. The implied ones multiply
 * exactly, so every form gives the reference's bits.
 */
export function rotmReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const flag = re(scalars.flag);
  if (flag === -2) return undefined;
  const given = [scalars.h11, scalars.h21, scalars.h12, scalars.h22].map(re);
  const [h11, h21, h12, h22] =
    flag < 0 ? given : flag === 0 ? [1, given[1], given[2], 1] : [given[0], -1, 1, given[3]];
  const { x, y } = ops;
  for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
    const xv = x.data[ix];
    const yv = y.data[iy];
    x.data[ix] = h11 * xv + h12 * yv;
    y.data[iy] = h21 * xv + h22 * yv;
  }
  return undefined;
}

/** Anderson's scaling bounds for float64 (reference BLAS's safmin, safmax). */
const SAFMIN = 2 ** -1022;
const SAFMAX = 2 ** 1023;
const RTMIN = Math.sqrt(SAFMIN);

export interface Givens {
  readonly r: number;
  /** Encodes c and s in one number: s if |a| > |b|, else 1/c, or 1 when c = 0. */
  readonly z: number;
  readonly c: number;
  readonly s: number;
}

/** [c s; -s c] [a; b] = [r; 0], r = +-hypot(a, b) with the sign of the larger of a, b. */
export function rotgReal(a: number, b: number, round: (v: number) => number): Givens {
  if (b === 0) return { r: a, z: 0, c: 1, s: 0 };
  if (a === 0) return { r: b, z: 1, c: 0, s: 1 };
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  const scl = Math.min(SAFMAX, Math.max(SAFMIN, aa, ab));
  const sigma = (aa > ab ? a : b) < 0 ? -1 : 1;
  const r = sigma * (scl * Math.sqrt((a / scl) ** 2 + (b / scl) ** 2));
  const c = round(a / r);
  const s = round(b / r);
  // z is derived from the rounded c and s, so that it decodes to them.
  const z = aa > ab ? s : c !== 0 ? round(1 / c) : 1;
  return { r: round(r), z, c, s };
}

export interface ComplexGivens {
  readonly r: KernelComplex;
  readonly c: number;
  readonly s: KernelComplex;
}

const cplx = (r: number, i: number, round: (v: number) => number): KernelComplex => ({
  re: round(r),
  im: round(i),
});

/** conj(g) * q for g = (gr, gi), q = (qr, qi). */
const conjTimes = (gr: number, gi: number, qr: number, qi: number) =>
  [gr * qr + gi * qi, gr * qi - gi * qr] as const;

/** a = 0: c = 0, s = conj(b)/|b|, r = |b| (real). */
function fromZero(gr: number, gi: number, round: (v: number) => number): ComplexGivens {
  const g1 = Math.max(Math.abs(gr), Math.abs(gi));
  const exact = gr === 0 || gi === 0;
  // One scale for both parts keeps |b| from overflowing or underflowing.
  const u =
    exact || (g1 > RTMIN && g1 < Math.sqrt(SAFMAX / 2))
      ? 1
      : Math.min(SAFMAX, Math.max(SAFMIN, g1));
  const sr = gr / u;
  const si = gi / u;
  const d = exact ? g1 / u : Math.sqrt(sr * sr + si * si);
  return { r: cplx(d * u, 0, round), c: 0, s: cplx(sr / d, -si / d, round) };
}

/**
 * The common tail of the unscaled and scaled cases: f and g arrive divided by
 * v and u (both 1 when unscaled), f2 = |f|^2, h2 = f2 w^2 + |g|^2 with w = v/u;
 * c and r are scaled back by w and u.
 */
function finish(
  [fr, fi]: readonly [number, number],
  [gr, gi]: readonly [number, number],
  f2: number,
  h2: number,
  w: number,
  u: number,
  rtmax: number,
  round: (v: number) => number,
): ComplexGivens {
  let c: number;
  let rr: number;
  let ri: number;
  let s: readonly [number, number];
  if (f2 >= h2 * SAFMIN) {
    c = Math.sqrt(f2 / h2);
    rr = fr / c;
    ri = fi / c;
    if (f2 > RTMIN && h2 < 2 * rtmax) {
      const d = Math.sqrt(f2 * h2);
      s = conjTimes(gr, gi, fr / d, fi / d);
    } else {
      s = conjTimes(gr, gi, rr / h2, ri / h2);
    }
  } else {
    // f2/h2 may underflow; sqrt(f2 h2) stays in range because h2 = |g|^2 >> f2.
    const d = Math.sqrt(f2 * h2);
    c = f2 / d;
    [rr, ri] = c >= SAFMIN ? [fr / c, fi / c] : [fr * (h2 / d), fi * (h2 / d)];
    s = conjTimes(gr, gi, fr / d, fi / d);
  }
  return { r: cplx(rr * u, ri * u, round), c: round(c * w), s: cplx(s[0], s[1], round) };
}

/**
 * [c s; -conj(s) c] [a; b] = [r; 0] with real c >= 0 and r = sgn(a) hypot(|a|, |b|):
 * reference BLAS 3.12's zrotg, unscaled when every part is safely in range.
 */
export function rotgComplex(
  a: KernelComplex,
  b: KernelComplex,
  round: (v: number) => number,
): ComplexGivens {
  const { re: fr, im: fi } = a;
  const { re: gr, im: gi } = b;
  if (gr === 0 && gi === 0) return { r: cplx(fr, fi, round), c: 1, s: { re: 0, im: 0 } };
  if (fr === 0 && fi === 0) return fromZero(gr, gi, round);
  const f1 = Math.max(Math.abs(fr), Math.abs(fi));
  const g1 = Math.max(Math.abs(gr), Math.abs(gi));
  const rtmax = Math.sqrt(SAFMAX / 4);
  if (f1 > RTMIN && f1 < rtmax && g1 > RTMIN && g1 < rtmax) {
    const f2 = fr * fr + fi * fi;
    const g2 = gr * gr + gi * gi;
    return finish([fr, fi], [gr, gi], f2, f2 + g2, 1, 1, rtmax, round);
  }
  const u = Math.min(SAFMAX, Math.max(SAFMIN, f1, g1));
  const gs = [gr / u, gi / u] as const;
  const g2 = gs[0] * gs[0] + gs[1] * gs[1];
  // f far below g gets its own scale v, so |f/v|^2 does not underflow.
  const v = f1 / u < RTMIN ? Math.min(SAFMAX, Math.max(SAFMIN, f1)) : u;
  const w = v / u;
  const fs = [fr / v, fi / v] as const;
  const f2 = fs[0] * fs[0] + fs[1] * fs[1];
  return finish(fs, gs, f2, f2 * (w * w) + g2, w, u, rtmax, round);
}

/** rotmg's rescaling: d1 and d2 are kept in [1/GAM^2, GAM^2] by powers of GAM. */
const GAM = 4096;
const GAMSQ = GAM * GAM;
const RGAMSQ = 5.9604645e-8;

export interface ModifiedGivens {
  readonly d1: number;
  readonly d2: number;
  readonly x1: number;
  /** [flag, h11, h21, h12, h22]; entries the flag leaves implicit hold their implied values. */
  readonly param: readonly [number, number, number, number, number];
}

/** flag -1 with H = 0 and d1 = d2 = x1 = 0: the reference's answer when no rotation exists. */
const NO_ROTATION: ModifiedGivens = { d1: 0, d2: 0, x1: 0, param: [-1, 0, 0, 0, 0] };

/**
 * H with H [x1; y1] = [x1'; 0] and H^T diag(d1', d2') H = diag(d1, d2), as
 * reference BLAS's drotmg; d1 and d2 that are not finite are left unscaled
 * (the reference loops forever on them).
 */
export function rotmg(
  d1: number,
  d2: number,
  x1: number,
  y1: number,
  round: (v: number) => number,
): ModifiedGivens {
  if (d1 < 0) return NO_ROTATION;
  const p2 = d2 * y1;
  if (p2 === 0) return { d1, d2, x1, param: [-2, 1, 0, 0, 1] };
  const p1 = d1 * x1;
  const q2 = p2 * y1;
  const q1 = p1 * x1;
  let flag: number;
  let h: [number, number, number, number];
  if (Math.abs(q1) > Math.abs(q2)) {
    const h21 = -y1 / x1;
    const h12 = p2 / p1;
    const u = 1 - h12 * h21;
    if (!(u > 0)) return NO_ROTATION;
    [flag, h, d1, d2, x1] = [0, [1, h21, h12, 1], d1 / u, d2 / u, x1 * u];
  } else {
    if (q2 < 0) return NO_ROTATION;
    const h11 = p1 / p2;
    const h22 = x1 / y1;
    const u = 1 + h11 * h22;
    [flag, h, d1, d2, x1] = [1, [h11, -1, 1, h22], d2 / u, d1 / u, y1 * u];
  }
  const outside = (d: number) =>
    d !== 0 && Number.isFinite(d) && (Math.abs(d) <= RGAMSQ || Math.abs(d) >= GAMSQ);
  // Rescaling makes the implicit entries explicit: flag becomes -1.
  while (outside(d1)) {
    const up = Math.abs(d1) <= RGAMSQ;
    flag = -1;
    d1 = up ? d1 * GAMSQ : d1 / GAMSQ;
    x1 = up ? x1 / GAM : x1 * GAM;
    h = up ? [h[0] / GAM, h[1], h[2] / GAM, h[3]] : [h[0] * GAM, h[1], h[2] * GAM, h[3]];
  }
  while (outside(d2)) {
    const up = Math.abs(d2) <= RGAMSQ;
    flag = -1;
    d2 = up ? d2 * GAMSQ : d2 / GAMSQ;
    h = up ? [h[0], h[1] / GAM, h[2], h[3] / GAM] : [h[0], h[1] * GAM, h[2], h[3] * GAM];
  }
  return {
    d1: round(d1),
    d2: round(d2),
    x1: round(x1),
    param: [flag, round(h[0]), round(h[1]), round(h[2]), round(h[3])],
  };
}
