// Complex element operations as NumPy computes them, each writing its result to
// o[k], o[k + 1]. Arithmetic takes a rounding `r` so complex64 rounds every
// step to float32 as NumPy's float loops do. Division is NumPy's Smith-style
// algorithm; exp, log and sqrt follow C99 Annex G (principal branches, signed
// zeros, infinities); integer powers multiply as NumPy's nc_pow does.
import { copysign, type Round } from './real.js';

export type Out = Float32Array | Float64Array;
type Pair = [number, number];

export const mul =
  (r: Round) => (o: Out, k: number, ar: number, ai: number, br: number, bi: number) => {
    o[k] = r(r(ar * br) - r(ai * bi));
    o[k + 1] = r(r(ar * bi) + r(ai * br));
  };

function quotient(ar: number, ai: number, br: number, bi: number, r: Round): Pair {
  const abr = Math.abs(br);
  const abi = Math.abs(bi);
  if (abr >= abi) {
    if (abr === 0 && abi === 0) return [r(ar / abr), r(ai / abr)];
    const rat = r(bi / br);
    const scl = r(1 / r(br + r(bi * rat)));
    return [r(r(ar + r(ai * rat)) * scl), r(r(ai - r(ar * rat)) * scl)];
  }
  const rat = r(br / bi);
  const scl = r(1 / r(bi + r(br * rat)));
  return [r(r(r(ar * rat) + ai) * scl), r(r(r(ai * rat) - ar) * scl)];
}

/** NumPy's complex reciprocal: 1 / z by the ratio of the smaller to the larger part. */
export const inverse =
  (r: Round) =>
  (o: Out, k: number, x: number, y: number): void => {
    if (Math.abs(y) <= Math.abs(x)) {
      const t = r(y / x);
      const d = r(x + r(y * t));
      o[k] = r(1 / d);
      o[k + 1] = r(-t / d);
    } else {
      const t = r(x / y);
      const d = r(y + r(x * t));
      o[k] = r(t / d);
      o[k + 1] = r(-1 / d);
    }
  };

/** NumPy's complex square: x*x - y*y and x*y + y*x. */
export const square =
  (r: Round) =>
  (o: Out, k: number, x: number, y: number): void => {
    o[k] = r(r(x * x) - r(y * y));
    o[k + 1] = r(r(x * y) + r(y * x));
  };

export const div =
  (r: Round) => (o: Out, k: number, ar: number, ai: number, br: number, bi: number) => {
    const [re, im] = quotient(ar, ai, br, bi, r);
    o[k] = re;
    o[k + 1] = im;
  };

/** C99 cexp. */
export function cexp(x: number, y: number): Pair {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return [Math.exp(x), y];
    // Past exp's overflow threshold, scale so e^x cos y stays finite when it can.
    if (x > 709) {
      const e = Math.exp(x / 2);
      return [e * Math.cos(y) * e, e * Math.sin(y) * e];
    }
    const e = Math.exp(x);
    return [e * Math.cos(y), e * Math.sin(y)];
  }
  if (Number.isNaN(x)) return y === 0 ? [x, y] : [Number.NaN, Number.NaN];
  if (x === Number.POSITIVE_INFINITY) {
    if (y === 0) return [x, y];
    if (!Number.isFinite(y)) return [x, Number.NaN];
    return [x * Math.cos(y), x * Math.sin(y)];
  }
  if (x === Number.NEGATIVE_INFINITY) {
    if (!Number.isFinite(y)) return [0, copysign(0, y)];
    return [copysign(0, Math.cos(y)), copysign(0, Math.sin(y))];
  }
  return [Number.NaN, Number.NaN];
}

/** C99 clog: log|z| (accurate near |z| = 1) + i arg z. */
export function clog(x: number, y: number): Pair {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const big = Math.max(ax, ay);
  const small = Math.min(ax, ay);
  let re: number;
  if (big > 0.5 && big < 2 && Number.isFinite(small)) {
    // log|z| = log1p((big - 1)(big + 1) + small^2) / 2 keeps its relative accuracy here.
    re = Math.log1p((big - 1) * (big + 1) + small * small) / 2;
  } else {
    re = Math.log(Math.hypot(x, y));
  }
  return [re, Math.atan2(y, x)];
}

