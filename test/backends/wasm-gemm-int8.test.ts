// The wasm int8 GEMM (frame/gemm-int8.ts + the gemm_i8 macro-kernel) against
// its reference twin, bit for bit, in every variant this engine runs: random
// shapes around the register tile (2x16), the cache blocks and odd depths
// (also through a tiny blocking that cuts small problems into many blocks),
// the full int8 range, int32 C values and scalars that make the result wrap,
// negative, zero, gapped and unaligned strides, sentinel-padded outputs, and
// stacks with zero batch strides. Independent checks: wrap-around against
// BigInt arithmetic, dispatch around the cut-over, huge scalars wrapping as int32.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { wasmInt8MacroKernel } from '../../src/backends/wasm/gemm-int8.js';
import { WASM_GEMM_INT8 } from '../../src/blas/dispatch-wasm.js';
import { type Int8Blocking, int8Gemm, int8GemmBatched } from '../../src/blas/frame/gemm-int8.js';
import { prepareCall } from '../../src/blas/frame/prepare.js';
import { validateCall } from '../../src/blas/frame/validate.js';
import { bySignature, type RoutineSpec, SPECS } from '../../src/blas/index.js';
import { NDArray } from '../../src/index.js';
import { gemmBatchedReal, gemmReal } from '../../src/kernels/ref/gemm.js';
import type { Kernel } from '../../src/kernels/types.js';
import { type LayoutName, rng, stridesFor } from '../blas/harness.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];
/** Empty, around MR/NR (2, 16), MC (128), KC (512), odd depths. */
const EDGES = [0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 33, 127, 129, 511, 513, 1025];
const IN_LAYOUTS: readonly LayoutName[] = [
  'row',
  'col',
  'negative',
  'negativeGapped',
  'unaligned',
  'zero',
];
const OUT_LAYOUTS: readonly LayoutName[] = ['row', 'col', 'negative', 'gapped', 'unaligned'];
/** Scalars wrap modulo 2^32 too: 2^45 acts as 0, 3 * 2^31 as -2^31. */
const ALPHAS = [1, -1, 0, 3, 65537, -(2 ** 20), 2 ** 31 - 1, 2 ** 45];
const BETAS = [0, 1, -1, 5, 2 ** 21 + 1, -(2 ** 31), 3 * 2 ** 31];
/** Many blocks on small problems: column, row and (even, odd-ended) depth blocks. */
const TINY: Int8Blocking = { mc: 8, kc: 6, bBudget: 512 };

const SIGS = ['gemm:i8,i8->i32', 'gemmBatched:i8,i8->i32'] as const;
type Sig = (typeof SIGS)[number];
const specOf = (sig: Sig): RoutineSpec =>
  SPECS.find((s) => s.name === sig.slice(0, sig.indexOf(':')))!;
const REFERENCE: Readonly<Record<Sig, Kernel>> = {
  'gemm:i8,i8->i32': gemmReal,
  'gemmBatched:i8,i8->i32': gemmBatchedReal,
};
const TINY_KERNEL: Readonly<Record<Sig, Kernel>> = {
  'gemm:i8,i8->i32': int8Gemm(wasmInt8MacroKernel, TINY),
  'gemmBatched:i8,i8->i32': int8GemmBatched(wasmInt8MacroKernel, TINY),
};

/** Calls `kernel` on a validated, prepared call of `sig` (temporaries for unaligned C). */
function runWith(sig: Sig, kernel: Kernel, args: unknown[]): void {
  const spec = specOf(sig);
  const v = validateCall(
    spec,
    args,
    undefined,
    spec.signatures.find((s) => s.name === sig),
  );
  const p = prepareCall(v);
  kernel(p.call);
  p.finish();
}

/** An input in `layout` whose whole buffer holds random bytes (every int8, -128 included). */
function input(shape: number[], layout: LayoutName, r: () => number): NDArray {
  const a = padded(shape, stridesFor(shape, 1, layout), 'int8');
  const bytes = new Uint8Array(a.buffer);
  for (let i = 0; i < bytes.length; i++) {
    const x = r();
    // Extremes often: -128 * -128 is the one product at the edge of int16.
    bytes[i] = x < 0.1 ? 0x80 : x < 0.15 ? 0x7f : Math.floor(r() * 256);
  }
  return a;
}

