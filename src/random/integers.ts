// Unbiased bounded integers for Generator.integers: NumPy's bound rules
// (high exclusive unless endpoint, one bound means [0, low), bounds must fit
// the dtype), Lemire's multiply-and-reject for spans up to 2^32 and masked
// rejection for wider ones, all in 32-bit halves so no BigInt is created per
// element; 64-bit results are written as two little-endian uint32 words.
import { type DType, type DTypeLike, isInteger, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { rawWindow, typedWindow } from '../ndarray/typed.js';
import type { BitGenerator } from './bitgen.js';

const TWO_POW_MINUS_16 = 2 ** -16;
const TWO_POW_32 = 4294967296;

/** Everything a fill needs, computed once per call. */
export interface IntegerPlan {
  readonly dtype: DType;
  /** The smallest value, as a number (exact for dtypes up to 32 bits)... */
  readonly low: number;
  /** ...and as the low and high words of its 64-bit two's complement. */
  readonly lowLo: number;
  readonly lowHi: number;
  /** Number of values when it is at most 2^32, else 0 (the wide path). */
  readonly count: number;
  /** Lemire's rejection threshold 2^32 mod count. */
  readonly threshold: number;
  /** The largest offset (number of values - 1) as high and low words, for the wide path. */
  readonly spanHi: number;
  readonly spanLo: number;
  /** All ones up to the top bit of spanHi. */
  readonly maskHi: number;
}

/** The inclusive value range of an integer dtype. */
function limits(d: DType): [bigint, bigint] {
  const bits = BigInt(8 * d.itemsize);
  return d.kind === 'i'
    ? [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n]
    : [0n, (1n << bits) - 1n];
}

/** An integer bound as a bigint: numbers must be integral, anything else is refused. */
function toBound(v: unknown, argument: string, routine: string): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v !== 'number') {
    throw fail('ERR_ARGUMENT', argument, `expected a number or bigint, got ${typeof v}`, routine);
  }
  if (!Number.isInteger(v)) {
    throw fail('ERR_VALUE', argument, `expected an integer, got ${v}`, routine);
  }
  return BigInt(v);
}

/** A native integer dtype, or ERR_UNSUPPORTED_DTYPE naming 'dtype'. */
function integerDType(spec: DTypeLike, routine: string): DType {
  const d = toDType(spec);
  if (!isInteger(d) || !d.isNative) {
    throw fail('ERR_UNSUPPORTED_DTYPE', 'dtype', `unsupported dtype ${d} for integers`, routine);
  }
  return d;
}

/**
 * Validates the bounds as NumPy's Generator.integers does and plans the
 * draw. With `high` null or undefined the range is [0, low) and errors blame 'low'.
 */
export function planIntegers(
  lowArg: unknown,
  highArg: unknown,
  endpoint: boolean,
  dtypeSpec: DTypeLike,
  routine: string,
): IntegerPlan {
  const dtype = integerDType(dtypeSpec, routine);
  const single = highArg === undefined || highArg === null;
  const highName = single ? 'low' : 'high';
  const low = single ? 0n : toBound(lowArg, 'low', routine);
  const high = toBound(single ? lowArg : highArg, highName, routine);
  const top = endpoint ? high : high - 1n;
  if (top < low) {
    const detail = single
      ? `with high omitted the range is [0, low${endpoint ? ']' : ')'}, empty for low = ${high}`
      : `low ${endpoint ? '>' : '>='} high (${low}, ${high})`;
    throw fail('ERR_VALUE', highName, detail, routine);
  }
  const [min, max] = limits(dtype);
  if (low < min) throw fail('ERR_VALUE', 'low', `low is out of bounds for ${dtype}`, routine);
  if (top > max)
    throw fail('ERR_VALUE', highName, `${highName} is out of bounds for ${dtype}`, routine);
  const span = top - low;
  const spanHi = Number(span >> 32n);
  const lowBits = BigInt.asUintN(64, low);
  const count = spanHi === 0 ? Number(span) + 1 : 0;
  return {
    dtype,
    low: Number(low),
    lowLo: Number(lowBits & 0xffffffffn),
    lowHi: Number(lowBits >> 32n),
    count,
    threshold: count === 0 ? 0 : TWO_POW_32 % count,
    spanHi,
    spanLo: Number(span & 0xffffffffn),
    maskHi: 0xffffffff >>> Math.clz32(spanHi),
  };
}

/**
 * Lemire's method: the high word of x * count for a uniform 32-bit x, redrawn
 * while the low word falls below 2^32 mod count. Exactly uniform on
 * [0, count) for 1 <= count <= 2^32. x is split into 16-bit halves so every
 * partial product stays below 2^53 (exact in a double); scaling by powers of
 * two is exact, and `>>> 0` floors the non-negative results below 2^32 more
 * cheaply than Math.floor or a division.
 */
function bounded(bg: BitGenerator, p: IntegerPlan): number {
  const { count, threshold } = p;
  for (;;) {
    const x = bg.nextUint32();
    if (Math.imul(x, count) >>> 0 >= threshold) {
      const carry = ((x & 0xffff) * count * TWO_POW_MINUS_16) >>> 0;
      return (((x >>> 16) * count + carry) * TWO_POW_MINUS_16) >>> 0;
    }
  }
}

/** Writes low + offset into words[2k], words[2k + 1], offset uniform on [0, span] (64-bit). */
function drawWide(bg: BitGenerator, p: IntegerPlan, words: Uint32Array, k: number): void {
  let hi = 0;
  let lo: number;
  if (p.count !== 0) lo = bounded(bg, p);
  else {
    do {
      hi = (bg.nextUint32() & p.maskHi) >>> 0;
      lo = bg.nextUint32();
    } while (hi > p.spanHi || (hi === p.spanHi && lo > p.spanLo));
  }
  const sum = lo + p.lowLo;
  words[2 * k] = sum;
  words[2 * k + 1] = hi + p.lowHi + (sum >= TWO_POW_32 ? 1 : 0);
}

/** Fills a new C-contiguous array of plan.dtype (byteOffset 0) with draws. */
export function fillIntegers(bg: BitGenerator, p: IntegerPlan, out: NDArray): void {
  const n = out.size;
  if (p.dtype.itemsize === 8) {
    const words = rawWindow(out.buffer, 4) as Uint32Array;
    for (let k = 0; k < n; k++) drawWide(bg, p, words, k);
    return;
  }
  const t = typedWindow(out.buffer, p.dtype);
  const low = p.low;
  for (let k = 0; k < n; k++) t[k] = low + bounded(bg, p);
}

const scratch = new ArrayBuffer(8);
const scratchWords = new Uint32Array(scratch);
const scratchSigned = new BigInt64Array(scratch);
const scratchUnsigned = new BigUint64Array(scratch);

/** One draw as a JavaScript scalar: bigint for 64-bit dtypes, else number. */
export function drawInteger(bg: BitGenerator, p: IntegerPlan): number | bigint {
  if (p.dtype.itemsize !== 8) return p.low + bounded(bg, p);
  drawWide(bg, p, scratchWords, 0);
  return p.dtype.kind === 'i' ? scratchSigned[0] : scratchUnsigned[0];
}
