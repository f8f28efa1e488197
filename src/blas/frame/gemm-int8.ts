// The blocked GEMM driver for int8 operands into int32 (gemm:i8,i8->i32 and
// its batched form): BLIS's loops over column blocks of C (pack B), row
// blocks (pack A) and depth blocks, around an integer macro-kernel. Packing
// reads any element strides (negative, zero) and stores two depth steps of a
// row of A (column of B) as one int16 pair, zero padding edge tiles and an
// odd depth, so the kernel never sees an edge and nothing outside the
// operands is touched. Arithmetic is int32 wrap-around throughout:
// C = alpha * AB + beta * C modulo 2^32, as the reference kernel computes.
import type { Kernel, KernelCall, KernelData, KernelOperand } from '../../kernels/types.js';

/** An int16-pair macro-kernel: C[mc x nc] (+)= A B over `kp` depth pairs, offsets in bytes. */
export interface Int8MacroKernel {
  readonly mr: number;
  readonly nr: number;
  /** Byte offset where scratch starts in the kernel's memory (a multiple of 16). */
  readonly base: number;
  /** A view of the memory holding at least `bytes` scratch bytes from `base`. */
  scratch(bytes: number): Int32Array;
  run(
    mc: number,
    nc: number,
    kp: number,
    pa: number,
    sa: number,
    pb: number,
    sb: number,
    pc: number,
    ldc: number,
    first: boolean,
  ): void;
}

export interface Int8Blocking {
  /** Rows of A packed at a time. */
  readonly mc: number;
  /** Depth per macro-kernel call; even, so only the last block can have an odd depth. */
  readonly kc: number;
  /** Bytes of packed B to aim for: bounds the columns per block. */
  readonly bBudget: number;
}

interface Matrix {
  readonly data: KernelData;
  readonly off: number;
  readonly rs: number;
  readonly cs: number;
}

const roundUp = (x: number, m: number) => Math.ceil(x / m) * m;

/** One packed int32 word: the int16 pair (lo, hi) as the kernel's i16x8 lanes read it (little endian). */
const pair = (lo: number, hi: number) => (lo & 0xffff) | (hi << 16);

type FullPanel = (
  dst: Int32Array,
  d: number,
  src: KernelData,
  s: number,
  rs: number,
  cs: number,
  pairs: number,
) => void;

/** Rows r..r+1 of a panel whose pair steps are `step` words apart. */
function rows2(
  dst: Int32Array,
  d: number,
  src: KernelData,
  s: number,
  rs: number,
  cs: number,
  pairs: number,
  step: number,
): void {
  const c2 = 2 * cs;
  for (let q = 0; q < pairs; q++, s += c2, d += step) {
    dst[d] = pair(src[s], src[s + cs]);
    dst[d + 1] = pair(src[s + rs], src[s + rs + cs]);
  }
}

/** Rows r..r+7 of a panel whose pair steps are `step` words apart. */
function rows8(
  dst: Int32Array,
  d: number,
  src: KernelData,
  s: number,
  rs: number,
  cs: number,
  pairs: number,
  step: number,
): void {
  const [r2, r3, r4, r5, r6, r7] = [2 * rs, 3 * rs, 4 * rs, 5 * rs, 6 * rs, 7 * rs];
  const c2 = 2 * cs;
  for (let q = 0; q < pairs; q++, s += c2, d += step) {
    dst[d] = pair(src[s], src[s + cs]);
    dst[d + 1] = pair(src[s + rs], src[s + rs + cs]);
    dst[d + 2] = pair(src[s + r2], src[s + r2 + cs]);
    dst[d + 3] = pair(src[s + r3], src[s + r3 + cs]);
    dst[d + 4] = pair(src[s + r4], src[s + r4 + cs]);
    dst[d + 5] = pair(src[s + r5], src[s + r5 + cs]);
    dst[d + 6] = pair(src[s + r6], src[s + r6 + cs]);
    dst[d + 7] = pair(src[s + r7], src[s + r7 + cs]);
  }
}

