// Bad arguments to the random Generator raise typed errors with a stable code
// naming the argument and the method (unknown dtype names come from the core
// parser, which names no method), and a refused call draws nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ArgumentError,
  DTypeError,
  type NdblasError,
  random,
  ShapeError,
  ValueError,
} from '../../src/index.js';

const { defaultRng } = random;

function expectError(
  fn: () => unknown,
  cls: typeof NdblasError,
  code: string,
  argument: string,
  routine: string | undefined,
): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.argument, argument);
    assert.equal(e.routine, routine);
    const where = routine === undefined ? '' : `${routine}: `;
    assert.ok(e.message.startsWith(`${where}argument '${argument}': `), e.message);
    return true;
  });
}

const rng = defaultRng(0);

test('integers: empty ranges, non-integer bounds, bounds outside the dtype', () => {
  const cases: [() => unknown, typeof NdblasError, string, string][] = [
    [() => rng.integers(5, 5), ValueError, 'ERR_VALUE', 'high'],
    [() => rng.integers(5, 4, null, { endpoint: true }), ValueError, 'ERR_VALUE', 'high'],
    [() => rng.integers(0), ValueError, 'ERR_VALUE', 'low'],
    [() => rng.integers(-1, null, 3, { endpoint: true }), ValueError, 'ERR_VALUE', 'low'],
    [() => rng.integers(1.5, 3), ValueError, 'ERR_VALUE', 'low'],
    [() => rng.integers(0, 2.5), ValueError, 'ERR_VALUE', 'high'],
    [() => rng.integers(0, Number.NaN), ValueError, 'ERR_VALUE', 'high'],
    [() => rng.integers(Number.POSITIVE_INFINITY), ValueError, 'ERR_VALUE', 'low'],
    [() => rng.integers('3' as never), ArgumentError, 'ERR_ARGUMENT', 'low'],
    [() => rng.integers(0, '3' as never), ArgumentError, 'ERR_ARGUMENT', 'high'],
    [() => rng.integers(-129, 0, 1, { dtype: 'int8' }), ValueError, 'ERR_VALUE', 'low'],
    [() => rng.integers(0, 129, 1, { dtype: 'int8' }), ValueError, 'ERR_VALUE', 'high'],
    [
      () => rng.integers(0, 128, 1, { dtype: 'int8', endpoint: true }),
      ValueError,
      'ERR_VALUE',
      'high',
    ],
    [() => rng.integers(-1, 5, 1, { dtype: 'uint8' }), ValueError, 'ERR_VALUE', 'low'],
    [
      () => rng.integers(2n ** 64n + 1n, null, 1, { dtype: 'uint64' }),
      ValueError,
      'ERR_VALUE',
      'low',
    ],
    [() => rng.integers(0, 2n ** 63n + 1n), ValueError, 'ERR_VALUE', 'high'],
    [
      () => rng.integers(0, 10, 1, { dtype: 'float64' }),
      DTypeError,
      'ERR_UNSUPPORTED_DTYPE',
      'dtype',
    ],
    [() => rng.integers(0, 10, 1, { dtype: 'bool' }), DTypeError, 'ERR_UNSUPPORTED_DTYPE', 'dtype'],
    [() => rng.integers(0, 10, 1, { dtype: '>i4' }), DTypeError, 'ERR_UNSUPPORTED_DTYPE', 'dtype'],
    [() => rng.integers(0, 10, -1), ShapeError, 'ERR_SHAPE', 'size'],
    [() => rng.integers(0, 10, [2, 1.5]), ShapeError, 'ERR_SHAPE', 'size'],
  ];
  for (const [fn, cls, code, argument] of cases) expectError(fn, cls, code, argument, 'integers');
  const unknown = () => rng.integers(0, 10, 1, { dtype: 'int128' });
  expectError(unknown, DTypeError, 'ERR_UNKNOWN_DTYPE', 'dtype', undefined);
});

test('floats: sizes and dtypes', () => {
  for (const routine of ['random', 'standardNormal'] as const) {
    const call = (size: unknown, dtype?: string) =>
      rng[routine](size as number, dtype === undefined ? {} : { dtype });
    expectError(() => call(-1), ShapeError, 'ERR_SHAPE', 'size', routine);
    expectError(() => call([2, -1]), ShapeError, 'ERR_SHAPE', 'size', routine);
    expectError(() => call(2.5), ShapeError, 'ERR_SHAPE', 'size', routine);
    expectError(() => call('3'), ShapeError, 'ERR_SHAPE', 'size', routine);
    for (const dtype of ['int32', 'float16', 'complex128', '>f8']) {
      expectError(() => call(3, dtype), DTypeError, 'ERR_UNSUPPORTED_DTYPE', 'dtype', routine);
    }
    expectError(() => call(3, 'float65'), DTypeError, 'ERR_UNKNOWN_DTYPE', 'dtype', undefined);
  }
});

test('uniform and normal: parameters', () => {
  const cases: [() => unknown, typeof NdblasError, string, string, string][] = [
    [() => rng.uniform(Number.NaN), ValueError, 'ERR_VALUE', 'low', 'uniform'],
    [() => rng.uniform(0, Number.POSITIVE_INFINITY), ValueError, 'ERR_VALUE', 'high', 'uniform'],
    [() => rng.uniform(-1.7e308, 1.7e308), ValueError, 'ERR_VALUE', 'high', 'uniform'],
    [() => rng.uniform('0' as never), ArgumentError, 'ERR_ARGUMENT', 'low', 'uniform'],
    [() => rng.uniform(0, 1, -2), ShapeError, 'ERR_SHAPE', 'size', 'uniform'],
    [() => rng.normal(0, -1), ValueError, 'ERR_VALUE', 'scale', 'normal'],
    [() => rng.normal(Number.NaN), ValueError, 'ERR_VALUE', 'loc', 'normal'],
    [() => rng.normal(0, Number.NaN), ValueError, 'ERR_VALUE', 'scale', 'normal'],
    [() => rng.normal(0, 1n as never), ArgumentError, 'ERR_ARGUMENT', 'scale', 'normal'],
    [() => rng.normal(0, 1, [3, -3]), ShapeError, 'ERR_SHAPE', 'size', 'normal'],
  ];
  for (const [fn, cls, code, argument, routine] of cases) {
    expectError(fn, cls, code, argument, routine);
  }
});

test('defaultRng: seeds must be non-negative integers', () => {
  expectError(() => defaultRng(-1), ValueError, 'ERR_VALUE', 'seed', 'defaultRng');
  expectError(() => defaultRng(-1n), ValueError, 'ERR_VALUE', 'seed', 'defaultRng');
  expectError(() => defaultRng(0.5), ValueError, 'ERR_VALUE', 'seed', 'defaultRng');
  expectError(() => defaultRng(Number.NaN), ValueError, 'ERR_VALUE', 'seed', 'defaultRng');
  expectError(() => defaultRng('1' as never), ArgumentError, 'ERR_ARGUMENT', 'seed', 'defaultRng');
});

test('a refused call consumes nothing from the stream', () => {
  const a = defaultRng(9);
  const b = defaultRng(9);
  assert.throws(() => a.integers(3, 3, 10));
  assert.throws(() => a.random(-1));
  assert.throws(() => a.standardNormal(3, { dtype: 'int8' }));
  assert.throws(() => a.normal(0, -1, 10));
  assert.deepEqual(a.random(4).toArray(), b.random(4).toArray());
});
