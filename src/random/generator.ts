// random.Generator and defaultRng: NumPy's Generator methods random,
// standardNormal, integers, uniform and normal over a BitGenerator. A seed
// gives the same numbers on every platform and in every release that keeps
// this stream, but NOT the numbers NumPy gives for that seed.
import { type DTypeLike, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { checkShape } from '../core/shape.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { typedWindow } from '../ndarray/typed.js';
import { type BitGenerator, entropySeed, type Seed, toSeed, Xoshiro128StarStar } from './bitgen.js';
import { drawInteger, fillIntegers, planIntegers } from './integers.js';
import { normal32, normal64 } from './ziggurat.js';

/** An output shape; omitted (or null) means one JavaScript scalar instead of an array. */
export type Size = number | readonly number[];

export interface FloatOptions {
  /** 'float64' (default) or 'float32', in any NumPy spelling ('f4', 'single'...). */
  readonly dtype?: DTypeLike;
}

export interface IntegersOptions {
  /** Any native integer dtype; default 'int64', whose scalars are bigints. */
  readonly dtype?: DTypeLike;
  /** Include `high` in the range (default false: [low, high)). */
  readonly endpoint?: boolean;
}

type FloatName = 'float64' | 'float32';
type FloatArray = Float64Array | Float32Array;
/** Writes offset + scale * (a fresh draw) into t[0..n). */
type Fill = (bg: BitGenerator, t: FloatArray, n: number, offset: number, scale: number) => void;

const TWO_POW_MINUS_24 = 2 ** -24;

// One loop per (distribution, dtype) keeps every call site monomorphic: a
// shared loop calling a draw function through a table ran about 3x slower.

/** Uniform [0, 1): 53 random bits for float64, 24 for float32 (every value exact in the dtype). */
const UNIFORM: Readonly<Record<FloatName, Fill>> = {
  float64: (bg, t, n, offset, scale) => {
    for (let k = 0; k < n; k++) t[k] = offset + scale * bg.nextDouble();
  },
  float32: (bg, t, n, offset, scale) => {
    for (let k = 0; k < n; k++) t[k] = offset + scale * (bg.nextUint32() >>> 8) * TWO_POW_MINUS_24;
  },
};

const NORMAL: Readonly<Record<FloatName, Fill>> = {
  float64: (bg, t, n, offset, scale) => {
    for (let k = 0; k < n; k++) t[k] = offset + scale * normal64(bg);
  },
  float32: (bg, t, n, offset, scale) => {
    for (let k = 0; k < n; k++) t[k] = offset + scale * normal32(bg);
  },
};

/** Scalars go through the same fills, so they are rounded to the dtype like array elements. */
const SCALAR: Readonly<Record<FloatName, FloatArray>> = {
  float64: new Float64Array(1),
  float32: new Float32Array(1),
};

function floatName(spec: DTypeLike, routine: string): FloatName {
  const d = toDType(spec);
  if ((d.name === 'float64' || d.name === 'float32') && d.isNative) return d.name;
  throw fail('ERR_UNSUPPORTED_DTYPE', 'dtype', `unsupported dtype ${d} for ${routine}`, routine);
}

function finite(v: unknown, argument: string, routine: string): number {
  if (typeof v !== 'number') {
    throw fail('ERR_ARGUMENT', argument, `expected a number, got ${typeof v}`, routine);
  }
  if (!Number.isFinite(v)) throw fail('ERR_VALUE', argument, `must be finite, got ${v}`, routine);
  return v;
}

/**
 * Draws random numbers the way NumPy's `Generator` does, from a seeded
 * {@link BitGenerator} (xoshiro128** by default).
 *
 * Reproducible but not NumPy's stream: the same seed gives the same numbers
 * in ndblas on every platform, not the numbers `numpy.random.default_rng(seed)`
 * gives. Every method returns a JavaScript scalar when `size` is omitted and
 * a new C-contiguous NDArray of shape `size` otherwise.
 */
export class Generator {
  readonly bitGenerator: BitGenerator;

  constructor(bitGenerator: BitGenerator) {
    this.bitGenerator = bitGenerator;
  }

  /** Affine map offset + scale * draw, as one scalar or an array of `size`. */
  #floats(
    table: Readonly<Record<FloatName, Fill>>,
    offset: number,
    scale: number,
    size: Size | null | undefined,
    dtype: DTypeLike,
    routine: string,
  ): number | NDArray {
    const name = floatName(dtype, routine);
    if (size === undefined || size === null) {
      const one = SCALAR[name];
      table[name](this.bitGenerator, one, 1, offset, scale);
      return one[0];
    }
    const out = empty(checkShape(size, 'size', routine), name);
    table[name](
      this.bitGenerator,
      typedWindow(out.buffer, out.dtype) as FloatArray,
      out.size,
      offset,
      scale,
    );
    return out;
  }

  /** Uniform floats on [0, 1) (NumPy's `random`); float64 has 53 random bits, float32 24. */
  random(size?: null, options?: FloatOptions): number;
  random(size: Size, options?: FloatOptions): NDArray;
  random(size?: Size | null, options?: FloatOptions): number | NDArray;
  random(size?: Size | null, options: FloatOptions = {}): number | NDArray {
    return this.#floats(UNIFORM, 0, 1, size, options.dtype ?? 'float64', 'random');
  }

  /** Standard normal floats (mean 0, variance 1), by the ziggurat method. */
  standardNormal(size?: null, options?: FloatOptions): number;
  standardNormal(size: Size, options?: FloatOptions): NDArray;
  standardNormal(size?: Size | null, options?: FloatOptions): number | NDArray;
  standardNormal(size?: Size | null, options: FloatOptions = {}): number | NDArray {
    return this.#floats(NORMAL, 0, 1, size, options.dtype ?? 'float64', 'standardNormal');
  }

  /**
   * float64 uniform on [low, high): low + (high - low) * random(), as NumPy
   * (high < low gives (high, low]). Bounds and their difference must be finite.
   */
  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number, high: number, size: Size): NDArray;
  uniform(low?: number, high?: number, size?: Size | null): number | NDArray;
  uniform(low = 0, high = 1, size?: Size | null): number | NDArray {
    const a = finite(low, 'low', 'uniform');
    const range = finite(high, 'high', 'uniform') - a;
    if (!Number.isFinite(range)) {
      throw fail('ERR_VALUE', 'high', 'high - low overflows float64', 'uniform');
    }
    return this.#floats(UNIFORM, a, range, size, 'float64', 'uniform');
  }

  /** float64 normal with mean `loc` and standard deviation `scale` (finite, >= 0). */
  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number, scale: number, size: Size): NDArray;
  normal(loc?: number, scale?: number, size?: Size | null): number | NDArray;
  normal(loc = 0, scale = 1, size?: Size | null): number | NDArray {
    const mean = finite(loc, 'loc', 'normal');
    const sd = finite(scale, 'scale', 'normal');
    if (sd < 0) throw fail('ERR_VALUE', 'scale', `scale < 0 (got ${sd})`, 'normal');
    return this.#floats(NORMAL, mean, sd, size, 'float64', 'normal');
  }

  /**
   * Uniform integers on [low, high), or [low, high] with `endpoint: true`;
   * `integers(n)` draws from [0, n). Exactly unbiased for every range.
   * Bounds are integral numbers or bigints within the dtype's range; the
   * default dtype int64 gives bigint scalars, 8-to-32-bit dtypes numbers.
   */
  integers(
    low: number | bigint,
    high?: number | bigint | null,
    size?: null,
    options?: IntegersOptions,
  ): number | bigint;
  integers(
    low: number | bigint,
    high: number | bigint | null | undefined,
    size: Size,
    options?: IntegersOptions,
  ): NDArray;
  integers(
    low: number | bigint,
    high?: number | bigint | null,
    size?: Size | null,
    options?: IntegersOptions,
  ): number | bigint | NDArray;
  integers(
    low: number | bigint,
    high?: number | bigint | null,
    size?: Size | null,
    options: IntegersOptions = {},
  ): number | bigint | NDArray {
    const plan = planIntegers(
      low,
      high,
      options.endpoint ?? false,
      options.dtype ?? 'int64',
      'integers',
    );
    if (size === undefined || size === null) return drawInteger(this.bitGenerator, plan);
    const out = empty(checkShape(size, 'size', 'integers'), plan.dtype);
    fillIntegers(this.bitGenerator, plan, out);
    return out;
  }
}

/**
 * A new {@link Generator} over xoshiro128**, NumPy's `default_rng`.
 *
 * `seed` is a non-negative integer (number or bigint, any size); omitted or
 * null draws 128 bits from `globalThis.crypto`; a Generator is returned as is.
 * Same seed, same numbers in ndblas on every platform, but NOT NumPy's
 * numbers: the bit stream (xoshiro128** seeded by SplitMix64) and the
 * sampling methods are ndblas's own.
 */
export function defaultRng(seed?: Seed | Generator | null): Generator {
  if (seed instanceof Generator) return seed;
  const value =
    seed === undefined || seed === null ? entropySeed() : toSeed(seed, 'seed', 'defaultRng');
  return new Generator(Xoshiro128StarStar.fromSeed(value));
}
