// The symmetric and Hermitian Level-3 routines on the GEMM frame (BLIS-style:
// gemm's packing and wasm macro-kernel, complex ones through the interleaved
// complex gemm, no loops of their own): syrk/herk and syr2k/her2k by
// recursive halving of C, the off-diagonal block a product of sub-views of A
// and A^T (views are offsets and swapped strides, conjugation a gemm option),
// a diagonal block of order <= DIAGONAL the full product with only its uplo
// triangle written back; symm/hemm by rebuilding the full operand from its
// stored triangle (O(n^2)), then one product. Every product multiplies
// referenced values only, so NaN and Inf propagate as in the reference
// kernels; complex calls where a value the complex gemm adds (a zero
// imaginary part: a real scalar, a Hermitian diagonal) could meet an Inf go
// to the reference (level3-finite.ts). The zero-scalar shortcuts and an empty
// depth go to the reference kernels too, which read nothing they must not.
import {
  hemmComplex,
  her2kComplex,
  herkComplex,
  symmComplex,
  symmReal,
  syr2kComplex,
  syr2kReal,
  syrkComplex,
  syrkReal,
  transposed,
} from '../../kernels/ref/level3.js';
import type {
  Kernel,
  KernelCall,
  KernelData,
  KernelOperand,
  KernelScalar,
} from '../../kernels/types.js';
import { hemmReadsFinite, updateReadsFinite } from './level3-finite.js';

/** Operands read conjugated by one product (complex only). */
export type Conj = Readonly<{ a?: boolean; b?: boolean }>;

/**
 * C = alpha A B + beta C, C m x n, A m x k, B k x n, any strides, k > 0;
 * beta = 0 does not read C. A blocked gemm kernel: the frame's packing and
 * macro-kernel; complex when the scalars are.
 */
export type Multiply = (
  m: number,
  n: number,
  k: number,
  alpha: KernelScalar,
  a: KernelOperand,
  b: KernelOperand,
  beta: KernelScalar,
  c: KernelOperand,
  conj?: Conj,
) => void;

const NO_OPTIONS = { upper: false, left: true, unit: false } as const;

/** The Multiply of a gemm kernel. */
export const multiplier =
  (gemm: Kernel): Multiply =>
  (m, n, k, alpha, a, b, beta, c, conj = {}) => {
    gemm({
      dims: { m, n, k },
      ops: { a, b, c },
      scalars: { alpha, beta },
      options: { ...NO_OPTIONS, conj },
    });
  };

/** A routine on the frame: its kernel over a gemm kernel, and the reference kernel's multiply-adds (what a cut-over compares). */
export interface BlockedRoutine {
  readonly make: (gemm: Kernel) => Kernel;
  readonly work: (call: KernelCall) => number;
}

/** Order up to which a diagonal block of C is one product (the rest of the tile is computed, not written). */
const DIAGONAL = 32;

/** Where an order-n problem is halved: whole register tiles on the first side. */
export const split = (n: number): number => Math.ceil(n / 16) * 8;

/** The block of `op` whose element (0, 0) is element (i, j) of op: same strides. */
export const block = (op: KernelOperand, i: number, j: number): KernelOperand => ({
  data: op.data,
  off: op.off + i * op.st[0] + j * op.st[1],
  st: op.st,
});

/** A scratch array of `length` elements of the same type as `data` (float32 stays float32). */
function scratchLike(data: KernelData, length: number): Float64Array | Float32Array {
  return data instanceof Float32Array ? new Float32Array(length) : new Float64Array(length);
}

/** A scalar in the kernel's arithmetic: complex data multiplies by complex scalars. */
export const inKind = (s: KernelScalar, complex: boolean): KernelScalar =>
  complex && typeof s === 'number' ? { re: s, im: 0 } : s;

export const isZero = (s: KernelScalar): boolean =>
  typeof s === 'number' ? s === 0 : s.re === 0 && s.im === 0;

const conjugate = (s: KernelScalar): KernelScalar =>
  typeof s === 'number' ? s : { re: s.re, im: -s.im };

/**
 * Copies the `upper` (or lower) triangle, diagonal included, of an n x n
 * `from` into `to`, `w` components per element; `real` writes zero imaginary
 * parts on the diagonal of `to` instead of copying them.
 */
