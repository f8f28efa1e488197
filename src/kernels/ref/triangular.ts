// Reference kernels for triangular matrix-vector routines, real and complex,
// any strides: trmv (x = T x) and trsv (x = T^-1 x, by substitution). uplo
// names the triangle of T as passed (a transpose is a view); a unit diagonal
// is not read; conj on 'a' reads conj(T), so T^H x is trmv on a.T with conj.
// No zero is skipped (reference BLAS skips x_j = 0), so NaN or Inf in T or x
// reaches every entry that depends on it.
import type { KernelCall, KernelOperand, KernelResult } from '../types.js';

const at = (a: KernelOperand, i: number, j: number) => a.off + i * a.st[0] + j * a.st[1];

/**
 * Row i of step `step` and the columns [lo, hi) of its strictly triangular
 * part. Products walk away from the stored side (each x_i is overwritten after
 * its last use); solves walk towards it (each x_j is solved before its use).
 */
export function rowAt(
  upper: boolean,
  solve: boolean,
  step: number,
  n: number,
): [number, number, number] {
  const i = upper !== solve ? step : n - 1 - step;
  return upper ? [i, i + 1, n] : [i, 0, i];
}

/** (pr + i pi) / (qr + i qi) by Smith's algorithm: no overflow from squaring q. */
export function divide(pr: number, pi: number, qr: number, qi: number): [number, number] {
  if (Math.abs(qr) >= Math.abs(qi)) {
    const e = qi / qr;
    const f = qr + qi * e;
    return [(pr + pi * e) / f, (pi - pr * e) / f];
  }
  const e = qr / qi;
  const f = qi + qr * e;
  return [(pr * e + pi) / f, (pi * e - pr) / f];
}

function triangularReal(solve: boolean) {
  return ({ dims, ops, options }: KernelCall): KernelResult => {
    const { a, x } = ops;
    const xAt = (j: number) => x.off + j * x.st[0];
    for (let step = 0; step < dims.n; step++) {
      const [i, lo, hi] = rowAt(options.upper, solve, step, dims.n);
      const d = options.unit ? 1 : a.data[at(a, i, i)];
      let s = solve ? x.data[xAt(i)] : d * x.data[xAt(i)];
      for (let j = lo; j < hi; j++) {
        const t = a.data[at(a, i, j)] * x.data[xAt(j)];
        s = solve ? s - t : s + t;
      }
      x.data[xAt(i)] = solve && !options.unit ? s / d : s;
    }
    return undefined;
  };
}

function triangularComplex(solve: boolean) {
  return ({ dims, ops, options }: KernelCall): KernelResult => {
    const { a, x } = ops;
    const sign = options.conj.a ? -1 : 1;
    const xAt = (j: number) => x.off + j * x.st[0];
    for (let step = 0; step < dims.n; step++) {
      const [i, lo, hi] = rowAt(options.upper, solve, step, dims.n);
      const k = at(a, i, i);
      const [dr, di] = options.unit ? [1, 0] : [a.data[k], sign * a.data[k + 1]];
      const [xr, xi] = [x.data[xAt(i)], x.data[xAt(i) + 1]];
      let sr = solve || options.unit ? xr : dr * xr - di * xi;
      let si = solve || options.unit ? xi : dr * xi + di * xr;
      const acc = solve ? -1 : 1;
      for (let j = lo; j < hi; j++) {
        const kj = at(a, i, j);
        const ar = a.data[kj];
        const ai = sign * a.data[kj + 1];
        const yr = x.data[xAt(j)];
        const yi = x.data[xAt(j) + 1];
        sr += acc * (ar * yr - ai * yi);
        si += acc * (ar * yi + ai * yr);
      }
      const [or, oi] = solve && !options.unit ? divide(sr, si, dr, di) : [sr, si];
      x.data[xAt(i)] = or;
      x.data[xAt(i) + 1] = oi;
    }
    return undefined;
  };
}

export const trmvReal = triangularReal(false);
export const trmvComplex = triangularComplex(false);
export const trsvReal = triangularReal(true);
export const trsvComplex = triangularComplex(true);
