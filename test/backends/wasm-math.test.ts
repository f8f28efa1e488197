// The wasm float64 exp and log kernels (src/kernels/assembly/math_f64.ts via
// src/backends/wasm/math.ts), in every variant this engine runs: within 1 ULP
// of the correctly rounded values of mpmath fixtures (random and edge
// arguments: table and range boundaries, subnormal results and arguments,
// +-0, +-Inf, NaN payloads, negative numbers), special-value classes exact,
// the same bits in every variant; and against the reference twin (the
// compiled Math.exp / Math.log loop) on runs of many lengths (around the SIMD
// width and the 2048-element chunk) with positive, negative, zero and gapped
// strides inside sentinel-filled buffers, in place too; through the ufuncs on
// unaligned, byte-swapped and broadcast operands and outputs; float32 runs
// (widened, computed in float64, rounded once) against their float32 twin.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type Feature, setDisabledFeatures } from '../../src/backends/wasm/features.js';
import { type MathFunction, wasmUnaryF64 } from '../../src/backends/wasm/math.js';
import { dtypes } from '../../src/core/dtypes.js';
import * as nb from '../../src/index.js';
import { compileKernel, type Kernel } from '../../src/ufunc/compile.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';
import { hexToBytes, ufuncFixture, ulps } from '../ufunc/fixtures.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

const FUNCTIONS: readonly [MathFunction, (x: number) => number][] = [
  ['exp', Math.exp],
  ['log', Math.log],
];

const SENTINEL = -123.25;

after(() => setDisabledFeatures([]));

function floats(hex: string): Float64Array {
  const bytes = hexToBytes(hex);
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
}

/** The reference twin: the loop the ufunc compiles from the element operation. */
function twin(f: (x: number) => number): Kernel {
  const d = dtypes.float64;
  return compileKernel(f as never, { inputs: ['r'], output: 'r' }, [d, d], 'twin');
}

/** Deterministic values over the fast range and a few outside it. */
function values(name: MathFunction, n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const u = s / 2 ** 32;
    out[i] = name === 'exp' ? 1400 * u - 700 : Math.exp(1400 * u - 700);
    if (i % 97 === 13)
      out[i] = [Number.NaN, 0, -0, Number.POSITIVE_INFINITY, -5, 710, 1e-310][i % 7];
  }
  return out;
}

test('float64 exp and log stay within 1 ULP of correct rounding, with the same bits in every variant', () => {
  const fixture =
    ufuncFixture<Record<MathFunction, { inputs: string; out: string }>>('math_f64.json');
  const worst: string[] = [];
  for (const [name, reference] of FUNCTIONS) {
    const xs = floats(fixture[name].inputs);
    const exact = floats(fixture[name].out);
    let first: Float64Array | undefined;
    for (const v of VARIANTS) {
      setDisabledFeatures(v.disable);
      const got = new Float64Array(xs.length);
      wasmUnaryF64(name, reference)!(xs.length, got, 0, 1, xs, 0, 1);
      let most = 0;
      for (let i = 0; i < xs.length; i++) {
        const u = ulps(got[i], exact[i], 8);
        most = Math.max(most, u);
        assert.ok(u <= 1, `${name}(${xs[i]}) ${v.name}: ${got[i]}, exact ${exact[i]} (${u} ULP)`);
      }
      worst.push(`${name} ${v.name} ${most}`);
      if (first === undefined) first = got;
      else assert.deepEqual(got, first, `${name}: ${v.name} differs from scalar`);
    }
  }
  console.log(`# worst ULP vs correctly rounded: ${worst.join('; ')}`);
});

test('the wasm runs equal their reference twin on strided runs in sentinel-filled buffers', () => {
  const lengths = [0, 1, 2, 3, 5, 63, 64, 65, 2047, 2048, 2049, 4097];
  const strides: readonly [number, number][] = [
    [1, 1],
    [1, -1],
    [-1, 2],
    [2, 0],
    [3, -3],
  ];
  for (const [name, reference] of FUNCTIONS) {
    const ref = twin(reference);
    for (const v of VARIANTS) {
      setDisabledFeatures(v.disable);
      const run = wasmUnaryF64(name, reference)!;
      for (const n of lengths) {
        for (const [so, sa] of strides) {
          const pad = 3;
          const span = (s: number) => Math.abs(s) * Math.max(n - 1, 0) + 1;
          const first = (s: number) => pad + (s < 0 ? span(s) - 1 : 0);
          const a = new Float64Array(span(sa) + 2 * pad).fill(SENTINEL);
          const xs = values(name, n, n + 7 * sa);
          for (let j = 0; j < (sa === 0 ? Math.min(n, 1) : n); j++) a[first(sa) + j * sa] = xs[j];
          const o1 = new Float64Array(span(so) + 2 * pad).fill(SENTINEL);
          const o2 = o1.slice();
          run(n, o1, first(so), so, a, first(sa), sa);
          ref(n, o2, first(so), so, a, first(sa), sa);
          const label = `${name} ${v.name} n=${n} so=${so} sa=${sa}`;
          for (let i = 0; i < o1.length; i++) {
            assert.ok(
              ulps(o1[i], o2[i], 8) <= 1,
              `${label} at ${i}: ${o1[i]} vs ${o2[i]} (${name} of ${a[first(sa) + ((i - first(so)) / so) * sa]})`,
            );
          }
          assert.equal(o1.filter((x) => x === SENTINEL).length, o1.length - n, label);
        }
      }
    }
  }
});

