// The ufunc options and failure modes: out (shape, casting, read-only, left
// untouched on failure), where (masked elements keep out's value, zeros
// without out), dtype, typed errors with codes and argument names, errstate
// (raise leaves outputs untouched, warn warns, settings restored), method
// forms, and the closure kernels used where code generation is forbidden.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nb from '../../src/index.js';
import { closureKernel, compileKernel } from '../../src/ufunc/compile.js';
import { bytesOf } from './fixtures.js';

function throwsCode(fn: () => unknown, code: string, argument: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof nb.NdblasError, String(e));
    assert.equal(e.code, code);
    assert.equal(e.argument, argument);
    return true;
  });
}

test('out: shape and casting are checked before anything is written', () => {
  const a = nb.array([1.5, 2.5, 3.5]);
  const out = nb.full([3], 7, { dtype: 'int32' });
  throwsCode(() => nb.add(a, 1, { out }), 'ERR_CASTING', 'out');
  assert.deepEqual(out.toArray(), [7, 7, 7]);
  throwsCode(() => nb.add(a, 1, { out: nb.zeros([2]) }), 'ERR_SHAPE_MISMATCH', 'out');
  throwsCode(() => nb.add(a, 1, { out: nb.zeros([3]).broadcastTo([3]) }), 'ERR_READ_ONLY', 'out');
  assert.deepEqual(nb.add(a, 1, { out, casting: 'unsafe' }).toArray(), [2, 3, 4]);
  const wide = nb.zeros([2, 3]);
  assert.equal(nb.add(a, 1, { out: wide }), wide);
  assert.deepEqual(wide.toArray(), [
    [2.5, 3.5, 4.5],
    [2.5, 3.5, 4.5],
  ]);
});

test('where: masked elements keep out, or stay zero without out', () => {
  const a = nb.array([1, 2, 3, 4]);
  const mask = nb.array([true, false, true, false]);
  const out = nb.full([4], -1);
  nb.multiply(a, 10, { out, where: mask });
  assert.deepEqual(out.toArray(), [10, -1, 30, -1]);
  assert.deepEqual(nb.multiply(a, 10, { where: mask }).toArray(), [10, 0, 30, 0]);
  const rows = nb.zeros([2, 4]);
  nb.add(a, 1, { out: rows, where: nb.array([[true], [false]]) });
  assert.deepEqual(rows.toArray(), [
    [2, 3, 4, 5],
    [0, 0, 0, 0],
  ]);
  throwsCode(() => nb.add(a, 1, { where: nb.array([1, 0, 1, 0]) }), 'ERR_CASTING', 'where');
});

test('dtype selects the loop; inputs cast under casting', () => {
  const i = nb.array([1, 2], { dtype: 'int32' });
  assert.equal(nb.add(i, i, { dtype: 'float32' }).dtype.name, 'float32');
  assert.equal(nb.divide(i, 2).dtype.name, 'float64');
  throwsCode(
    () => nb.add(nb.array([{ re: 1, im: 1 }]), 1, { dtype: 'float64' }),
    'ERR_UNSUPPORTED_SIGNATURE',
    'dtype',
  );
  throwsCode(
    () => nb.add(i, nb.array([1], { dtype: 'int8' }), { casting: 'no' }),
    'ERR_CASTING',
    'x2',
  );
});

test('typed errors name the argument and leave outputs untouched', () => {
  const t = nb.array([true, false]);
  throwsCode(() => nb.subtract(t, t), 'ERR_UNSUPPORTED_SIGNATURE', 'x1');
  throwsCode(() => nb.negative(t), 'ERR_UNSUPPORTED_SIGNATURE', 'x');
  throwsCode(() => nb.bitwiseAnd(nb.array([1.5]), 1), 'ERR_UNSUPPORTED_SIGNATURE', 'x1');
  throwsCode(() => nb.add(nb.array([1], { dtype: 'uint8' }), 300), 'ERR_VALUE', 'x2');
  throwsCode(() => nb.add(nb.zeros([2]), nb.zeros([3])), 'ERR_BROADCAST', 'x1, x2');
  throwsCode(() => nb.add(nb.zeros([2]), 'x' as never), 'ERR_ARGUMENT', 'x2');
  const out = nb.full([3], 9, { dtype: 'int64' });
  const base = nb.array([2n, 3n, 4n]);
  throwsCode(() => nb.power(base, nb.array([1n, -1n, 2n]), { out }), 'ERR_NEGATIVE_POWER', 'x2');
  assert.deepEqual(out.toArray(), [9n, 9n, 9n]);
  assert.deepEqual(nb.power(base, 65n).toArray(), [0n, 7752514261426648835n, 0n]);
});

