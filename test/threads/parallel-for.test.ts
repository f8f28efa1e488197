// parallelFor with NDArrays: the Mandelbrot kernel of the example (any
// strides) equals a serial run on 1..3 threads; views arrive in workers as
// views of the same memory; arguments JSON cannot carry (NaN, -0, bigint,
// typed arrays, buffers) arrive intact; memory workers cannot see keeps the
// call on the calling thread; bad arguments raise typed errors.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { arange, linspace, zeros } from '../../src/ndarray/create.js';
import type { NDArray } from '../../src/ndarray/ndarray.js';
import { parallelFor, setNumThreads, stopThreads, threadInfo } from '../../src/parallel.js';
import { echo } from './kernels/blocks.js';

const KERNELS = new URL('./kernels/blocks.ts', import.meta.url);
const MANDELBROT = new URL('../../examples/mandelbrot-kernel.mjs', import.meta.url);
const { default: escapeRows } = (await import(MANDELBROT.href)) as {
  default: (start: number, end: number, args: object) => void;
};

after(stopThreads);

test('the Mandelbrot kernel on 1..3 threads equals a serial run (transposed output, caller not computing)', async () => {
  const [width, height, maxIter] = [200, 150, 100];
  const X = linspace(-2, 1, width);
  const Y = linspace(-1.5, 1.5, height);
  const serial = zeros([width, height], { dtype: 'int32' });
  escapeRows(0, width, { X, Y, escapeTime: serial, maxIter });
  const expected = serial.toArray();
  assert.ok(new Set(serial.ravel().toArray() as number[]).size > 20, 'a picture, not a constant');
  const before = threadInfo().workerBlocks;
  for (const n of [1, 2, 3]) {
    setNumThreads(n);
    const escapeTime = zeros([width, height], { dtype: 'int32' });
    await parallelFor(width, MANDELBROT, { X, Y, escapeTime, maxIter }, { blockSize: 4 });
    assert.deepEqual(escapeTime.toArray(), expected, `${n} threads`);
    const transposed = zeros([height, width], { dtype: 'int32' }).T;
    await parallelFor(width, MANDELBROT, { X, Y, escapeTime: transposed, maxIter });
    assert.deepEqual(transposed.toArray(), expected, `${n} threads, transposed output`);
    const awaited = zeros([width, height], { dtype: 'int32' });
    await parallelFor(width, MANDELBROT, { X, Y, escapeTime: awaited, maxIter }, { block: false });
    assert.deepEqual(awaited.toArray(), expected, `${n} threads, only workers computing`);
  }
  assert.ok(threadInfo().workerBlocks > before, 'workers took rows');
});

test('views reach workers as views of the same memory', async () => {
  setNumThreads(2);
  const base = zeros([40]);
  const out = base.slice('::-2');
  await parallelFor(20, KERNELS, { out, scale: 3 }, { export: 'fill', blockSize: 2 });
  const values = base.toArray() as number[];
  assert.deepEqual(
    values.filter((_, i) => i % 2 === 1).reverse(),
    Array.from({ length: 20 }, (_, i) => 3 * i),
  );
  assert.ok(
    values.every((v, i) => i % 2 === 1 || v === 0),
    'elements outside the view untouched',
  );
});

test('NaN, infinities, -0, bigint, typed arrays and buffers arrive intact', async () => {
  setNumThreads(2);
  const sab = new SharedArrayBuffer(64);
  const probe = {
    nan: Number.NaN,
    inf: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
    zero: -0,
    big: 2n ** 70n,
    nested: [1, 'a', null, { ok: true }],
    view: new Float32Array(sab, 8, 4),
    sab,
  };
  const blocks = 6;
  const out = new Uint8Array(new SharedArrayBuffer(1024 * blocks));
  const who = new Int32Array(new SharedArrayBuffer(4 * blocks));
  await parallelFor(blocks, KERNELS, { probe, out, who }, { export: 'echo', blockSize: 1 });
  const local = { out: new Uint8Array(1024), who: new Int32Array(1) };
  echo(0, 1, { probe, ...local });
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes.slice(0, bytes.indexOf(0)));
  assert.match(text(local.out), /"num:NaN".*"num:Infinity","num:-Infinity".*"num:-0".*"big:/);
  for (let b = 0; b < blocks; b++) {
    assert.equal(text(out.subarray(1024 * b, 1024 * (b + 1))), text(local.out), `block ${b}`);
  }
  assert.ok(
    who.some((id) => id !== 0),
    'a worker decoded them',
  );
});

test('memory workers cannot see keeps the call on the calling thread', async () => {
  setNumThreads(2);
  const who = new Int32Array(8);
  const out = new Uint8Array(new SharedArrayBuffer(8 * 1024));
  await parallelFor(8, KERNELS, { probe: 1, out, who }, { export: 'echo', blockSize: 1 });
  assert.deepEqual([...who], new Array(8).fill(0));
});

test('bad arguments raise typed errors', async () => {
  const x: NDArray = arange(4);
  const cases: [() => Promise<void>, object][] = [
    [() => parallelFor(4, './kernels/blocks.js', {}), { code: 'ERR_ARGUMENT', argument: 'kernel' }],
    [
      () => parallelFor(4, KERNELS, {}, { export: 'missing' }),
      { code: 'ERR_ARGUMENT', argument: 'kernel', message: /exports no function 'missing'/ },
    ],
    [
      () => parallelFor(4, KERNELS, { x, f: () => 1 }, { export: 'fill' }),
      { code: 'ERR_ARGUMENT', argument: 'args' },
    ],
    [
      () => parallelFor([4, 2], KERNELS, {}, { export: 'fill' }),
      { code: 'ERR_VALUE', argument: 'end' },
    ],
    [
      () => parallelFor(4, KERNELS, {}, { export: 'fill', blockSize: 0 }),
      { code: 'ERR_VALUE', argument: 'blockSize' },
    ],
  ];
  setNumThreads(2);
  for (const [call, expected] of cases) await assert.rejects(call, expected);
});
