// The pairwise kernels against a direct transcription of NumPy's recursive
// definition (loops_utils.h.src), bit for bit, across the sizes where the
// kernels switch strategy: leaves, leaf pairs, cached flat plans (4096 to
// 2^20 elements) and the recursion above them, contiguous and strided.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addPairwiseComplex, pairwiseF32, pairwiseF64 } from '../../src/reduce/pairwise.js';

/** NumPy's pairwise sum; `round` is identity (float64) or Math.fround (float32). */
function reference(
  x: ArrayLike<number>,
  i: number,
  n: number,
  s: number,
  round = (v: number) => v,
): number {
  if (n < 8) {
    let r = 0;
    for (let k = 0; k < n; k++) r = round(r + x[i + k * s]);
    return r;
  }
  if (n <= 128) {
    const r = Array.from({ length: 8 }, (_, j) => x[i + j * s]);
    let k = 8;
    for (; k < n - (n % 8); k += 8)
      for (let j = 0; j < 8; j++) r[j] = round(r[j] + x[i + (k + j) * s]);
    let res = round(
      round(round(r[0] + r[1]) + round(r[2] + r[3])) +
        round(round(r[4] + r[5]) + round(r[6] + r[7])),
    );
    for (; k < n; k++) res = round(res + x[i + k * s]);
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return round(reference(x, i, n2, s, round) + reference(x, i + n2 * s, n - n2, s, round));
}

/** Values over many magnitudes, so that any change of grouping shows in the bits. */
function data(n: number, seed: number): Float64Array {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
  return Float64Array.from({ length: n }, () => (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6));
}

const SIZES = [
  0,
  1,
  7,
  8,
  9,
  127,
  128,
  129,
  255,
  256,
  257,
  1000,
  4095,
  4096,
  4097,
  9999,
  65_537,
  1 << 20,
  (1 << 20) + 3,
  3_000_001,
];

test('float64 pairwise sums equal NumPy’s recursion at every size and stride', () => {
  const x = data(2 * 3_000_001 + 7, 1);
  for (const n of SIZES) {
    for (const [i, s] of [
      [0, 1],
      [5, 1],
      [3, 2],
    ]) {
      if (i + (n - 1) * s >= x.length) continue;
      assert.equal(
        pairwiseF64(x, i, n, s),
        reference(x, i, n, s),
        `n ${n}, offset ${i}, stride ${s}`,
      );
    }
  }
});

test('float32 and complex pairwise sums equal NumPy’s', () => {
  const x = Float32Array.from(data(20_000, 2));
  for (const n of [5, 100, 129, 1000, 9999]) {
    assert.equal(pairwiseF32(x, 1, n, 1), reference(x, 1, n, 1, Math.fround), `float32 n ${n}`);
  }
  // Complex: NumPy sums each component over four lanes with blocks of 64 elements,
  // which is the real tree over the component sequence with half the blocking.
  const z = data(2 * 5000, 3);
  for (const n of [3, 4, 63, 64, 65, 200, 5000]) {
    const acc = new Float64Array(2);
    addPairwiseComplex(acc, 0, z, 0, n, 2, false);
    const parts = (c: number) =>
      Float64Array.from({ length: 2 * n }, (_, k) => (k % 2 === 0 ? z[k + c] : 0));
    assert.equal(acc[0], 0 + reference(parts(0), 0, 2 * n, 1), `complex real n ${n}`);
    assert.equal(acc[1], 0 + reference(parts(1), 0, 2 * n, 1), `complex imaginary n ${n}`);
  }
});
