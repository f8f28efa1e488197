// The GEMM frame around a packed-panel macro-kernel (BLIS's loops, done in
// TypeScript): over column blocks of C (pack all of B's block), over row blocks
// (pack A's rows), over depth blocks (the macro-kernel accumulates into a
// private C buffer), then one write-back C = alpha * AB + beta * C. Packing
// reads any element strides (negative, zero) and pads edge tiles with zeros,
// so kernels never see an edge and nothing outside the operands is touched.
// Real blocks go through the macro-kernel's staging and wasm loops where
// their layout allows (gemm-staging.ts), else through the loops here.
// Complex products run on the same real kernels (gemm-complex.ts). Block sizes
// depend only on the problem, never on threads: results are reproducible.
import type { Kernel, KernelCall, KernelData, KernelOperand } from '../../kernels/types.js';
import { complexProblem } from './gemm-complex.js';
import { stagedPack, stagedWriteBack } from './gemm-staging.js';

/** A packed-panel macro-kernel living in some linear memory (a wasm instance). */
export interface MacroKernel {
  readonly mr: number;
  readonly nr: number;
  /** Element size of the panels and the C buffer. */
  readonly bytes: 4 | 8;
  /** Byte offset where scratch starts in the kernel's memory. */
  readonly base: number;
  /** A view of the memory holding at least `elements` scratch elements from `base`. */
  scratch(elements: number): Scratch;
  /** Byte offset of a staging area of `stagingElements` values below `base` (gemm-staging.ts). */
  readonly staging: number;
  readonly stagingElements: number;
  /** Packs rows x k values at byte src (element strides rs, cs) into panels of w rows at byte dst. */
  pack(dst: number, src: number, rs: number, cs: number, rows: number, k: number, w: number): void;
  /** out = alpha * buf + beta * out (beta = 0: out not read); out at byte `out`, strides in elements. */
  combine(
    out: number,
    rs: number,
    cs: number,
    buf: number,
    ldb: number,
    rows: number,
    cols: number,
    alpha: number,
    beta: number,
  ): void;
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

export type Scratch = Float64Array | Float32Array;

export interface Blocking {
  /** Rows of A packed at a time. */
  readonly mc: number;
  /** Depth per macro-kernel call (keeps micro-panels in L1). */
  readonly kc: number;
  /** Bytes of packed B (k x nc) to aim for: bounds nc. */
  readonly bBudget: number;
}

/** A product in real-GEMM terms: its sizes, how to pack its operands and write its result. */
export interface Problem {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Packs rows [i0, i0 + rows) x depth [p0, p0 + kc) of A into micro-panels of `mr` rows (zero padded). */
  packA(
    dst: Scratch,
    at: number,
    i0: number,
    rows: number,
    p0: number,
    kc: number,
    mr: number,
  ): void;
  /** Packs depth [p0, p0 + kc) x columns [j0, j0 + cols) of B into micro-panels of `nr` columns. */
  packB(
    dst: Scratch,
    at: number,
    j0: number,
    cols: number,
    p0: number,
    kc: number,
    nr: number,
  ): void;
  /** C block = alpha * buf + beta * C block (beta = 0: C not read). */
  writeBack(
    buf: Scratch,
    at: number,
    ldc: number,
    i0: number,
    rows: number,
    j0: number,
    cols: number,
  ): void;
}

const roundUp = (x: number, m: number) => Math.ceil(x / m) * m;

type FullPanels = (
  dst: Scratch,
  d: number,
  src: KernelData,
  s: number,
  rs: number,
  cs: number,
  k: number,
) => void;

/** Full micro-panels, unrolled per width: twice as fast as a loop over the width (measured). */
const FULL_PANEL: Readonly<Record<number, FullPanels>> = {
  4: (dst, d, src, s, rs, cs, k) => {
    const [r2, r3] = [2 * rs, 3 * rs];
    for (let p = 0; p < k; p++, s += cs, d += 4) {
      dst[d] = src[s];
      dst[d + 1] = src[s + rs];
      dst[d + 2] = src[s + r2];
      dst[d + 3] = src[s + r3];
    }
  },
  8: (dst, d, src, s, rs, cs, k) => {
    const [r2, r3, r4, r5, r6, r7] = [2 * rs, 3 * rs, 4 * rs, 5 * rs, 6 * rs, 7 * rs];
    for (let p = 0; p < k; p++, s += cs, d += 8) {
      dst[d] = src[s];
      dst[d + 1] = src[s + rs];
      dst[d + 2] = src[s + r2];
      dst[d + 3] = src[s + r3];
      dst[d + 4] = src[s + r4];
      dst[d + 5] = src[s + r5];
      dst[d + 6] = src[s + r6];
      dst[d + 7] = src[s + r7];
    }
  },
};

/**
 * Packs `rows` x k of a strided matrix into micro-panels of `w` rows: panel q
 * holds, for each p < k, the w values of rows q*w..q*w+w-1 at column p; rows
 * past `rows` are zeros. B is packed as its transpose (rows = columns of B).
 */
export function pack(
  dst: Scratch,
  at: number,
  src: KernelData,
  off: number,
  rowStride: number,
  colStride: number,
  rows: number,
  k: number,
  w: number,
): void {
  const full = rows - (rows % w);
  const panel = FULL_PANEL[w];
  let d = at;
  for (let r0 = 0; r0 < full; r0 += w, d += w * k)
    panel(dst, d, src, off + r0 * rowStride, rowStride, colStride, k);
  if (full === rows) return;
  for (let p = 0, s = off + full * rowStride; p < k; p++, s += colStride) {
    for (let i = 0, si = s; i < w; i++, si += rowStride) dst[d++] = full + i < rows ? src[si] : 0;
  }
}

/** Runs a problem through the macro-kernel: the five loops of BLIS (the inner two in wasm). */
export function runBlocked(prob: Problem, macro: MacroKernel, blk: Blocking): void {
  const { m, n, k } = prob;
  const { mr, nr, bytes } = macro;
  const ncMax = Math.min(
    roundUp(n, nr),
    Math.max(nr, Math.floor(blk.bBudget / (k * bytes * nr)) * nr),
  );
  const mcMax = Math.min(roundUp(m, mr), blk.mc);
  // C buffer rows a multiple of 4 KiB apart would alias in L1 (loads wait on
  // unrelated stores): one cache line of padding breaks that.
  const ldc = ncMax + ((ncMax * bytes) % 4096 === 0 ? 64 / bytes : 0);
  const bAt = macro.base / bytes;
  const aAt = bAt + k * ncMax;
  const cAt = aAt + mcMax * k;
  const mem = macro.scratch(k * ncMax + mcMax * k + mcMax * ldc);
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = Math.min(ncMax, n - jc);
    const ncp = roundUp(nc, nr);
    // Each depth block is packed contiguously (panel stride kc * w): panels of
    // a full-depth layout would sit k * w * bytes apart and alias in L1.
    for (let pc = 0; pc < k; pc += blk.kc) {
      prob.packB(mem, bAt + pc * ncp, jc, nc, pc, Math.min(blk.kc, k - pc), nr);
    }
    for (let ic = 0; ic < m; ic += mcMax) {
      const mc = Math.min(mcMax, m - ic);
      const mcp = roundUp(mc, mr);
      for (let pc = 0; pc < k; pc += blk.kc) {
        prob.packA(mem, aAt + pc * mcp, ic, mc, pc, Math.min(blk.kc, k - pc), mr);
      }
      for (let pc = 0; pc < k; pc += blk.kc) {
        const kc = Math.min(blk.kc, k - pc);
        const [pa, pb] = [(aAt + pc * mcp) * bytes, (bAt + pc * ncp) * bytes];
        macro.run(
          mcp,
          ncp,
          kc,
          pa,
          kc * mr * bytes,
          pb,
          kc * nr * bytes,
          cAt * bytes,
          ldc,
          pc === 0,
        );
      }
      prob.writeBack(mem, cAt, ldc, ic, mc, jc, nc);
    }
  }
}

