// Indexing failures are typed: each raises its NdblasError subclass with a
// stable code and the argument it blames (out-of-bounds messages name the
// axis and the index), and a failed write leaves the array untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arange,
  array,
  choose,
  compress,
  IndexError,
  type NdblasError,
  place,
  put,
  putmask,
  take,
  takeAlongAxis,
  zeros,
} from '../../src/index.js';

function throwsTyped(
  run: () => unknown,
  code: string,
  argument: string,
  message?: RegExp,
  routine?: string,
): void {
  assert.throws(run, (e: NdblasError) => {
    assert.equal(e.code, code);
    assert.equal(e.argument, argument);
    if (message !== undefined) assert.match(e.message, message);
    if (routine !== undefined) assert.equal(e.routine, routine);
    return true;
  });
}

const a = () => arange(24).reshape([2, 3, 4]);

test('get: out-of-bounds integer arrays name the axis and the index', () => {
  throwsTyped(
    () => a().get(':', [0, 9]),
    'ERR_INDEX_OUT_OF_BOUNDS',
    'index[1]',
    /index 9 is out of bounds for axis 1 with size 3/,
  );
  throwsTyped(
    () => a().get(null, '...', [-5]),
    'ERR_INDEX_OUT_OF_BOUNDS',
    'index[2]',
    /index -5 is out of bounds for axis 2 with size 4/,
  );
  // An integer next to an array is checked as an advanced index too.
  throwsTyped(() => a().get(7, [0]), 'ERR_INDEX_OUT_OF_BOUNDS', 'index[0]', /axis 0 with size 2/);
  assert.throws(() => a().get([5]), IndexError);
});

test('get: masks, index dtypes, counts and broadcasting are checked', () => {
  throwsTyped(
    () => a().get(':', array([true, false])),
    'ERR_INVALID_INDEX',
    'index[1]',
    /boolean index did not match indexed array along axis 1; size of axis is 3 but size of corresponding boolean axis is 2/,
  );
  throwsTyped(
    () => a().get(array([0.5])),
    'ERR_INVALID_INDEX',
    'index[0]',
    /integer \(or boolean\)/,
  );
  throwsTyped(() => a().get([1.5]), 'ERR_INVALID_INDEX', 'index[0]');
  throwsTyped(() => a().get(0, 0, 0, [0]), 'ERR_TOO_MANY_INDICES', 'index');
  throwsTyped(
    () => a().get([0, 1], [[0, 1, 2]], [0, 1]),
    'ERR_INVALID_INDEX',
    'index',
    /could not be broadcast together with shapes \(2,\) \(1,3\) \(2,\)/,
  );
  throwsTyped(() => a().get('...', '...', [0]), 'ERR_INVALID_INDEX', 'index');
});

test('set: value shapes follow NumPy, and a failed write changes nothing', () => {
  const x = a();
  const before = x.toArray();
  throwsTyped(
    () => x.set([':', [0, 1]], zeros([3])),
    'ERR_BROADCAST',
    'value',
    /value array of shape \(3,\) could not be broadcast to indexing result of shape \(2, 2, 4\)/,
  );
  const mask = array([
    [true, false, true],
    [false, false, true],
  ]);
  throwsTyped(() => x.set(mask, zeros([2, 4])), 'ERR_BROADCAST', 'value');
  // The same mask over every axis takes only 0-d or 1-d values, as in NumPy.
  const full = x.get('...').copy();
  throwsTyped(
    () => full.set(array(full.toArray()).astype('bool'), zeros([1, 23])),
    'ERR_SHAPE_MISMATCH',
    'value',
  );
  throwsTyped(() => x.set([[0], [1], [9]], 5), 'ERR_INDEX_OUT_OF_BOUNDS', 'index[2]');
  throwsTyped(() => x.set([[0], [1], [2]], zeros([1, 2])), 'ERR_BROADCAST', 'value');
  throwsTyped(() => x.set([0, 1, 2, '...'], [1]), 'ERR_VALUE', 'value', /sequence/);
  throwsTyped(() => x.set([array(0n), 1, 2], zeros([1])), 'ERR_VALUE', 'value', /sequence/);
  assert.deepEqual(x.toArray(), before);
  const ro = arange(4).broadcastTo([2, 4]);
  throwsTyped(() => ro.set(array([true, false]), 1), 'ERR_READ_ONLY', 'a');
});

test('take, put and along-axis indexing blame their own arguments', () => {
  throwsTyped(
    () => take(arange(6).reshape([2, 3]), [3], 1),
    'ERR_INDEX_OUT_OF_BOUNDS',
    'indices',
    /index 3 is out of bounds for axis 1 with size 3/,
    'take',
  );
  throwsTyped(
    () => take(zeros([0]), [0], null, { mode: 'wrap' }),
    'ERR_INDEX_OUT_OF_BOUNDS',
    'indices',
  );
  throwsTyped(() => take(arange(3), [0], null, { mode: 'nope' as never }), 'ERR_OPTION', 'mode');
  throwsTyped(() => take(arange(3), array([1.5])), 'ERR_CASTING', 'indices');
  const x = arange(4);
  throwsTyped(
    () => put(x, array([1n], { dtype: 'uint64' }), 0),
    'ERR_CASTING',
    'indices',
    undefined,
    'put',
  );
  throwsTyped(() => put(x, [0, 4], [7, 8]), 'ERR_INDEX_OUT_OF_BOUNDS', 'indices');
  assert.deepEqual(x.toArray(), [0, 1, 2, 3], 'a failed put writes nothing');
  throwsTyped(
    () => takeAlongAxis(arange(6).reshape([2, 3]), array([[0.0]]), 1),
    'ERR_INVALID_INDEX',
    'indices',
  );
  throwsTyped(
    () => takeAlongAxis(arange(6).reshape([2, 3]), array([0n]), 1),
    'ERR_SHAPE_MISMATCH',
    'indices',
  );
});

test('choose, compress, place and putmask errors', () => {
  throwsTyped(
    () =>
      choose(array([0n, 2n]), [
        [1, 2],
        [3, 4],
      ]),
    'ERR_VALUE',
    'a',
    /invalid entry/,
    'choose',
  );
  throwsTyped(
    () =>
      choose(array([0n, 1n], { dtype: 'uint64' }), [
        [1, 2],
        [3, 4],
      ]),
    'ERR_CASTING',
    'a',
  );
  throwsTyped(() => compress(array([[true]]), arange(3)), 'ERR_SHAPE_MISMATCH', 'condition');
  throwsTyped(
    () => compress([false, false, false, true], arange(3)),
    'ERR_INDEX_OUT_OF_BOUNDS',
    'indices',
  );
  const z = zeros([3]);
  throwsTyped(() => place(z, [true, false, true], []), 'ERR_VALUE', 'vals', /empty array/);
  throwsTyped(() => place(z, [true, false], [1]), 'ERR_SHAPE_MISMATCH', 'mask');
  throwsTyped(() => putmask(z, [true], [1]), 'ERR_SHAPE_MISMATCH', 'mask');
  throwsTyped(
    () =>
      putmask(zeros([3], { dtype: 'int8' }), [true, true, true], array([1], { dtype: 'int16' })),
    'ERR_CASTING',
    'values',
  );
  assert.deepEqual(z.toArray(), [0, 0, 0]);
});
