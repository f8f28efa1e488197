// Invalid reductions raise typed errors with a stable code, the argument's
// name and the routine, and leave a given `out` untouched byte for byte.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NDArray } from '../../src/index.js';
import * as nb from '../../src/index.js';

const a = nb.arange(12).reshape([3, 4]);

interface Expect {
  readonly code: string;
  readonly argument: string;
  readonly routine: string;
}

function expectError(fn: () => unknown, e: Expect): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof nb.NdblasError, `not an NdblasError: ${String(err)}`);
    assert.equal(err.code, e.code);
    assert.equal(err.argument, e.argument);
    assert.equal(err.routine, e.routine);
    assert.ok(err.message.includes(`argument '${e.argument}'`), err.message);
    return true;
  });
}

test('axes out of range, repeated or of the wrong kind', () => {
  expectError(() => nb.sum(a, { axis: 2 }), { code: 'ERR_AXIS', argument: 'axis', routine: 'sum' });
  expectError(() => nb.mean(a, { axis: -3 }), {
    code: 'ERR_AXIS',
    argument: 'axis',
    routine: 'mean',
  });
  expectError(() => nb.max(a, { axis: [0, -2] }), {
    code: 'ERR_AXIS',
    argument: 'axis',
    routine: 'max',
  });
  expectError(() => nb.cumsum(a, { axis: [0] as never }), {
    code: 'ERR_ARGUMENT',
    argument: 'axis',
    routine: 'cumsum',
  });
  expectError(() => nb.argmax(a, { axis: 1.5 }), {
    code: 'ERR_AXIS',
    argument: 'axis',
    routine: 'argmax',
  });
  expectError(() => nb.sum(nb.array(3), { axis: 0 }), {
    code: 'ERR_AXIS',
    argument: 'axis',
    routine: 'sum',
  });
});

test('operands and options of the wrong type', () => {
  expectError(() => nb.sum('abc' as never), {
    code: 'ERR_ARGUMENT',
    argument: 'a',
    routine: 'sum',
  });
  expectError(() => nb.sum(a, { dtype: 'float128' }), {
    code: 'ERR_UNKNOWN_DTYPE',
    argument: 'dtype',
    routine: 'sum',
  });
  expectError(() => nb.variance(a, { ddof: Number.NaN }), {
    code: 'ERR_ARGUMENT',
    argument: 'ddof',
    routine: 'var',
  });
  expectError(() => nb.std(a, { dtype: 'int32' }), {
    code: 'ERR_UNSUPPORTED_DTYPE',
    argument: 'dtype',
    routine: 'std',
  });
  expectError(() => nb.nanmean(nb.array([1, Number.NaN]), { dtype: 'int64' }), {
    code: 'ERR_UNSUPPORTED_DTYPE',
    argument: 'dtype',
    routine: 'nanmean',
  });
  expectError(() => nb.ptp(nb.array([true, false])), {
    code: 'ERR_UNSUPPORTED_DTYPE',
    argument: 'a',
    routine: 'ptp',
  });
  expectError(() => nb.max(nb.array([1, 2], { dtype: 'uint8' }), { initial: -1 }), {
    code: 'ERR_VALUE',
    argument: 'initial',
    routine: 'max',
  });
});

test('where: bool masks that broadcast', () => {
  expectError(() => nb.sum(a, { where: nb.array([1, 0, 1, 0]) }), {
    code: 'ERR_CASTING',
    argument: 'where',
    routine: 'sum',
  });
  expectError(() => nb.any(a, { where: nb.array([true, false, true]) }), {
    code: 'ERR_BROADCAST',
    argument: 'where',
    routine: 'any',
  });
  expectError(() => nb.max(a, { where: [true, false, true, true] }), {
    code: 'ERR_VALUE',
    argument: 'initial',
    routine: 'max',
  });
  expectError(() => nb.nanmin(a, { where: [true, false, true, true] }), {
    code: 'ERR_VALUE',
    argument: 'initial',
    routine: 'nanmin',
  });
});

