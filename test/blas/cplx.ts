// Complex arithmetic for the test-side reference BLAS: every value is {re, im}
// (real routines use im = 0), computed the obvious way in float64.

export interface C {
  readonly re: number;
  readonly im: number;
}

export const c = (re: number, im = 0): C => ({ re, im });
export const ZERO = c(0);
export const add = (a: C, b: C): C => c(a.re + b.re, a.im + b.im);
export const sub = (a: C, b: C): C => c(a.re - b.re, a.im - b.im);
let realArithmetic = false;

/**
 * Runs `fn` with real arithmetic (imaginary parts ignored) or full complex
 * arithmetic: a reference for a real signature must never see the Inf * 0 = NaN
 * of an imaginary part, one for complex data must see exactly that.
 */
export function withArithmetic<T>(real: boolean, fn: () => T): T {
  const saved = realArithmetic;
  realArithmetic = real;
  try {
    return fn();
  } finally {
    realArithmetic = saved;
  }
}

export const mul = (a: C, b: C): C =>
  realArithmetic ? c(a.re * b.re) : c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export const conj = (a: C): C => c(a.re, -a.im);
/** |re| + |im|, the BLAS gauge norm. */
export const abs1 = (a: C): number => Math.abs(a.re) + Math.abs(a.im);
export const isZero = (a: C): boolean => a.re === 0 && a.im === 0;
export const div = (a: C, b: C): C => {
  const d = b.re * b.re + b.im * b.im;
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
