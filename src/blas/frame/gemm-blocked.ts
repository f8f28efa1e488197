// The GEMM frame around a packed-panel macro-kernel (BLIS's loops, done in
// TypeScript): over column blocks of C (pack all of B's block), over row blocks
// (pack A's rows), over depth blocks (the macro-kernel accumulates into a
// private C buffer), then one write-back C = alpha * AB + beta * C. Packing
// reads any element strides (negative, zero) and pads edge tiles with zeros,
// so kernels never see an edge and nothing outside the operands is touched.
// Block sizes depend only on the problem, never on threads: results are
// reproducible.
import type { Kernel, KernelCall, KernelData, KernelOperand } from '../../kernels/types.js';

/** A packed-panel macro-kernel living in some linear memory (a wasm instance). */
export interface MacroKernel {
  readonly mr: number;
  readonly nr: number;
  /** Element size of the panels and the C buffer. */
  readonly bytes: 4 | 8;
  /** Byte offset where scratch starts in the kernel's memory. */
  readonly base: number;
  /** A view of the memory holding at least `elements` scratch elements from `base`. */
  scratch(elements: number): Float64Array | Float32Array;
  /**
   * C[mc x nc] (+)= A B: panel i of A at byte pa + i * sa, panel j of B at
   * pb + j * sb, C row-major at pc with row stride ldc elements.
   */
  run(
    mc: number,
    nc: number,
    kc: number,
    pa: number,
    sa: number,
    pb: number,
    sb: number,
    pc: number,
    ldc: number,
    first: boolean,
  ): void;
}

export interface Blocking {
  /** Rows of A packed at a time. */
  readonly mc: number;
  /** Depth per macro-kernel call (keeps micro-panels in L1). */
  readonly kc: number;
  /** Bytes of packed B (k x nc) to aim for: bounds nc. */
  readonly bBudget: number;
}

const roundUp = (x: number, m: number) => Math.ceil(x / m) * m;

interface Matrix {
  readonly data: KernelData;
  readonly off: number;
  readonly rs: number;
  readonly cs: number;
}

function packA(
  dst: Float64Array | Float32Array,
  at: number,
  a: Matrix,
  mc: number,
  mcp: number,
  k: number,
  mr: number,
): void {
  for (let ir = 0; ir < mcp; ir += mr) {
    let d = at + (ir / mr) * k * mr;
    for (let p = 0; p < k; p++) {
      const col = a.off + p * a.cs;
      for (let i = 0; i < mr; i++) dst[d++] = ir + i < mc ? a.data[col + (ir + i) * a.rs] : 0;
    }
  }
}

function packB(
  dst: Float64Array | Float32Array,
  at: number,
  b: Matrix,
  nc: number,
  ncp: number,
  k: number,
  nr: number,
): void {
  for (let jr = 0; jr < ncp; jr += nr) {
    let d = at + (jr / nr) * k * nr;
    for (let p = 0; p < k; p++) {
      const row = b.off + p * b.rs;
      for (let j = 0; j < nr; j++) dst[d++] = jr + j < nc ? b.data[row + (jr + j) * b.cs] : 0;
    }
  }
}

/** C = alpha * buf + beta * C over the valid mc x nc corner; beta = 0 never reads C. */
function writeBack(
  c: Matrix,
  mc: number,
  nc: number,
  buf: Float64Array | Float32Array,
  at: number,
  ldc: number,
  alpha: number,
  beta: number,
): void {
  for (let i = 0; i < mc; i++) {
    let ci = c.off + i * c.rs;
    let bi = at + i * ldc;
    if (beta === 0) for (let j = 0; j < nc; j++, ci += c.cs) c.data[ci] = alpha * buf[bi++];
    else
      for (let j = 0; j < nc; j++, ci += c.cs) c.data[ci] = alpha * buf[bi++] + beta * c.data[ci];
  }
}

/** C = beta * C (alpha = 0 or k = 0: A and B are not read; beta = 0: C is not read). */
function scaleC(c: Matrix, m: number, n: number, beta: number): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0, ci = c.off + i * c.rs; j < n; j++, ci += c.cs)
      c.data[ci] = beta === 0 ? 0 : beta * c.data[ci];
  }
}

function gemm2(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Matrix,
  b: Matrix,
  beta: number,
  c: Matrix,
  macro: MacroKernel,
  blk: Blocking,
): void {
  if (m === 0 || n === 0) return;
  if (alpha === 0 || k === 0) {
    scaleC(c, m, n, beta);
    return;
  }
  const { mr, nr, bytes } = macro;
  const ncMax = Math.min(
    roundUp(n, nr),
    Math.max(nr, Math.floor(blk.bBudget / (k * bytes * nr)) * nr),
  );
  const mcMax = Math.min(roundUp(m, mr), blk.mc);
  const bAt = macro.base / bytes;
  const aAt = bAt + k * ncMax;
  const cAt = aAt + mcMax * k;
  const mem = macro.scratch(k * ncMax + mcMax * k + mcMax * ncMax);
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = Math.min(ncMax, n - jc);
    const ncp = roundUp(nc, nr);
    packB(mem, bAt, { ...b, off: b.off + jc * b.cs }, nc, ncp, k, nr);
    for (let ic = 0; ic < m; ic += mcMax) {
      const mc = Math.min(mcMax, m - ic);
      const mcp = roundUp(mc, mr);
      packA(mem, aAt, { ...a, off: a.off + ic * a.rs }, mc, mcp, k, mr);
      for (let pc = 0; pc < k; pc += blk.kc) {
        const kc = Math.min(blk.kc, k - pc);
        macro.run(
          mcp,
          ncp,
          kc,
          (aAt + pc * mr) * bytes,
          k * mr * bytes,
          (bAt + pc * nr) * bytes,
          k * nr * bytes,
          cAt * bytes,
          ncp,
          pc === 0,
        );
      }
      writeBack({ ...c, off: c.off + ic * c.rs + jc * c.cs }, mc, nc, mem, cAt, ncp, alpha, beta);
    }
  }
}

const matrix = (op: KernelOperand, axis: number, off = op.off): Matrix => ({
  data: op.data,
  off,
  rs: op.st[axis],
  cs: op.st[axis + 1],
});

/** A real gemm kernel (C = alpha A B + beta C) over the given macro-kernel. */
export function blockedGemm(macro: () => MacroKernel, blk: Blocking): Kernel {
  return ({ dims, ops, scalars }: KernelCall) => {
    gemm2(
      dims.m,
      dims.n,
      dims.k,
      scalars.alpha as number,
      matrix(ops.a, 0),
      matrix(ops.b, 0),
      scalars.beta as number,
      matrix(ops.c, 0),
      macro(),
      blk,
    );
    return undefined;
  };
}

/** The batched form: one blocked gemm per matrix of the stack. */
export function blockedGemmBatched(macro: () => MacroKernel, blk: Blocking): Kernel {
  return ({ dims, ops, scalars }: KernelCall) => {
    const { a, b, c } = ops;
    for (let p = 0; p < dims.batch; p++) {
      gemm2(
        dims.m,
        dims.n,
        dims.k,
        scalars.alpha as number,
        matrix(a, 1, a.off + p * a.st[0]),
        matrix(b, 1, b.off + p * b.st[0]),
        scalars.beta as number,
        matrix(c, 1, c.off + p * c.st[0]),
        macro(),
        blk,
      );
    }
    return undefined;
  };
}
