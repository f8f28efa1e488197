// The radix engine against a plain stable comparison sort on larger inputs
// than the fixtures hold (deep recursion, runs of equal keys, wide exponent
// spreads, presorted data): values and stable indices for float64, int64,
// uint64 and complex128, NaNs last in input order, zeros in input order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { argsort, array, fromBuffer, type NDArray, type Scalar, sort } from '../../src/index.js';
import { compareValues, flatValues } from './helpers.js';

/** A reproducible generator (xorshift32), so failures replay. */
function generator(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const N = 20000;

const DISTRIBUTIONS: Readonly<Record<string, (r: () => number, i: number) => number>> = {
  normal: (r) => Math.sqrt(-2 * Math.log(r() + 1e-300)) * Math.cos(2 * Math.PI * r()),
  wide: (r) => Math.exp(r() * 1400 - 700) * (r() < 0.5 ? -1 : 1),
  duplicates: (r) => [0, -0, 1, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY][Math.floor(r() * 7)],
  integers: (r) => Math.floor(r() * 1000) - 500,
  sorted: (_, i) => i * 0.5,
  reversed: (_, i) => -i,
  tiny: (r) => (r() - 0.5) * 1e-310,
};

/** The stable order NumPy's kind='stable' gives, from a comparison sort. */
function reference(a: NDArray): number[] {
  const v = flatValues(a);
  return v.map((_, i) => i).sort((i, j) => compareValues(v[i], v[j]) || i - j);
}

function check(a: NDArray, name: string): void {
  const order = reference(a);
  const v = flatValues(a);
  assert.deepEqual(flatValues(argsort(a)).map(Number), order, `${name}: argsort`);
  const sorted = flatValues(sort(a));
  order.forEach((k, i) => {
    assert.ok(identical(sorted[i], v[k]), `${name}: ${i}`);
  });
}

function identical(x: Scalar, y: Scalar): boolean {
  if (typeof x === 'object' && typeof y === 'object') {
    return Object.is(x.re, y.re) && Object.is(x.im, y.im);
  }
  return Object.is(x, y);
}

test('float64 sorts and argsorts stably for every distribution', () => {
  for (const [name, draw] of Object.entries(DISTRIBUTIONS)) {
    const r = generator(12345);
    check(array(Float64Array.from({ length: N }, (_, i) => draw(r, i))), name);
  }
});

test('int64, uint64 and complex128 keys compare exactly', () => {
  const r = generator(777);
  const words = Uint32Array.from({ length: 2 * N }, (_, i) =>
    i % 2 === 1 && r() < 0.7 ? [0, 0xffffffff, 0x80000000][i % 3] : Math.floor(r() * 2 ** 32),
  );
  for (const dtype of ['int64', 'uint64'] as const) {
    check(fromBuffer(words.slice().buffer, { dtype }), dtype);
  }
  const parts = Float64Array.from({ length: 2 * N }, () => {
    const u = r();
    return u < 0.05 ? Number.NaN : u < 0.1 ? -0 : Math.floor(u * 20) - 10;
  });
  check(fromBuffer(parts.buffer, { dtype: 'complex128' }), 'complex128');
});
