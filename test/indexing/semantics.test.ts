// What NumPy users rely on beyond values: basic indices give views and
// advanced ones copies, writes reach exactly the addressed elements of a
// strided destination (sentinel bytes around it stay), repeated indices let
// the last write win, a value that aliases the destination behaves as if
// copied first, NaN payloads survive, and set keeps item's element meaning
// for numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arange, array, fromBuffer, type NDArray, zeros } from '../../src/index.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';

test('basic indices return views, advanced indices return copies', () => {
  const a = arange(12).reshape([3, 4]);
  const view = a.get('1:', '::-1');
  view.set([0, 0], 99);
  assert.equal(a.item(1, 3), 99);
  const copy = a.get([1, 2]);
  copy.fill(-1);
  assert.equal(a.item(1, 0), 4);
  const masked = a.get(a.get('...').astype('bool'));
  assert.notEqual(masked.buffer, a.buffer);
  assert.notEqual(
    a.get(array(1n)).buffer,
    a.buffer,
    'a 0-d integer array is advanced, as in NumPy',
  );
});

test('writes through a mask or an index touch only the addressed elements', () => {
  const dst = padded([3, 4], [-96, 16], 'float64');
  dst.assign(arange(12).reshape([3, 4]));
  const mask = array([
    [true, false, false, true],
    [false, true, false, false],
    [true, true, true, true],
  ]);
  dst.set(mask, array([10, 11, 12, 13, 14, 15, 16]));
  assert.deepEqual(dst.toArray(), [
    [10, 1, 2, 11],
    [4, 12, 6, 7],
    [13, 14, 15, 16],
  ]);
  dst.set([[2, 0], [1]], 0);
  assert.deepEqual(dst.get(':', 1).toArray(), [0, 12, 0]);
  assertSentinelsIntact(dst);
});

test('repeated indices: the last write wins, in C order of the index', () => {
  const a = zeros([5]);
  a.set([[0, 0, 1, 0]], array([1, 2, 3, 4]));
  assert.deepEqual(a.toArray(), [4, 3, 0, 0, 0]);
  const b = zeros([2, 2]);
  b.set(
    [
      [
        [0, 0],
        [0, 0],
      ],
      1,
    ],
    array([
      [1, 2],
      [3, 4],
    ]),
  );
  assert.equal(b.item(0, 1), 4);
});

test('a value that overlaps the destination is read as if copied first', () => {
  const a = arange(6);
  a.set([[1, 2, 3, 4]], a.get('0:4'));
  assert.deepEqual(a.toArray(), [0, 0, 1, 2, 3, 5]);
  const b = arange(6);
  b.set(array([false, true, true, true, true, false]), b.get('::-1').get('1:5'));
  assert.deepEqual(b.toArray(), [0, 4, 3, 2, 1, 5]);
});

test("an index in the destination's own memory is read before anything is written", () => {
  const buffer = new SharedArrayBuffer(8);
  const a = fromBuffer(buffer, { dtype: 'bool', count: 8 });
  a.assign([true, true, false, true, false, false, true, true]);
  a.set(a.get('::-1'), array([false, true, false, false, false]));
  // As if the mask were copied first (the design's overlap rule). NumPy 2.4 walks the mask
  // while writing: a[0] = False hides a[7] from it, which keeps True.
  assert.deepEqual(a.toArray(), [false, true, false, true, false, false, false, false]);
});

test('gathers and scatters move raw bits: NaN payloads survive', () => {
  const bits = new DataView(new ArrayBuffer(8));
  bits.setBigUint64(0, 0x7ff00000000007a2n, true);
  const a = zeros([4]);
  new Uint8Array(a.buffer).set(new Uint8Array(bits.buffer), 16);
  const g = a.get([2, 2]);
  const out = zeros([3]);
  out.set([[0]], g.get([0]));
  for (const x of [g, out]) {
    const dv = new DataView(x.buffer, x.byteOffset);
    assert.equal(dv.getBigUint64(0, true), 0x7ff00000000007a2n);
  }
});

test('masks from JavaScript booleans, 0-d booleans and masks on leading axes', () => {
  const a = arange(24).reshape([2, 3, 4]);
  assert.deepEqual(a.get([true, false]).shape, [1, 3, 4]);
  assert.deepEqual(a.get(true).shape, [1, 2, 3, 4]);
  assert.deepEqual(a.get(false).shape, [0, 2, 3, 4]);
  const lead = array([
    [true, false, false],
    [false, false, true],
  ]);
  const r = a.get(lead);
  assert.deepEqual(r.shape, [2, 4]);
  assert.deepEqual(r.toArray(), [
    [0, 1, 2, 3],
    [20, 21, 22, 23],
  ]);
  // Separated advanced indices go first; adjacent ones stay in place.
  assert.deepEqual(a.get([0, 1], ':', [0, 1]).shape, [2, 3]);
  assert.deepEqual(a.get(':', [0, 1], [0, 1]).shape, [2, 2]);
  assert.deepEqual(a.get(0, ':', [1, 2]).shape, [2, 3]);
});

test('set keeps item addressing for numbers and NumPy indexing for tuples', () => {
  const a = zeros([2, 3]);
  a.set(4, 7); // flat element 4, as item(4)
  a.set([0, 1], 5); // one number per axis
  assert.deepEqual(a.toArray(), [
    [0, 5, 0],
    [0, 7, 0],
  ]);
  a.set([0, '...'], 1); // a[0] = 1: a row
  a.set(1, array([2, 3, 4])); // a[1] = [2, 3, 4]: an array value makes it an index
  assert.deepEqual(a.toArray(), [
    [1, 1, 1],
    [2, 3, 4],
  ]);
  a.set([1], 9); // a list is an index tuple: a[1] = 9, a row even for a scalar
  a.set([], -1).set([0, 2], 8); // a[()] = -1: every element
  assert.deepEqual(a.toArray(), [
    [-1, -1, 8],
    [-1, -1, -1],
  ]);
  const b = zeros([3]);
  b.set([2], 6); // one number on a 1-d array is its element
  assert.deepEqual(b.toArray(), [0, 0, 6]);
});

test('the Mandelbrot pattern: Z[mask] = Z[mask] ** 2 + C[mask] materialises only the selection', () => {
  const z = arange(6);
  const c = arange(6).get('::-1');
  const mask = array([true, false, true, false, true, false]);
  const sel: NDArray = z.get(mask);
  assert.deepEqual(sel.shape, [3]);
  const next = sel.copy();
  const cs = c.get(mask);
  for (let i = 0; i < 3; i++) next.set(i, (sel.item(i) as number) ** 2 + (cs.item(i) as number));
  z.set(mask, next);
  assert.deepEqual(z.toArray(), [5, 1, 7, 3, 17, 5]);
});
