// Typed errors of the sorting, searching, set and histogram routines: each
// names its code and the argument at fault, as NumPy's checks would fire,
// and a refused in-place sort leaves the array untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  argsort,
  array,
  bincount,
  digitize,
  histogram,
  lexsort,
  NdblasError,
  nonzero,
  partition,
  searchsorted,
  sort,
  unique,
  where,
} from '../../src/index.js';

function throwsCode(fn: () => unknown, code: string, argument: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof NdblasError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.argument, argument, e.message);
    return true;
  });
}

const m = array([
  [3, 1, 2],
  [6, 5, 4],
]);

test('sort, argsort, partition and lexsort refuse bad axes, kinds, kth and keys', () => {
  throwsCode(() => sort(m, 2), 'ERR_AXIS', 'axis');
  throwsCode(() => argsort(m, -3), 'ERR_AXIS', 'axis');
  throwsCode(() => sort(array(5)), 'ERR_AXIS', 'axis');
  throwsCode(() => sort(m, -1, 'bogo' as never), 'ERR_OPTION', 'kind');
  throwsCode(() => partition(m, 3), 'ERR_VALUE', 'kth');
  throwsCode(() => partition(m, [-4]), 'ERR_VALUE', 'kth');
  throwsCode(() => partition(m, 0.5), 'ERR_ARGUMENT', 'kth');
  throwsCode(() => partition(m, 1, -1, 'quick' as never), 'ERR_OPTION', 'kind');
  throwsCode(() => lexsort([]), 'ERR_ARGUMENT', 'keys');
  throwsCode(
    () =>
      lexsort([
        [1, 2],
        [1, 2, 3],
      ]),
    'ERR_SHAPE_MISMATCH',
    'keys',
  );
  throwsCode(() => unique(m, { axis: 2 }), 'ERR_AXIS', 'axis');
});

test('a read-only array is not sorted in place and stays as it was', () => {
  const b = array([3, 1, 2]).broadcastTo([2, 3]);
  throwsCode(() => b.sort(), 'ERR_READ_ONLY', 'a');
  assert.deepEqual(b.toArray(), [
    [3, 1, 2],
    [3, 1, 2],
  ]);
});

test('searchsorted, digitize, nonzero and where check their operands', () => {
  throwsCode(() => searchsorted(m, 1), 'ERR_SHAPE_MISMATCH', 'a');
  throwsCode(() => searchsorted([1, 2], 1, { side: 'middle' as never }), 'ERR_OPTION', 'side');
  throwsCode(
    () => searchsorted([1, 2], 1, { sorter: [0, 5] }),
    'ERR_INDEX_OUT_OF_BOUNDS',
    'sorter',
  );
  throwsCode(() => searchsorted([1, 2], 1, { sorter: [0] }), 'ERR_SHAPE_MISMATCH', 'sorter');
  throwsCode(() => searchsorted([1, 2], 1, { sorter: array([0, 1]) }), 'ERR_ARGUMENT', 'sorter');
  throwsCode(() => digitize([1], [1, 3, 2]), 'ERR_VALUE', 'bins');
  throwsCode(() => digitize([{ re: 1, im: 1 }], [1, 2]), 'ERR_UNSUPPORTED_DTYPE', 'x');
  throwsCode(() => nonzero(array(1)), 'ERR_VALUE', 'a');
  throwsCode(() => (where as (c: unknown, x: unknown) => unknown)([1], [2]), 'ERR_ARGUMENT', 'y');
});

test('histogram and bincount refuse bad bins, ranges, data and weights', () => {
  throwsCode(() => histogram([1, 2], 0), 'ERR_VALUE', 'bins');
  throwsCode(() => histogram([1, 2], 2.5), 'ERR_ARGUMENT', 'bins');
  throwsCode(() => histogram([1, 2], [0, 2, 1]), 'ERR_VALUE', 'bins');
  throwsCode(() => histogram([1, 2], [[0, 1]]), 'ERR_VALUE', 'bins');
  throwsCode(() => histogram([1, 2], 3, { range: [2, 1] }), 'ERR_VALUE', 'range');
  throwsCode(() => histogram([1, 2], 3, { range: [0, Infinity] }), 'ERR_VALUE', 'range');
  throwsCode(() => histogram([1, Number.NaN]), 'ERR_VALUE', 'a');
  throwsCode(() => histogram([1, 2], 3, { weights: [1] }), 'ERR_SHAPE_MISMATCH', 'weights');
  throwsCode(() => histogram([{ re: 1, im: 0 }]), 'ERR_UNSUPPORTED_DTYPE', 'a');
  throwsCode(() => histogram(array([1, 1.001], { dtype: 'float16' }), 5000), 'ERR_VALUE', 'bins');
  throwsCode(() => bincount([0, -1]), 'ERR_VALUE', 'x');
  throwsCode(() => bincount(array([0.5])), 'ERR_CASTING', 'x');
  throwsCode(() => bincount([[0]]), 'ERR_SHAPE_MISMATCH', 'x');
  throwsCode(() => bincount([0], null, -1), 'ERR_VALUE', 'minlength');
  throwsCode(() => bincount([0, 1], [1]), 'ERR_SHAPE_MISMATCH', 'weights');
});
