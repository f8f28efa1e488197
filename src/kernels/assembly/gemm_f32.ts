// GEMM macro-kernel for float32 (AssemblyScript -> wasm): C += A B over packed
// panels with a 4x8 register tile (two f32x4 vectors per row of C). One source
// for every variant: ASC_FEATURE_RELAXED_SIMD / ASC_FEATURE_SIMD pick fused
// multiply-add, simd128 or scalar code at compile time. A values are broadcast
// straight from memory (load*_splat: one vbroadcast), measured ~20% faster
// than load + splat.
//
// Layouts (byte offsets): A as mc/MR micro-panels (panel stride sa bytes) of kc
// steps x MR values; B as nc/NR micro-panels (stride sb) of kc steps x NR values; C an mc x nc row-major buffer
// with row stride ldc elements; mc, nc multiples of MR, NR (zero padded).

//
// Also exported: pack_f32 and combine_f32, the frame's packing and write-back
// loops over staged copies in this memory (_gemm_pack.ts).
import { combine, packPanels } from './_gemm_pack';

const MR: i32 = 4;
const NR: i32 = 8;

// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// @ts-ignore: decorator
@inline
function tileSimd(kc: i32, pa: usize, pb: usize, pc: usize, ldc: usize, first: bool): void {
  const z = v128.splat<i32>(0);
  let c00 = first ? z : v128.load(pc);
  let c01 = first ? z : v128.load(pc, 16);
  let c10 = first ? z : v128.load(pc + ldc);
  let c11 = first ? z : v128.load(pc + ldc, 16);
  let c20 = first ? z : v128.load(pc + 2 * ldc);
  let c21 = first ? z : v128.load(pc + 2 * ldc, 16);
  let c30 = first ? z : v128.load(pc + 3 * ldc);
  let c31 = first ? z : v128.load(pc + 3 * ldc, 16);
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    pa += 16;
    pb += 32;
  }
  v128.store(pc, c00);
  v128.store(pc, c01, 16);
  v128.store(pc + ldc, c10);
  v128.store(pc + ldc, c11, 16);
  v128.store(pc + 2 * ldc, c20);
  v128.store(pc + 2 * ldc, c21, 16);
  v128.store(pc + 3 * ldc, c30);
  v128.store(pc + 3 * ldc, c31, 16);
}

// @ts-ignore: decorator
@inline
function tileScalar(kc: i32, pa: usize, pb: usize, pc: usize, ldc: usize, first: bool): void {
  for (let i = 0; i < MR; i++) {
    const row = pc + <usize>i * ldc;
    for (let j = 0; j < NR; j += 4) {
      let c0: f32 = first ? 0 : load<f32>(row + <usize>j * 4);
      let c1: f32 = first ? 0 : load<f32>(row + <usize>j * 4, 4);
      let c2: f32 = first ? 0 : load<f32>(row + <usize>j * 4, 8);
      let c3: f32 = first ? 0 : load<f32>(row + <usize>j * 4, 12);
      let a = pa + <usize>i * 4;
      let b = pb + <usize>j * 4;
      for (let p = 0; p < kc; p++) {
        const x = load<f32>(a);
        c0 += x * load<f32>(b);
        c1 += x * load<f32>(b, 4);
        c2 += x * load<f32>(b, 8);
        c3 += x * load<f32>(b, 12);
        a += 16;
        b += 32;
      }
      store<f32>(row + <usize>j * 4, c0);
      store<f32>(row + <usize>j * 4, c1, 4);
      store<f32>(row + <usize>j * 4, c2, 8);
      store<f32>(row + <usize>j * 4, c3, 12);
    }
  }
}

/**
 * C[mc x nc] (+)= A[mc x kc] B[kc x nc] on packed panels: micro-panel i of A
 * starts at pa + i * sa bytes, of B at pb + j * sb; `first` starts C from zero.
 */
export function gemm_f32(
  mc: i32,
  nc: i32,
  kc: i32,
  pa: usize,
  sa: usize,
  pb: usize,
  sb: usize,
  pc: usize,
  ldc: i32,
  first: bool,
): void {
  const ldcb = <usize>ldc * 4;
  for (let jr = 0; jr < nc; jr += NR) {
    const bPanel = pb + <usize>(jr / NR) * sb;
    for (let ir = 0; ir < mc; ir += MR) {
      const aPanel = pa + <usize>(ir / MR) * sa;
      const cTile = pc + <usize>ir * ldcb + <usize>jr * 4;
      if (ASC_FEATURE_SIMD) tileSimd(kc, aPanel, bPanel, cTile, ldcb, first);
      else tileScalar(kc, aPanel, bPanel, cTile, ldcb, first);
    }
  }
}

export const GEMM_F32_MR: i32 = MR;
export const GEMM_F32_NR: i32 = NR;

/** Packs rows x k float32 values (strides rs, cs elements) into panels of w rows (see _gemm_pack.ts). */
export function pack_f32(dst: usize, src: usize, rs: isize, cs: isize, rows: i32, k: i32, w: i32): void {
  packPanels<f32>(dst, src, rs, cs, rows, k, w);
}

/** out = alpha * buf + beta * out over a rows x cols float32 block (see _gemm_pack.ts). */
export function combine_f32(
  out: usize,
  rs: isize,
  cs: isize,
  buf: usize,
  ldb: i32,
  rows: i32,
  cols: i32,
  alpha: f64,
  beta: f64,
): void {
  combine<f32>(out, rs, cs, buf, ldb, rows, cols, alpha, beta);
}