test('in place and through the ufuncs: exp and log of float64 arrays match Math within 1 ULP', () => {
  for (const [name, reference] of FUNCTIONS) {
    for (const v of VARIANTS) {
      setDisabledFeatures(v.disable);
      const xs = values(name, 5000, 11);
      const inPlace = xs.slice();
      wasmUnaryF64(name, reference)!(xs.length, inPlace, 0, 1, inPlace, 0, 1);
      const viaUfunc = (name === 'exp' ? nb.exp : nb.log)(nb.array(Array.from(xs)).flip(0));
      const flipped = viaUfunc.flip(0).toArray() as number[];
      for (let i = 0; i < xs.length; i++) {
        const want = reference(xs[i]);
        assert.ok(ulps(inPlace[i], want, 8) <= 1, `${name} in place ${v.name} ${xs[i]}`);
        assert.ok(ulps(flipped[i], want, 8) <= 1, `${name} ufunc ${v.name} ${xs[i]}`);
      }
    }
  }
});

test('exp and log ufuncs on unaligned, byte-swapped and broadcast float64 operands', () => {
  const n = 300;
  const layouts: readonly { dtype: string; strides: number[]; pad: number }[] = [
    { dtype: '<f8', strides: [-9], pad: 61 },
    { dtype: '>f8', strides: [16], pad: 64 },
    { dtype: '>f8', strides: [-11], pad: 3 },
  ];
  for (const [name, reference] of FUNCTIONS) {
    const f = name === 'exp' ? nb.exp : nb.log;
    const xs = values(name, n, 5);
    for (const v of VARIANTS) {
      setDisabledFeatures(v.disable);
      for (const lx of layouts) {
        for (const lo of layouts) {
          const x = padded([n], lx.strides, lx.dtype, lx.pad);
          for (let i = 0; i < n; i++) x.set([i], xs[i]);
          const out = padded([n], lo.strides, lo.dtype, lo.pad + 2);
          f(x, { out });
          assertSentinelsIntact(out);
          const label = `${name} ${v.name} ${lx.dtype}${lx.strides} -> ${lo.dtype}${lo.strides}`;
          for (let i = 0; i < n; i++) {
            const got = out.item(i) as number;
            assert.ok(ulps(got, reference(xs[i]), 8) <= 1, `${label} at ${i}: ${got}`);
          }
        }
      }
      const row = nb.array(Array.from(xs.subarray(0, 70)));
      const grid = f(row.broadcastTo([3, 70]));
      for (let i = 0; i < 70; i++) {
        assert.ok(
          ulps(grid.item(2, i) as number, reference(xs[i]), 8) <= 1,
          `${name} broadcast ${i}`,
        );
      }
    }
  }
});

test('float32 runs compute in float64 and round once: within 1 ULP of the float32 twin', () => {
  const f32 = dtypes.float32;
  for (const [name, reference] of FUNCTIONS) {
    const ref = compileKernel(
      reference as never,
      { inputs: ['r'], output: 'r' },
      [f32, f32],
      'f32',
    );
    const xs = Float32Array.from(values(name, 3000, 3), (x) => (name === 'exp' ? x / 8 : x));
    for (const v of VARIANTS) {
      setDisabledFeatures(v.disable);
      const run = wasmUnaryF64(name, reference)!;
      for (const [so, sa] of [
        [1, 1],
        [-1, 2],
      ]) {
        const n = 1400;
        const o1 = new Float32Array(4000).fill(SENTINEL);
        const o2 = o1.slice();
        const first = (s: number) => (s < 0 ? 3000 : 5);
        run(n, o1, first(so), so, xs, 0, sa);
        ref(n, o2, first(so), so, xs, 0, sa);
        for (let i = 0; i < o1.length; i++) {
          assert.ok(
            ulps(o1[i], o2[i], 4) <= 1,
            `${name} f32 ${v.name} at ${i}: ${o1[i]} vs ${o2[i]}`,
          );
        }
        assert.equal(o1.filter((x) => x === SENTINEL).length, o1.length - n);
      }
      const got = (name === 'exp' ? nb.exp : nb.log)(
        nb.array(Array.from(xs), { dtype: 'float32' }),
      );
      assert.equal(got.dtype.name, 'float32');
      for (let i = 0; i < xs.length; i++) {
        const want = Math.fround(reference(xs[i]));
        assert.ok(
          ulps(got.item(i) as number, want, 4) <= 1,
          `${name} f32 ufunc ${v.name} ${xs[i]}`,
        );
      }
    }
  }
});
