// The worker pool through parallelFor: it starts on first use and stops,
// follows thread-count changes, survives many small tasks, turns a block that
// throws into a ThreadError (and stays usable), and finishes the work of a
// worker that dies inside a block, whether or not its exit hook ran.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { after, test } from 'node:test';
import { NdblasError, ThreadError } from '../../src/core/errors.js';
import { arange, zeros } from '../../src/ndarray/create.js';
import {
  getNumThreads,
  parallelFor,
  setNumThreads,
  stopThreads,
  threadInfo,
} from '../../src/parallel.js';

const KERNELS = new URL('./kernels/blocks.ts', import.meta.url);
const ints = (n: number) => new Int32Array(new SharedArrayBuffer(4 * n));
const mainId = 0;

after(stopThreads);

/** Runs sumBlocks over 32 blocks; returns the distinct thread ids that ran blocks. */
async function participants(): Promise<Set<number>> {
  const size = 100;
  const [runs, who] = [ints(32), ints(32)];
  const partial = new Float64Array(new SharedArrayBuffer(8 * 32));
  const x = arange(32 * size);
  await parallelFor(
    32 * size,
    KERNELS,
    { x, partial, runs, who, size, ms: 1 },
    {
      export: 'sumBlocks',
      blockSize: size,
    },
  );
  assert.deepEqual([...runs], new Array(32).fill(1), 'every block ran once');
  partial.forEach((s, b) => {
    assert.equal(s, (size * (2 * b * size + size - 1)) / 2);
  });
  return new Set(who);
}

test('the pool starts on first use, stops, and starts again', async () => {
  setNumThreads(2);
  assert.equal(threadInfo().workers, 0, 'nothing starts before a parallel call');
  assert.equal(threadInfo().serialReason, '');
  const who = await participants();
  assert.equal(threadInfo().workers, 1);
  assert.equal(who.size, 2, 'the caller and its worker both took blocks');
  stopThreads();
  assert.equal(threadInfo().workers, 0);
  assert.equal((await participants()).size, 2);
  assert.equal(threadInfo().workers, 1);
});

test('thread counts: 1 stays on the caller, n uses at most n threads', async () => {
  for (const n of [1, 3, 2, 1]) {
    setNumThreads(n);
    assert.equal(getNumThreads(), n);
    const who = await participants();
    if (n === 1) assert.deepEqual([...who], [mainId]);
    else assert.ok(who.size >= 2 && who.size <= n, `${n} threads: ${[...who]}`);
  }
  for (const bad of [0, -1, 1.5, Number.NaN, 1000]) {
    assert.throws(() => setNumThreads(bad), { code: 'ERR_VALUE', argument: 'n' });
  }
  assert.equal(getNumThreads(), 1);
});

test('the default thread count: NDBLAS_NUM_THREADS, else the cores up to 8', () => {
  const threads = (env: Record<string, string>) => {
    const code = "import('./src/parallel.ts').then((m) => console.log(m.getNumThreads()))";
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
      encoding: 'utf8',
      env: { ...process.env, NDBLAS_NUM_THREADS: '', ...env },
    });
    return Number(r.stdout);
  };
  assert.equal(threads({ NDBLAS_NUM_THREADS: '3' }), 3);
  assert.equal(threads({}), Math.min(availableParallelism(), 8));
  assert.equal(threads({ NDBLAS_NUM_THREADS: 'many' }), Math.min(availableParallelism(), 8));
});

test('many small tasks', async () => {
  setNumThreads(2);
  const start = performance.now();
  for (let r = 0; r < 500; r++) {
    const out = zeros([4]);
    await parallelFor(4, KERNELS, { out, scale: r }, { export: 'fill', blockSize: 1 });
    assert.deepEqual(out.toArray(), [0, r, 2 * r, 3 * r]);
  }
  const perCall = (performance.now() - start) / 500;
  assert.ok(perCall < 20, `${perCall.toFixed(3)} ms per call`);
});

test('a block that throws is a ThreadError in the caller; the pool stays usable', async () => {
  for (const n of [2, 1]) {
    setNumThreads(n);
    const runs = ints(16);
    const err = await parallelFor(16, KERNELS, { bad: 5, runs }, { export: 'throwsAt' }).then(
      () => assert.fail('expected a ThreadError'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ThreadError && err instanceof NdblasError);
    assert.equal(err.code, 'ERR_THREAD_TASK');
    assert.equal(err.routine, 'parallelFor');
    assert.match(err.message, /block \[5, 6\) threw on .*RangeError: bad block 5/);
    assert.equal((err.cause as Error).name, 'RangeError');
    assert.equal(runs[5], 1);
    assert.ok(
      runs.every((r) => r <= 1),
      'no block ran twice',
    );
    assert.ok((await participants()).size <= n);
  }
});

/** exitsInWorker over 24 blocks: the first worker to take a block exits inside it. */
async function withDyingWorker(hook: boolean, options: { block?: boolean; restartable?: boolean }) {
  const [out, runs, died] = [ints(24), ints(24), ints(1)];
  const run = parallelFor(
    24,
    KERNELS,
    { out, runs, died, hook },
    {
      export: 'exitsInWorker',
      blockSize: 1,
      ...options,
    },
  );
  return { run, out, runs, died };
}

test('a worker that exits inside a block: the caller runs the block again', async () => {
  setNumThreads(2);
  const { run, out, died } = await withDyingWorker(true, {});
  await run;
  assert.equal(died[0], 1, 'a worker died');
  assert.deepEqual(
    [...out],
    [...out.keys()].map((i) => i * 10),
  );
  assert.equal((await participants()).size, 2, 'a new worker replaced it');
});

test('a worker that exits without its exit hook, noticed by its exit event (caller awaiting)', async () => {
  setNumThreads(2);
  const { run, out, died } = await withDyingWorker(false, { block: false });
  await run;
  assert.equal(died[0], 1);
  assert.deepEqual(
    [...out],
    [...out.keys()].map((i) => i * 10),
  );
  assert.ok((await participants()).size >= 1);
});

test('a worker that exits inside a block that cannot run twice: ERR_THREAD_EXIT', async () => {
  setNumThreads(2);
  const { run, died } = await withDyingWorker(true, { restartable: false });
  await assert.rejects(run, { name: 'ThreadError', code: 'ERR_THREAD_EXIT' });
  assert.equal(died[0], 1);
  assert.equal((await participants()).size, 2);
});
