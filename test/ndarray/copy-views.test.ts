// Writes through views: assign/fill/set into flipped, strided, transposed and
// unaligned views placed in sentinel-filled buffers change only the view's
// bytes; overlapping copies behave as if the source were copied first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arange, array, asStrided, type DTypeName, type NDArray, zeros } from '../../src/index.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';

const LAYOUTS: Record<string, (item: number) => { shape: number[]; strides: number[] }> = {
  contiguous: (s) => ({ shape: [3, 4], strides: [4 * s, s] }),
  flipped: (s) => ({ shape: [3, 4], strides: [-4 * s, -s] }),
  transposed: (s) => ({ shape: [3, 4], strides: [s, 3 * s] }),
  gapped: (s) => ({ shape: [3, 4], strides: [10 * s, 2 * s] }),
  unaligned: (s) => ({ shape: [3, 4], strides: [4 * s + 5, -(s + 1)] }),
};

const DTYPES: readonly DTypeName[] = [
  'float64',
  'float32',
  'int16',
  'uint8',
  'int64',
  'complex128',
  'float16',
  'bool',
];

for (const [name, layout] of Object.entries(LAYOUTS)) {
  for (const dtype of DTYPES) {
    test(`assign into a ${name} ${dtype} view changes only its bytes`, () => {
      const item = zeros([], { dtype }).itemsize;
      const { shape, strides } = layout(item);
      const dst = padded(shape, strides, dtype);
      const src = arange(12).reshape([3, 4]).astype(dtype);
      dst.assign(src);
      assert.deepEqual(dst.toArray(), src.toArray());
      assertSentinelsIntact(dst);
      dst.slice(1).fill(1);
      dst.set([2, 3], 0);
      assertSentinelsIntact(dst);
      const expect = src.copy();
      expect.slice(1).fill(1);
      expect.set([2, 3], 0);
      assert.deepEqual(dst.toArray(), expect.toArray());
    });
  }
}

test('broadcast assignment: a row into every row of a strided view', () => {
  const dst = padded([3, 4], [-40, 16], 'float64');
  dst.assign(array([1, 2, 3, 4]));
  assert.deepEqual(dst.toArray(), [
    [1, 2, 3, 4],
    [1, 2, 3, 4],
    [1, 2, 3, 4],
  ]);
  assertSentinelsIntact(dst);
});

function shifted(a: NDArray, from: string, to: string): number[] {
  a.slice(to).assign(a.slice(from));
  return a.toArray() as number[];
}

test('overlapping copies act as if the source were copied first', () => {
  assert.deepEqual(shifted(arange(6), ':-1', '1:'), [0, 0, 1, 2, 3, 4]);
  assert.deepEqual(shifted(arange(6), '1:', ':-1'), [1, 2, 3, 4, 5, 5]);
  assert.deepEqual(shifted(arange(6), '::-1', ':'), [5, 4, 3, 2, 1, 0]);
  const m = arange(9).reshape([3, 3]);
  m.assign(m.T);
  assert.deepEqual(m.toArray(), [
    [0, 3, 6],
    [1, 4, 7],
    [2, 5, 8],
  ]);
});

test('asStrided views see the same memory; escaping the buffer is refused', () => {
  const a = arange(10);
  const w = asStrided(a, [4, 3], [16, 8]);
  assert.deepEqual(w.toArray(), [
    [0, 1, 2],
    [2, 3, 4],
    [4, 5, 6],
    [6, 7, 8],
  ]);
  assert.throws(() => asStrided(a, [5, 3], [16, 8]), { code: 'ERR_OUT_OF_BUFFER' });
  assert.throws(() => asStrided(a, [2], [-8]), { code: 'ERR_OUT_OF_BUFFER' });
});

test('real and imag are writable views of complex arrays', () => {
  const z = zeros([3], { dtype: 'complex64' });
  z.real.assign(array([1, 2, 3]));
  z.imag.slice('::-1').assign(array([4, 5, 6]));
  assert.deepEqual(
    (z.toArray() as { re: number; im: number }[]).map((c) => [c.re, c.im]),
    [
      [1, 6],
      [2, 5],
      [3, 4],
    ],
  );
  assert.equal(z.real.dtype.name, 'float32');
  assert.deepEqual(z.imag.strides, [8]);
});

test('item/set address elements by index per axis or flat C index', () => {
  const a = arange(6).reshape([2, 3]).T;
  assert.equal(a.item(2, 1), 5);
  assert.equal(a.item(1), 3);
  assert.equal(a.item(-1), 5);
  a.set([0, 1], 42);
  assert.equal(a.base?.item(3), 42);
  assert.equal(arange(1).reshape([1, 1]).item(), 0);
  assert.throws(() => a.item(), { code: 'ERR_VALUE' });
});
