// The scalar TypeScript twin of the wasm float64 exp and log kernels
// (src/kernels/ref/math.ts) gives the kernel's bits, in every wasm variant
// this engine runs, for random and edge inputs (subnormals, +-0, +-Inf, NaN
// payloads, the overflow/underflow thresholds and the kernel's fast-range
// bounds, exp's table points, 1 +- a few ULP and powers of two for log); and
// through the ufuncs an element's result does not depend on the layout: an
// array's exp/log equals, bit for bit, that of each element alone (0-d and
// 1-element arrays), of every short prefix, and of the same values in flipped,
// strided, unaligned or byte-swapped views, in float64 and float32.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { type Feature, setDisabledFeatures } from '../../src/backends/wasm/features.js';
import { type MathFunction, wasmUnaryF64 } from '../../src/backends/wasm/math.js';
import { dtypes } from '../../src/core/dtypes.js';
import * as nb from '../../src/index.js';
import { expF64, logF64 } from '../../src/kernels/ref/math.js';
import { compileKernel } from '../../src/ufunc/compile.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

const CASES: readonly {
  name: MathFunction;
  twin: (x: number) => number;
  fallback: (x: number) => number;
  ufunc: (x: nb.NDArray) => nb.NDArray;
}[] = [
  { name: 'exp', twin: expF64, fallback: Math.exp, ufunc: (x) => nb.exp(x) },
  { name: 'log', twin: logF64, fallback: Math.log, ufunc: (x) => nb.log(x) },
];

after(() => setDisabledFeatures([]));

const word = new Float64Array(1);
const bits64 = new BigUint64Array(word.buffer);

function bitsOf(x: number): bigint {
  word[0] = x;
  return bits64[0];
}

function fromBits(b: bigint): number {
  bits64[0] = BigInt.asUintN(64, b);
  return word[0];
}

/** Deterministic 32-bit generator (xorshift). */
function generator(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** x and its neighbours up to `k` ULP either side. */
function around(x: number, k: number): number[] {
  const b = bitsOf(x);
  return Array.from({ length: 2 * k + 1 }, (_, i) => fromBits(b + BigInt(i - k)));
}

/** Random and edge inputs for `name`: every class the kernel treats apart. */
function inputs(name: MathFunction): Float64Array {
  const next = generator(name === 'exp' ? 17 : 29);
  const out: number[] = [];
  const u = () => next() / 2 ** 32;
  for (let i = 0; i < 4000; i++) {
    out.push(name === 'exp' ? 1500 * u() - 750 : Math.exp(1500 * u() - 750));
    out.push(name === 'exp' ? 2 * u() - 1 : 0.5 + u());
    // Any bit pattern: every sign, exponent, NaN payload and subnormal.
    out.push(fromBits((BigInt(next()) << 32n) | BigInt(next())));
  }
  const edges = [0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN];
  edges.push(
    fromBits(0x7ff80000000007a2n),
    fromBits(0xfff8000000000001n),
    fromBits(0x7ff4000000000001n),
  );
  edges.push(
    Number.MIN_VALUE,
    2.2250738585072014e-308,
    1e-310,
    Number.MAX_VALUE,
    -Number.MIN_VALUE,
  );
  const near = [708, -708, 709.782712893384, -745.1332191019411, -744.44, 1, Math.SQRT1_2, 2, 0.5];
  for (const x of near) out.push(...around(x, 8));
  for (let j = -300; j <= 300; j++) out.push(...around((j * Math.LN2) / 128, 2));
  for (let e = -1074; e <= 1023; e += 7) out.push(...around(2 ** e, 2));
  out.push(...around(2.2250738585072014e-308, 4));
  out.push(...edges);
  return Float64Array.from(out);
}

test('the twin gives the wasm kernel bits for random and edge inputs in every variant', () => {
  for (const c of CASES) {
    const xs = inputs(c.name);
    const want = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) want[i] = c.twin(xs[i]);
    const wantBits = new BigUint64Array(want.buffer);
    for (const v of VARIANTS) {
      setDisabledFeatures(v.disable);
      const got = new Float64Array(xs.length);
      wasmUnaryF64(c.name, c.fallback)!(xs.length, got, 0, 1, xs, 0, 1);
      const gotBits = new BigUint64Array(got.buffer);
      let differ = 0;
      let first = '';
      for (let i = 0; i < xs.length; i++) {
        if (gotBits[i] === wantBits[i]) continue;
        if (differ++ === 0) {
          first = `${c.name}(${xs[i]} = 0x${bitsOf(xs[i]).toString(16)}) ${v.name}: wasm 0x${gotBits[i].toString(16)}, twin 0x${wantBits[i].toString(16)}`;
        }
      }
      assert.equal(differ, 0, first);
    }
  }
});

