// Same bits on 1..4 threads: block boundaries depend only on the range and
// the block size, so an order-sensitive block summation and every gemm the
// pool splits (real, complex, mixed, batched, strided and flipped views,
// beta = 0 and not) give byte-identical results; workers are checked to have
// taken blocks, so the comparison is not between serial runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { blockRange, defaultBlockSize, partition } from '../../src/backends/threads/partition.js';
import { gemm, gemmBatched } from '../../src/blas/index.js';
import { Complex } from '../../src/core/complex.js';
import type { DTypeName } from '../../src/core/dtypes.js';
import { array, zeros } from '../../src/ndarray/create.js';
import type { NDArray } from '../../src/ndarray/ndarray.js';
import { parallelFor, setNumThreads, stopThreads, threadInfo } from '../../src/parallel.js';
import { rng } from '../blas/harness.js';

const KERNELS = new URL('./kernels/blocks.ts', import.meta.url);
const THREADS = [1, 2, 3, 4];

test('blocks depend on the range and block size only', () => {
  const b = partition(3, 1003, 64);
  assert.deepEqual([b.count, b.size], [16, 64]);
  assert.deepEqual(blockRange(b, 0), [3, 67]);
  assert.deepEqual(blockRange(b, 15), [963, 1003]);
  for (let i = 1; i < b.count; i++) assert.equal(blockRange(b, i)[0], blockRange(b, i - 1)[1]);
  assert.equal(defaultBlockSize(1000), 16);
  assert.equal(partition(0, 0).count, 0);
  assert.throws(() => partition(5, 4), { code: 'ERR_VALUE', argument: 'end' });
  assert.throws(() => partition(0, 10, 0), { code: 'ERR_VALUE', argument: 'blockSize' });
});

/** Values over 30 decades: their float sum depends on the order of addition. */
const x = (() => {
  const r = rng(7);
  return array(Array.from({ length: 60000 }, () => (r() - 0.5) * 10 ** (30 * r() - 15)));
})();

/** Block sums of x (blocks of 500) on `threads` threads, and the total in block order. */
async function sums(threads: number) {
  setNumThreads(threads);
  const n = x.size / 500;
  const partial = new Float64Array(new SharedArrayBuffer(8 * n));
  const [runs, who] = [0, 1].map(() => new Int32Array(new SharedArrayBuffer(4 * n)));
  await parallelFor(
    x.size,
    KERNELS,
    { x, partial, runs, who, size: 500, ms: 0.1 },
    {
      export: 'sumBlocks',
      blockSize: 500,
    },
  );
  assert.ok(runs.every((r) => r === 1));
  return { partial: [...partial], total: partial.reduce((s, v) => s + v, 0) };
}

before(async () => {
  // Starts three workers (and imports the kernels) before gemm needs them.
  setNumThreads(4);
  await sums(4);
});
after(stopThreads);

test('an order-sensitive block summation gives the same bits on 1..4 threads', async () => {
  const forward = x.toArray() as number[];
  const inOrder = forward.reduce((s, v) => s + v, 0);
  assert.notEqual(
    inOrder,
    [...forward].reverse().reduce((s, v) => s + v, 0),
    'order matters',
  );
  const one = await sums(1);
  for (const n of THREADS.slice(1)) {
    const before = threadInfo().workerBlocks;
    assert.deepEqual(await sums(n), one, `${n} threads`);
    // On two shared cores a run may end before a worker wakes: repeat until one took blocks.
    for (let tries = 0; threadInfo().workerBlocks === before && tries < 20; tries++)
      assert.deepEqual(await sums(n), one, `${n} threads, repeated`);
    assert.ok(threadInfo().workerBlocks > before, `${n} threads: workers took blocks`);
  }
});

const bytes = (a: NDArray) => Buffer.from(a.copy().buffer as ArrayBuffer);

