// Scalar TypeScript twin of the wasm float64 exp and log kernels
// (src/kernels/assembly/math_f64.ts): the same algorithms, the same constants
// (src/kernels/ref/math-tables.generated.ts, written with the kernel's by
// scripts/math-tables.py), the same operations in the same order, and JS
// arithmetic is IEEE double per operation (no fused multiply-add), so each
// function returns the kernel's bits for every input. Outside the fast range
// it delegates to Math.exp / Math.log exactly where the kernel's driver does
// (src/backends/wasm/math.ts), so an element's result never depends on the
// array's length, layout or thread blocks.
import {
  EXP_N,
  EXP_T,
  EXP_TAIL,
  INV_LN2_N,
  LG1,
  LG2,
  LG3,
  LG4,
  LG5,
  LG6,
  LG7,
  LN2_HI,
  LN2_HI_N,
  LN2_LO,
  LN2_LO_N,
} from './math-tables.generated.js';

/** 1.5 * 2^52: adding it rounds a double below 2^51 to an integer. */
const SHIFT = 6755399441055744.0;
const C2 = 0.5;
const C3 = 1.0 / 6.0;
const C4 = 1.0 / 24.0;
const C5 = 1.0 / 120.0;
/** The kernel's fast ranges: |x| < EXP_LIMIT for exp, normal positive finite x for log. */
const EXP_LIMIT = 708.0;
const MIN_NORMAL = 2.2250738585072014e-308;
/** The high and low 32-bit halves of bits(sqrt(1/2)) (the kernel's SQRT_HALF_BITS). */
const SQRT_HALF_HI = 0x3fe6a09e;
const SQRT_HALF_LO = 0x667f3bcd;

/**
 * A double and its two 32-bit words in this platform's byte order, only read
 * through the words (writing halves then reading the double stalls the CPU's
 * store forwarding: measured 3x slower log).
 */
const word = new Float64Array(1);
const words = new Int32Array(word.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/**
 * POW2[e + POW2_BIAS] = 2^e for e in [-1024, 1023], by exact halvings and
 * doublings. Multiplying a double by it gives the bits the kernel gets by
 * adding e to the exponent field, whenever the product is normal.
 */
const POW2_BIAS = 1024;
const POW2 = new Float64Array(2048);
POW2[POW2_BIAS] = 1;
for (let e = 1; e <= 1023; e++) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e - 1] * 2;
for (let e = -1; e >= -1024; e--) POW2[POW2_BIAS + e] = POW2[POW2_BIAS + e + 1] / 2;

/** e^x with the bits of the wasm kernel exp_f64. */
export function expF64(x: number): number {
  if (!(Math.abs(x) < EXP_LIMIT)) return Math.exp(x);
  const shifted = x * INV_LN2_N + SHIFT;
  const kd = shifted - SHIFT;
  // |kd| < 2^17: the kernel's table index and exponent come from kd's low bits.
  const k = kd | 0;
  const r = x - kd * LN2_HI_N - kd * LN2_LO_N;
  const j = k & (EXP_N - 1);
  const tail = EXP_TAIL[j];
  // The kernel adds (k >> 7) to T_j's exponent field; the scale is normal for |x| < EXP_LIMIT.
  const scale = EXP_T[j] * POW2[POW2_BIAS + (k >> 7)];
  const r2 = r * r;
  const p = tail + r + r2 * (C2 + r * C3) + r2 * r2 * (C4 + r * C5);
  return scale + scale * p;
}

/** The natural logarithm with the bits of the wasm kernel log_f64. */
export function logF64(x: number): number {
  if (!(x >= MIN_NORMAL && x < Number.POSITIVE_INFINITY)) return Math.log(x);
  word[0] = x;
  const hi = words[HI];
  const lo = words[LO];
  // k = (bits(x) - SQRT_HALF_BITS) >> 52 on 64 bits: a borrow from the low words, then the high word.
  const borrow = lo >>> 0 < SQRT_HALF_LO ? 1 : 0;
  const k = (hi - SQRT_HALF_HI - borrow) >> 20;
  // The kernel subtracts k from x's exponent field: z = x 2^-k is in [sqrt(1/2), sqrt(2)).
  const f = x * POW2[POW2_BIAS - k] - 1.0;
  const s = f / (2.0 + f);
  const z = s * s;
  const z2 = z * z;
  const low = LG1 + z * LG2 + z2 * (LG3 + z * LG4);
  const high = LG5 + z * LG6 + z2 * LG7;
  const R = z * (low + z2 * z2 * high);
  const hfsq = 0.5 * f * f;
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}
