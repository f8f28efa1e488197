// The bit generator behind random.Generator: xoshiro128** (Blackman & Vigna,
// 2018), 128 bits of state in four uint32 words stepped with 32-bit integer
// operations only (Math.imul, shifts, xor), seeded by a SplitMix64 expansion
// of the user's seed. Its stream is ndblas's own, not NumPy's PCG64 stream.
import { fail } from '../core/errors.js';

/** What a Generator draws from; a NumPy-compatible PCG64 would implement the same. */
export interface BitGenerator {
  /** The next 32 uniformly random bits, as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A double uniform on [0, 1), a multiple of 2^-53 (53 random bits). */
  nextDouble(): number;
}

/** A seed: a non-negative integer of any size. */
export type Seed = number | bigint;

const TWO_POW_26 = 67108864;
const TWO_POW_MINUS_53 = 2 ** -53;
const MASK64 = (1n << 64n) - 1n;
const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

/** SplitMix64's output function: a bijection of 64-bit words that mixes every bit. */
function mix64(z: bigint): bigint {
  let x = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return x ^ (x >> 31n);
}

/**
 * The four state words for `seed`. A seed below 2^64 yields the first two
 * outputs of SplitMix64 started at the seed, the expansion xoshiro's authors
 * recommend; longer seeds fold their further 64-bit words into the counter.
 * Two successive outputs of a bijection of distinct counters cannot both be
 * zero, so the state is never the all-zero fixed point.
 */
function expandSeed(seed: bigint): [number, number, number, number] {
  let counter = seed & MASK64;
  for (let rest = seed >> 64n; rest > 0n; rest >>= 64n) {
    counter = mix64((counter + GOLDEN_GAMMA) & MASK64) ^ (rest & MASK64);
  }
  const words: number[] = [];
  for (let k = 0; k < 2; k++) {
    counter = (counter + GOLDEN_GAMMA) & MASK64;
    const out = mix64(counter);
    words.push(Number(out & 0xffffffffn), Number(out >> 32n));
  }
  return [words[0], words[1], words[2], words[3]];
}

/** Checks that `seed` is a non-negative integer and returns it as a bigint. */
export function toSeed(seed: unknown, argument = 'seed', routine?: string): bigint {
  if (typeof seed === 'bigint') {
    if (seed < 0n) throw fail('ERR_VALUE', argument, 'the seed must be non-negative', routine);
    return seed;
  }
  if (typeof seed !== 'number') {
    throw fail(
      'ERR_ARGUMENT',
      argument,
      `expected a number or bigint, got ${typeof seed}`,
      routine,
    );
  }
  if (!Number.isInteger(seed) || seed < 0) {
    throw fail(
      'ERR_VALUE',
      argument,
      `the seed must be a non-negative integer, got ${seed}`,
      routine,
    );
  }
  return BigInt(seed);
}

/** 128 bits from the platform's cryptographic source (globalThis.crypto: Node >= 20, browsers). */
export function entropySeed(): bigint {
  const words = globalThis.crypto.getRandomValues(new Uint32Array(4));
  return words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
}

/**
 * xoshiro128**: period 2^128 - 1, passes BigCrush, no weak low bits, and
 * needs nothing wider than 32-bit integer arithmetic, so JavaScript runs it
 * without BigInt or float tricks.
 */
export class Xoshiro128StarStar implements BitGenerator {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  /** A generator in the given state: four uint32 words, not all zero. */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    const words = [s0, s1, s2, s3];
    if (!words.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) {
      throw fail('ERR_VALUE', 'state', 'expected four unsigned 32-bit integers');
    }
    if (words.every((w) => w === 0)) {
      throw fail('ERR_VALUE', 'state', 'the all-zero state is a fixed point of xoshiro128**');
    }
    this.#s0 = s0 | 0;
    this.#s1 = s1 | 0;
    this.#s2 = s2 | 0;
    this.#s3 = s3 | 0;
  }

  /** A generator seeded from a non-negative integer (see expandSeed). */
  static fromSeed(seed: Seed): Xoshiro128StarStar {
    const [s0, s1, s2, s3] = expandSeed(toSeed(seed));
    return new Xoshiro128StarStar(s0, s1, s2, s3);
  }

  nextUint32(): number {
    const s1 = this.#s1;
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.#s2 ^ this.#s0;
    const s3 = this.#s3 ^ s1;
    this.#s1 = s1 ^ s2;
    this.#s0 ^= s3;
    this.#s2 = s2 ^ t;
    this.#s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  /** (27 bits * 2^26 + 26 bits) * 2^-53, from two consecutive 32-bit outputs. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) * TWO_POW_MINUS_53;
  }
}
