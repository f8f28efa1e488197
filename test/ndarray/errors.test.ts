// Bad input raises typed errors with stable codes that name the argument, and
// a failed write leaves every byte of its destination untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arange,
  array,
  BoundsError,
  DTypeError,
  fromBuffer,
  IndexError,
  type NDArray,
  NdblasError,
  ShapeError,
  toDType,
  ValueError,
  zeros,
} from '../../src/index.js';

function expectError(
  fn: () => unknown,
  cls: typeof NdblasError,
  code: string,
  argument: string,
): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${String(e)}`);
    assert.ok(e instanceof NdblasError);
    assert.equal(e.code, code);
    assert.equal(e.argument, argument);
    assert.match(e.message, new RegExp(`'${argument.replace(/[[\]]/g, '\\$&')}'`));
    return true;
  });
}

const a = arange(6).reshape([2, 3]);

test('index errors', () => {
  expectError(() => a.slice(2), IndexError, 'ERR_INDEX_OUT_OF_BOUNDS', 'index[0]');
  expectError(() => a.slice(0, -4), IndexError, 'ERR_INDEX_OUT_OF_BOUNDS', 'index[1]');
  expectError(() => a.slice(0, 0, 0), IndexError, 'ERR_TOO_MANY_INDICES', 'index');
  expectError(() => a.slice('1:2:0'), IndexError, 'ERR_INVALID_INDEX', 'index[0]');
  expectError(() => a.slice('1;2'), IndexError, 'ERR_INVALID_INDEX', 'index[0]');
  expectError(() => a.slice('...', '...'), IndexError, 'ERR_INVALID_INDEX', 'index');
  expectError(() => a.slice(0.5), IndexError, 'ERR_INVALID_INDEX', 'index[0]');
  expectError(() => a.item(0, 3), IndexError, 'ERR_INDEX_OUT_OF_BOUNDS', 'index');
  expectError(() => a.transpose([0, 0]), IndexError, 'ERR_AXIS', 'axes');
  expectError(() => a.swapaxes(0, 2), IndexError, 'ERR_AXIS', 'axis2');
  expectError(() => a.squeeze(0), IndexError, 'ERR_AXIS', 'axis');
});

test('shape errors', () => {
  expectError(() => a.reshape([4]), ShapeError, 'ERR_RESHAPE', 'shape');
  expectError(() => a.reshape([-1, -1]), ShapeError, 'ERR_RESHAPE', 'shape');
  expectError(() => a.reshape([4, -1]), ShapeError, 'ERR_RESHAPE', 'shape');
  expectError(() => zeros([2, -1]), ShapeError, 'ERR_SHAPE', 'shape');
  expectError(() => zeros([2.5]), ShapeError, 'ERR_SHAPE', 'shape');
  expectError(() => a.broadcastTo([3, 3]), ShapeError, 'ERR_BROADCAST', 'shape');
  expectError(() => array([[1, 2], [3]]), ShapeError, 'ERR_NESTED_SEQUENCE', 'value');
});

test('views that escape their buffer are refused', () => {
  const buf = new ArrayBuffer(64);
  expectError(() => fromBuffer(buf, { shape: [9] }), BoundsError, 'ERR_OUT_OF_BUFFER', 'strides');
  expectError(() => fromBuffer(buf, { byteOffset: 3 }), BoundsError, 'ERR_OUT_OF_BUFFER', 'source');
  expectError(
    () => fromBuffer(buf, { shape: [2], strides: [-8] }),
    BoundsError,
    'ERR_OUT_OF_BUFFER',
    'strides',
  );
  const inner = new Float64Array(buf, 8, 4);
  expectError(() => fromBuffer(inner, { shape: [5] }), BoundsError, 'ERR_OUT_OF_BUFFER', 'strides');
  assert.equal(fromBuffer(inner).size, 4);
});

test('dtype errors', () => {
  expectError(() => toDType('float128'), DTypeError, 'ERR_UNKNOWN_DTYPE', 'dtype');
  expectError(() => zeros([2], { dtype: 'S5' }), DTypeError, 'ERR_UNKNOWN_DTYPE', 'dtype');
});

function snapshot(x: NDArray): Uint8Array {
  return new Uint8Array(x.buffer.slice(0));
}

test('failed writes leave the destination untouched', () => {
  const dst = arange(6).astype('int8').reshape([2, 3]);
  const before = snapshot(dst);
  expectError(() => dst.set([0, 0], 300), ValueError, 'ERR_VALUE', 'value');
  expectError(() => dst.set([0, 0], Number.NaN), ValueError, 'ERR_VALUE', 'value');
  expectError(() => dst.fill({ re: 1, im: 1 }), ValueError, 'ERR_VALUE', 'value');
  expectError(() => dst.assign(arange(4)), ShapeError, 'ERR_BROADCAST', 'value');
  expectError(
    () => dst.assign(arange(6).reshape([2, 3]), 'safe'),
    NdblasError,
    'ERR_CASTING',
    'value',
  );
  const ro = dst.broadcastTo([2, 2, 3]);
  expectError(() => ro.fill(1), NdblasError, 'ERR_READ_ONLY', 'a');
  expectError(() => dst.diagonal().set(0, 1), NdblasError, 'ERR_READ_ONLY', 'a');
  assert.deepEqual(snapshot(dst), before);
});
