// GEMM macro-kernel for int8 operands into int32 (AssemblyScript -> wasm):
// C += A B over packed panels with a 4x8 register tile, exact in wrap-around
// int32 arithmetic. The frame packs two depth steps of each row of A (column
// of B) as one int16 pair, so i32x4.dot_i16x8_s multiplies and adds two steps
// for four columns at once; every product and pair sum of int8 values fits
// int32 exactly and int32 addition wraps, so any order gives the same bits.
// The relaxed-simd build runs the same simd128 code on purpose:
// i32x4.relaxed_dot_i8x16_i7x16_add_s is implementation-defined when the
// second operand has its top bit set (any negative int8), and exactness wins.
//
// Layouts (byte offsets): A as mc/MR micro-panels (panel stride sa bytes) of
// kp pair steps x MR int16 pairs; B as nc/NR micro-panels (stride sb) of kp
// pair steps x NR int16 pairs; C an mc x nc row-major int32 buffer with row
// stride ldc elements; mc, nc multiples of MR, NR (zero padded).

const MR: i32 = 4;
const NR: i32 = 8;

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
  let c10 = first ? z : v128.load(pc + ldc);
  let c11 = first ? z : v128.load(pc + ldc, 16);
  let c20 = first ? z : v128.load(pc + 2 * ldc);
  let c21 = first ? z : v128.load(pc + 2 * ldc, 16);
  let c30 = first ? z : v128.load(pc + 3 * ldc);
  let c31 = first ? z : v128.load(pc + 3 * ldc, 16);
  for (let q = 0; q < kp; q++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    let a = v128.load32_splat(pa);
    c00 = dotAdd(a, b0, c00);
    c01 = dotAdd(a, b1, c01);
    a = v128.load32_splat(pa, 4);
    c10 = dotAdd(a, b0, c10);
    c11 = dotAdd(a, b1, c11);
    a = v128.load32_splat(pa, 8);
    c20 = dotAdd(a, b0, c20);
    c21 = dotAdd(a, b1, c21);
    a = v128.load32_splat(pa, 12);
    c30 = dotAdd(a, b0, c30);
    c31 = dotAdd(a, b1, c31);
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
        a += 16;
        b += 32;
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
