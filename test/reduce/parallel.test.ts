// Sums, products, means and extremes split over the thread pool give the
// serial bits on 1..4 threads: whole-array sums cut at the nodes of NumPy's
// pairwise tree (contiguous, strided, flipped; float64 and float32), whole-
// array min/max/fmax scanned in parts (NaN payloads, signed zeros, integers)
// and reductions along kept axes (axis 0 and 1, masks, keepdims, out,
// complex, products, means, extremes);
// the tree cut itself is checked against the serial pairwise sum for many
// sizes, and a 10^6-element sum against NumPy. Workers are checked to have
// taken blocks, so the comparison is not between serial runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as nb from '../../src/index.js';
import type { NDArray } from '../../src/ndarray/ndarray.js';
import { setNumThreads, stopThreads, threadInfo } from '../../src/parallel.js';
import { pairwiseF32, pairwiseF64 } from '../../src/reduce/pairwise.js';
import { combineLeaves, treeLeaves } from '../../src/reduce/split.js';
import { rng } from '../blas/harness.js';
import { runPython, skipWithoutNumpy } from '../helpers/numpy.js';
import { bytesOf } from '../ufunc/fixtures.js';

const THREADS = [1, 2, 3, 4];

/** Values over 30 decades of both signs: their float sum depends on the order of addition. */
function spread(n: number, seed: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n }, () => (r() - 0.5) * 10 ** (30 * r() - 15));
}

function random(shape: number[], dtype: 'float64' | 'float32', seed: number): NDArray {
  const size = shape.reduce((p, d) => p * d, 1);
  return nb.array(spread(size, seed), { dtype }).reshape(shape);
}