function copyTriangle(
  from: KernelOperand,
  to: KernelOperand,
  n: number,
  upper: boolean,
  w: number,
  real: boolean,
): void {
  for (let i = 0; i < n; i++) {
    const [lo, hi] = upper ? [i, n] : [0, i + 1];
    for (let j = lo; j < hi; j++) {
      const [s, d] = [
        from.off + i * from.st[0] + j * from.st[1],
        to.off + i * to.st[0] + j * to.st[1],
      ];
      to.data[d] = from.data[s];
      if (w === 2) to.data[d + 1] = real && i === j ? 0 : from.data[s + 1];
    }
  }
}

/** The rank-k update (A B' with B = A) or rank-2k update (A B' + B A') of one triangle of C, ' a (conjugate) transpose. */
interface Update {
  readonly mul: Multiply;
  readonly k: number;
  readonly alpha: KernelScalar;
  /** The second term's scalar: conj(alpha) for her2k. */
  readonly alpha2: KernelScalar;
  readonly a: KernelOperand;
  readonly b: KernelOperand;
  readonly two: boolean;
  readonly beta: KernelScalar;
  /** 1 in the kernel's arithmetic: the second term adds to the first. */
  readonly one: KernelScalar;
  readonly conj1: Conj;
  readonly conj2: Conj;
  readonly c: KernelOperand;
  readonly upper: boolean;
  readonly w: number;
  /** Hermitian: the diagonal of C is real (imaginary parts not read, written as zero). */
  readonly herm: boolean;
  /** Scratch for one diagonal block. */
  readonly tile: KernelOperand;
}

/**
 * `into` (m x n) = alpha A_i B_j' [+ alpha2 B_i A_j'] + beta `into`, A_i the
 * rows of A from i. The second term adds to the first's result, so each term
 * is its scalar times its own sum, as in the reference.
 */
function terms(u: Update, into: KernelOperand, i: number, j: number, m: number, n: number): void {
  const [ai, bj] = [block(u.a, i, 0), transposed(block(u.b, j, 0))];
  u.mul(m, n, u.k, u.alpha, ai, bj, u.beta, into, u.conj1);
  if (!u.two) return;
  const [bi, aj] = [block(u.b, i, 0), transposed(block(u.a, j, 0))];
  u.mul(m, n, u.k, u.alpha2, bi, aj, u.one, into, u.conj2);
}

/** The diagonal block of C of order n at (lo, lo): its off-diagonal block, then both halves. */
function update(u: Update, lo: number, n: number): void {
  if (n <= DIAGONAL) {
    // The whole block runs in scratch; only its uplo triangle goes in and out.
    const c = block(u.c, lo, lo);
    if (!isZero(u.beta)) copyTriangle(c, u.tile, n, u.upper, u.w, u.herm);
    terms(u, u.tile, lo, lo, n, n);
    copyTriangle(u.tile, c, n, u.upper, u.w, u.herm);
    return;
  }
  const n1 = split(n);
  if (u.upper) terms(u, block(u.c, lo, lo + n1), lo, lo + n1, n1, n - n1);
  else terms(u, block(u.c, lo + n1, lo), lo + n1, lo, n - n1, n1);
  update(u, lo, n1);
  update(u, lo + n1, n - n1);
}

/** A rank update: two terms or one, Hermitian or not, on complex data or real. */
interface UpdateKind {
  readonly two: boolean;
  readonly herm: boolean;
  readonly complex: boolean;
}

function updateWith(kind: UpdateKind, reference: Kernel) {
  const { two, herm, complex } = kind;
  return (gemm: Kernel): Kernel =>
    (call: KernelCall) => {
      const { dims, ops, scalars, options } = call;
      const alpha = inKind(scalars.alpha, complex);
      if (isZero(alpha) || dims.k === 0) return reference(call);
      // A complex syrk multiplies by its complex scalars only, as the reference.
      const zeros = complex && (two || herm);
      if (zeros && !updateReadsFinite(call, two, herm)) return reference(call);
      const { a, c } = ops;
      const w = complex ? 2 : 1;
      const d = Math.min(dims.n, DIAGONAL);
      const ca = options.conj.a === true;
      const cb = two ? options.conj.b === true : ca;
      update(
        {
          mul: multiplier(gemm),
          k: dims.k,
          alpha,
          alpha2: herm ? conjugate(alpha) : alpha,
          a,
          b: two ? ops.b : a,
          two,
          beta: inKind(scalars.beta, complex),
          one: inKind(1, complex),
          conj1: { a: ca, b: herm !== cb },
          conj2: { a: cb, b: herm !== ca },
          c,
          upper: options.upper,
          w,
          herm,
          tile: { data: scratchLike(c.data, w * d * d), off: 0, st: [w * d, w] },
        },
        0,
        dims.n,
      );
      return undefined;
    };
}