interface Matrix {
  readonly data: KernelData;
  readonly off: number;
  readonly rs: number;
  readonly cs: number;
}

const matrix = (op: KernelOperand, axis: number, off: number): Matrix => ({
  data: op.data,
  off,
  rs: op.st[axis],
  cs: op.st[axis + 1],
});

/** Packs through the macro-kernel's staging when it can, else with JavaScript loops. */
function packMatrix(
  macro: MacroKernel,
  dst: Scratch,
  at: number,
  src: KernelData,
  off: number,
  rs: number,
  cs: number,
  rows: number,
  k: number,
  w: number,
): void {
  if (!stagedPack(macro, dst, at, src, off, rs, cs, rows, k, w))
    pack(dst, at, src, off, rs, cs, rows, k, w);
}

/** A real product; a class, so a call allocates one object and no closures. */
class RealProblem implements Problem {
  constructor(
    readonly m: number,
    readonly n: number,
    readonly k: number,
    private readonly alpha: number,
    private readonly a: Matrix,
    private readonly b: Matrix,
    private readonly beta: number,
    private readonly c: Matrix,
    private readonly macro: MacroKernel,
  ) {}

  packA(dst: Scratch, at: number, i0: number, rows: number, p0: number, kc: number, mr: number) {
    const { a } = this;
    const off = a.off + i0 * a.rs + p0 * a.cs;
    packMatrix(this.macro, dst, at, a.data, off, a.rs, a.cs, rows, kc, mr);
  }

