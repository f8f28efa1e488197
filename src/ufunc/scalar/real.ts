// Scalar functions on real numbers that JavaScript's Math lacks or defines
// differently from C99 and NumPy: rint (half to even), copysign and signbit on
// bits, nextafter per float width, C pow's special cases, Python's floor
// division and modulo (NumPy's npy_divmod) and integer division, power and shifts.
import { fromFloat16Bits, toFloat16Bits } from '../../core/float16.js';

const f64 = new Float64Array(1);
const w64 = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const w32 = new Uint32Array(f32.buffer);

const TWO52 = 2 ** 52;

/** Round half to even, keeping the sign of zero (C's rint). */
export function rint(x: number): number {
  if (!(Math.abs(x) < TWO52)) return x;
  const r = x >= 0 ? x + TWO52 - TWO52 : x - TWO52 + TWO52;
  return r === 0 ? (x < 0 || Object.is(x, -0) ? -0 : 0) : r;
}

/** The sign bit of x (NaNs included). */
export function signbit(x: number): boolean {
  f64[0] = x;
  return w64[1] >>> 31 === 1;
}

/** |x| with the sign of y, on bits (NaNs included). */
export function copysign(x: number, y: number): number {
  f64[0] = y;
  const s = w64[1] & 0x80000000;
  f64[0] = x;
  w64[1] = (w64[1] & 0x7fffffff) | s;
  return f64[0];
}

/** C's nextafter for float64. */
export function nextafter64(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -1074 : -(2 ** -1074);
  f64[0] = x;
  if (x < y === x > 0) {
    w64[0] = (w64[0] + 1) >>> 0;
    if (w64[0] === 0) w64[1]++;
  } else {
    if (w64[0] === 0) w64[1]--;
    w64[0] = (w64[0] - 1) >>> 0;
  }
  return f64[0];
}

/** nextafterf: x and y are float32 values. */
export function nextafter32(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 2 ** -149 : -(2 ** -149);
  f32[0] = x;
  w32[0] += x < y === x > 0 ? 1 : -1;
  return f32[0];
}

/** NumPy's npy_half_nextafter on float16 values (equal arguments give x). */
export function nextafter16(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
  if (x === y) return x;
  if (x === 0) return y > 0 ? 2 ** -24 : -(2 ** -24);
  return fromFloat16Bits(toFloat16Bits(x) + (x < y === x > 0 ? 1 : -1));
}

/** C99 pow: 1 for x = 1 or y = 0 (even NaN), and (-1)^±Inf = 1; else Math.pow. */
export function cpow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === -1 && (y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY)) return 1;
  return x ** y;
}

/** A rounding per operation: identity for float64, Math.fround for float32 and float16 loops. */
export type Round = (x: number) => number;
export const exact: Round = (x) => x;

/**
 * NumPy's npy_divmod: Python's floor division and modulo, each step rounded
 * with `r` as C computes in the loop's precision. Returns [floordiv, mod].
 */
export function divmod(a: number, b: number, r: Round): [number, number] {
  let mod = r(a % b);
  if (b === 0) return [r(a / b), mod];
  let div = r(r(a - mod) / b);
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod = r(mod + b);
      div = r(div - 1);
    }
  } else {
    mod = copysign(0, b);
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (r(div - floordiv) > 0.5) floordiv = r(floordiv + 1);
  } else {
    floordiv = copysign(0, r(a / b));
  }
  return [floordiv, mod];
}

/** Integer floor division with NumPy's rules: x // 0 = 0 (the MIN // -1 wrap happens on store). */
export function floorDivInt(a: number, b: number): number {
  if (b === 0) return 0;
  const q = Math.trunc(a / b);
  return q * b !== a && a < 0 !== b < 0 ? q - 1 : q;
}

/** Integer modulo with the divisor's sign; x % 0 = 0. */
export function modInt(a: number, b: number): number {
  if (b === 0) return 0;
  const m = a % b;
  return m !== 0 && m < 0 !== b < 0 ? m + b : m;
}

export function floorDivBig(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const q = a / b;
  return q * b !== a && a < 0n !== b < 0n ? q - 1n : q;
}

export function modBig(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  const m = a % b;
  return m !== 0n && m < 0n !== b < 0n ? m + b : m;
}

/** a ** b by squaring modulo 2^32 (the store narrows further); b >= 0 was checked. */
export function powInt(a: number, b: number): number {
  let result = 1;
  let base = a | 0;
  for (let e = b >>> 0; e > 0; e >>>= 1) {
    if (e & 1) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

/** a ** b by squaring modulo 2^64. */
export function powBig(a: bigint, b: bigint): bigint {
  let result = 1n;
  let base = BigInt.asUintN(64, a);
  for (let e = b; e > 0n; e >>= 1n) {
    if (e & 1n) result = BigInt.asUintN(64, result * base);
    base = BigInt.asUintN(64, base * base);
  }
  return result;
}
