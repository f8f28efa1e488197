// gemm:i8,i8->i32 split across the thread pool: on 1..4 threads the bytes of C
// are those of the reference kernel (column and row splits, strided and
// flipped views, beta 0 and not, a batch), and workers are checked to have
// taken blocks, so the comparison is not between serial runs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gemm, gemmBatched } from '../../src/blas/index.js';
import { gemmBatchedReal, gemmReal } from '../../src/kernels/ref/gemm.js';
import type { Kernel } from '../../src/kernels/types.js';
import { array } from '../../src/ndarray/create.js';
import type { NDArray } from '../../src/ndarray/ndarray.js';
import { setNumThreads, stopThreads, threadInfo } from '../../src/parallel.js';
import { rng } from '../blas/harness.js';

const THREADS = [1, 2, 3, 4];

function ints(shape: number[], dtype: 'int8' | 'int32', seed: number): NDArray {
  const r = rng(seed);
  const size = shape.reduce((p, d) => p * d, 1);
  const span = dtype === 'int8' ? 256 : 2 ** 32;
  return array(
    Array.from({ length: size }, () => Math.floor(r() * span) - span / 2),
    { dtype },
  ).reshape(shape);
}

const bytes = (a: NDArray) => Buffer.from(a.copy().buffer as ArrayBuffer);

/** C after the reference kernel, on plain contiguous copies of the operands. */
function reference(k: Case): Buffer {
  const { a, b, c } = k.make();
  const [ac, bc, cc] = [a.copy(), b.copy(), c.copy()];
  const op = (x: NDArray) => ({
    data: x.dtype.name === 'int8' ? new Int8Array(x.buffer) : new Int32Array(x.buffer),
    off: 0,
    st: x.strides.map((s) => s / x.itemsize),
  });
  const kernel: Kernel = k.batched ? gemmBatchedReal : gemmReal;
  const dims: Record<string, number> = k.batched
    ? { batch: a.shape[0], m: a.shape[1], k: a.shape[2], n: b.shape[2] }
    : { m: a.shape[0], k: a.shape[1], n: b.shape[1] };
  kernel({
    dims,
    ops: { a: op(ac), b: op(bc), c: op(cc) },
    scalars: { alpha: k.alpha, beta: k.beta },
    options: { upper: false, left: true, unit: false, conj: {} },
  });
  return bytes(cc);
}

interface Case {
  readonly name: string;
  readonly make: () => { a: NDArray; b: NDArray; c: NDArray };
  readonly alpha: number;
  readonly beta: number;
  readonly batched?: boolean;
}

const CASES: readonly Case[] = [
  {
    name: '300x600x300, columns split, beta 0',
    make: () => ({
      a: ints([300, 300], 'int8', 1),
      b: ints([300, 600], 'int8', 2),
      c: ints([300, 600], 'int32', 3),
    }),
    alpha: 3,
    beta: 0,
  },
  {
    name: 'rows split: A transposed, B flipped, C a gapped view, beta -7',
    make: () => ({
      a: ints([121, 600], 'int8', 4).T,
      b: ints([121, 130], 'int8', 5).slice('::-1', '::-1'),
      c: ints([600, 260], 'int32', 6).slice(':', '::2'),
    }),
    alpha: -1000,
    beta: -7,
  },
  {
    name: 'batched 3 x (200x77 @ 77x270)',
    make: () => ({
      a: ints([3, 200, 77], 'int8', 7),
      b: ints([3, 77, 270], 'int8', 8),
      c: ints([3, 200, 270], 'int32', 9),
    }),
    alpha: 1,
    beta: 1,
    batched: true,
  },
];

before(() => {
  // Starts the workers before the first comparison needs them.
  setNumThreads(4);
  const { a, b, c } = CASES[0].make();
  gemm(1, a, b, 0, c);
});
after(stopThreads);

for (const k of CASES) {
  test(`gemm i8 on 1..4 threads equals the reference: ${k.name}`, () => {
    const want = reference(k);
    const before = threadInfo().workerBlocks;
    for (const n of THREADS) {
      setNumThreads(n);
      const { a, b, c } = k.make();
      if (k.batched) gemmBatched(k.alpha, a, b, k.beta, c);
      else gemm(k.alpha, a, b, k.beta, c);
      assert.ok(bytes(c).equals(want), `${n} threads`);
    }
    // On two shared cores a run may end before its worker wakes: repeat (same bits) until one took blocks.
    for (let tries = 0; threadInfo().workerBlocks === before && tries < 20; tries++) {
      const { a, b, c } = k.make();
      if (k.batched) gemmBatched(k.alpha, a, b, k.beta, c);
      else gemm(k.alpha, a, b, k.beta, c);
      assert.ok(bytes(c).equals(want), 'repeated run');
    }
    assert.ok(threadInfo().workerBlocks > before, 'workers took blocks');
  });
}
