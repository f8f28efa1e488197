// Every reduction against NumPy 2.4 on the committed fixtures: results equal
// bit for bit where the case is exact (integers, bools, min/max, arg*, any/all,
// counts, cumulative sums and products), within a gauge-scaled rounding
// tolerance otherwise (float sums may group differently than NumPy's buffered
// iteration); NumPy's errors raise typed errors; inputs and failed outputs
// stay untouched.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type NDArray, NdblasError } from '../../src/index.js';
import { build } from '../helpers/operands.js';
import { type Case, compare, loadCases, makeOut, run } from './cases.js';

const cases = loadCases();

function snapshot(a: NDArray): Uint8Array {
  return new Uint8Array(a.buffer).slice();
}

const label = (c: Case, n: number) =>
  `case ${n} (${c.fn} ${c.a.dtype} base ${JSON.stringify(c.a.base)} ${JSON.stringify(c.a.ops)} axis ${JSON.stringify(c.axis)}${c.where ? ' where' : ''}${c.dtype ? ` dtype ${c.dtype}` : ''}${c.out ? ` out ${c.out.dtype}/${c.out.order}` : ''})`;

test(`${cases.length} reduction cases match NumPy`, (t) => {
  let worstRatio = 0;
  let worstUlps = 0;
  let approx = 0;
  let approxBitwise = 0;
  let exact = 0;
  let raised = 0;
  cases.forEach((c, n) => {
    const where = label(c, n);
    const a = build(c.a).view;
    const before = snapshot(a);
    if (c.error !== undefined) {
      assert.throws(() => run(c, a), NdblasError, `${where}: NumPy raised ${c.error}`);
      raised++;
      return;
    }
    const out = makeOut(c);
    const got = run(c, a, out);
    if (out !== undefined) assert.equal(got, out, `${where}: out is returned`);
    const v = compare(got, c, where);
    assert.deepEqual(snapshot(a), before, `${where}: the input changed`);
    if (c.check === 'approx') {
      approx++;
      if (v.bitwise) approxBitwise++;
      worstRatio = Math.max(worstRatio, v.ratio);
      worstUlps = Math.max(worstUlps, v.ulps);
    } else exact++;
  });
  t.diagnostic(`${exact} exact cases bit for bit, ${raised} NumPy errors raised as NdblasError`);
  t.diagnostic(
    `${approx} rounding-sensitive cases: ${approxBitwise} bit for bit; worst ${worstUlps.toFixed(1)} ulp, test ratio ${worstRatio.toFixed(3)}`,
  );
});
