// Statistical sanity with fixed seeds: means and variances within 5 sigma,
// chi-square goodness of fit for uniforms, normals (body and the ziggurat's
// tail beyond R, against probabilities integrated numerically) and integers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type NDArray, random } from '../../src/index.js';

const { defaultRng } = random;

function numbers(a: NDArray): number[] {
  return (a.toArray() as (number | bigint)[]).map(Number);
}

function moments(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Asserts mean and variance within 5 standard errors (mu4: the fourth central moment). */
function assertMoments(xs: readonly number[], mean: number, variance: number, mu4: number) {
  const n = xs.length;
  const m = moments(xs);
  const seMean = Math.sqrt(variance / n);
  const seVar = Math.sqrt((mu4 - variance ** 2) / n);
  assert.ok(Math.abs(m.mean - mean) < 5 * seMean, `mean ${m.mean}, expected ${mean}`);
  assert.ok(Math.abs(m.variance - variance) < 5 * seVar, `variance ${m.variance} vs ${variance}`);
}

/** Chi-square statistic, checked against df + 5 sd of the chi-square distribution (df = cells - 1). */
function assertChiSquare(observed: readonly number[], expected: readonly number[], what: string) {
  let chi2 = 0;
  observed.forEach((o, i) => {
    assert.ok(expected[i] >= 5, `${what}: cell ${i} expects ${expected[i]} < 5`);
    chi2 += (o - expected[i]) ** 2 / expected[i];
  });
  const df = observed.length - 1;
  assert.ok(chi2 < df + 5 * Math.sqrt(2 * df), `${what}: chi-square ${chi2} with ${df} df`);
}

/** P(a < Z < b) for a standard normal Z, by composite Simpson (error far below 1e-10). */
function normalProbability(a: number, b: number): number {
  const lo = Math.max(a, -12);
  const hi = Math.min(b, 12);
  if (hi <= lo) return 0;
  const steps = 2000;
  const h = (hi - lo) / steps;
  const f = (x: number) => Math.exp(-0.5 * x * x);
  let s = f(lo) + f(hi);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

/** Counts of xs in the cells between consecutive sorted edges; values outside are not counted. */
function histogram(xs: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (const x of xs) {
    let lo = 0;
    let hi = edges.length - 1;
    if (x < edges[lo] || x >= edges[hi]) continue;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (x >= edges[mid]) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

const N = 100_000;

test('uniform [0, 1): moments, 20-cell histogram, and the lowest random bit', () => {
  const bits = { float64: 53, float32: 24 } as const;
  for (const dtype of ['float64', 'float32'] as const) {
    const xs = numbers(defaultRng(100).random(N, { dtype }));
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assertMoments(xs, 0.5, 1 / 12, 1 / 80);
    const edges = Array.from({ length: 21 }, (_, i) => i / 20);
    assertChiSquare(histogram(xs, edges), Array(20).fill(N / 20), dtype);
    const odd = xs.filter((x) => (x * 2 ** bits[dtype]) % 2 === 1).length;
    assert.ok(Math.abs(odd - N / 2) < 5 * Math.sqrt(N / 4), `${dtype}: ${odd} odd`);
  }
});

test('uniform(low, high) moments', () => {
  const xs = numbers(defaultRng(101).uniform(-2, 3, N));
  assert.ok(xs.every((x) => x >= -2 && x < 3));
  assertMoments(xs, 0.5, 25 / 12, 625 / 80);
});

test('standard normal: moments and histogram against the density', () => {
  const n = 1_000_000;
  const edges = [-Infinity, ...Array.from({ length: 81 }, (_, i) => -4 + i * 0.1), Infinity];
  const expected = edges.slice(1).map((b, i) => n * normalProbability(edges[i], b));
  for (const dtype of ['float64', 'float32'] as const) {
    const xs = numbers(defaultRng(102).standardNormal(n, { dtype }));
    assertMoments(xs, 0, 1, 3);
    assertChiSquare(histogram(xs, edges), expected, dtype);
  }
});

test("the ziggurat's tail beyond R has the normal's weight and shape", () => {
  const R = 3.6541528853610088;
  const n = 1_000_000;
  const edges = [R, R + 0.2, R + 0.5, Infinity];
  for (const dtype of ['float64', 'float32'] as const) {
    const xs = numbers(defaultRng(103).standardNormal(n, { dtype }));
    const tail = xs.filter((x) => Math.abs(x) >= R).map(Math.abs);
    const p = 2 * normalProbability(R, Infinity);
    assert.ok(Math.abs(tail.length - n * p) < 5 * Math.sqrt(n * p), `${dtype}: ${tail.length}`);
    const negatives = xs.filter((x) => x <= -R).length;
    assert.ok(Math.abs(negatives - tail.length / 2) < 5 * Math.sqrt(tail.length / 4));
    const expected = edges.slice(1).map((b, i) => 2 * n * normalProbability(edges[i], b));
    assertChiSquare(histogram(tail, edges), expected, `${dtype} tail`);
  }
});

test('normal(loc, scale) moments', () => {
  const xs = numbers(defaultRng(104).normal(5, 2, N));
  assertMoments(xs, 5, 4, 3 * 16);
});

test('integers: chi-square on [0, 10) and on the full int8 range', () => {
  const rng = defaultRng(105);
  assertChiSquare(
    histogram(
      numbers(rng.integers(0, 10, N)),
      Array.from({ length: 11 }, (_, i) => i),
    ),
    Array(10).fill(N / 10),
    'integers(0, 10)',
  );
  const bytes = numbers(rng.integers(-128, 128, N, { dtype: 'int8' }));
  assertChiSquare(
    histogram(
      bytes,
      Array.from({ length: 257 }, (_, i) => i - 128),
    ),
    Array(256).fill(N / 256),
    'int8',
  );
  const wide = numbers(rng.integers(0n, 3n << 61n, N, { dtype: 'uint64' }));
  const edges = Array.from({ length: 11 }, (_, i) => (i * 3 * 2 ** 61) / 10);
  assertChiSquare(histogram(wide, edges), Array(10).fill(N / 10), 'integers(0, 3 * 2^61)');
});
