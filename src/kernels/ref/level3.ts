// Reference Level-3 kernels for symmetric and Hermitian matrices, real and
// complex, any strides: symm/hemm, and the rank-k and rank-2k updates
// syrk/herk and syr2k/her2k of one triangle of C. Only the `uplo` triangle of
// A (symm/hemm) is read, and only the `uplo` triangle of C (updates) is read
// or written. Hermitian diagonals are real: their imaginary parts are not read
// from A and are set to zero in C. Values real by definition (a Hermitian
// diagonal, herk's alpha, herk's and her2k's beta) scale both parts, as
// reference BLAS does, so no 0 * Inf arises from an imaginary part that is
// not there. beta = 0: C is not read; alpha = 0: A and B are not read. No zero
// is skipped, so NaN and Inf propagate.
import type { KernelCall, KernelOperand, KernelResult, KernelScalar } from '../types.js';

const re = (s: unknown) => s as number;

/** The same matrix with its axes swapped: right-side forms run as left-side ones. */
export const transposed = (op: KernelOperand): KernelOperand => ({
  data: op.data,
  off: op.off,
  st: [op.st[1], op.st[0]],
});

const at = (a: KernelOperand, i: number, j: number) => a.off + i * a.st[0] + j * a.st[1];

/** Whether element (i, j) lies in the stored triangle (diagonal included). */
const stored = (upper: boolean, i: number, j: number) => i === j || (upper ? i < j : i > j);

/**
 * A scalar as the complex kernels use it. A real one (herk's alpha, a beta)
 * scales both parts of a product separately, as reference BLAS does, so its
 * zero imaginary part never meets an Inf (0 * Inf = NaN).
 */
interface Scale {
  readonly r: number;
  readonly i: number;
  readonly real: boolean;
}

const scaleOf = (s: KernelScalar): Scale =>
  typeof s === 'number' ? { r: s, i: 0, real: true } : { r: s.re, i: s.im, real: false };
const mulRe = (s: Scale, zr: number, zi: number) => (s.real ? s.r * zr : s.r * zr - s.i * zi);
const mulIm = (s: Scale, zr: number, zi: number) => (s.real ? s.r * zi : s.r * zi + s.i * zr);
const isZero = (s: Scale) => s.r === 0 && s.i === 0;

/** C = alpha S B + beta C, S m x m symmetric from the stored triangle of a; B, C m x n. */
function symmLeftReal(
  m: number,
  n: number,
  alpha: number,
  a: KernelOperand,
  upper: boolean,
  b: KernelOperand,
  beta: number,
  c: KernelOperand,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const ci = at(c, i, j);
      const old = beta === 0 ? 0 : beta * c.data[ci];
      if (alpha === 0) {
        c.data[ci] = old;
        continue;
      }
      let s = 0;
      for (let l = 0; l < m; l++) {
        const ai = stored(upper, i, l) ? at(a, i, l) : at(a, l, i);
        s += a.data[ai] * b.data[at(b, l, j)];
      }
      c.data[ci] = alpha * s + old;
    }
  }
}

/**
 * Complex symm (S = S^T) or hemm (S = S^H, real diagonal); `conjS` reads
 * conj(S), which is S^T for a Hermitian S.
 */
function symmLeftComplex(
  m: number,
  n: number,
  alpha: Scale,
  a: KernelOperand,
  upper: boolean,
  herm: boolean,
  conjS: boolean,
  b: KernelOperand,
  beta: Scale,
  c: KernelOperand,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const ci = at(c, i, j);
      let or = 0;
      let oi = 0;
      if (!isZero(beta)) {
        or = mulRe(beta, c.data[ci], c.data[ci + 1]);
        oi = mulIm(beta, c.data[ci], c.data[ci + 1]);
      }
      if (isZero(alpha)) {
        c.data[ci] = or;
        c.data[ci + 1] = oi;
        continue;
      }
      let sr = 0;
      let si = 0;
      for (let l = 0; l < m; l++) {
        const inside = stored(upper, i, l);
        const ai = inside ? at(a, i, l) : at(a, l, i);
        const xr = a.data[ai];
        const bi = at(b, l, j);
        const yr = b.data[bi];
        const yi = b.data[bi + 1];
        if (herm && i === l) {
          // A Hermitian diagonal is real: it scales both parts, as reference BLAS does.
          sr += xr * yr;
          si += xr * yi;
          continue;
        }
        // The mirrored triangle of a Hermitian matrix is conjugated.
        const xi = !herm || inside !== conjS ? a.data[ai + 1] : -a.data[ai + 1];
        sr += xr * yr - xi * yi;
        si += xr * yi + xi * yr;
      }
      c.data[ci] = mulRe(alpha, sr, si) + or;
      c.data[ci + 1] = mulIm(alpha, sr, si) + oi;
    }
  }
}

export function symmReal({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, b, c } = ops;
  const [alpha, beta, upper] = [re(scalars.alpha), re(scalars.beta), options.upper];
  // B S = (S B^T)^T with S^T = S.
  if (options.left) symmLeftReal(dims.m, dims.n, alpha, a, upper, b, beta, c);
  else symmLeftReal(dims.n, dims.m, alpha, a, upper, transposed(b), beta, transposed(c));
  return undefined;
}

function symmComplexWith(herm: boolean) {
  return ({ dims, ops, scalars, options }: KernelCall): KernelResult => {
    const { a, b, c } = ops;
    const [alpha, beta, upper] = [scaleOf(scalars.alpha), scaleOf(scalars.beta), options.upper];
    // B S = (S^T B^T)^T, and S^T = conj(S) for a Hermitian S.
    if (options.left) symmLeftComplex(dims.m, dims.n, alpha, a, upper, herm, false, b, beta, c);
    else {
      const [bt, ct] = [transposed(b), transposed(c)];
      symmLeftComplex(dims.n, dims.m, alpha, a, upper, herm, herm, bt, beta, ct);
    }
    return undefined;
  };
}

