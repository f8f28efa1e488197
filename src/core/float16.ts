// IEEE binary16 conversions (Node 20 has no Float16Array): round to nearest
// even straight from the double, NaN payloads kept in their top 10 bits as
// NumPy's npy_double_to_half does.

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

/** The float16 bit pattern nearest to `x` (ties to even). */
export function toFloat16Bits(x: number): number {
  scratch[0] = x;
  const hi = words[1];
  const sign = (hi >>> 16) & 0x8000;
  const exp = (hi >>> 20) & 0x7ff;
  if (exp === 0x7ff) {
    const nan = (hi & 0xfffff) !== 0 || words[0] !== 0;
    if (!nan) return sign | 0x7c00;
    const top = (hi & 0xfffff) >>> 10;
    return sign | 0x7c00 | (top === 0 ? 1 : top);
  }
  const a = Math.abs(x);
  // Below 2^-14 the result is subnormal: units of 2^-24.
  // Otherwise q holds 11 significant bits in [1024, 2048]; a carry to 2048
  // lands in the exponent field by the addition below, up to infinity.
  const e = exp - 1023;
  if (e < -14) return sign | roundHalfEven(a * 2 ** 24);
  if (e > 15) return sign | 0x7c00;
  const q = roundHalfEven(a * 2 ** (10 - e));
  return sign | ((e + 14) * 1024 + q);
}

function roundHalfEven(q: number): number {
  const f = Math.floor(q);
  const d = q - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

/** The exact value of the float16 bit pattern `h` (NaN payload kept). */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp !== 0x1f) return sign * (1024 + mant) * 2 ** (exp - 25);
  if (mant === 0) return sign * Number.POSITIVE_INFINITY;
  words[1] = ((h & 0x8000) << 16) | 0x7ff00000 | (mant << 10);
  words[0] = 0;
  return scratch[0];
}

/** Rounds a double to the nearest float16 value, as a double. */
export function roundFloat16(x: number): number {
  return fromFloat16Bits(toFloat16Bits(x));
}

const single = new Float32Array(1);
const singleBits = new Uint32Array(single.buffer);

/**
 * float32 bits to float16 bits as NumPy's npy_float_to_half: one rounding
 * from the exact value, and a NaN keeps the top 10 payload bits without
 * being quieted (reading it as a JavaScript number would quiet it).
 */
export function float32BitsToFloat16Bits(f: number): number {
  const payload = f & 0x7fffff;
  if ((f & 0x7f800000) !== 0x7f800000 || payload === 0) {
    singleBits[0] = f;
    return toFloat16Bits(single[0]);
  }
  const top = payload >>> 13;
  return ((f >>> 16) & 0x8000) | 0x7c00 | (top === 0 ? 1 : top);
}

/** float16 bits to float32 bits, exact; a NaN payload moves to the top bits unquieted. */
export function float16BitsToFloat32Bits(h: number): number {
  if ((h & 0x7c00) !== 0x7c00 || (h & 0x3ff) === 0) {
    single[0] = fromFloat16Bits(h);
    return singleBits[0];
  }
  return (((h & 0x8000) << 16) | 0x7f800000 | ((h & 0x3ff) << 13)) >>> 0;
}
