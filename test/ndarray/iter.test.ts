// nd-iteration plans: coalescing, memory ordering and run offsets on flipped,
// broadcast and transposed views, checked against a brute-force walk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arange, forEachRun, type NDArray, planIteration } from '../../src/index.js';

/** Every (op0, op1) byte-offset pair the plan visits, sorted. */
function visited(shape: readonly number[], a: NDArray, b: NDArray, order?: 'K' | 'C'): string[] {
  const plan = planIteration(
    shape,
    [
      { strides: a.strides, offset: a.byteOffset },
      { strides: b.strides, offset: b.byteOffset },
    ],
    { order },
  );
  const out: string[] = [];
  forEachRun(plan, (off, n, st) => {
    for (let i = 0; i < n; i++) out.push(`${off[0] + i * st[0]}:${off[1] + i * st[1]}`);
  });
  return out;
}

function bruteForce(a: NDArray, b: NDArray): string[] {
  const out: string[] = [];
  const walk = (axis: number, x: number, y: number) => {
    if (axis === a.ndim) {
      out.push(`${x}:${y}`);
      return;
    }
    for (let i = 0; i < a.shape[axis]; i++)
      walk(axis + 1, x + i * a.strides[axis], y + i * b.strides[axis]);
  };
  if (a.size > 0) walk(0, a.byteOffset, b.byteOffset);
  return out;
}

const base = arange(2 * 3 * 4).reshape([2, 3, 4]);
const CASES: Record<string, [NDArray, NDArray]> = {
  contiguous: [base, base],
  flipped: [base, base.flip()],
  transposed: [base, base.transpose([2, 0, 1]).copy().transpose([1, 2, 0])],
  broadcastRow: [base, arange(4).broadcastTo([2, 3, 4])],
  sliced: [base.slice(':', '::2', '1:'), base.slice(':', '1:', '::-2').slice(':', ':2')],
  empty: [base.slice(':', '2:1'), base.slice(':', '1:1')],
};

for (const [name, [a, b]] of Object.entries(CASES)) {
  test(`plan visits every element pair exactly once: ${name}`, () => {
    const expect = bruteForce(a, b).sort();
    assert.deepEqual(visited(a.shape, a, b).sort(), expect);
    assert.deepEqual(visited(a.shape, a, b, 'C'), bruteForce(a, b), 'C order keeps logical order');
  });
}

test('contiguous operands coalesce into one run', () => {
  const plan = planIteration(base.shape, [
    { strides: base.strides, offset: 0 },
    { strides: base.strides, offset: 0 },
  ]);
  assert.deepEqual(plan.shape, [24]);
  assert.deepEqual(plan.strides, [[8], [8]]);
});

test('a transposed first operand is iterated in its memory order', () => {
  const t = base.T;
  const plan = planIteration(t.shape, [{ strides: t.strides, offset: 0 }]);
  assert.deepEqual(plan.shape, [24]);
  assert.deepEqual(plan.strides[0], [8]);
});

test('a 0-d plan makes one run of one element', () => {
  const runs: number[] = [];
  forEachRun(planIteration([], [{ strides: [], offset: 16 }]), (off, n) => runs.push(off[0], n));
  assert.deepEqual(runs, [16, 1]);
});
