// Generator.integers: every value in range, both ends reached for every
// dtype, and the draws equal a BigInt transcription of the two methods
// (Lemire for spans up to 2^32, masked rejection beyond) on a twin stream.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DTypeName, type NDArray, random } from '../../src/index.js';

const { defaultRng, Xoshiro128StarStar } = random;

function values(a: NDArray): bigint[] {
  return (a.toArray() as (number | bigint)[]).map((v) => BigInt(v));
}

function minMax(xs: readonly bigint[]): [bigint, bigint] {
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

const RANGES: Record<string, [bigint, bigint]> = {
  int8: [-128n, 127n],
  uint8: [0n, 255n],
  int16: [-32768n, 32767n],
  uint16: [0n, 65535n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  uint32: [0n, 2n ** 32n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

test('[low, high) by default, [low, high] with endpoint, [0, low) with one bound', () => {
  const rng = defaultRng(1);
  assert.deepEqual(minMax(values(rng.integers(-3, 4, 2000))), [-3n, 3n]);
  assert.deepEqual(minMax(values(rng.integers(-3, 4, 2000, { endpoint: true }))), [-3n, 4n]);
  assert.deepEqual(minMax(values(rng.integers(5, null, 2000))), [0n, 4n]);
  assert.deepEqual(minMax(values(rng.integers(5, null, 2000, { endpoint: true }))), [0n, 5n]);
  assert.deepEqual(values(rng.integers(9, 10, 50)), Array(50).fill(9n));
  assert.deepEqual(values(rng.integers(9, 9, 5, { endpoint: true })), Array(5).fill(9n));
});

test('full ranges of 8- and 16-bit dtypes reach both ends', () => {
  const rng = defaultRng(2);
  const exclusive: [DTypeName, number][] = [
    ['int8', 20000],
    ['uint8', 20000],
    ['int16', 1_000_000],
    ['uint16', 1_000_000],
  ];
  for (const [dtype, n] of exclusive) {
    const [lo, hi] = RANGES[dtype];
    const a = rng.integers(lo, hi + 1n, n, { dtype });
    assert.deepEqual(minMax(values(a)), [lo, hi], dtype);
    const b = rng.integers(lo, hi, n, { dtype, endpoint: true });
    assert.deepEqual(minMax(values(b)), [lo, hi], `${dtype} endpoint`);
  }
  assert.deepEqual(minMax(values(rng.integers(-128, 128, 20000, { dtype: 'int8' }))), [
    -128n,
    127n,
  ]);
});

test('the extremes of every dtype are reachable and never exceeded', () => {
  const rng = defaultRng(3);
  for (const [name, [lo, hi]] of Object.entries(RANGES)) {
    const dtype = name as DTypeName;
    const top = values(rng.integers(hi - 2n, hi, 300, { dtype, endpoint: true }));
    assert.deepEqual(new Set(top), new Set([hi - 2n, hi - 1n, hi]), `${name} top`);
    const bottom = values(rng.integers(lo, lo + 3n, 300, { dtype }));
    assert.deepEqual(new Set(bottom), new Set([lo, lo + 1n, lo + 2n]), `${name} bottom`);
    const all = values(rng.integers(lo, hi, 4000, { dtype, endpoint: true }));
    const [mn, mx] = minMax(all);
    assert.ok(mn >= lo && mx <= hi, name);
    const mid = lo + (hi - lo) / 2n;
    const upper = all.filter((v) => v > mid).length;
    assert.ok(upper > 1800 && upper < 2200, `${name}: ${upper} of 4000 in the upper half`);
  }
});

/** Lemire's method in BigInt arithmetic on a twin stream. */
function lemireReference(bg: random.BitGenerator, count: bigint): bigint {
  const threshold = 2n ** 32n % count;
  for (;;) {
    const m = BigInt(bg.nextUint32()) * count;
    if ((m & 0xffffffffn) >= threshold) return m >> 32n;
  }
}

/** Masked rejection of 64-bit words (high word drawn first) on a twin stream. */
function maskedReference(bg: random.BitGenerator, span: bigint): bigint {
  let mask = 1n;
  while (mask < span) mask = (mask << 1n) | 1n;
  for (;;) {
    const hi = BigInt(bg.nextUint32());
    const v = ((hi << 32n) | BigInt(bg.nextUint32())) & mask;
    if (v <= span) return v;
  }
}

test('spans up to 2^32 equal Lemire computed in BigInt', () => {
  const counts = [1, 2, 3, 10, 1000, 2 ** 21 + 1, 2 ** 31 + 7, 3e9, 2 ** 32 - 1, 2 ** 32];
  for (const count of counts) {
    const seed = count % 1000;
    const got = values(
      defaultRng(seed).integers(0, count - 1, 3000, { dtype: 'uint32', endpoint: true }),
    );
    const twin = Xoshiro128StarStar.fromSeed(seed);
    const want = got.map(() => lemireReference(twin, BigInt(count)));
    assert.deepEqual(got, want, `count ${count}`);
    const wide = values(defaultRng(seed).integers(-5, count - 5, 3000));
    assert.deepEqual(
      wide,
      want.map((v) => v - 5n),
      `count ${count}, int64`,
    );
  }
});

test('wider spans equal masked rejection computed in BigInt', () => {
  const spans = [
    2n ** 32n,
    2n ** 32n + 1n,
    2n ** 40n + 12345n,
    3n << 61n,
    2n ** 63n,
    2n ** 64n - 1n,
  ];
  for (const span of spans) {
    const got = values(
      defaultRng(span % 97n).integers(0n, span, 2000, { dtype: 'uint64', endpoint: true }),
    );
    const twin = Xoshiro128StarStar.fromSeed(span % 97n);
    assert.deepEqual(
      got,
      got.map(() => maskedReference(twin, span)),
      `span ${span}`,
    );
    const low = -(2n ** 63n);
    const shifted = values(
      defaultRng(span % 97n).integers(low, low + span, 2000, { endpoint: true }),
    );
    assert.deepEqual(
      shifted,
      got.map((v) => v + low),
      `span ${span}, int64`,
    );
  }
});

test('bounds may be numbers beyond 2^53 when they are integers', () => {
  const a = values(defaultRng(4).integers(2 ** 62, 2 ** 63, 1000, { dtype: 'uint64' }));
  const [mn, mx] = minMax(a);
  assert.ok(mn >= 2n ** 62n && mx < 2n ** 63n);
  assert.equal(defaultRng(4).integers(2 ** 60, 2n ** 60n, null, { endpoint: true }), 2n ** 60n);
});
