// Reference Level-1 kernels (any stride, any typed array): axpy, scal, copy,
// swap, dot, asum, iamax/iamin, real and complex. Arithmetic in float64;
// NaN and Inf propagate (no skipping of zeros).
import type { KernelCall, KernelComplex, KernelResult } from '../types.js';

const cx = (s: unknown) => s as KernelComplex;
const re = (s: unknown) => s as number;

export function axpyReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const { x, y } = ops;
  const a = re(scalars.alpha);
  if (a === 0) return undefined;
  for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
    y.data[iy] += a * x.data[ix];
  }
  return undefined;
}

export function axpyComplex({ dims, ops, scalars }: KernelCall): KernelResult {
  const { x, y } = ops;
  const { re: ar, im: ai } = cx(scalars.alpha);
  if (ar === 0 && ai === 0) return undefined;
  for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
    const xr = x.data[ix];
    const xi = x.data[ix + 1];
    y.data[iy] += ar * xr - ai * xi;
    y.data[iy + 1] += ar * xi + ai * xr;
  }
  return undefined;
}

export function scalReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const { x } = ops;
  const a = re(scalars.alpha);
  for (let i = 0, ix = x.off; i < dims.n; i++, ix += x.st[0]) x.data[ix] *= a;
  return undefined;
}

/** Complex vector times a real scalar (csscal/zdscal) or a complex one (cscal/zscal). */
export function scalComplex({ dims, ops, scalars }: KernelCall): KernelResult {
  const { x } = ops;
  const s = scalars.alpha;
  const ar = typeof s === 'number' ? s : s.re;
  const ai = typeof s === 'number' ? 0 : s.im;
  for (let i = 0, ix = x.off; i < dims.n; i++, ix += x.st[0]) {
    const xr = x.data[ix];
    const xi = x.data[ix + 1];
    if (typeof s === 'number') {
      x.data[ix] = ar * xr;
      x.data[ix + 1] = ar * xi;
    } else {
      x.data[ix] = ar * xr - ai * xi;
      x.data[ix + 1] = ar * xi + ai * xr;
    }
  }
  return undefined;
}

/** Copies elements of `width` components (1 real, 2 complex), bit for bit. */
function copyWidth(width: number) {
  return ({ dims, ops }: KernelCall): KernelResult => {
    const { x, y } = ops;
    for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
      for (let k = 0; k < width; k++) y.data[iy + k] = x.data[ix + k];
    }
    return undefined;
  };
}

function swapWidth(width: number) {
  return ({ dims, ops }: KernelCall): KernelResult => {
    const { x, y } = ops;
    for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
      for (let k = 0; k < width; k++) {
        const t = x.data[ix + k];
        x.data[ix + k] = y.data[iy + k];
        y.data[iy + k] = t;
      }
    }
    return undefined;
  };
}

export const copyReal = copyWidth(1);
export const copyComplex = copyWidth(2);
export const swapReal = swapWidth(1);
export const swapComplex = swapWidth(2);

export function dotReal({ dims, ops, scalars }: KernelCall): KernelResult {
  const { x, y } = ops;
  let s = scalars.sb === undefined ? 0 : re(scalars.sb);
  for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
    s += x.data[ix] * y.data[iy];
  }
  return s;
}

/** Unconjugated dot (dotu), or conj(x) . y when options.conj.x (dotc). */
export function dotComplex({ dims, ops, options }: KernelCall): KernelResult {
  const { x, y } = ops;
  const sign = options.conj.x ? -1 : 1;
  let sr = 0;
  let si = 0;
  for (let i = 0, ix = x.off, iy = y.off; i < dims.n; i++, ix += x.st[0], iy += y.st[0]) {
    const xr = x.data[ix];
    const xi = sign * x.data[ix + 1];
    const yr = y.data[iy];
    const yi = y.data[iy + 1];
    sr += xr * yr - xi * yi;
    si += xr * yi + xi * yr;
  }
  return { re: sr, im: si };
}

export function asumReal({ dims, ops }: KernelCall): KernelResult {
  const { x } = ops;
  let s = 0;
  for (let i = 0, ix = x.off; i < dims.n; i++, ix += x.st[0]) s += Math.abs(x.data[ix]);
  return s;
}

/** Sum of |re| + |im|, as BLAS scasum/dzasum. */
export function asumComplex({ dims, ops }: KernelCall): KernelResult {
  const { x } = ops;
  let s = 0;
  for (let i = 0, ix = x.off; i < dims.n; i++, ix += x.st[0]) {
    s += Math.abs(x.data[ix]) + Math.abs(x.data[ix + 1]);
  }
  return s;
}

/**
 * Index of the extreme |x_i| (|re| + |im| for complex), 0-based, -1 when n = 0.
 * The first NaN wins; else, for the maximum, the first Inf; else the first extreme.
 */
function extremeIndex(width: number, max: boolean) {
  return ({ dims, ops }: KernelCall): KernelResult => {
    const { x } = ops;
    if (dims.n === 0) return -1;
    let best = 0;
    let bestVal = max ? -1 : Number.POSITIVE_INFINITY;
    for (let i = 0, ix = x.off; i < dims.n; i++, ix += x.st[0]) {
      const v =
        width === 1 ? Math.abs(x.data[ix]) : Math.abs(x.data[ix]) + Math.abs(x.data[ix + 1]);
      if (Number.isNaN(v)) return i;
      if (max ? v > bestVal : v < bestVal) {
        best = i;
        bestVal = v;
      }
    }
    return best;
  };
}

export const iamaxReal = extremeIndex(1, true);
export const iamaxComplex = extremeIndex(2, true);
export const iaminReal = extremeIndex(1, false);
export const iaminComplex = extremeIndex(2, false);
