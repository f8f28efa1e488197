// The symmetric Level-3 routines on the GEMM frame (BLIS-style: gemm's
// packing and wasm macro-kernel, no loops of their own): syrk and syr2k by
// recursive halving of C, the off-diagonal block a product of sub-views of A
// and A^T (views are offsets and swapped strides), a diagonal block of order
// <= DIAGONAL the full product with only its uplo triangle written back; symm
// by rebuilding the symmetric operand from its stored triangle (O(n^2)), then
// one product. Every product multiplies referenced values only, so NaN and
// Inf propagate as in the reference kernels. The zero-scalar shortcuts and an
// empty depth go to the reference kernels, which read nothing they must not.
import { symmReal, syr2kReal, syrkReal, transposed } from '../../kernels/ref/level3.js';
import type { Kernel, KernelCall, KernelData, KernelOperand } from '../../kernels/types.js';

/**
 * C = alpha A B + beta C, C m x n, A m x k, B k x n, any strides, k > 0;
 * beta = 0 does not read C. A blocked gemm kernel: the frame's packing and
 * macro-kernel.
 */
export type Multiply = (
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: KernelOperand,
  b: KernelOperand,
  beta: number,
  c: KernelOperand,
) => void;

const NO_OPTIONS = { upper: false, left: true, unit: false, conj: {} } as const;

/** The Multiply of a gemm kernel. */
export const multiplier =
  (gemm: Kernel): Multiply =>
  (m, n, k, alpha, a, b, beta, c) => {
    gemm({ dims: { m, n, k }, ops: { a, b, c }, scalars: { alpha, beta }, options: NO_OPTIONS });
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

/** Copies the `upper` (or lower) triangle, diagonal included, of an n x n `from` into `to`. */
function copyTriangle(from: KernelOperand, to: KernelOperand, n: number, upper: boolean): void {
  for (let i = 0; i < n; i++) {
    const [lo, hi] = upper ? [i, n] : [0, i + 1];
    for (let j = lo; j < hi; j++) {
      to.data[to.off + i * to.st[0] + j * to.st[1]] =
        from.data[from.off + i * from.st[0] + j * from.st[1]];
    }
  }
}

/** The rank-k update (A B^T with B = A) or rank-2k update (A B^T + B A^T) of one triangle of C. */
interface Update {
  readonly mul: Multiply;
  readonly k: number;
  readonly alpha: number;
  readonly a: KernelOperand;
  readonly b: KernelOperand;
  readonly two: boolean;
  readonly beta: number;
  readonly c: KernelOperand;
  readonly upper: boolean;
  /** Scratch for one diagonal block. */
  readonly tile: KernelOperand;
}

/**
 * `into` (m x n) = alpha A_i B_j^T [+ alpha B_i A_j^T] + beta `into`, A_i the
 * rows of A from i. The second term adds to the first's result, so each term
 * is alpha times its own sum, as in the reference.
 */
function terms(u: Update, into: KernelOperand, i: number, j: number, m: number, n: number): void {
  u.mul(m, n, u.k, u.alpha, block(u.a, i, 0), transposed(block(u.b, j, 0)), u.beta, into);
  if (u.two) u.mul(m, n, u.k, u.alpha, block(u.b, i, 0), transposed(block(u.a, j, 0)), 1, into);
}

/** The diagonal block of C of order n at (lo, lo): its off-diagonal block, then both halves. */
function update(u: Update, lo: number, n: number): void {
  if (n <= DIAGONAL) {
    // The whole block runs in scratch; only its uplo triangle goes in and out.
    const c = block(u.c, lo, lo);
    if (u.beta !== 0) copyTriangle(c, u.tile, n, u.upper);
    terms(u, u.tile, lo, lo, n, n);
    copyTriangle(u.tile, c, n, u.upper);
    return;
  }
  const n1 = split(n);
  if (u.upper) terms(u, block(u.c, lo, lo + n1), lo, lo + n1, n1, n - n1);
  else terms(u, block(u.c, lo + n1, lo), lo + n1, lo, n - n1, n1);
  update(u, lo, n1);
  update(u, lo + n1, n - n1);
}

function updateWith(two: boolean, reference: Kernel) {
  return (gemm: Kernel): Kernel =>
    (call: KernelCall) => {
      const { dims, ops, scalars, options } = call;
      const alpha = scalars.alpha as number;
      if (alpha === 0 || dims.k === 0) return reference(call);
      const { a, c } = ops;
      const d = Math.min(dims.n, DIAGONAL);
      update(
        {
          mul: multiplier(gemm),
          k: dims.k,
          alpha,
          a,
          b: two ? ops.b : a,
          two,
          beta: scalars.beta as number,
          c,
          upper: options.upper,
          tile: { data: scratchLike(c.data, d * d), off: 0, st: [d, 1] },
        },
        0,
        dims.n,
      );
      return undefined;
    };
}

/** The full m x m symmetric matrix (row-major scratch) from the stored triangle of a. */
function symmetric(a: KernelOperand, m: number, upper: boolean): KernelOperand {
  const s = scratchLike(a.data, m * m);
  const [rs, cs] = a.st;
  for (let i = 0; i < m; i++) {
    const [lo, hi] = upper ? [i, m] : [0, i + 1];
    for (let j = lo; j < hi; j++) {
      const v = a.data[a.off + i * rs + j * cs];
      s[i * m + j] = v;
      s[j * m + i] = v;
    }
  }
  return { data: s, off: 0, st: [m, 1] };
}

function symmBlocked(gemm: Kernel): Kernel {
  return (call: KernelCall) => {
    const { dims, ops, scalars, options } = call;
    const alpha = scalars.alpha as number;
    const { m, n } = dims;
    if (alpha === 0 || m === 0 || n === 0) return symmReal(call);
    const beta = scalars.beta as number;
    const mul = multiplier(gemm);
    if (options.left) mul(m, n, m, alpha, symmetric(ops.a, m, options.upper), ops.b, beta, ops.c);
    else mul(m, n, n, alpha, ops.b, symmetric(ops.a, n, options.upper), beta, ops.c);
    return undefined;
  };
}

export const BLOCKED_SYMMETRIC: Readonly<Record<'symm' | 'syrk' | 'syr2k', BlockedRoutine>> = {
  symm: {
    make: symmBlocked,
    work: ({ dims, options }) => dims.m * dims.n * (options.left ? dims.m : dims.n),
  },
  syrk: { make: updateWith(false, syrkReal), work: ({ dims }) => (dims.n * dims.n * dims.k) / 2 },
  syr2k: { make: updateWith(true, syr2kReal), work: ({ dims }) => dims.n * dims.n * dims.k },
};
