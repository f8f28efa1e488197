// sort, argsort, lexsort, partition and argpartition against NumPy 2.4 on the
// committed fixtures: stable results bit for bit (values, dtypes, shapes),
// other kinds equal up to the order NumPy leaves open (-0 vs +0, which NaN),
// partitions by NumPy's values at kth and the partition property; operands
// are never modified; the in-place method forms agree.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  argpartition,
  argsort,
  lexsort,
  type NDArray,
  partition,
  type Scalar,
  type SortKind,
  sort,
} from '../../src/index.js';
import { assertResult } from '../helpers/operands.js';
import {
  assertSameValues,
  cases,
  compareValues,
  type Expected,
  expectedArray,
  flatValues,
  lanes,
  operand,
  type Recipe,
  sameValue,
} from './helpers.js';

interface SortCase {
  readonly fn: 'sort' | 'argsort';
  readonly a: Recipe;
  readonly axis: number | null;
  readonly kind: SortKind | null;
  readonly result: Expected;
}

function snapshot(a: NDArray): Uint8Array {
  return new Uint8Array(a.buffer).slice();
}

const sortCases = cases<SortCase>('sort');

test(`${sortCases.length} sort/argsort cases match NumPy`, () => {
  sortCases.forEach((c, n) => {
    const where = `case ${n} (${c.fn} ${c.a.dtype} ${JSON.stringify(c.a.base)} ${JSON.stringify(c.a.ops)} axis ${c.axis} kind ${c.kind})`;
    const a = operand(c.a);
    const before = snapshot(a);
    if (c.fn === 'argsort') {
      assertResult(argsort(a, c.axis, c.kind), c.result, where);
      assertResult(argsort(a, c.axis), c.result, `${where} default kind`);
    } else if (c.kind === 'stable') assertResult(sort(a, c.axis, c.kind), c.result, where);
    else assertSameValues(sort(a, c.axis, c.kind), c.result, where);
    assert.deepEqual(snapshot(a), before, `${where}: operand changed`);
    if (c.fn === 'sort' && c.kind === 'stable' && c.axis !== null && a.flags.writeable) {
      const own = a.copy();
      own.sort(c.axis);
      assertResult(own, c.result, `${where} in place`);
    }
  });
});

interface LexCase {
  readonly keys: Recipe[];
  readonly axis: number;
  readonly result: Expected;
}

const lexCases = cases<LexCase>('lexsort');

test(`${lexCases.length} lexsort cases match NumPy`, () => {
  lexCases.forEach((c, n) => {
    const keys = c.keys.map(operand);
    assertResult(lexsort(keys, c.axis), c.result, `case ${n} (${c.keys.map((k) => k.dtype)})`);
  });
});

interface PartitionCase {
  readonly fn: 'partition' | 'argpartition';
  readonly a: Recipe;
  readonly kth: number | number[];
  readonly axis: number | null;
  readonly result: Expected;
}

/** Every lane is a permutation of the input lane, with NumPy's value at each kth and the order around it. */
function assertPartitioned(
  values: Scalar[][],
  input: Scalar[][],
  numpy: Scalar[][],
  kth: readonly number[],
  where: string,
): void {
  values.forEach((lane, r) => {
    const sorted = (l: Scalar[]) => l.slice().sort(compareValues);
    sorted(lane).forEach((v, i) => {
      assert.ok(sameValue(v, sorted(input[r])[i]), `${where}: lane ${r} is not a permutation`);
    });
    for (const k0 of kth) {
      const k = k0 < 0 ? k0 + lane.length : k0;
      assert.ok(sameValue(lane[k], numpy[r][k]), `${where}: lane ${r} kth ${k}: ${lane[k]}`);
      lane.forEach((v, i) => {
        const c = compareValues(v, lane[k]);
        assert.ok(i < k ? c <= 0 : i > k ? c >= 0 : true, `${where}: lane ${r} position ${i}`);
      });
    }
  });
}

const partitionCases = cases<PartitionCase>('partition');

test(`${partitionCases.length} partition/argpartition cases keep NumPy's values at kth`, () => {
  partitionCases.forEach((c, n) => {
    const where = `case ${n} (${c.fn} ${c.a.dtype} ${JSON.stringify(c.a.ops)} kth ${c.kth} axis ${c.axis})`;
    const given = operand(c.a);
    // argpartition sees a 0-d array as 1-D, as NumPy does.
    const a = given.ndim === 0 ? given.reshape([1]) : given;
    const kth = typeof c.kth === 'number' ? [c.kth] : c.kth;
    const input = lanes(a, c.axis);
    if (c.fn === 'partition') {
      const got = partition(a, c.kth, c.axis);
      assert.equal(got.dtype.str, c.result.dtype, `${where}: dtype`);
      assert.deepEqual(got.shape, c.result.shape, `${where}: shape`);
      const numpy = lanes(expectedArray(c.result), c.axis === null ? null : c.axis);
      assertPartitioned(lanes(got, c.axis === null ? 0 : c.axis), input, numpy, kth, where);
      return;
    }
    const got = argpartition(given, c.kth, c.axis);
    assert.equal(got.dtype.str, '<i8', `${where}: dtype`);
    assert.deepEqual(got.shape, c.result.shape, `${where}: shape`);
    const pick = (idx: NDArray) =>
      lanes(idx, c.axis === null ? 0 : c.axis).map((l, r) => l.map((i) => input[r][Number(i)]));
    assertPartitioned(pick(got), input, pick(expectedArray(c.result)), kth, where);
  });
});

test('the method forms sort and partition in place, argsort and argpartition return indices', () => {
  const x = operand({ formula: 'ints', n: 5000, dtype: '<f8' });
  const expected = sort(x);
  const own = x.copy();
  assert.equal(own.sort(), own);
  assert.deepEqual(flatValues(own), flatValues(expected));
  assert.deepEqual(flatValues(x.argsort()), flatValues(argsort(x)));
  const p = x.copy();
  p.partition(2500);
  assert.equal(p.item(2500), expected.item(2500));
  assert.equal(x.item(Number(x.argpartition(17).item(17))), expected.item(17));
});
