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
import { type Blocking, type MacroKernel, pack, runBlocked } from './gemm-blocked.js';

/** The macro-kernel of this thread and its blocking: what every product runs on. */
export interface Engine {
  readonly macro: MacroKernel;
  readonly blk: Blocking;
}

/** A routine on the frame: its kernel over an engine, and its multiply-adds (what a cut-over compares). */
export interface BlockedRoutine {
  readonly make: (engine: () => Engine) => Kernel;
  readonly work: (call: KernelCall) => number;
}

/** Which elements of a block of C a product writes: all, or one triangle (diagonal included). */
export type Part = 'all' | 'upper' | 'lower';

/** The columns [lo, hi) of row `row` within [j0, end) that `part` writes. */
const SPAN: Readonly<Record<Part, (row: number, j0: number, end: number) => [number, number]>> = {
  all: (_, j0, end) => [j0, end],
  upper: (row, j0, end) => [Math.max(j0, row), end],
  lower: (row, j0, end) => [j0, Math.min(end, row + 1)],
};

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

/**
 * C = alpha A B + beta C on `part` of C (m x n), A m x k, B k x n, any
 * strides, k > 0; beta = 0 does not read C. Elements outside `part` are
 * computed in scratch and dropped: the caller's C there is neither read nor written.
 */
export function multiply(
  e: Engine,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: KernelOperand,
  b: KernelOperand,
  beta: number,
  c: KernelOperand,
  part: Part = 'all',
): void {
  if (m === 0 || n === 0) return;
  const span = SPAN[part];
  const [rs, cs] = c.st;
  const data = c.data;
  runBlocked(
    {
      m,
      n,
      k,
      packA: (dst, at, i0, rows, mr) =>
        pack(dst, at, a.data, a.off + i0 * a.st[0], a.st[0], a.st[1], rows, k, mr),
      packB: (dst, at, j0, cols, nr) =>
        pack(dst, at, b.data, b.off + j0 * b.st[1], b.st[1], b.st[0], cols, k, nr),
      writeBack: (buf, at, ldc, i0, rows, j0, cols) => {
        for (let i = 0; i < rows; i++) {
          const [lo, hi] = span(i0 + i, j0, j0 + cols);
          let ci = c.off + (i0 + i) * rs + lo * cs;
          let bi = at + i * ldc + lo - j0;
          if (beta === 0) for (let j = lo; j < hi; j++, ci += cs) data[ci] = alpha * buf[bi++];
          else
            for (let j = lo; j < hi; j++, ci += cs) data[ci] = alpha * buf[bi++] + beta * data[ci];
        }
      },
    },
    e.macro,
    e.blk,
  );
}

/** A scratch array of `length` elements of the same type as `data` (float32 stays float32). */
export function scratchLike(data: KernelData, length: number): Float64Array | Float32Array {
  return data instanceof Float32Array ? new Float32Array(length) : new Float64Array(length);
}

/** The rank-k update (A B^T with B = A) or rank-2k update (A B^T + B A^T) of one triangle of C. */
interface Update {
  readonly k: number;
  readonly alpha: number;
  readonly a: KernelOperand;
  readonly b: KernelOperand;
  readonly two: boolean;
  readonly beta: number;
  readonly c: KernelOperand;
  readonly upper: boolean;
}

/**
 * C[i.., j..] (m x n) = alpha A_i B_j^T [+ alpha B_i A_j^T] + beta C on
 * `part`, A_i the rows of A from i. The second term adds to the first's
 * result, so each term is alpha times its own sum, as in the reference.
 */
function terms(e: Engine, u: Update, i: number, j: number, m: number, n: number, part: Part) {
  const c = block(u.c, i, j);
  const bj = transposed(block(u.b, j, 0));
  multiply(e, m, n, u.k, u.alpha, block(u.a, i, 0), bj, u.beta, c, part);
  if (!u.two) return;
  const aj = transposed(block(u.a, j, 0));
  multiply(e, m, n, u.k, u.alpha, block(u.b, i, 0), aj, 1, c, part);
}

/** The diagonal block of C of order n at (lo, lo): its off-diagonal block, then both halves. */
function update(e: Engine, u: Update, lo: number, n: number): void {
  if (n <= DIAGONAL) {
    terms(e, u, lo, lo, n, n, u.upper ? 'upper' : 'lower');
    return;
  }
  const n1 = split(n);
  if (u.upper) terms(e, u, lo, lo + n1, n1, n - n1, 'all');
  else terms(e, u, lo + n1, lo, n - n1, n1, 'all');
  update(e, u, lo, n1);
  update(e, u, lo + n1, n - n1);
}

function updateWith(two: boolean, reference: Kernel) {
  return (engine: () => Engine): Kernel =>
    (call: KernelCall) => {
      const { dims, ops, scalars, options } = call;
      const alpha = scalars.alpha as number;
      if (alpha === 0 || dims.k === 0) return reference(call);
      const { a, c } = ops;
      const b = two ? ops.b : a;
      const beta = scalars.beta as number;
      update(engine(), { k: dims.k, alpha, a, b, two, beta, c, upper: options.upper }, 0, dims.n);
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

function symmBlocked(engine: () => Engine): Kernel {
  return (call: KernelCall) => {
    const { dims, ops, scalars, options } = call;
    const alpha = scalars.alpha as number;
    const { m, n } = dims;
    if (alpha === 0 || m === 0 || n === 0) return symmReal(call);
    const beta = scalars.beta as number;
    const e = engine();
    if (options.left) {
      const s = symmetric(ops.a, m, options.upper);
      multiply(e, m, n, m, alpha, s, ops.b, beta, ops.c);
    } else {
      const s = symmetric(ops.a, n, options.upper);
      multiply(e, m, n, n, alpha, ops.b, s, beta, ops.c);
    }
    return undefined;
  };
}

const rankWork = ({ dims }: KernelCall) => dims.n * dims.n * dims.k;

export const BLOCKED_SYMMETRIC: Readonly<Record<'symm' | 'syrk' | 'syr2k', BlockedRoutine>> = {
  symm: {
    make: symmBlocked,
    work: ({ dims, options }) => dims.m * dims.n * (options.left ? dims.m : dims.n),
  },
  syrk: { make: updateWith(false, syrkReal), work: rankWork },
  syr2k: { make: updateWith(true, syr2kReal), work: (call) => 2 * rankWork(call) },
};