  packB(dst: Scratch, at: number, j0: number, cols: number, p0: number, kc: number, nr: number) {
    const { b } = this;
    const off = b.off + j0 * b.cs + p0 * b.rs;
    packMatrix(this.macro, dst, at, b.data, off, b.cs, b.rs, cols, kc, nr);
  }

  writeBack(
    buf: Scratch,
    at: number,
    ldc: number,
    i0: number,
    rows: number,
    j0: number,
    cols: number,
  ) {
    const { alpha, beta } = this;
    const { data, rs, cs } = this.c;
    const off = this.c.off + i0 * rs + j0 * cs;
    if (stagedWriteBack(this.macro, buf, at, ldc, data, off, rs, cs, rows, cols, alpha, beta)) {
      return;
    }
    for (let i = 0; i < rows; i++) {
      let ci = off + i * rs;
      let bi = at + i * ldc;
      if (beta === 0) for (let j = 0; j < cols; j++, ci += cs) data[ci] = alpha * buf[bi++];
      else for (let j = 0; j < cols; j++, ci += cs) data[ci] = alpha * buf[bi++] + beta * data[ci];
    }
  }
}

/** C = beta * C, for alpha = 0 or k = 0 (A and B are not read; beta = 0: C is not read either). */
function scaleReal(m: number, n: number, beta: number, c: Matrix): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0, ci = c.off + i * c.rs; j < n; j++, ci += c.cs)
      c.data[ci] = beta === 0 ? 0 : beta * c.data[ci];
  }
}

/** One 2-D product at the given operand offsets; axis 0 for gemm, 1 for a stack's matrices. */
function gemm2(
  call: KernelCall,
  macro: MacroKernel,
  blk: Blocking,
  axis: number,
  offs: readonly [number, number, number],
): void {
  const { dims, ops, scalars, options } = call;
  const [a, b, c] = [
    matrix(ops.a, axis, offs[0]),
    matrix(ops.b, axis, offs[1]),
    matrix(ops.c, axis, offs[2]),
  ];
  if (dims.m === 0 || dims.n === 0) return;
  if (typeof scalars.alpha !== 'number') {
    const prob = complexProblem(
      dims.m,
      dims.n,
      dims.k,
      scalars.alpha,
      a,
      b,
      scalars.beta as { re: number; im: number },
      c,
      options.conj,
    );
    if (prob !== null) runBlocked(prob, macro, blk);
    return;
  }
  const alpha = scalars.alpha;
  const beta = scalars.beta as number;
  if (alpha === 0 || dims.k === 0) scaleReal(dims.m, dims.n, beta, c);
  else runBlocked(new RealProblem(dims.m, dims.n, dims.k, alpha, a, b, beta, c, macro), macro, blk);
}

/** A gemm kernel (C = alpha A B + beta C; complex via the real kernels) over the macro-kernel. */
export function blockedGemm(macro: () => MacroKernel, blk: Blocking): Kernel {
  return (call: KernelCall) => {
    const { a, b, c } = call.ops;
    gemm2(call, macro(), blk, 0, [a.off, b.off, c.off]);
    return undefined;
  };
}

/** The batched form: one blocked gemm per matrix of the stack. */
export function blockedGemmBatched(macro: () => MacroKernel, blk: Blocking): Kernel {
  return (call: KernelCall) => {
    const { a, b, c } = call.ops;
    const mk = macro();
    for (let p = 0; p < call.dims.batch; p++) {
      gemm2(call, mk, blk, 1, [a.off + p * a.st[0], b.off + p * b.st[0], c.off + p * c.st[0]]);
    }
    return undefined;
  };
}

export type { Matrix };