export const symmComplex = symmComplexWith(false);
export const hemmComplex = symmComplexWith(true);

/** What a rank update adds: A A' (one term) or A B' + B A' (two), ' a transpose. */
interface Update {
  readonly two: boolean;
  /** ' conjugates too (herk, her2k), and the diagonal of C is real. */
  readonly herm: boolean;
}

/** The rows i of column j in the stored triangle of C. */
const rowsOf = (upper: boolean, j: number, n: number): [number, number] =>
  upper ? [0, j + 1] : [j, n];

/** The uplo triangle of C (n x n) = alpha (A B^T [+ B A^T]) + beta C; A, B n x k. */
function updateReal(
  n: number,
  k: number,
  alpha: number,
  a: KernelOperand,
  b: KernelOperand,
  two: boolean,
  beta: number,
  c: KernelOperand,
  upper: boolean,
): void {
  for (let j = 0; j < n; j++) {
    const [lo, hi] = rowsOf(upper, j, n);
    for (let i = lo; i < hi; i++) {
      const ci = at(c, i, j);
      const old = beta === 0 ? 0 : beta * c.data[ci];
      if (alpha === 0) {
        c.data[ci] = old;
        continue;
      }
      let s1 = 0;
      let s2 = 0;
      for (let l = 0; l < k; l++) {
        s1 += a.data[at(a, i, l)] * b.data[at(b, j, l)];
        if (two) s2 += b.data[at(b, i, l)] * a.data[at(a, j, l)];
      }
      c.data[ci] = two ? alpha * s1 + alpha * s2 + old : alpha * s1 + old;
    }
  }
}

/**
 * The complex update: alpha A B' [+ alpha2 B A'] + beta C with alpha2 =
 * conj(alpha) when Hermitian, else alpha. `sa`, `sb` (+1 or -1) conjugate A
 * or B where they are read.
 */
function updateComplex(
  n: number,
  k: number,
  alpha: Scale,
  a: KernelOperand,
  sa: number,
  b: KernelOperand,
  sb: number,
  u: Update,
  beta: Scale,
  c: KernelOperand,
  upper: boolean,
): void {
  const alpha2: Scale = u.herm ? { ...alpha, i: -alpha.i } : alpha;
  const h = u.herm ? -1 : 1;
  for (let j = 0; j < n; j++) {
    const [lo, hi] = rowsOf(upper, j, n);
    for (let i = lo; i < hi; i++) {
      const ci = at(c, i, j);
      const realDiagonal = u.herm && i === j;
      let or = 0;
      let oi = 0;
      if (!isZero(beta)) {
        const im = realDiagonal ? 0 : c.data[ci + 1];
        or = mulRe(beta, c.data[ci], im);
        oi = mulIm(beta, c.data[ci], im);
      }
      let tr = or;
      let ti = oi;
      if (!isZero(alpha)) {
        let s1r = 0;
        let s1i = 0;
        let s2r = 0;
        let s2i = 0;
        for (let l = 0; l < k; l++) {
          // x = A[i][l], y = B[j][l]' (conjugated when Hermitian).
          const ai = at(a, i, l);
          const bj = at(b, j, l);
          const xr = a.data[ai];
          const xi = sa * a.data[ai + 1];
          const yr = b.data[bj];
          const yi = h * sb * b.data[bj + 1];
          s1r += xr * yr - xi * yi;
          s1i += xr * yi + xi * yr;
          if (!u.two) continue;
          // v = B[i][l], w = A[j][l]'.
          const bi = at(b, i, l);
          const aj = at(a, j, l);
          const vr = b.data[bi];
          const vi = sb * b.data[bi + 1];
          const wr = a.data[aj];
          const wi = h * sa * a.data[aj + 1];
          s2r += vr * wr - vi * wi;
          s2i += vr * wi + vi * wr;
        }
        tr += mulRe(alpha, s1r, s1i);
        ti += mulIm(alpha, s1r, s1i);
        if (u.two) {
          tr += mulRe(alpha2, s2r, s2i);
          ti += mulIm(alpha2, s2r, s2i);
        }
      }
      c.data[ci] = tr;
      c.data[ci + 1] = realDiagonal ? 0 : ti;
    }
  }
}

export function syrkReal({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, c } = ops;
  updateReal(dims.n, dims.k, re(scalars.alpha), a, a, false, re(scalars.beta), c, options.upper);
  return undefined;
}

export function syr2kReal({ dims, ops, scalars, options }: KernelCall): KernelResult {
  const { a, b, c } = ops;
  updateReal(dims.n, dims.k, re(scalars.alpha), a, b, true, re(scalars.beta), c, options.upper);
  return undefined;
}

function updateComplexWith(u: Update) {
  return ({ dims, ops, scalars, options }: KernelCall): KernelResult => {
    const { a, c } = ops;
    const b = u.two ? ops.b : a;
    const sa = options.conj.a ? -1 : 1;
    const sb = u.two ? (options.conj.b ? -1 : 1) : sa;
    const [alpha, beta] = [scaleOf(scalars.alpha), scaleOf(scalars.beta)];
    updateComplex(dims.n, dims.k, alpha, a, sa, b, sb, u, beta, c, options.upper);
    return undefined;
  };
}

export const syrkComplex = updateComplexWith({ two: false, herm: false });
export const herkComplex = updateComplexWith({ two: false, herm: true });
export const syr2kComplex = updateComplexWith({ two: true, herm: false });
export const her2kComplex = updateComplexWith({ two: true, herm: true });