test('errstate: raise throws FloatingPointError with out untouched; warn warns; settings restore', () => {
  const out = nb.full([3], 5);
  const x = nb.array([1, 0, -1]);
  throwsCode(
    () => nb.errstate({ divide: 'raise' }, () => nb.divide(x, nb.array([0, 1, 2]), { out })),
    'ERR_FLOATING_POINT',
    'divide',
  );
  assert.deepEqual(out.toArray(), [5, 5, 5]);
  throwsCode(
    () => nb.errstate({ invalid: 'raise' }, () => nb.divide(0, nb.array([0]))),
    'ERR_FLOATING_POINT',
    'invalid',
  );
  throwsCode(
    () => nb.errstate({ over: 'raise' }, () => nb.exp(nb.array([1000]))),
    'ERR_FLOATING_POINT',
    'over',
  );
  throwsCode(
    () => nb.errstate({ under: 'raise' }, () => nb.multiply(nb.array([1e-300]), 1e-300)),
    'ERR_FLOATING_POINT',
    'under',
  );
  throwsCode(
    () => nb.errstate({ all: 'raise' }, () => nb.log(nb.array([0]))),
    'ERR_FLOATING_POINT',
    'divide',
  );
  throwsCode(
    () =>
      nb.errstate({ divide: 'raise' }, () => nb.floorDivide(nb.array([1], { dtype: 'int32' }), 0)),
    'ERR_FLOATING_POINT',
    'divide',
  );
  assert.deepEqual(
    nb.errstate({ all: 'raise' }, () => nb.add(x, 1).toArray()),
    [2, 1, 0],
  );
  assert.deepEqual(
    nb.errstate({ divide: 'raise' }, () =>
      nb.divide(x, 0, { where: nb.array([false, false, false]) }).toArray(),
    ),
    [0, 0, 0],
  );
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    nb.errstate({ invalid: 'warn' }, () => nb.sqrt(nb.array([-1, -2])));
  } finally {
    console.warn = warn;
  }
  assert.deepEqual(warnings, ['RuntimeWarning: invalid value encountered in sqrt']);
  assert.deepEqual(nb.geterr(), {
    divide: 'ignore',
    over: 'ignore',
    under: 'ignore',
    invalid: 'ignore',
  });
  throwsCode(() => nb.seterr({ divide: 'loud' as never }), 'ERR_OPTION', 'divide');
});

test('method forms and functions built on ufuncs', () => {
  const a = nb.arange(6).reshape([2, 3]);
  assert.deepEqual(a.add(1).multiply(2).toArray(), nb.multiply(nb.add(a, 1), 2).toArray());
  assert.deepEqual(a.less(3).toArray(), [
    [true, true, true],
    [false, false, false],
  ]);
  assert.deepEqual(nb.array([0.5, 1.5, 2.5, -0.5]).round().toArray(), [0, 2, 2, -0]);
  assert.deepEqual(nb.array([2.675, 1.005, 2.665]).round(2).toArray(), [2.68, 1, 2.66]);
  assert.deepEqual(a.clip(1, null).toArray(), [
    [1, 1, 2],
    [3, 4, 5],
  ]);
  assert.deepEqual(nb.where(a.greater(2), a, -1).toArray(), [
    [-1, -1, -1],
    [3, 4, 5],
  ]);
  assert.equal(nb.where(nb.array([true]), nb.array([1], { dtype: 'int8' }), 2).dtype.name, 'int8');
  assert.deepEqual(nb.angle(nb.array([{ re: -1, im: 0 }]), true).toArray(), [180]);
  const z = nb.array([{ re: 1, im: 2 }]);
  assert.equal(nb.imag(z).item(0), 2);
  assert.deepEqual(nb.less(nb.array([1, 255], { dtype: 'uint8' }), 300).toArray(), [true, true]);
  assert.deepEqual(nb.equal(nb.array([1n], { dtype: 'uint64' }), -1).toArray(), [false]);
  assert.deepEqual(nb.add.types.slice(0, 2), ['??->?', 'bb->b']);
  assert.equal(nb.add.identity, 0);
  assert.equal(nb.floorDivide.ufuncName, 'floor_divide');
});

test('closure kernels compute what compiled kernels compute', () => {
  const op = (a: number, b: number) => a * b - 1;
  const shape = { inputs: ['r', 'r'] as const, output: 'r' as const };
  const x = new Float64Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const y = new Float64Array([9, 8, 7, 6, 5, 4, 3, 2, 1]);
  const o1 = new Float64Array(9);
  const o2 = new Float64Array(9);
  compileKernel(op, shape)(9, o1, 0, 1, x, 0, 1, y, 8, -1);
  closureKernel(op, shape)(9, o2, 0, 1, x, 0, 1, y, 8, -1);
  assert.deepEqual(o1, o2);
  assert.deepEqual(
    bytesOf(nb.array(Array.from(o1))),
    bytesOf(nb.subtract(nb.multiply(nb.array(Array.from(x)), nb.array(Array.from(x))), 1)),
  );
});
