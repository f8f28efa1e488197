// Reference Level-3 kernels for triangular matrices, real and complex, any
// strides: trmm (B = alpha T B or alpha B T) and trsm (B = alpha T^-1 B or
// alpha B T^-1, by substitution, in place). Only the `uplo` triangle of T is
// read, and not its diagonal when it is a unit one; conj on 'a' reads conj(T).
// alpha = 0 sets B to zero without reading T or B. No zero is skipped
// (reference BLAS skips B(k, j) = 0), so NaN or Inf in T or B reaches every
// entry that depends on it. Rows are visited as trmv and trsv visit them.
import type { KernelCall, KernelComplex, KernelOperand, KernelResult } from '../types.js';
import { transposed } from './level3.js';
import { divide, rowAt } from './triangular.js';

const cx = (s: unknown) => s as KernelComplex;
const re = (s: unknown) => s as number;

const at = (a: KernelOperand, i: number, j: number) => a.off + i * a.st[0] + j * a.st[1];

/** The left-side form on an m x n B; the right side runs it on transposes. */
function leftReal(
  m: number,
  n: number,
  alpha: number,
  t: KernelOperand,
  upper: boolean,
  unit: boolean,
  b: KernelOperand,
  solve: boolean,
): void {
  for (let j = 0; j < n; j++) {
    for (let step = 0; step < m; step++) {
      const [i, lo, hi] = rowAt(upper, solve, step, m);
      const bi = at(b, i, j);
      if (alpha === 0) {
        b.data[bi] = 0;
        continue;
      }
      if (solve) {
        let s = alpha * b.data[bi];
        for (let l = lo; l < hi; l++) s -= t.data[at(t, i, l)] * b.data[at(b, l, j)];
        b.data[bi] = unit ? s : s / t.data[at(t, i, i)];
      } else {
        let s = unit ? b.data[bi] : t.data[at(t, i, i)] * b.data[bi];
        for (let l = lo; l < hi; l++) s += t.data[at(t, i, l)] * b.data[at(b, l, j)];
        b.data[bi] = alpha * s;
      }
    }
  }
}

/** As leftReal; `st` (+1 or -1) conjugates T where it is read. */
function leftComplex(
  m: number,
  n: number,
  alpha: KernelComplex,
  t: KernelOperand,
  st: number,
  upper: boolean,
  unit: boolean,
  b: KernelOperand,
  solve: boolean,
): void {
  const alphaZero = alpha.re === 0 && alpha.im === 0;
  for (let j = 0; j < n; j++) {
    for (let step = 0; step < m; step++) {
      const [i, lo, hi] = rowAt(upper, solve, step, m);
      const bi = at(b, i, j);
      if (alphaZero) {
        b.data[bi] = 0;
        b.data[bi + 1] = 0;
        continue;
      }
      const [br, bim] = [b.data[bi], b.data[bi + 1]];
      const di = at(t, i, i);
      const [dr, dim] = unit ? [1, 0] : [t.data[di], st * t.data[di + 1]];
      // trsm starts from alpha b and subtracts; trmm starts from the diagonal term and adds.
      let sr = solve ? alpha.re * br - alpha.im * bim : unit ? br : dr * br - dim * bim;
      let si = solve ? alpha.re * bim + alpha.im * br : unit ? bim : dr * bim + dim * br;
      const sign = solve ? -1 : 1;
      for (let l = lo; l < hi; l++) {
        const [ti, xi] = [at(t, i, l), at(b, l, j)];
        const [ur, ui] = [t.data[ti], st * t.data[ti + 1]];
        const [vr, vi] = [b.data[xi], b.data[xi + 1]];
        sr += sign * (ur * vr - ui * vi);
        si += sign * (ur * vi + ui * vr);
      }
      if (solve) {
        [b.data[bi], b.data[bi + 1]] = unit ? [sr, si] : divide(sr, si, dr, dim);
      } else {
        b.data[bi] = alpha.re * sr - alpha.im * si;
        b.data[bi + 1] = alpha.re * si + alpha.im * sr;
      }
    }
  }
}

function triangularReal(solve: boolean) {
  return ({ dims, ops, scalars, options }: KernelCall): KernelResult => {
    const { a, b } = ops;
    const { upper, unit } = options;
    // B T = (T^T B^T)^T, and T^T stores the opposite triangle.
    if (options.left) leftReal(dims.m, dims.n, re(scalars.alpha), a, upper, unit, b, solve);
    else {
      const [tt, bt] = [transposed(a), transposed(b)];
      leftReal(dims.n, dims.m, re(scalars.alpha), tt, !upper, unit, bt, solve);
    }
    return undefined;
  };
}

function triangularComplex(solve: boolean) {
  return ({ dims, ops, scalars, options }: KernelCall): KernelResult => {
    const { a, b } = ops;
    const { upper, unit } = options;
    const st = options.conj.a ? -1 : 1;
    const alpha = cx(scalars.alpha);
    if (options.left) leftComplex(dims.m, dims.n, alpha, a, st, upper, unit, b, solve);
    else {
      const [tt, bt] = [transposed(a), transposed(b)];
      leftComplex(dims.n, dims.m, alpha, tt, st, !upper, unit, bt, solve);
    }
    return undefined;
  };
}

export const trmmReal = triangularReal(false);
export const trmmComplex = triangularComplex(false);
export const trsmReal = triangularReal(true);
export const trsmComplex = triangularComplex(true);