/**
 * The full m x m matrix (row-major scratch) from the stored triangle of a:
 * mirrored, conjugated when `herm` with a zero imaginary diagonal.
 */
function full(
  a: KernelOperand,
  m: number,
  upper: boolean,
  w: number,
  herm: boolean,
): KernelOperand {
  const s = scratchLike(a.data, w * m * m);
  const [rs, cs] = a.st;
  for (let i = 0; i < m; i++) {
    const [lo, hi] = upper ? [i, m] : [0, i + 1];
    for (let j = lo; j < hi; j++) {
      const v = a.off + i * rs + j * cs;
      const [ij, ji] = [w * (i * m + j), w * (j * m + i)];
      s[ij] = a.data[v];
      s[ji] = a.data[v];
      if (w === 1) continue;
      const im = herm && i === j ? 0 : a.data[v + 1];
      s[ij + 1] = im;
      s[ji + 1] = herm ? -im : im;
    }
  }
  return { data: s, off: 0, st: [w * m, w] };
}

function symmWith(herm: boolean, complex: boolean, reference: Kernel) {
  return (gemm: Kernel): Kernel =>
    (call: KernelCall) => {
      const { dims, ops, scalars, options } = call;
      const { m, n } = dims;
      if (isZero(scalars.alpha) || m === 0 || n === 0) return reference(call);
      // Only hemm adds a value (its diagonal's zero imaginary part).
      if (herm && !hemmReadsFinite(call)) return reference(call);
      const { alpha, beta } = scalars;
      const mul = multiplier(gemm);
      const [w, upper] = [complex ? 2 : 1, options.upper];
      if (options.left) mul(m, n, m, alpha, full(ops.a, m, upper, w, herm), ops.b, beta, ops.c);
      else mul(m, n, n, alpha, ops.b, full(ops.a, n, upper, w, herm), beta, ops.c);
      return undefined;
    };
}

type SymmetricName = 'symm' | 'syrk' | 'syr2k' | 'hemm' | 'herk' | 'her2k';

const symmWork = ({ dims, options }: KernelCall) =>
  dims.m * dims.n * (options.left ? dims.m : dims.n);
const rankkWork = ({ dims }: KernelCall) => (dims.n * dims.n * dims.k) / 2;
const rank2kWork = ({ dims }: KernelCall) => dims.n * dims.n * dims.k;

/** The real routines (float32, float64). */
export const BLOCKED_SYMMETRIC: Readonly<Record<'symm' | 'syrk' | 'syr2k', BlockedRoutine>> = {
  symm: { make: symmWith(false, false, symmReal), work: symmWork },
  syrk: {
    make: updateWith({ two: false, herm: false, complex: false }, syrkReal),
    work: rankkWork,
  },
  syr2k: {
    make: updateWith({ two: true, herm: false, complex: false }, syr2kReal),
    work: rank2kWork,
  },
};

/** The complex routines (complex64, complex128); multiply-adds are complex ones. */
export const BLOCKED_SYMMETRIC_COMPLEX: Readonly<Record<SymmetricName, BlockedRoutine>> = {
  symm: { make: symmWith(false, true, symmComplex), work: symmWork },
  hemm: { make: symmWith(true, true, hemmComplex), work: symmWork },
  syrk: {
    make: updateWith({ two: false, herm: false, complex: true }, syrkComplex),
    work: rankkWork,
  },
  herk: {
    make: updateWith({ two: false, herm: true, complex: true }, herkComplex),
    work: rankkWork,
  },
  syr2k: {
    make: updateWith({ two: true, herm: false, complex: true }, syr2kComplex),
    work: rank2kWork,
  },
  her2k: {
    make: updateWith({ two: true, herm: true, complex: true }, her2kComplex),
    work: rank2kWork,
  },
};