/** An int32 output in `layout` with random elements of any magnitude, sentinels around them. */
function output(shape: number[], layout: LayoutName, r: () => number): NDArray {
  const c = padded(shape, stridesFor(shape, 4, layout), 'int32');
  const walk = (axis: number, idx: number[]) => {
    if (axis === shape.length) c.set(idx, Math.floor(r() * 2 ** 32) - 2 ** 31);
    else for (let i = 0; i < shape[axis]; i++) walk(axis + 1, [...idx, i]);
  };
  walk(0, []);
  return c;
}

/** The same view over a copy of its buffer. */
function twin(a: NDArray): NDArray {
  const buffer = (a.buffer as SharedArrayBuffer).slice(0);
  return new NDArray({
    buffer,
    byteOffset: a.byteOffset,
    shape: a.shape,
    strides: a.strides,
    dtype: a.dtype,
  });
}

/** Runs `kernel` and the reference on twins of C; asserts equal buffers, inputs and sentinels intact. */
function checkTwin(
  sig: Sig,
  kernel: Kernel,
  alpha: number,
  a: NDArray,
  b: NDArray,
  beta: number,
  c: NDArray,
  where: string,
): void {
  const [a0, b0] = [new Uint8Array(a.buffer).slice(), new Uint8Array(b.buffer).slice()];
  const want = twin(c);
  runWith(sig, REFERENCE[sig], [alpha, a, b, beta, want]);
  runWith(sig, kernel, [alpha, a, b, beta, c]);
  assert.deepEqual(new Uint8Array(c.buffer), new Uint8Array(want.buffer), `${where}: C`);
  assertSentinelsIntact(c);
  assert.deepEqual(new Uint8Array(a.buffer), a0, `${where}: A changed`);
  assert.deepEqual(new Uint8Array(b.buffer), b0, `${where}: B changed`);
}

function onVariant(
  name: string,
  disable: Feature[],
  t: { skip: (m: string) => void },
  body: () => void,
) {
  setDisabledFeatures(disable);
  try {
    if (chooseVariant().variant !== name) {
      t.skip(`${name} not available: ${chooseVariant().reasons.join('; ')}`);
      return;
    }
    body();
  } finally {
    setDisabledFeatures([]);
  }
}

for (const variant of VARIANTS) {
  test(`wasm gemm i8 (${variant.name}) is bitwise the reference`, (t) => {
    onVariant(variant.name, variant.disable, t, () => {
      const r = rng(4242);
      const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
      let cases = 0;
      for (const sig of SIGS) {
        for (const [label, kernel] of [
          ['blocked', WASM_GEMM_INT8[sig]],
          ['tiny blocks', TINY_KERNEL[sig]],
        ] as const) {
          for (let i = 0; i < 40; i++) {
            const dims = { m: pick(EDGES.slice(0, 12)), n: pick(EDGES.slice(0, 12)), k: 1 };
            dims.k = pick(EDGES);
            // One large edge at a time keeps the reference fast.
            if (r() < 0.3) dims[pick(['m', 'n'] as const)] = pick(EDGES.slice(0, 14));
            const batch = sig.startsWith('gemmBatched') ? 1 + Math.floor(r() * 3) : 0;
            const stack = (s: number[]) => (batch > 0 ? [batch, ...s] : s);
            const a = input(stack([dims.m, dims.k]), pick(IN_LAYOUTS), r);
            const b = input(stack([dims.k, dims.n]), pick(IN_LAYOUTS), r);
            const c = output(stack([dims.m, dims.n]), pick(OUT_LAYOUTS), r);
            const [alpha, beta] = [pick(ALPHAS), pick(BETAS)];
            const where = `${variant.name} ${label} ${sig} ${JSON.stringify(dims)} batch ${batch} strides ${a.strides}/${b.strides}/${c.strides} alpha ${alpha} beta ${beta}`;
            checkTwin(sig, kernel, alpha, a, b, beta, c, where);
            cases++;
          }
        }
      }
      assert.equal(cases, 160);
    });
  });
}

/** alpha * sum + beta * c modulo 2^32, in BigInt arithmetic. */
const wrapped = (alpha: number, sum: number, beta: number, c: number) =>
  Number(BigInt.asIntN(32, BigInt(alpha) * BigInt(sum) + BigInt(beta) * BigInt(c)));

