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
/**
 * Product; two operands with exactly zero imaginary parts multiply as reals,
 * so real signatures never see the Inf * 0 = NaN of an imaginary part.
 */
export const mul = (a: C, b: C): C =>
  a.im === 0 && b.im === 0
    ? c(a.re * b.re)
    : c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
export const conj = (a: C): C => c(a.re, -a.im);
/** |re| + |im|, the BLAS gauge norm. */
export const abs1 = (a: C): number => Math.abs(a.re) + Math.abs(a.im);
export const isZero = (a: C): boolean => a.re === 0 && a.im === 0;
export const div = (a: C, b: C): C => {
  const d = b.re * b.re + b.im * b.im;
  return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
};