test('empty reductions without an identity, and all-NaN arg slices', () => {
  const empty = nb.zeros([0, 3]);
  expectError(() => nb.min(empty, { axis: 0 }), {
    code: 'ERR_VALUE',
    argument: 'a',
    routine: 'min',
  });
  expectError(() => nb.ptp(empty), { code: 'ERR_VALUE', argument: 'a', routine: 'ptp' });
  expectError(() => nb.argmax(empty, { axis: 0 }), {
    code: 'ERR_VALUE',
    argument: 'a',
    routine: 'argmax',
  });
  expectError(
    () =>
      nb.nanargmin(
        nb.array([
          [1, 2],
          [Number.NaN, Number.NaN],
        ]),
        { axis: 1 },
      ),
    {
      code: 'ERR_VALUE',
      argument: 'a',
      routine: 'nanargmin',
    },
  );
  // Legal: the reduced axes are not empty, or initial is given.
  assert.deepEqual(nb.min(empty, { axis: 1 }).shape, [0]);
  assert.deepEqual(nb.max(empty, { axis: 0, initial: -5 }).toArray(), [-5, -5, -5]);
  assert.equal(nb.sum(empty).item(), 0);
  assert.equal(nb.prod(empty).item(), 1);
  assert.ok(Number.isNaN(nb.mean(empty).item() as number));
});

function frozen(out: NDArray, fn: () => unknown, e: Expect): void {
  const before = new Uint8Array(out.buffer).slice();
  expectError(fn, e);
  assert.deepEqual(new Uint8Array(out.buffer), before, 'out changed');
}

test('out: shape, writeability and overlap checked before any write', () => {
  const out = nb.full([4], 7);
  frozen(out, () => nb.sum(a, { axis: 1, out }), {
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'out',
    routine: 'sum',
  });
  frozen(out, () => nb.mean(a, { axis: 0, keepdims: true, out }), {
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'out',
    routine: 'mean',
  });
  const ro = nb.full([4], 7).setWriteable(false);
  frozen(ro, () => nb.max(a, { axis: 0, out: ro }), {
    code: 'ERR_READ_ONLY',
    argument: 'out',
    routine: 'max',
  });
  const shared = nb.full([1], 7);
  const bc = nb.asStrided(shared, [4], [0]);
  frozen(shared, () => nb.sum(a, { axis: 0, out: bc }), {
    code: 'ERR_OUTPUT_OVERLAP',
    argument: 'out',
    routine: 'sum',
  });
  const idx = nb.zeros([4], { dtype: 'int32' });
  frozen(idx, () => nb.argmin(a, { axis: 0, out: idx }), {
    code: 'ERR_CASTING',
    argument: 'out',
    routine: 'argmin',
  });
  frozen(out, () => nb.sum(a, { axis: 0, out: [1, 2, 3, 4] as never }), {
    code: 'ERR_ARGUMENT',
    argument: 'out',
    routine: 'sum',
  });
  // Errors found while computing (an all-NaN slice) also leave out untouched.
  const nanOut = nb.full([2], 7, { dtype: 'int64' });
  frozen(
    nanOut,
    () =>
      nb.nanargmax(
        nb.array([
          [1, 2],
          [Number.NaN, Number.NaN],
        ]),
        { axis: 1, out: nanOut },
      ),
    {
      code: 'ERR_VALUE',
      argument: 'a',
      routine: 'nanargmax',
    },
  );
});

test('out overlapping the input gives the result of a copied input', () => {
  const x = nb.arange(6).reshape([2, 3]);
  const row = x.slice(0);
  const expected = nb.sum(x, { axis: 0 }).toArray();
  const r = nb.sum(x, { axis: 0, out: row });
  assert.equal(r, row);
  assert.deepEqual(row.toArray(), expected);
  const y = nb.arange(5);
  nb.cumsum(y, { out: y });
  assert.deepEqual(y.toArray(), [0, 1, 3, 6, 10]);
});
