// Reference kernels for the Level-2 routines on symmetric and Hermitian
// matrices and the rank updates: symv/hemv, ger (geru)/gerc, syr/her,
// syr2/her2, real and complex, any strides. Only the triangle that uplo names
// (of A as passed) is read or written. hemv, her and her2 take the imaginary
// part of the diagonal as zero, and her/her2 write it as zero. Shortcuts, as
// in reference BLAS: beta = 0 does not read y; alpha = 0 does not read A or x
// in symv/hemv and returns A untouched from the updates. No other zero is
// skipped, so NaN and Inf reach every entry they touch.
import type { KernelCall, KernelComplex, KernelOperand, KernelResult } from '../types.js';

const cx = (s: unknown) => s as KernelComplex;
const re = (s: unknown) => s as number;

/** Whether A(i, j) lies in the stored triangle (the diagonal always does). */
const stored = (upper: boolean, i: number, j: number) => (upper ? j >= i : j <= i);

const at = (a: KernelOperand, i: number, j: number) => a.off + i * a.st[0] + j * a.st[1];

/** Rows [lo, hi) of column j inside the stored triangle of an n x n matrix. */
const rowsOf = (upper: boolean, j: number, n: number) => (upper ? [0, j + 1] : [j, n]);

/** Index of A(i, j) of a symmetric or Hermitian matrix: the element itself or its mirror. */
const symAt = (a: KernelOperand, upper: boolean, i: number, j: number) =>
  stored(upper, i, j) ? at(a, i, j) : at(a, j, i);

export function symvReal({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, x, y } = ops;
  const alpha = re(scalars.alpha);
  const beta = re(scalars.beta);
  for (let i = 0; i < dims.n; i++) {
    const iy = y.off + i * y.st[0];
    const old = beta === 0 ? 0 : beta * y.data[iy];
    if (alpha === 0) {
      y.data[iy] = old;
      continue;
    }
    let s = 0;
    for (let j = 0, ix = x.off; j < dims.n; j++, ix += x.st[0]) {
      s += a.data[symAt(a, options.upper, i, j)] * x.data[ix];
    }
    y.data[iy] = alpha * s + old;
  }
  return undefined;
}

export function hemvComplex({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, x, y } = ops;
  const alpha = cx(scalars.alpha);
  const beta = cx(scalars.beta);
  const alphaZero = alpha.re === 0 && alpha.im === 0;
  const betaZero = beta.re === 0 && beta.im === 0;
  for (let i = 0; i < dims.n; i++) {
    const iy = y.off + i * y.st[0];
    let or = 0;
    let oi = 0;
    if (!betaZero) {
      const yr = y.data[iy];
      const yi = y.data[iy + 1];
      or = beta.re * yr - beta.im * yi;
      oi = beta.re * yi + beta.im * yr;
    }
    if (alphaZero) {
      y.data[iy] = or;
      y.data[iy + 1] = oi;
      continue;
    }
    let sr = 0;
    let si = 0;
    for (let j = 0, ix = x.off; j < dims.n; j++, ix += x.st[0]) {
      const k = symAt(a, options.upper, i, j);
      const xr = x.data[ix];
      const xi = x.data[ix + 1];
      const ar = a.data[k];
      if (i === j) {
        // A real diagonal scales both components: no 0 * Inf from a discarded imaginary part.
        sr += ar * xr;
        si += ar * xi;
        continue;
      }
      const ai = stored(options.upper, i, j) ? a.data[k + 1] : -a.data[k + 1];
      sr += ar * xr - ai * xi;
      si += ar * xi + ai * xr;
    }
    y.data[iy] = alpha.re * sr - alpha.im * si + or;
    y.data[iy + 1] = alpha.re * si + alpha.im * sr + oi;
  }
  return undefined;
}

export function gerReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const { x, y, a } = ops;
  const alpha = re(scalars.alpha);
  if (alpha === 0) return undefined;
  for (let j = 0, iy = y.off; j < dims.n; j++, iy += y.st[0]) {
    const t = alpha * y.data[iy];
    for (let i = 0, ix = x.off; i < dims.m; i++, ix += x.st[0])
      a.data[at(a, i, j)] += x.data[ix] * t;
  }
  return undefined;
}

