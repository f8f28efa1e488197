// Manipulation beyond values: which results are views (split parts, moveaxis,
// rot90, atleast*, broadcastArrays, meshgrid without copy) and which are
// copies, `out` for concatenate, and typed errors with code and argument.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NdblasError } from '../../src/index.js';
import * as nb from '../../src/index.js';

function throwsTyped(run: () => unknown, code: string, argument: string, routine?: string): void {
  assert.throws(run, (e: NdblasError) => {
    assert.equal(e.code, code, e.message);
    assert.equal(e.argument, argument, e.message);
    if (routine !== undefined) assert.equal(e.routine, routine);
    return true;
  });
}

test('split parts, moveaxis, rot90 and atleast* are views that write through', () => {
  const a = nb.arange(12).reshape([3, 4]);
  const [left] = nb.hsplit(a, 2);
  left.set([0, 0], 100);
  assert.equal(a.item(0, 0), 100);
  nb.moveaxis(a, 0, 1).set([3, 2], 200);
  assert.equal(a.item(2, 3), 200);
  nb.rot90(a).set([0, 0], 300); // rot90(a)[0, 0] is a[0, -1]
  assert.equal(a.item(0, 3), 300);
  const s = nb.array(5);
  nb.atleast2d(s).set([0, 0], 6);
  assert.equal(s.item(), 6);
  assert.equal(nb.atleast1d(a), a, 'an array with enough dimensions comes back as is');
});

test('broadcastArrays and meshgrid(copy: false) give read-only broadcast views', () => {
  const x = nb.arange(3);
  const y = nb.arange(2).reshape([2, 1]);
  const [bx, by] = nb.broadcastArrays(x, y);
  assert.deepEqual(bx.shape, [2, 3]);
  assert.equal(bx.buffer, x.buffer);
  assert.equal(by.flags.writeable, false);
  const full = nb.zeros([2, 3]);
  assert.equal(nb.broadcastArrays(full, x)[0], full);
  const [gx, gy] = nb.meshgrid([x, nb.arange(2)], { copy: false });
  assert.equal(gx.buffer, x.buffer);
  assert.equal(gy.flags.writeable, false);
  const [cx] = nb.meshgrid([x, nb.arange(2)]);
  assert.notEqual(cx.buffer, x.buffer);
  assert.equal(cx.flags.writeable, true);
});

test('concatenate writes into out and casts by the casting rule', () => {
  const out = nb.zeros([4], { dtype: 'float32' });
  const r = nb.concatenate([nb.arange(2), nb.arange(2)], 0, { out, casting: 'same_kind' });
  assert.equal(r, out);
  assert.deepEqual(out.toArray(), [0, 1, 0, 1]);
  const i8 = nb.concatenate([
    nb.array([1, 2], { dtype: 'int8' }),
    nb.array([3], { dtype: 'uint8' }),
  ]);
  assert.equal(i8.dtype.name, 'int16', 'NumPy 2 promotion');
  throwsTyped(
    () => nb.concatenate([nb.arange(2), nb.arange(2)], 0, { dtype: 'int32' }),
    'ERR_CASTING',
    'arrays[0]',
    'concatenate',
  );
});

test('joining and splitting errors', () => {
  throwsTyped(
    () => nb.concatenate([nb.zeros([2, 3]), nb.zeros([2, 4])]),
    'ERR_SHAPE_MISMATCH',
    'arrays',
  );
  throwsTyped(
    () => nb.concatenate([nb.zeros([2]), nb.zeros([2, 1])]),
    'ERR_SHAPE_MISMATCH',
    'arrays',
  );
  throwsTyped(() => nb.concatenate([nb.array(1)]), 'ERR_SHAPE', 'arrays');
  throwsTyped(() => nb.concatenate([]), 'ERR_VALUE', 'arrays');
  throwsTyped(
    () => nb.concatenate([nb.zeros([2])], 0, { out: nb.zeros([3]) }),
    'ERR_SHAPE_MISMATCH',
    'out',
  );
  throwsTyped(
    () => nb.stack([nb.zeros([2]), nb.zeros([3])]),
    'ERR_SHAPE_MISMATCH',
    'arrays',
    'stack',
  );
  throwsTyped(() => nb.stack([nb.zeros([2])], 3), 'ERR_AXIS', 'axis');
  throwsTyped(() => nb.split(nb.arange(5), 2), 'ERR_VALUE', 'indices_or_sections', 'split');
  throwsTyped(() => nb.arraySplit(nb.arange(5), 0), 'ERR_VALUE', 'indices_or_sections');
  throwsTyped(() => nb.hsplit(nb.array(1), 1), 'ERR_AXIS', 'ary', 'hsplit');
  throwsTyped(() => nb.vsplit(nb.arange(4), 2), 'ERR_AXIS', 'ary', 'vsplit');
  throwsTyped(() => nb.dsplit(nb.zeros([2, 2]), 2), 'ERR_AXIS', 'ary', 'dsplit');
});

