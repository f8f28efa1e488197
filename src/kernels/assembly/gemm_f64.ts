// GEMM macro-kernel for float64 (AssemblyScript -> wasm): C += A B over packed
// panels in this instance's memory, with a 4x4 register tile. One source for
// every variant: ASC_FEATURE_RELAXED_SIMD / ASC_FEATURE_SIMD pick fused
// multiply-add, simd128 or scalar code at compile time. A values are broadcast
// straight from memory (load*_splat: one vbroadcast), measured ~20% faster
// than load + splat.
//
// Layouts (byte offsets into memory): A packed as mc/MR micro-panels (panel
// stride sa bytes), each kc steps of MR contiguous values; B as nc/NR
// micro-panels (stride sb), each kc steps of NR contiguous values; C an mc x nc
// row-major buffer with row stride ldc elements. mc and nc are multiples of MR
// and NR (the frame pads with zeros).

//
// Also exported: pack_f64 and combine_f64, the frame's packing and write-back
// loops over staged copies in this memory (_gemm_pack.ts).
import { combine, packPanels } from './_gemm_pack';

const MR: i32 = 4;
const NR: i32 = 4;

// @ts-ignore: decorator
@inline
function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
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
    let a = v128.load64_splat(pa);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load64_splat(pa, 8);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load64_splat(pa, 16);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load64_splat(pa, 24);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    pa += 32;
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
    let c0: f64 = first ? 0 : load<f64>(row);
    let c1: f64 = first ? 0 : load<f64>(row, 8);
    let c2: f64 = first ? 0 : load<f64>(row, 16);
    let c3: f64 = first ? 0 : load<f64>(row, 24);
    let a = pa + <usize>i * 8;
    let b = pb;
    for (let p = 0; p < kc; p++) {
      const x = load<f64>(a);
      c0 += x * load<f64>(b);
      c1 += x * load<f64>(b, 8);
      c2 += x * load<f64>(b, 16);
      c3 += x * load<f64>(b, 24);
      a += 32;
      b += 32;
    }
    store<f64>(row, c0);
    store<f64>(row, c1, 8);
    store<f64>(row, c2, 16);
    store<f64>(row, c3, 24);
  }
}

/**
 * C[mc x nc] (+)= A[mc x kc] B[kc x nc] on packed panels: micro-panel i of A
 * starts at pa + i * sa bytes, of B at pb + j * sb; `first` starts C from zero.
 */
export function gemm_f64(
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
  const ldcb = <usize>ldc * 8;
  for (let jr = 0; jr < nc; jr += NR) {
    const bPanel = pb + <usize>(jr / NR) * sb;
    for (let ir = 0; ir < mc; ir += MR) {
      const aPanel = pa + <usize>(ir / MR) * sa;
      const cTile = pc + <usize>ir * ldcb + <usize>jr * 8;
      if (ASC_FEATURE_SIMD) tileSimd(kc, aPanel, bPanel, cTile, ldcb, first);
      else tileScalar(kc, aPanel, bPanel, cTile, ldcb, first);
    }
  }
}

export const GEMM_F64_MR: i32 = MR;
export const GEMM_F64_NR: i32 = NR;

/** Packs rows x k float64 values (strides rs, cs elements) into panels of w rows (see _gemm_pack.ts). */
export function pack_f64(dst: usize, src: usize, rs: isize, cs: isize, rows: i32, k: i32, w: i32): void {
  packPanels<f64>(dst, src, rs, cs, rows, k, w);
}

/** out = alpha * buf + beta * out over a rows x cols float64 block (see _gemm_pack.ts). */
export function combine_f64(
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
  combine<f64>(out, rs, cs, buf, ldb, rows, cols, alpha, beta);
}
