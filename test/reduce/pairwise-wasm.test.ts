// The wasm pairwise float64 sum (src/kernels/assembly/sum_f64.ts, driven from
// src/reduce/pairwise.ts) against its TypeScript twin pairwiseF64Ref, bit for
// bit, in every wasm variant this engine runs: many sizes from 0 to a few
// 10^5 (odd ones, the cut-over, node boundaries), offsets, random data with
// NaN, +-Inf and -0; the source array is never written.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type Feature, setDisabledFeatures } from '../../src/backends/wasm/features.js';
import { WASM_NODE } from '../../src/backends/wasm/sum.js';
import { pairwiseF64, pairwiseF64Ref } from '../../src/reduce/pairwise.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

after(() => setDisabledFeatures([]));

/** Deterministic values of mixed magnitude (so order changes the bits), with specials where asked. */
function values(n: number, seed: number, specials: boolean): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const u = s / 2 ** 32;
    out[i] = (u - 0.5) * 2 ** Math.floor(u * 60 - 30);
    if (specials && i % 4099 === 17) out[i] = [Number.NaN, -0, Infinity, -Infinity][i % 4];
  }
  return out;
}

const same = (a: number, b: number) => Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));

/** Every size below 300 (the cut-over and leaf pairs), then node boundaries and odd large sizes. */
const SIZES = [
  ...Array.from({ length: 300 }, (_, k) => k),
  ...[1000, 1023, 4095, 4096, 4097, 8191, 8192, 8193, 9999, 16383, 16384, 16385],
  ...[WASM_NODE - 1, WASM_NODE, WASM_NODE + 1, 2 * WASM_NODE + 7],
  ...[65537, 100003, 131072, 262145, 300001],
];

test('wasm pairwise float64 sum = TypeScript twin, bit for bit, in every variant', () => {
  const x = values(300_100, 7, false);
  const copy = x.slice();
  let differs = 0;
  for (const v of VARIANTS) {
    setDisabledFeatures(v.disable);
    for (const n of SIZES) {
      for (const i of [0, 1, 5]) {
        const want = pairwiseF64Ref(x, i, n, 1);
        const got = pairwiseF64(x, i, n, 1);
        assert.ok(same(got, want), `${v.name} n=${n} i=${i}: ${got} != ${want}`);
        // A plain left-to-right sum differs somewhere: the order really is NumPy's.
        let naive = 0;
        for (let k = 0; k < n; k++) naive += x[i + k];
        if (naive !== want) differs++;
      }
    }
  }
  assert.ok(differs > 0);
  assert.deepEqual(x, copy);
});

test('wasm pairwise float64 sum keeps NaN, Inf and -0 as the twin does', () => {
  const x = values(70_000, 3, true);
  const zeros = new Float64Array(9000).fill(-0);
  const inf = new Float64Array(9000).fill(1);
  inf[5000] = Infinity;
  for (const v of VARIANTS) {
    setDisabledFeatures(v.disable);
    for (const n of [300, 4100, 8192, 17000, 70_000]) {
      const got = pairwiseF64(x, 0, n, 1);
      assert.ok(same(got, pairwiseF64Ref(x, 0, n, 1)), `${v.name} n=${n}`);
    }
    assert.ok(Number.isNaN(pairwiseF64(x, 0, 70_000, 1)));
    assert.ok(Object.is(pairwiseF64(zeros, 0, 9000, 1), pairwiseF64Ref(zeros, 0, 9000, 1)));
    assert.equal(pairwiseF64(inf, 0, 9000, 1), Infinity);
  }
});