test('repetition, padding and rearrangement errors', () => {
  throwsTyped(() => nb.tile(nb.arange(2), [-1]), 'ERR_VALUE', 'reps', 'tile');
  throwsTyped(() => nb.repeat(nb.arange(3), [1, -1, 1]), 'ERR_VALUE', 'repeats', 'repeat');
  throwsTyped(() => nb.repeat(nb.arange(3), [1, 2]), 'ERR_BROADCAST', 'repeats');
  throwsTyped(() => nb.resize(nb.arange(3), [-1]), 'ERR_SHAPE', 'new_shape');
  throwsTyped(() => nb.roll(nb.arange(3), [1, 2, 3], [0, 0]), 'ERR_BROADCAST', 'shift');
  throwsTyped(() => nb.pad(nb.arange(3), 1, 'mean' as never), 'ERR_OPTION', 'mode', 'pad');
  throwsTyped(
    () => nb.pad(nb.arange(3), 1, 'reflect', { reflectType: 'odd' as never }),
    'ERR_OPTION',
    'reflect_type',
  );
  throwsTyped(() => nb.pad(nb.arange(3), -1), 'ERR_VALUE', 'pad_width');
  throwsTyped(() => nb.pad(nb.arange(3), 1.5), 'ERR_ARGUMENT', 'pad_width');
  throwsTyped(() => nb.pad(nb.zeros([0]), 1, 'wrap'), 'ERR_VALUE', 'pad_width');
  throwsTyped(() => nb.rot90(nb.zeros([2, 2]), 1, [0, 0]), 'ERR_AXIS', 'axes', 'rot90');
  throwsTyped(() => nb.rot90(nb.zeros([2, 2]), 1, [0, 2]), 'ERR_AXIS', 'axes');
  throwsTyped(() => nb.moveaxis(nb.zeros([2, 2]), [0, 1], [0]), 'ERR_AXIS', 'destination');
  throwsTyped(() => nb.moveaxis(nb.zeros([2, 2]), 2, 0), 'ERR_AXIS', 'source');
  throwsTyped(
    () => nb.meshgrid([nb.arange(2)], { indexing: 'xz' as never }),
    'ERR_OPTION',
    'indexing',
  );
  throwsTyped(() => nb.broadcastArrays(nb.zeros([2]), nb.zeros([3])), 'ERR_BROADCAST', 'arrays');
});

test('insert, delete and trimZeros errors', () => {
  throwsTyped(() => nb.insert(nb.arange(3), 5, 1), 'ERR_INDEX_OUT_OF_BOUNDS', 'obj', 'insert');
  throwsTyped(() => nb.insert(nb.arange(3), nb.array([[0n]]), 1), 'ERR_VALUE', 'obj');
  throwsTyped(() => nb.delete(nb.arange(3), 3), 'ERR_INDEX_OUT_OF_BOUNDS', 'obj', 'delete');
  throwsTyped(() => nb.delete(nb.arange(3), [true, false]), 'ERR_VALUE', 'obj');
  throwsTyped(() => nb.delete(nb.arange(3), 0, 1), 'ERR_AXIS', 'axis');
  throwsTyped(() => nb.trimZeros(nb.arange(3), 'x'), 'ERR_VALUE', 'trim', 'trimZeros');
  const t = nb.array([0, 0, 1, 0]);
  const trimmed = nb.trimZeros(t);
  assert.equal(trimmed.buffer, t.buffer, 'trimZeros returns a view');
  assert.deepEqual(trimmed.toArray(), [1]);
});
