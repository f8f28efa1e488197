// First checks of the package surface: the built self-reference resolves and
// basic views agree with hand-computed NumPy results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nb from '../../src/index.js';

test('package self-reference resolves to the build', async () => {
  const pkg = await import('ndblas');
  assert.equal(typeof pkg.arange, 'function');
  assert.deepEqual(pkg.arange(3).toArray(), [0, 1, 2]);
});

test('t[:, :, 0] of a (10, 9, 8) array has strides (576, 64)', () => {
  const t = nb.zeros([10, 9, 8]);
  const mat = t.slice(':', ':', 0);
  assert.deepEqual(mat.shape, [10, 9]);
  assert.deepEqual(mat.strides, [576, 64]);
  assert.equal(mat.buffer, t.buffer);
});
