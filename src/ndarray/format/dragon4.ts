// Decimal digits of a float16/float32/float64 value as NumPy's dragon4.c
// computes them in "unique" mode: the shortest digits that read back as the
// same value of the element's own type, cut off after a number of digits or
// extended to a minimum, the last digit rounded half to even. Exact integer
// arithmetic (Steele & White, Burger & Dybvig) on BigInt.
import { toFloat16Bits } from '../../core/float16.js';

/** Bits in an IEEE binary format: the float types NumPy prints with Dragon4. */
export type FloatWidth = 16 | 32 | 64;

interface Layout {
  /** Stored mantissa bits (without the implicit leading one). */
  readonly mantissa: number;
  readonly bias: number;
}

const LAYOUT: Readonly<Record<FloatWidth, Layout>> = {
  16: { mantissa: 10, bias: 15 },
  32: { mantissa: 23, bias: 127 },
  64: { mantissa: 52, bias: 1023 },
};

/** A finite value as `mantissa * 2^exponent`, with what Dragon4 needs about its neighbours. */
export interface Decomposed {
  readonly negative: boolean;
  readonly mantissa: bigint;
  readonly exponent: number;
  /** Index of the highest set bit of `mantissa`. */
  readonly mantissaBit: number;
  /** At a power of two the gap below is half the gap above. */
  readonly unequalMargins: boolean;
}

const f64 = new Float64Array(1);
const u64 = new BigUint64Array(f64.buffer);
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

function fieldsOf(x: number, width: FloatWidth): [sign: boolean, exp: number, mant: bigint] {
  if (width === 64) {
    f64[0] = x;
    const b = u64[0];
    return [b >> 63n === 1n, Number((b >> 52n) & 0x7ffn), b & 0xfffffffffffffn];
  }
  let bits: number;
  if (width === 32) {
    f32[0] = x;
    bits = u32[0];
  } else bits = toFloat16Bits(x);
  const m = LAYOUT[width].mantissa;
  const expMask = width === 32 ? 0xff : 0x1f;
  return [bits >>> (width - 1) === 1, (bits >>> m) & expMask, BigInt(bits & ((1 << m) - 1))];
}

/** Splits a finite `x` (exactly representable in `width` bits) into Dragon4's inputs. */
export function decompose(x: number, width: FloatWidth): Decomposed {
  const [negative, exp, mant] = fieldsOf(x, width);
  const { mantissa: m, bias } = LAYOUT[width];
  if (exp !== 0) {
    return {
      negative,
      mantissa: (1n << BigInt(m)) | mant,
      exponent: exp - bias - m,
      mantissaBit: m,
      unequalMargins: exp !== 1 && mant === 0n,
    };
  }
  return {
    negative,
    mantissa: mant,
    exponent: 1 - bias - m,
    mantissaBit: mant === 0n ? 0 : mant.toString(2).length - 1,
    unequalMargins: false,
  };
}

/**
 * Where digit generation stops. `fraction`: `max`/`min` count digits after
 * the decimal point; `total`: significant digits. -1 means no limit.
 */
export interface Cutoff {
  readonly mode: 'fraction' | 'total';
  readonly max: number;
  readonly min: number;
}

/** Digits `d0 d1 d2...` meaning `d0.d1d2... * 10^exponent`. */
export interface Digits {
  readonly digits: string;
  readonly exponent: number;
}

// The double nearest log10(2), as dragon4.c uses it: the estimate below must match it.
const LOG10_2 = 0.3010299956639812;
const POW10: bigint[] = [1n];

function pow10(n: number): bigint {
  for (let i = POW10.length; i <= n; i++) POW10.push(POW10[i - 1] * 10n);
  return POW10[n];
}

/** The digits of |value| in unique mode with the given cutoffs. */
export function dragon4(v: Decomposed, cutoff: Cutoff): Digits {
  if (v.mantissa === 0n) return { digits: '0', exponent: 0 };
  // value = scaled / scale; the margins are half the gaps to the neighbours,
  // everything doubled (quadrupled for unequal margins) to stay integral.
  const e = v.exponent;
  const pre = v.unequalMargins ? 2 : 1;
  let scaled = v.mantissa << BigInt(e > 0 ? e + pre : pre);
  let scale = e > 0 ? 1n << BigInt(pre) : 1n << BigInt(pre - e);
  let low = e > 0 ? 1n << BigInt(e) : 1n;
  const highFactor = v.unequalMargins ? 2n : 1n;
  // Round-half-even reading: a value with an even mantissa owns its margins.
  const even = (v.mantissa & 1n) === 0n;

  // Estimate of floor(log10(value)) + 1, exact or one too small.
  let k = Math.ceil((v.mantissaBit + e) * LOG10_2 - 0.69);
  if (cutoff.max >= 0 && cutoff.mode === 'fraction' && k <= -cutoff.max) k = -cutoff.max + 1;
  if (k > 0) scale *= pow10(k);
  else if (k < 0) {
    scaled *= pow10(-k);
    low *= pow10(-k);
  }
  if (scaled >= scale) k += 1;
  else {
    scaled *= 10n;
    low *= 10n;
  }

  let maxExponent = Number.NEGATIVE_INFINITY;
  if (cutoff.max >= 0) maxExponent = cutoff.mode === 'total' ? k - cutoff.max : -cutoff.max;
  let minExponent = k;
  if (cutoff.min >= 0) {
    minExponent = Math.min(k, cutoff.mode === 'total' ? k - cutoff.min : -cutoff.min);
  }

  let exponent = k - 1;
  const digits: number[] = [];
  let digit: number;
  let isLow: boolean;
  let isHigh: boolean;
  for (;;) {
    k -= 1;
    const q = scaled / scale;
    digit = Number(q);
    scaled -= q * scale;
    const high = scaled + low * highFactor;
    isLow = even ? scaled <= low : scaled < low;
    isHigh = even ? high >= scale : high > scale;
    if (((isLow || isHigh) && k <= minExponent) || k === maxExponent) break;
    digits.push(digit);
    scaled *= 10n;
    low *= 10n;
  }

  let roundDown = isLow;
  if (isLow === isHigh) {
    const twice = scaled * 2n;
    roundDown = twice < scale || (twice === scale && digit % 2 === 0);
  }
  if (roundDown) digits.push(digit);
  else if (digit < 9) digits.push(digit + 1);
  else {
    while (digits.length > 0 && digits[digits.length - 1] === 9) digits.pop();
    if (digits.length === 0) {
      digits.push(1);
      exponent += 1;
    } else digits[digits.length - 1] += 1;
  }
  return { digits: digits.join(''), exponent };
}