before(async () => {
  setNumThreads(4);
  nb.sum(random([1 << 18], 'float64', 0));
  // Workers start on the first parallel call; let them become ready.
  for (let i = 0; i < 400 && threadInfo().workers < 3; i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(threadInfo().workers, 3, threadInfo().serialReason);
});
after(stopThreads);

test('the tree cut at any leaf size adds as the serial pairwise sum', () => {
  const x = spread(40000, 1);
  const x32 = Float32Array.from(x);
  for (const n of [129, 136, 1000, 4095, 4096, 4103, 33333, 40000]) {
    for (const most of [128, 129, 500, 4096, 9999]) {
      const leaves = treeLeaves(n, most);
      const sums = new Float64Array(leaves.length / 2);
      const sums32 = new Float64Array(leaves.length / 2);
      let covered = 0;
      for (let b = 0; b < sums.length; b++) {
        assert.equal(leaves[2 * b], covered, 'leaves tile the range in order');
        covered += leaves[2 * b + 1];
        sums[b] = pairwiseF64(x, leaves[2 * b], leaves[2 * b + 1], 1);
        sums32[b] = pairwiseF32(x32, leaves[2 * b], leaves[2 * b + 1], 1);
      }
      assert.equal(covered, n);
      assert.ok(sums.length > 1 || n <= most, `${n} split at ${most}`);
      assert.ok(
        Object.is(combineLeaves(n, most, sums, false), pairwiseF64(x, 0, n, 1)),
        `${n}, ${most}`,
      );
      assert.ok(
        Object.is(combineLeaves(n, most, sums32, true), pairwiseF32(x32, 0, n, 1)),
        `f32 ${n}, ${most}`,
      );
    }
  }
});

interface Case {
  readonly name: string;
  readonly run: () => NDArray;
}

const big = random([1_000_003], 'float64', 2);
const matrix = random([700, 600], 'float64', 3);

const CASES: readonly Case[] = [
  { name: 'sum f64, contiguous', run: () => nb.sum(big) },
  { name: 'sum f64, every third element, flipped', run: () => nb.sum(big.slice('::-3')) },
  { name: 'sum f32, contiguous', run: () => nb.sum(random([600001], 'float32', 4)) },
  { name: 'sum f64 of a 2-d array over both axes (one run)', run: () => nb.sum(matrix) },
  {
    name: 'sum f64 of a gapped 2-d view over both axes (run by run)',
    run: () => nb.sum(random([300, 4000], 'float64', 12).slice(':', ':3000')),
  },
  {
    name: 'sum f32 of flipped rows of a gapped 3-d view (run by run)',
    run: () => nb.sum(random([4, 60, 2300], 'float32', 13).slice(':', '::-2', '1:')),
  },
  { name: 'sum f64, axis 0', run: () => nb.sum(matrix, { axis: 0 }) },
  { name: 'sum f64, axis 1, keepdims', run: () => nb.sum(matrix, { axis: 1, keepdims: true }) },
  {
    name: 'sum f32 of a transposed view, axis 1, into out',
    run: () => {
      const out = nb.zeros([600], { dtype: 'float32' });
      nb.sum(random([700, 600], 'float32', 5).T, { axis: 1, out });
      return out;
    },
  },
  {
    name: 'sum f64 with a mask, axis 0 of a 3-d array',
    run: () => {
      const r = rng(6);
      const where = nb
        .array(Array.from({ length: 60 * 70 * 80 }, () => r() < 0.7))
        .reshape([60, 70, 80]);
      return nb.sum(random([60, 70, 80], 'float64', 7), { axis: 0, where });
    },
  },
  {
    name: 'sum complex128, axis 1',
    run: () =>
      nb.sum(matrix.astype('complex128').multiply(nb.array({ re: 1, im: -2 })), { axis: 1 }),
  },
  { name: 'prod f64, axis 0', run: () => nb.prod(nb.add(matrix.multiply(1e-14), 1), { axis: 0 }) },
  { name: 'mean f64, axis 1', run: () => nb.mean(matrix, { axis: 1 }) },
  {
    name: 'max f64 with NaNs of two payloads in different blocks (the first wins)',
    run: () => {
      const x = random([900000], 'float64', 8);
      const bits = new DataView(x.buffer, x.byteOffset);
      bits.setFloat64(8 * 700000, Number.NaN, true);
      bits.setBigUint64(8 * 300001, 0x7ff80000000007a2n, true);
      return nb.max(x);
    },
  },
  {
    name: 'min f32 with signed zeros as the minimum (the later one wins)',
    run: () => {
      const x = nb.abs(random([500000], 'float32', 9));
      for (const [i, v] of [
        [1000, -0],
        [250000, 0],
      ])
        x.set([i], v);
      return bytesAndSign(nb.min(x), nb.min(x.slice('::-1')));
    },
  },
  {
    name: 'nanmax f64, NaN skipped',
    run: () => nb.nanmax(nb.sqrt(random([400000], 'float64', 10))),
  },
  { name: 'nanmin f64, axis 0', run: () => nb.nanmin(nb.sqrt(matrix), { axis: 0 }) },
  {
    name: 'max int32, contiguous',
    run: () => nb.max(nb.multiply(random([500000], 'float64', 11), 1e-5).astype('int32')),
  },
  { name: 'min f64, axis 1', run: () => nb.min(matrix, { axis: 1 }) },
];

/** Both results and the sign of each (signed zeros compare equal as numbers). */
function bytesAndSign(a: NDArray, b: NDArray): NDArray {
  return nb.array([
    a.item(),
    b.item(),
    Object.is(a.item(), -0) ? 1 : 0,
    Object.is(b.item(), -0) ? 1 : 0,
  ]);
}

for (const k of CASES) {
  test(`same bits on 1..4 threads: ${k.name}`, () => {
    const before = threadInfo().workerBlocks;
    const results = THREADS.map((n) => {
      setNumThreads(n);
      return Buffer.from(bytesOf(k.run()));
    });
    // On two shared cores a call may end before a worker wakes: repeat (same bits) until one took blocks.
    for (let tries = 0; threadInfo().workerBlocks === before && tries < 20; tries++) {
      setNumThreads(THREADS[THREADS.length - 1]);
      assert.ok(Buffer.from(bytesOf(k.run())).equals(results[0]), 'repeated run');
    }
    assert.ok(threadInfo().workerBlocks > before, 'workers took blocks');
    for (const [i, r] of results.entries())
      assert.ok(r.equals(results[0]), `${THREADS[i]} threads`);
  });
}

test("a split sum of 10^6 float64 values is NumPy's, bit for bit", {
  skip: skipWithoutNumpy,
}, () => {
  setNumThreads(4);
  const x = big.slice(':1000000');
  const expected = runPython(
    'import sys, numpy as np; print(repr(float(np.frombuffer(sys.stdin.buffer.read()).sum())))',
    bytesOf(x),
  );
  assert.ok(Object.is(nb.sum(x).item(), Number(expected)), expected);
});

test('memory that is not shared is reduced on the calling thread', () => {
  setNumThreads(4);
  const n = 400000;
  const x = nb.fromBuffer(new ArrayBuffer(8 * n));
  x.assign(big.slice(`:${n}`));
  const before = threadInfo().workerBlocks;
  const got = [
    nb.sum(x).item(),
    nb.max(x).item(),
    ...(nb.sum(x.reshape([400, 1000]), { axis: 0 }).toArray() as number[]),
  ];
  assert.equal(threadInfo().workerBlocks, before);
  setNumThreads(1);
  const serial = [
    nb.sum(x).item(),
    nb.max(x).item(),
    ...(nb.sum(x.reshape([400, 1000]), { axis: 0 }).toArray() as number[]),
  ];
  assert.ok(got.every((v, i) => Object.is(v, serial[i])));
});