/**
 * Full micro-panels over whole depth pairs for the kernel's widths (MR 2, NR
 * 16), unrolled (as in gemm-blocked.ts: loops over the width run half as fast).
 */
const FULL_PANEL: Readonly<Record<number, FullPanel>> = {
  2: (dst, d, src, s, rs, cs, pairs) => rows2(dst, d, src, s, rs, cs, pairs, 2),
  16: (dst, d, src, s, rs, cs, pairs) => {
    rows8(dst, d, src, s, rs, cs, pairs, 16);
    rows8(dst, d + 8, src, s + 8 * rs, rs, cs, pairs, 16);
  },
};

/**
 * Packs `rows` x `k` of a strided matrix into micro-panels of `w` rows, one
 * int32 word per row and depth pair q: (x[r][2q], x[r][2q+1]); rows past
 * `rows` and the step past an odd `k` are zeros. B is packed as its transpose.
 */
function pack(
  dst: Int32Array,
  at: number,
  src: KernelData,
  off: number,
  rs: number,
  cs: number,
  rows: number,
  k: number,
  w: number,
): void {
  const pairs = k >> 1;
  const stride = w * Math.ceil(k / 2);
  const panel = FULL_PANEL[w];
  for (let r0 = 0, d = at; r0 < rows; r0 += w, d += stride) {
    const live = Math.min(w, rows - r0);
    const s = off + r0 * rs;
    if (live === w) panel(dst, d, src, s, rs, cs, pairs);
    else {
      for (let q = 0, e = d, sq = s; q < pairs; q++, sq += 2 * cs) {
        for (let i = 0; i < w; i++, e++)
          dst[e] = i < live ? pair(src[sq + i * rs], src[sq + i * rs + cs]) : 0;
      }
    }
    if (pairs === k / 2) continue;
    // The odd last depth step, paired with zero.
    for (let i = 0, e = d + w * pairs, sk = s + 2 * pairs * cs; i < w; i++, e++)
      dst[e] = i < live ? src[sk + i * rs] & 0xffff : 0;
  }
}

/** C block = alpha * buf + beta * C block modulo 2^32 (beta = 0: C not read). */
function writeBack(
  buf: Int32Array,
  at: number,
  ldc: number,
  c: Matrix,
  i0: number,
  rows: number,
  j0: number,
  cols: number,
  alpha: number,
  beta: number,
): void {
  const { data, rs, cs } = c;
  for (let i = 0; i < rows; i++) {
    let ci = c.off + (i0 + i) * rs + j0 * cs;
    let bi = at + i * ldc;
    // A plain copy of contiguous rows is a memcpy: several times the loop's speed (measured).
    if (beta === 0 && alpha === 1 && cs === 1) data.set(buf.subarray(bi, bi + cols), ci);
    else if (beta === 0) {
      for (let j = 0; j < cols; j++, ci += cs) data[ci] = Math.imul(alpha, buf[bi++]);
    } else {
      for (let j = 0; j < cols; j++, ci += cs)
        data[ci] = Math.imul(alpha, buf[bi++]) + Math.imul(beta, data[ci]);
    }
  }
}

/** C = beta * C modulo 2^32, for alpha = 0 or k = 0 (A and B not read; beta = 0: C not read). */
function scale(m: number, n: number, beta: number, c: Matrix): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0, ci = c.off + i * c.rs; j < n; j++, ci += c.cs)
      c.data[ci] = beta === 0 ? 0 : Math.imul(beta, c.data[ci]);
  }
}