/** C99 csqrt: principal branch, sqrt(conj z) = conj sqrt(z) including signed zeros. */
export function csqrt(x: number, y: number): Pair {
  if (y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY) {
    return [Number.POSITIVE_INFINITY, y];
  }
  if (Number.isNaN(x)) return [x, Number.NaN];
  if (x === Number.POSITIVE_INFINITY) return [x, Number.isNaN(y) ? y : copysign(0, y)];
  if (x === Number.NEGATIVE_INFINITY) {
    return Number.isNaN(y)
      ? [Number.NaN, Number.POSITIVE_INFINITY]
      : [0, copysign(Number.POSITIVE_INFINITY, y)];
  }
  if (Number.isNaN(y)) return [Number.NaN, Number.NaN];
  if (x === 0 && y === 0) return [0, y];
  // t = sqrt((|x| + |z|) / 2), with z scaled by an even power of two so that
  // neither the sum overflows nor subnormal inputs lose their digits.
  const big = Math.max(Math.abs(x), Math.abs(y));
  const k = big > 2 ** 1020 ? -2 : big < 2 ** -1000 ? 600 : 0;
  const sx = x * 2 ** k;
  const sy = y * 2 ** k;
  const t = Math.sqrt((Math.abs(sx) + Math.hypot(sx, sy)) / 2) * 2 ** (-k / 2);
  if (x >= 0) return [t, y / (2 * t)];
  return [Math.abs(y) / (2 * t), copysign(t, y)];
}

/** NumPy's nc_pow: exact-ish integer powers by multiplication, else exp(b log a). */
export function cpowPair(ar: number, ai: number, br: number, bi: number, r: Round): Pair {
  if (br === 0 && bi === 0) return [1, 0];
  if (ar === 0 && ai === 0) return br > 0 ? [0, 0] : [Number.NaN, Number.NaN];
  if (bi === 0 && Number.isInteger(br) && Math.abs(br) < 100) {
    const m = (p: Pair, q: Pair): Pair => [
      r(r(p[0] * q[0]) - r(p[1] * q[1])),
      r(r(p[0] * q[1]) + r(p[1] * q[0])),
    ];
    const a: Pair = [ar, ai];
    if (br === 1) return a;
    if (br === 2) return m(a, a);
    if (br === 3) return m(m(a, a), a);
    let n = Math.abs(br);
    let acc: Pair = [1, 0];
    let p = a;
    for (;;) {
      if (n & 1) acc = m(acc, p);
      n >>= 1;
      if (n === 0) break;
      p = m(p, p);
    }
    return br < 0 ? quotient(1, 0, acc[0], acc[1], r) : acc;
  }
  const [lr, li] = clog(ar, ai);
  return cexp(br * lr - bi * li, br * li + bi * lr);
}

export const pow =
  (r: Round) => (o: Out, k: number, ar: number, ai: number, br: number, bi: number) => {
    const [re, im] = cpowPair(ar, ai, br, bi, r);
    o[k] = re;
    o[k + 1] = im;
  };

/** NumPy 2's complex sign: z / |z|, 0 at 0, NaN when undefined. */
export function csign(x: number, y: number): Pair {
  const ix = x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY;
  const iy = y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY;
  if (ix && iy) return [Number.NaN, Number.NaN];
  if (ix) return [Math.sign(x), 0];
  if (iy) return [0, Math.sign(y)];
  if (Number.isNaN(x) || Number.isNaN(y)) return [Number.NaN, Number.NaN];
  if (x === 0 && y === 0) return [0, 0];
  const h = Math.hypot(x, y);
  return [x / h, y / h];
}

/** Wraps a pair-valued function of one complex operand as a writing operation. */
export function unaryPair(f: (x: number, y: number) => Pair) {
  return (o: Out, k: number, x: number, y: number) => {
    const [re, im] = f(x, y);
    o[k] = re;
    o[k + 1] = im;
  };
}
