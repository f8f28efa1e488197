// How a parallel gemm cuts C into blocks whose boundaries depend only on the
// problem (whole columns, or rows when C is taller than wide, of an even
// width in multiples of the register tile), and block b as a 2-D call on
// views of the operands. Shared by the float and the int8 parallel gemm.
import type { KernelCall, KernelOperand } from '../../kernels/types.js';

export interface Split {
  /** The call; for a batch, axis 0 of every operand is the batch axis. */
  readonly call: KernelCall;
  readonly batched: boolean;
  /** The axis of C that blocks cut: 0 rows, 1 columns. */
  readonly axis: 0 | 1;
  /** Rows or columns per block (the last one may have fewer). */
  readonly width: number;
  readonly blocksPerMatrix: number;
}

/** The split of `call` into blocks of at most `most` rows or columns, in multiples of `tile`. */
export function splitOf(
  call: KernelCall,
  batched: boolean,
  most: number,
  tile: number,
): { split: Split; blocks: number; work: number } {
  const { m, n, k } = call.dims;
  const batch = batched ? call.dims.batch : 1;
  const axis = n >= m ? 1 : 0;
  const length = axis === 0 ? m : n;
  const blocksPerMatrix = Math.ceil(length / most);
  const width = Math.ceil(length / blocksPerMatrix / tile) * tile;
  return {
    split: { call, batched, axis, width, blocksPerMatrix },
    blocks: batch * blocksPerMatrix,
    work: batch * m * n * k,
  };
}

const shift = (op: KernelOperand, by: number): KernelOperand => ({
  data: op.data,
  off: op.off + by,
  st: op.st,
});

/** Matrix `p` of a batch as a 2-D operand. */
const matrixOf = (op: KernelOperand, p: number): KernelOperand => ({
  data: op.data,
  off: op.off + p * op.st[0],
  st: op.st.slice(1),
});

/** Block `b` as a 2-D call: the block's columns of B and C, or its rows of A and C. */
export function blockCall(g: Split, b: number): KernelCall {
  const { call, axis } = g;
  const p = Math.floor(b / g.blocksPerMatrix);
  const first = (b % g.blocksPerMatrix) * g.width;
  const [a, bm, c] = (['a', 'b', 'c'] as const).map((name) =>
    g.batched ? matrixOf(call.ops[name], p) : call.ops[name],
  );
  const { m, n, k } = call.dims;
  const width = Math.min(g.width, (axis === 0 ? m : n) - first);
  const ops =
    axis === 0
      ? { a: shift(a, first * a.st[0]), b: bm, c: shift(c, first * c.st[0]) }
      : { a, b: shift(bm, first * bm.st[1]), c: shift(c, first * c.st[1]) };
  const dims = { m: axis === 0 ? width : m, n: axis === 0 ? n : width, k };
  return { dims, ops, scalars: call.scalars, options: call.options };
}
