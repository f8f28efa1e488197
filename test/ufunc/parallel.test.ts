// Ufunc calls split over the thread pool give the serial bits on 1..4 threads:
// binary and unary loops, float64 and float32, contiguous, strided, flipped,
// broadcast, byte-swapped and converted (staged) operands, outputs inside
// sentinel padding, `where`, in-place outputs, line tails that kernels would
// treat differently, and errstate flags raised in blocks that workers ran.
// Workers are checked to have taken blocks, so the comparison is not between
// serial runs. Unaligned or unshared operands and calls made inside a pool
// task stay on the calling thread.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as nb from '../../src/index.js';
import type { NDArray } from '../../src/ndarray/ndarray.js';
import { parallelFor, setNumThreads, stopThreads, threadInfo } from '../../src/parallel.js';
import { rng } from '../blas/harness.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';
import { bytesOf } from './fixtures.js';

const THREADS = [1, 2, 3, 4];

function random(shape: number[], dtype: 'float64' | 'float32', seed: number): NDArray {
  const r = rng(seed);
  const size = shape.reduce((p, d) => p * d, 1);
  const values = Float64Array.from({ length: size }, () => 4 * r() - 2);
  return nb.array(values, { dtype }).reshape(shape);
}

before(async () => {
  setNumThreads(4);
  nb.add(random([1 << 18], 'float64', 0), 1);
  // Workers start on the first parallel call; let them become ready.
  for (let i = 0; i < 400 && threadInfo().workers < 3; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(threadInfo().workers, 3, threadInfo().serialReason);
});
after(stopThreads);

interface Case {
  readonly name: string;
  /** Computes into fresh or freshly filled memory; returns what to compare. */
  readonly run: () => NDArray;
}

const CASES: readonly Case[] = [
  {
    name: 'add f64, contiguous 1-d',
    run: () => nb.add(random([300001], 'float64', 1), random([300001], 'float64', 2)),
  },
  {
    name: 'multiply f32, a row broadcast over a 2-d array',
    run: () => nb.multiply(random([700, 513], 'float32', 3), random([513], 'float32', 4)),
  },
  {
    name: 'subtract f64, flipped and transposed inputs',
    run: () =>
      nb.subtract(
        random([700, 400], 'float64', 5).slice('::-1', ':'),
        random([400, 700], 'float64', 6).T,
      ),
  },
  {
    name: 'exp f64 into a strided output inside sentinels',
    run: () => {
      const out = padded([600, 500], [-2 * 8 * 500, 8], 'float64');
      nb.exp(random([600, 500], 'float64', 7), { out });
      assertSentinelsIntact(out);
      return out;
    },
  },
  {
    name: 'exp f64 whose line ends in values the compiled loop rounds otherwise than wasm',
    run: () => {
      const n = 9 * 32768 + 5;
      const x = random([n], 'float64', 20).multiply(300);
      const probe = random([4096], 'float64', 21).multiply(300);
      const wasm = nb.exp(probe).toArray() as number[];
      const odd = (probe.toArray() as number[]).filter((v, i) => !Object.is(Math.exp(v), wasm[i]));
      for (let k = 0; k < 5 && k < odd.length; k++) x.set([n - 5 + k], odd[k]);
      return nb.exp(x);
    },
  },
  {
    name: 'sin f32, short rows of a gapped view (the cut goes across rows)',
    run: () => nb.sin(random([80000, 12], 'float32', 8).slice(':', '::3')),
  },
  {
    name: 'divide f64, byte-swapped and float32 inputs (staged in chunks)',
    run: () => {
      const swapped = random([300000], 'float64', 9).astype('>f8');
      return nb.divide(swapped, random([300000], 'float32', 10));
    },
  },
  {
    name: 'hypot f64 where a mask allows, over an existing output',
    run: () => {
      const r = rng(11);
      const mask = nb.array(Array.from({ length: 300000 }, () => r() < 0.5));
      const out = nb.full([300000], 7);
      nb.hypot(random([300000], 'float64', 12), random([300000], 'float64', 13), {
        out,
        where: mask,
      });
      return out;
    },
  },
  {
    name: 'in place: a = a * b + a (output is an input)',
    run: () => {
      const a = random([300000], 'float64', 14);
      const b = random([300000], 'float64', 15);
      nb.multiply(a, b, { out: a });
      nb.add(a, a, { out: a });
      return a;
    },
  },
];

for (const k of CASES) {
  test(`same bits on 1..4 threads: ${k.name}`, () => {
    const before = threadInfo().workerBlocks;
    const results = THREADS.map((n) => {
      setNumThreads(n);
      return bytesOf(k.run());
    });
    // On two shared cores a call may end before a worker wakes: repeat (same bits) until one took blocks.
    for (let tries = 0; threadInfo().workerBlocks === before && tries < 20; tries++) {
      setNumThreads(THREADS[THREADS.length - 1]);
      assert.ok(Buffer.from(bytesOf(k.run())).equals(Buffer.from(results[0])), 'repeated run');
    }
    assert.ok(threadInfo().workerBlocks > before, 'workers took blocks');
    for (const [i, r] of results.entries()) {
      assert.ok(Buffer.from(r).equals(Buffer.from(results[0])), `${THREADS[i]} threads`);
    }
  });
}

test('the split result is the elementwise result', () => {
  setNumThreads(4);
  const a = random([300003], 'float64', 16);
  const b = random([300003], 'float64', 17);
  const got = nb.add(a, b).toArray() as number[];
  const x = a.toArray() as number[];
  const y = b.toArray() as number[];
  assert.ok(got.every((v, i) => v === x[i] + y[i]));
});

test('errstate flags from blocks that workers ran are raised, and out stays untouched', () => {
  for (const n of THREADS) {
    setNumThreads(n);
    const x = nb.ones([400000]);
    x.set([399999], 0);
    const out = nb.full([400000], 5);
    assert.throws(
      () => nb.errstate({ divide: 'raise' }, () => nb.divide(1, x, { out })),
      { code: 'ERR_FLOATING_POINT', argument: 'divide' },
      `${n} threads`,
    );
    assert.equal(out.item(399999), 5);
    assert.equal(out.item(0), 5);
    x.set([200000], Number.NaN);
    x.set([399999], 1);
    const flagged = nb.errstate({ invalid: 'raise' }, () => nb.sqrt(x));
    assert.ok(Number.isNaN(flagged.item(200000) as number), 'NaN input, no flag');
    x.set([300000], -1);
    assert.throws(() => nb.errstate({ invalid: 'raise' }, () => nb.sqrt(x)), {
      code: 'ERR_FLOATING_POINT',
      argument: 'invalid',
    });
  }
});

test('unaligned operands are computed on the calling thread', () => {
  setNumThreads(4);
  const n = 300000;
  const bytes = new Uint8Array(new SharedArrayBuffer(9 * n + 9));
  const odd = nb.fromBuffer(bytes.buffer, { byteOffset: 1, shape: [n], strides: [9] });
  odd.assign(random([n], 'float64', 22));
  const before = threadInfo().workerBlocks;
  const got = nb.exp(odd);
  assert.equal(threadInfo().workerBlocks, before);
  assert.ok(Buffer.from(bytesOf(got)).equals(Buffer.from(bytesOf(nb.exp(odd.copy())))));
});

test('memory that is not shared is computed on the calling thread', () => {
  setNumThreads(4);
  const n = 300000;
  const x = nb.fromBuffer(new ArrayBuffer(8 * n));
  x.assign(random([n], 'float64', 18));
  const before = threadInfo().workerBlocks;
  const got = nb.square(x);
  assert.equal(threadInfo().workerBlocks, before);
  setNumThreads(1);
  assert.ok(Buffer.from(bytesOf(got)).equals(Buffer.from(bytesOf(nb.square(x)))));
});

test('calls inside a parallelFor kernel (workers, or the caller of a busy pool) run serially', async () => {
  const x = random([300000], 'float64', 19);
  const out = new Float64Array(new SharedArrayBuffer(8 * 6));
  setNumThreads(4);
  await parallelFor(
    6,
    new URL('../threads/kernels/nested.ts', import.meta.url),
    { x, out },
    {
      export: 'sumsOfShifted',
      blockSize: 1,
    },
  );
  setNumThreads(1);
  for (let b = 0; b < 6; b++)
    assert.ok(Object.is(out[b], nb.sum(nb.add(x, b)).item()), `block ${b}`);
});