/** A += alpha x y^T (geru), or alpha x y^H when y is conjugated (gerc). */
function gerComplexWith(conjY: boolean) {
  const sign = conjY ? -1 : 1;
  return ({ dims, ops, scalars }: KernelCall): KernelResult => {
    const { x, y, a } = ops;
    const alpha = cx(scalars.alpha);
    if (alpha.re === 0 && alpha.im === 0) return undefined;
    for (let j = 0, iy = y.off; j < dims.n; j++, iy += y.st[0]) {
      const yr = y.data[iy];
      const yi = sign * y.data[iy + 1];
      const tr = alpha.re * yr - alpha.im * yi;
      const ti = alpha.re * yi + alpha.im * yr;
      for (let i = 0, ix = x.off; i < dims.m; i++, ix += x.st[0]) {
        const k = at(a, i, j);
        const xr = x.data[ix];
        const xi = x.data[ix + 1];
        a.data[k] += xr * tr - xi * ti;
        a.data[k + 1] += xr * ti + xi * tr;
      }
    }
    return undefined;
  };
}

export const gerComplex = gerComplexWith(false);
export const gercComplex = gerComplexWith(true);

/** A += alpha x x^T on the stored triangle. */
export function syrReal({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { x, a } = ops;
  const alpha = re(scalars.alpha);
  if (alpha === 0) return undefined;
  for (let j = 0; j < dims.n; j++) {
    const t = alpha * x.data[x.off + j * x.st[0]];
    const [lo, hi] = rowsOf(options.upper, j, dims.n);
    for (let i = lo; i < hi; i++) a.data[at(a, i, j)] += x.data[x.off + i * x.st[0]] * t;
  }
  return undefined;
}

/** A += alpha x x^H on the stored triangle, alpha real; the diagonal comes out real. */
export function herComplex({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { x, a } = ops;
  const alpha = re(scalars.alpha);
  if (alpha === 0) return undefined;
  for (let j = 0; j < dims.n; j++) {
    const jx = x.off + j * x.st[0];
    const tr = alpha * x.data[jx];
    const ti = -alpha * x.data[jx + 1];
    const [lo, hi] = rowsOf(options.upper, j, dims.n);
    for (let i = lo; i < hi; i++) {
      const k = at(a, i, j);
      const xr = x.data[x.off + i * x.st[0]];
      const xi = x.data[x.off + i * x.st[0] + 1];
      a.data[k] += xr * tr - xi * ti;
      a.data[k + 1] = i === j ? 0 : a.data[k + 1] + xr * ti + xi * tr;
    }
  }
  return undefined;
}

/** A += alpha x y^T + alpha y x^T on the stored triangle. */
export function syr2Real({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { x, y, a } = ops;
  const alpha = re(scalars.alpha);
  if (alpha === 0) return undefined;
  for (let j = 0; j < dims.n; j++) {
    const t1 = alpha * y.data[y.off + j * y.st[0]];
    const t2 = alpha * x.data[x.off + j * x.st[0]];
    const [lo, hi] = rowsOf(options.upper, j, dims.n);
    for (let i = lo; i < hi; i++) {
      a.data[at(a, i, j)] += x.data[x.off + i * x.st[0]] * t1 + y.data[y.off + i * y.st[0]] * t2;
    }
  }
  return undefined;
}

/** A += alpha x y^H + conj(alpha) y x^H on the stored triangle; the diagonal comes out real. */
export function her2Complex({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { x, y, a } = ops;
  const alpha = cx(scalars.alpha);
  if (alpha.re === 0 && alpha.im === 0) return undefined;
  for (let j = 0; j < dims.n; j++) {
    const jx = x.off + j * x.st[0];
    const jy = y.off + j * y.st[0];
    // t1 = alpha conj(y_j), t2 = conj(alpha x_j).
    const t1r = alpha.re * y.data[jy] + alpha.im * y.data[jy + 1];
    const t1i = alpha.im * y.data[jy] - alpha.re * y.data[jy + 1];
    const t2r = alpha.re * x.data[jx] - alpha.im * x.data[jx + 1];
    const t2i = -(alpha.re * x.data[jx + 1] + alpha.im * x.data[jx]);
    const [lo, hi] = rowsOf(options.upper, j, dims.n);
    for (let i = lo; i < hi; i++) {
      const k = at(a, i, j);
      const ix = x.off + i * x.st[0];
      const iy = y.off + i * y.st[0];
      const [xr, xi, yr, yi] = [x.data[ix], x.data[ix + 1], y.data[iy], y.data[iy + 1]];
      a.data[k] += xr * t1r - xi * t1i + yr * t2r - yi * t2i;
      a.data[k + 1] = i === j ? 0 : a.data[k + 1] + xr * t1i + xi * t1r + yr * t2i + yi * t2r;
    }
  }
  return undefined;
}