for (const variant of VARIANTS) {
  test(`wasm gemm i8 (${variant.name}) wraps around like int32 arithmetic`, (t) => {
    onVariant(variant.name, variant.disable, t, () => {
      const [m, n, k] = [6, 11, 1001];
      // A = -128 everywhere through zero strides (one byte read m * k times); B = +127 or -128.
      const a = padded([m, k], [0, 0], 'int8');
      a.set([0, 0], -128);
      const b = padded([k, n], [n, 1], 'int8');
      for (let p = 0; p < k; p++) for (let j = 0; j < n; j++) b.set([p, j], j % 2 ? 127 : -128);
      const c = padded([m, n], [4 * n, 4], 'int32');
      const c0 = (i: number, j: number) => ((i + j) % 2 ? 2 ** 31 - 1 - i : -(2 ** 31) + j);
      const fill = () => {
        for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c.set([i, j], c0(i, j));
      };
      // Small scalars, and scalars beyond int32 (they wrap too), in the wasm kernel and its reference twin.
      const cases = [
        [1000, 3],
        [-77, -(2 ** 20)],
        [2 ** 40 + 3, 2 ** 35 - 1],
      ];
      for (const [kernel, [alpha, beta]] of cases.flatMap((sc) =>
        [WASM_GEMM_INT8['gemm:i8,i8->i32'], gemmReal].map((kernel) => [kernel, sc] as const),
      )) {
        fill();
        kernel({
          dims: { m, n, k },
          ops: {
            a: { data: new Int8Array(a.buffer), off: a.byteOffset, st: [0, 0] },
            b: { data: new Int8Array(b.buffer), off: b.byteOffset, st: [n, 1] },
            c: { data: new Int32Array(c.buffer), off: c.byteOffset / 4, st: [n, 1] },
          },
          scalars: { alpha, beta },
          options: { upper: false, left: true, unit: false, conj: {} },
        });
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < n; j++) {
            const sum = -128 * (j % 2 ? 127 : -128) * k;
            assert.equal(c.item(i, j), wrapped(alpha, sum, beta, c0(i, j)), `C[${i},${j}]`);
          }
        }
        assertSentinelsIntact(c);
      }
    });
  });
}

test('gemm:i8,i8->i32 dispatch: wasm above the cut-over, the reference below it, both exact modulo 2^32', () => {
  const r = rng(99);
  for (const [m, n, k, alpha, beta] of [
    [2, 3, 4, 7, -3],
    [40, 24, 70, 7, -3],
    [40, 24, 70, 2 ** 45, 1],
    [40, 24, 70, 1, 2 ** 31 * 3],
    [40, 24, 700, 2 ** 31 - 1, -(2 ** 31) + 1],
  ]) {
    const a = input([m, k], 'row', r);
    const b = input([k, n], 'col', r);
    const c = output([m, n], 'row', r);
    const [want, direct] = [twin(c), twin(c)];
    runWith('gemm:i8,i8->i32', REFERENCE['gemm:i8,i8->i32'], [alpha, a, b, beta, want]);
    runWith('gemm:i8,i8->i32', WASM_GEMM_INT8['gemm:i8,i8->i32'], [alpha, a, b, beta, direct]);
    bySignature['gemm:i8,i8->i32'](alpha, a, b, beta, c);
    const where = `${m}x${n}x${k} alpha ${alpha} beta ${beta}`;
    assert.deepEqual(new Uint8Array(c.buffer), new Uint8Array(want.buffer), where);
    assert.deepEqual(new Uint8Array(direct.buffer), new Uint8Array(want.buffer), where);
  }
});

test('gemm:i8,i8->i32 refuses a non-integer scalar and leaves C untouched', () => {
  const r = rng(5);
  const [a, b, c] = [input([9, 9], 'row', r), input([9, 9], 'row', r), output([9, 9], 'row', r)];
  const before = new Uint8Array(c.buffer).slice();
  assert.throws(() => bySignature['gemm:i8,i8->i32'](0.5, a, b, 1, c), {
    code: 'ERR_ARGUMENT',
  });
  assert.deepEqual(new Uint8Array(c.buffer), before);
});
