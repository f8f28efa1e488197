// Reference GEMM and GEMV (any strides, real and complex, conjugation flags),
// and GEMM over stacks of matrices with one batch stride per operand.
// beta = 0: C is not read; alpha = 0: A and B are not read.
import type { KernelCall, KernelComplex, KernelOperand, KernelResult } from '../types.js';

const cx = (s: unknown) => s as KernelComplex;
const re = (s: unknown) => s as number;

/** C[i,j] = alpha * sum_l A[i,l] B[l,j] + beta * C[i,j] over 2-D operands at the given offsets. */
function gemmReal2(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: KernelOperand,
  ao: number,
  b: KernelOperand,
  bo: number,
  beta: number,
  c: KernelOperand,
  co: number,
  ax: number,
): void {
  const [ar, ac] = [a.st[ax], a.st[ax + 1]];
  const [br, bc] = [b.st[ax], b.st[ax + 1]];
  const [cr, cc] = [c.st[ax], c.st[ax + 1]];
  // Fixed point (gemm:i8,i8->i32): the sums of int8 products are exact in
  // float64, and the scaling wraps modulo 2^32 as int32 arithmetic does.
  const wrap = c.data instanceof Int32Array;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const ci = co + i * cr + j * cc;
      const old = beta === 0 ? 0 : wrap ? Math.imul(beta, c.data[ci]) : beta * c.data[ci];
      if (alpha === 0) {
        c.data[ci] = old;
        continue;
      }
      let s = 0;
      for (let l = 0, ai = ao + i * ar, bi = bo + j * bc; l < k; l++, ai += ac, bi += br)
        s += a.data[ai] * b.data[bi];
      c.data[ci] = wrap ? (Math.imul(alpha, s) + old) | 0 : alpha * s + old;
    }
  }
}

function gemmComplex2(
  m: number,
  n: number,
  k: number,
  alpha: KernelComplex,
  a: KernelOperand,
  ao: number,
  b: KernelOperand,
  bo: number,
  beta: KernelComplex,
  c: KernelOperand,
  co: number,
  ax: number,
  conjA: boolean,
  conjB: boolean,
): void {
  const [ar, ac] = [a.st[ax], a.st[ax + 1]];
  const [br, bc] = [b.st[ax], b.st[ax + 1]];
  const [cr, cc] = [c.st[ax], c.st[ax + 1]];
  const sa = conjA ? -1 : 1;
  const sb = conjB ? -1 : 1;
  const alphaZero = alpha.re === 0 && alpha.im === 0;
  const betaZero = beta.re === 0 && beta.im === 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const ci = co + i * cr + j * cc;
      let or = 0;
      let oi = 0;
      if (!betaZero) {
        const xr = c.data[ci];
        const xi = c.data[ci + 1];
        or = beta.re * xr - beta.im * xi;
        oi = beta.re * xi + beta.im * xr;
      }
      if (alphaZero) {
        c.data[ci] = or;
        c.data[ci + 1] = oi;
        continue;
      }
      let sr = 0;
      let si = 0;
      for (let l = 0, ai = ao + i * ar, bi = bo + j * bc; l < k; l++, ai += ac, bi += br) {
        const xr = a.data[ai];
        const xi = sa * a.data[ai + 1];
        const yr = b.data[bi];
        const yi = sb * b.data[bi + 1];
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      c.data[ci] = alpha.re * sr - alpha.im * si + or;
      c.data[ci + 1] = alpha.re * si + alpha.im * sr + oi;
    }
  }
}

export function gemmReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const { a, b, c } = ops;
  gemmReal2(
    dims.m,
    dims.n,
    dims.k,
    re(scalars.alpha),
    a,
    a.off,
    b,
    b.off,
    re(scalars.beta),
    c,
    c.off,
    0,
  );
  return undefined;
}

export function gemmComplex({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, b, c } = ops;
  gemmComplex2(
    dims.m,
    dims.n,
    dims.k,
    cx(scalars.alpha),
    a,
    a.off,
    b,
    b.off,
    cx(scalars.beta),
    c,
    c.off,
    0,
    !!options.conj.a,
    !!options.conj.b,
  );
  return undefined;
}

export function gemmBatchedReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const { a, b, c } = ops;
  for (let p = 0; p < dims.batch; p++) {
    gemmReal2(
      dims.m,
      dims.n,
      dims.k,
      re(scalars.alpha),
      a,
      a.off + p * a.st[0],
      b,
      b.off + p * b.st[0],
      re(scalars.beta),
      c,
      c.off + p * c.st[0],
      1,
    );
  }
  return undefined;
}

export function gemmBatchedComplex({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, b, c } = ops;
  for (let p = 0; p < dims.batch; p++) {
    gemmComplex2(
      dims.m,
      dims.n,
      dims.k,
      cx(scalars.alpha),
      a,
      a.off + p * a.st[0],
      b,
      b.off + p * b.st[0],
      cx(scalars.beta),
      c,
      c.off + p * c.st[0],
      1,
      !!options.conj.a,
      !!options.conj.b,
    );
  }
  return undefined;
}

/** y = alpha * A x + beta * y, as GEMM with n = 1 (x and y as column vectors). */
export function gemvReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const { a, x, y } = ops;
  const xcol = { data: x.data, off: x.off, st: [x.st[0], 0] };
  const ycol = { data: y.data, off: y.off, st: [y.st[0], 0] };
  gemmReal2(
    dims.m,
    1,
    dims.n,
    re(scalars.alpha),
    a,
    a.off,
    xcol,
    x.off,
    re(scalars.beta),
    ycol,
    y.off,
    0,
  );
  return undefined;
}

export function gemvComplex({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, x, y } = ops;
  const xcol = { data: x.data, off: x.off, st: [x.st[0], 0] };
  const ycol = { data: y.data, off: y.off, st: [y.st[0], 0] };
  gemmComplex2(
    dims.m,
    1,
    dims.n,
    cx(scalars.alpha),
    a,
    a.off,
    xcol,
    x.off,
    cx(scalars.beta),
    ycol,
    y.off,
    0,
    !!options.conj.a,
    !!options.conj.x,
  );
  return undefined;
}