test('the compiled twin loop (the path without WebAssembly) matches the wasm run bit for bit', () => {
  const d = dtypes.float64;
  for (const c of CASES) {
    const loop = compileKernel(c.twin as never, { inputs: ['r'], output: 'r' }, [d, d], 'twin');
    const xs = inputs(c.name);
    const viaLoop = new Float64Array(xs.length + 2).fill(-7.5);
    const viaWasm = viaLoop.slice();
    loop(xs.length, viaLoop, xs.length, -1, xs, 0, 1);
    wasmUnaryF64(c.name, c.fallback)!(xs.length, viaWasm, xs.length, -1, xs, 0, 1);
    assert.deepEqual(new BigUint64Array(viaLoop.buffer), new BigUint64Array(viaWasm.buffer));
    assert.equal(viaLoop[0], -7.5);
    assert.equal(viaLoop[xs.length + 1], -7.5);
  }
});

/** Random values of the fast range, with a few outside it, for layout tests. */
function values(name: MathFunction, n: number): number[] {
  const next = generator(n + 3);
  const special = [Number.NaN, 0, -0, Number.POSITIVE_INFINITY, -3, 720, 5e-324, -720];
  return Array.from({ length: n }, (_, i) => {
    if (i % 37 === 5) return special[i % special.length];
    const u = next() / 2 ** 32;
    return name === 'exp' ? 1400 * u - 700 : Math.exp(1400 * u - 700);
  });
}

function bitsArray(a: nb.NDArray): bigint[] {
  const out: bigint[] = [];
  for (let i = 0; i < a.size; i++) {
    const x = a.item(i) as number;
    out.push(a.dtype.name === 'float32' ? BigInt(bitsOf(Math.fround(x))) : bitsOf(x));
  }
  return out;
}

test('exp and log of an array equal those of each element alone, of short prefixes and of strided views', () => {
  const n = 2100;
  for (const c of CASES) {
    for (const dtype of ['float64', 'float32'] as const) {
      const xs = values(c.name, n);
      const whole = bitsArray(c.ufunc(nb.array(xs, { dtype })));
      for (let i = 0; i < n; i += i < 40 ? 1 : 53) {
        const label = `${c.name} ${dtype} of ${xs[i]} at ${i}`;
        const alone = c.ufunc(nb.array(xs[i], { dtype }));
        assert.equal(alone.ndim, 0);
        assert.deepEqual(bitsArray(alone), [whole[i]], `${label} (0-d)`);
        assert.deepEqual(bitsArray(c.ufunc(nb.array([xs[i]], { dtype }))), [whole[i]], label);
      }
      for (const m of [1, 2, 3, 7, 15, 16, 17, 31, 2047, 2049]) {
        const prefix = bitsArray(c.ufunc(nb.array(xs.slice(0, m), { dtype })));
        assert.deepEqual(prefix, whole.slice(0, m), `${c.name} ${dtype} prefix ${m}`);
      }
      const size = dtype === 'float64' ? 8 : 4;
      const layouts = [
        { code: '<', strides: [-size] },
        { code: '<', strides: [3 * size] },
        { code: '<', strides: [-(size + 1)] },
        { code: '>', strides: [2 * size] },
      ];
      for (const lx of layouts) {
        for (const m of [5, n]) {
          const x = padded([m], lx.strides, `${lx.code}f${size}`, 13);
          for (let i = 0; i < m; i++) x.set([i], xs[i]);
          const out = padded([m], [-lx.strides[0]], `${lx.code}f${size}`, 7);
          (c.name === 'exp' ? nb.exp : nb.log)(x, { out });
          assertSentinelsIntact(out);
          const label = `${c.name} ${lx.code}f${size} strides ${lx.strides} n=${m}`;
          assert.deepEqual(bitsArray(out), whole.slice(0, m), label);
        }
      }
    }
  }
});
