// GEMM macro-kernel for int8 operands into int32 (AssemblyScript -> wasm):
// C += A B over packed panels with a 2x16 register tile, exact in wrap-around
// int32 arithmetic. The frame packs two depth steps of each row of A (column
// of B) as one int16 pair, so i32x4.dot_i16x8_s multiplies and adds two steps
// for four columns at once; every product and pair sum of int8 values fits
// int32 exactly and int32 addition wraps, so any order gives the same bits.
// 2x16 measured among 1..6 x 4..32 tiles (process CPU time, loaded machine):
// 68.7 GOPS on the macro-kernel alone against 64 for 4x8 (2x12 71, but it
// does not divide 256-column blocks; 4x12 and 6x8 ~50: V8 spills past ~14
// vector registers), and 3-5% more than 4x8 for whole products at n = 512..1024.
// The relaxed-simd build runs the same simd128 code on purpose:
// i32x4.relaxed_dot_i8x16_i7x16_add_s is implementation-defined when the
// second operand has its top bit set (any negative int8), and exactness wins.
//
// Layouts (byte offsets): A as mc/MR micro-panels (panel stride sa bytes) of
// kp pair steps x MR int16 pairs; B as nc/NR micro-panels (stride sb) of kp
// pair steps x NR int16 pairs; C an mc x nc row-major int32 buffer with row
// stride ldc elements; mc, nc multiples of MR, NR (zero padded).

const MR: i32 = 2;
const NR: i32 = 16;

// @ts-ignore: decorator
@inline
function dotAdd(a: v128, b: v128, c: v128): v128 {
  return i32x4.add(i32x4.dot_i16x8_s(a, b), c);
}

// @ts-ignore: decorator
@inline
function tileSimd(kp: i32, pa: usize, pb: usize, pc: usize, ldc: usize, first: bool): void {
  const z = v128.splat<i32>(0);
  let c00 = first ? z : v128.load(pc);
  let c01 = first ? z : v128.load(pc, 16);
  let c02 = first ? z : v128.load(pc, 32);
  let c03 = first ? z : v128.load(pc, 48);
  let c10 = first ? z : v128.load(pc + ldc);
  let c11 = first ? z : v128.load(pc + ldc, 16);
  let c12 = first ? z : v128.load(pc + ldc, 32);
  let c13 = first ? z : v128.load(pc + ldc, 48);
  for (let q = 0; q < kp; q++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    const b2 = v128.load(pb, 32);
    const b3 = v128.load(pb, 48);
    let a = v128.load32_splat(pa);
    c00 = dotAdd(a, b0, c00);
    c01 = dotAdd(a, b1, c01);
    c02 = dotAdd(a, b2, c02);
    c03 = dotAdd(a, b3, c03);
    a = v128.load32_splat(pa, 4);
    c10 = dotAdd(a, b0, c10);
    c11 = dotAdd(a, b1, c11);
    c12 = dotAdd(a, b2, c12);
    c13 = dotAdd(a, b3, c13);
    pa += 8;
    pb += 64;
  }
  v128.store(pc, c00);
  v128.store(pc, c01, 16);
  v128.store(pc, c02, 32);
  v128.store(pc, c03, 48);
  v128.store(pc + ldc, c10);
  v128.store(pc + ldc, c11, 16);
  v128.store(pc + ldc, c12, 32);
  v128.store(pc + ldc, c13, 48);
}

// @ts-ignore: decorator
@inline
function tileScalar(kp: i32, pa: usize, pb: usize, pc: usize, ldc: usize, first: bool): void {
  for (let i = 0; i < MR; i++) {
    const row = pc + <usize>i * ldc;
    for (let j = 0; j < NR; j += 2) {
      let c0: i32 = first ? 0 : load<i32>(row + <usize>j * 4);
      let c1: i32 = first ? 0 : load<i32>(row + <usize>j * 4, 4);
      let a = pa + <usize>i * 4;
      let b = pb + <usize>j * 4;
      for (let q = 0; q < kp; q++) {
        const x0 = <i32>load<i16>(a);
        const x1 = <i32>load<i16>(a, 2);
        c0 += x0 * <i32>load<i16>(b) + x1 * <i32>load<i16>(b, 2);
        c1 += x0 * <i32>load<i16>(b, 4) + x1 * <i32>load<i16>(b, 6);
        a += MR * 4;
        b += NR * 4;
      }
      store<i32>(row + <usize>j * 4, c0);
      store<i32>(row + <usize>j * 4, c1, 4);
    }
  }
}

/**
 * C[mc x nc] (+)= A[mc x 2kp] B[2kp x nc] on packed panels: micro-panel i of A
 * starts at pa + i * sa bytes, of B at pb + j * sb; `first` starts C from zero.
 */
export function gemm_i8(
  mc: i32,
  nc: i32,
  kp: i32,
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
      if (ASC_FEATURE_SIMD) tileSimd(kp, aPanel, bPanel, cTile, ldcb, first);
      else tileScalar(kp, aPanel, bPanel, cTile, ldcb, first);
    }
  }
}

export const GEMM_I8_MR: i32 = MR;
export const GEMM_I8_NR: i32 = NR;
