// Complex elementary functions beyond exp, log and sqrt, from the classic
// identities on the principal branches (C99's csin, ccos, ctan, the hyperbolic
// and inverse functions), plus the derived exp2, expm1, log2, log10, log1p.
// They are accurate to a few ULP away from cancellation points, not C99's
// special-value tables everywhere.
import { cexp, clog, csqrt } from './complex.js';

type Pair = [number, number];

export const csin = (x: number, y: number): Pair => [
  Math.sin(x) * Math.cosh(y),
  Math.cos(x) * Math.sinh(y),
];
export const ccos = (x: number, y: number): Pair => [
  Math.cos(x) * Math.cosh(y),
  -Math.sin(x) * Math.sinh(y),
];
export const csinh = (x: number, y: number): Pair => [
  Math.sinh(x) * Math.cos(y),
  Math.cosh(x) * Math.sin(y),
];
export const ccosh = (x: number, y: number): Pair => [
  Math.cosh(x) * Math.cos(y),
  Math.sinh(x) * Math.sin(y),
];

/** Kahan's tanh: stable for large |x| and at the poles of tan y. */
export function ctanh(x: number, y: number): Pair {
  if (Math.abs(x) > 22)
    return [Math.sign(x), 4 * Math.sin(y) * Math.cos(y) * Math.exp(-2 * Math.abs(x))];
  const t = Math.tan(y);
  const beta = 1 + t * t;
  const s = Math.sinh(x);
  const rho = Math.sqrt(1 + s * s);
  const den = 1 + beta * s * s;
  return [(beta * rho * s) / den, t / den];
}

/** tan z = -i tanh(i z). */
export function ctan(x: number, y: number): Pair {
  const [re, im] = ctanh(-y, x);
  return [im, -re];
}

const mul = (a: Pair, b: Pair): Pair => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];

/** asinh z = log(z + sqrt(z^2 + 1)), odd-symmetric so the left half-plane keeps accuracy. */
export function casinh(x: number, y: number): Pair {
  if (x < 0 || (x === 0 && Object.is(x, -0))) {
    const [re, im] = casinh(-x, -y);
    return [-re, -im];
  }
  const [zr, zi] = mul([x, y], [x, y]);
  const [sr, si] = csqrt(zr + 1, zi);
  return clog(x + sr, y + si);
}

/** asin z = -i asinh(i z). */
export function casin(x: number, y: number): Pair {
  const [re, im] = casinh(-y, x);
  return [im, -re];
}

/** acos z = pi/2 - asin z. */
export function cacos(x: number, y: number): Pair {
  const [re, im] = casin(x, y);
  return [Math.PI / 2 - re, -im];
}

/** acosh z = log(z + sqrt(z + 1) sqrt(z - 1)). */
export function cacosh(x: number, y: number): Pair {
  const p = csqrt(x + 1, y);
  const m = csqrt(x - 1, y);
  const [pr, pi] = mul(p, m);
  return clog(x + pr, y + pi);
}

/** atanh z = (log(1 + z) - log(1 - z)) / 2. */
export function catanh(x: number, y: number): Pair {
  const [ar, ai] = clog(1 + x, y);
  const [br, bi] = clog(1 - x, -y);
  return [(ar - br) / 2, (ai - bi) / 2];
}

/** atan z = -i atanh(i z). */
export function catan(x: number, y: number): Pair {
  const [re, im] = catanh(-y, x);
  return [im, -re];
}

export const cexp2 = (x: number, y: number): Pair => cexp(x * Math.LN2, y * Math.LN2);

export function cexpm1(x: number, y: number): Pair {
  // Re(e^z - 1) = expm1(x) cos y - 2 sin^2(y / 2), accurate for small |z|.
  const s = Math.sin(y / 2);
  return [Math.expm1(x) * Math.cos(y) - 2 * s * s, Math.exp(x) * Math.sin(y)];
}

export function clog2(x: number, y: number): Pair {
  const [re, im] = clog(x, y);
  return [re / Math.LN2, im / Math.LN2];
}

export function clog10(x: number, y: number): Pair {
  const [re, im] = clog(x, y);
  return [re / Math.LN10, im / Math.LN10];
}

export const clog1p = (x: number, y: number): Pair => clog(1 + x, y);