/** One product through the macro-kernel; alpha and beta already reduced to int32. */
function run(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Matrix,
  b: Matrix,
  beta: number,
  c: Matrix,
  macro: Int8MacroKernel,
  blk: Int8Blocking,
): void {
  const { mr, nr } = macro;
  const pairs = Math.ceil(k / 2);
  const ncMax = Math.min(
    roundUp(n, nr),
    Math.max(nr, Math.floor(blk.bBudget / (pairs * 4 * nr)) * nr),
  );
  const mcMax = Math.min(roundUp(m, mr), blk.mc);
  // Byte offsets: packed B, packed A, then the C buffer (all multiples of 16).
  const bAt = macro.base;
  const aAt = bAt + pairs * ncMax * 4;
  const cAt = aAt + pairs * mcMax * 4;
  const mem = macro.scratch(cAt + mcMax * ncMax * 4 - macro.base);
  for (let jc = 0; jc < n; jc += ncMax) {
    const nc = Math.min(ncMax, n - jc);
    const ncp = roundUp(nc, nr);
    // Each depth block is packed contiguously (pc is even: whole pairs before it).
    const pb = (pc: number) => bAt + pc * ncp * 2;
    for (let pc = 0; pc < k; pc += blk.kc) {
      const kc = Math.min(blk.kc, k - pc);
      pack(mem, pb(pc) / 4, b.data, b.off + jc * b.cs + pc * b.rs, b.cs, b.rs, nc, kc, nr);
    }
    for (let ic = 0; ic < m; ic += mcMax) {
      const mc = Math.min(mcMax, m - ic);
      const mcp = roundUp(mc, mr);
      const pa = (pc: number) => aAt + pc * mcp * 2;
      for (let pc = 0; pc < k; pc += blk.kc) {
        const kc = Math.min(blk.kc, k - pc);
        pack(mem, pa(pc) / 4, a.data, a.off + ic * a.rs + pc * a.cs, a.rs, a.cs, mc, kc, mr);
      }
      for (let pc = 0; pc < k; pc += blk.kc) {
        const kp = Math.ceil(Math.min(blk.kc, k - pc) / 2);
        macro.run(mcp, ncp, kp, pa(pc), kp * mr * 4, pb(pc), kp * nr * 4, cAt, ncp, pc === 0);
      }
      writeBack(mem, cAt / 4, ncp, c, ic, mc, jc, nc, alpha, beta);
    }
  }
}

const matrix = (op: KernelOperand, axis: number, off: number): Matrix => ({
  data: op.data,
  off,
  rs: op.st[axis],
  cs: op.st[axis + 1],
});

/** One 2-D product at the given operand offsets; axis 0 for gemm, 1 for a stack's matrices. */
function gemm2(
  call: KernelCall,
  macro: Int8MacroKernel,
  blk: Int8Blocking,
  axis: number,
  offs: readonly [number, number, number],
): void {
  const { m, n, k } = call.dims;
  if (m === 0 || n === 0) return;
  const { ops } = call;
  const alpha = (call.scalars.alpha as number) | 0;
  const beta = (call.scalars.beta as number) | 0;
  const c = matrix(ops.c, axis, offs[2]);
  if (alpha === 0 || k === 0) scale(m, n, beta, c);
  else
    run(
      m,
      n,
      k,
      alpha,
      matrix(ops.a, axis, offs[0]),
      matrix(ops.b, axis, offs[1]),
      beta,
      c,
      macro,
      blk,
    );
}

/** gemm:i8,i8->i32 over the macro-kernel (C = alpha A B + beta C modulo 2^32). */
export function int8Gemm(macro: () => Int8MacroKernel, blk: Int8Blocking): Kernel {
  return (call: KernelCall) => {
    const { a, b, c } = call.ops;
    gemm2(call, macro(), blk, 0, [a.off, b.off, c.off]);
    return undefined;
  };
}

/** The batched form: one blocked product per matrix of the stack. */
export function int8GemmBatched(macro: () => Int8MacroKernel, blk: Int8Blocking): Kernel {
  return (call: KernelCall) => {
    const { a, b, c } = call.ops;
    const mk = macro();
    for (let p = 0; p < call.dims.batch; p++) {
      gemm2(call, mk, blk, 1, [a.off + p * a.st[0], b.off + p * b.st[0], c.off + p * c.st[0]]);
    }
    return undefined;
  };
}