function random(shape: number[], dtype: DTypeName, seed: number): NDArray {
  const r = rng(seed);
  const complex = dtype.startsWith('complex');
  const size = shape.reduce((p, d) => p * d, 1);
  const values = Array.from({ length: size }, () =>
    complex ? new Complex(r() - 0.5, r() - 0.5) : r() - 0.5,
  );
  return array(values, { dtype }).reshape(shape);
}

interface Case {
  readonly name: string;
  /** Fresh operands (C starts the same on every run). */
  readonly make: () => { a: NDArray; b: NDArray; c: NDArray };
  readonly alpha: number | Complex;
  readonly beta: number | Complex;
  readonly batched?: boolean;
  readonly conj?: boolean;
}

const CASES: readonly Case[] = [
  {
    name: 'f64 300x300x300, columns split, beta 0',
    make: () => ({
      a: random([300, 300], 'float64', 1),
      b: random([300, 300], 'float64', 2),
      c: zeros([300, 300]),
    }),
    alpha: 0.7,
    beta: 0,
  },
  {
    name: 'f64 rows split: A transposed, B flipped, C a gapped view, beta 1.3',
    make: () => ({
      a: random([90, 520], 'float64', 3).T,
      b: random([90, 130], 'float64', 4).slice('::-1', '::-1'),
      c: random([520, 260], 'float64', 5).slice(':', '::2'),
    }),
    alpha: -1.1,
    beta: 1.3,
  },
  {
    name: 'f32 400x600x70',
    make: () => ({
      a: random([400, 70], 'float32', 6),
      b: random([70, 600], 'float32', 7),
      c: random([400, 600], 'float32', 8),
    }),
    alpha: 1,
    beta: 0.5,
  },
  {
    name: 'f16 x f16 -> f32 300x300x60',
    make: () => ({
      a: random([300, 60], 'float16', 9),
      b: random([60, 300], 'float16', 10),
      c: zeros([300, 300], { dtype: 'float32' }),
    }),
    alpha: 1,
    beta: 0,
  },
  {
    name: 'c128 260x300x60, conjugated A',
    make: () => ({
      a: random([260, 60], 'complex128', 11),
      b: random([60, 300], 'complex128', 12),
      c: random([260, 300], 'complex128', 13),
    }),
    alpha: new Complex(0.5, -0.25),
    beta: new Complex(0.1, 1),
    conj: true,
  },
  {
    name: 'batched f64 3 x (200x80 @ 80x270)',
    make: () => ({
      a: random([3, 200, 80], 'float64', 14),
      b: random([3, 80, 270], 'float64', 15),
      c: zeros([3, 200, 270]),
    }),
    alpha: 1,
    beta: 0,
    batched: true,
  },
];

for (const k of CASES) {
  test(`gemm on 1..4 threads, same bits: ${k.name}`, () => {
    const before = threadInfo().workerBlocks;
    const results = THREADS.map((n) => {
      setNumThreads(n);
      const { a, b, c } = k.make();
      const options = k.conj ? { conj: { a: true } } : {};
      if (k.batched) gemmBatched(k.alpha, a, b, k.beta, c, options);
      else gemm(k.alpha, a, b, k.beta, c, options);
      return bytes(c);
    });
    // On two shared cores a run may end before its worker wakes: repeat (same bits) until one took blocks.
    for (let tries = 0; threadInfo().workerBlocks === before && tries < 20; tries++) {
      const { a, b, c } = k.make();
      const options = k.conj ? { conj: { a: true } } : {};
      if (k.batched) gemmBatched(k.alpha, a, b, k.beta, c, options);
      else gemm(k.alpha, a, b, k.beta, c, options);
      assert.ok(bytes(c).equals(results[0]), 'repeated run');
    }
    assert.ok(threadInfo().workerBlocks > before, 'workers took blocks');
    for (const [i, r] of results.entries()) {
      assert.ok(r.equals(results[0]), `${THREADS[i]} threads`);
    }
  });
}
