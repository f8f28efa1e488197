// matmul, dot, vdot, inner and outer against NumPy 2.4 on the committed
// fixtures: every case's operands rebuilt from their recipes, results compared
// bit for bit (integer, bool) or by test ratio (inexact), and the operands'
// bytes unchanged by the call.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NDArray } from '../../src/index.js';
import { build } from '../helpers/operands.js';
import { type Case, compare, loadCases, run } from './recipes.js';

function snapshot(a: NDArray): Uint8Array {
  return new Uint8Array(a.buffer).slice();
}

function check(cases: readonly Case[], file: string): number {
  let worst = 0;
  cases.forEach((c, n) => {
    const where = `${file} case ${n} (${c.fn} ${c.a.dtype}${JSON.stringify(c.a.ops)} x ${c.b.dtype}${JSON.stringify(c.b.ops)})`;
    const a = build(c.a).view;
    const b = build(c.b).view;
    const [sa, sb] = [snapshot(a), snapshot(b)];
    worst = Math.max(worst, compare(run(c, a, b), c.result, where));
    assert.deepEqual(snapshot(a), sa, `${where}: a's buffer changed`);
    assert.deepEqual(snapshot(b), sb, `${where}: b's buffer changed`);
  });
  return worst;
}

for (const file of ['matmul', 'products']) {
  const cases = loadCases(file);
  test(`${cases.length} ${file} cases match NumPy`, (t) => {
    const worst = check(cases, file);
    t.diagnostic(`worst test ratio ${worst.toFixed(3)} (|got - NumPy| / (eps * sum|a||b| + ulp))`);
  });
}
