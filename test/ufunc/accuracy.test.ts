// Transcendental ufuncs on random arguments over their domains against NumPy:
// within the issue's ULP bounds (f64 exp/log/sin/cos 1 ULP, f32 4, f16 1;
// complex in ULPs of the larger component), and the worst ULP seen per
// function and dtype (with the special-value loops' worst) printed.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  arrayFromHex,
  BY_NAME,
  bytesOf,
  complexUlps,
  componentSize,
  components,
  hexToBytes,
  ufuncFixture,
  ulps,
} from './fixtures.js';
import { bound, record, worstSeen } from './ulp.js';

interface AccuracyCase {
  ufunc: string;
  dtype: string;
  inputs: string[];
  out: string;
  out_dtype?: string;
}

const { cases } = ufuncFixture<{ cases: AccuracyCase[] }>('accuracy.json');

test('transcendental ufuncs stay within their ULP bounds of NumPy', () => {
  const failures: string[] = [];
  for (const c of cases) {
    const f = BY_NAME.get(c.ufunc)!;
    const got = f(...c.inputs.map((h) => arrayFromHex(h, c.dtype)));
    const outDtype = c.out_dtype ?? c.dtype;
    assert.equal(got.dtype.str, outDtype, `${c.ufunc} ${c.dtype}`);
    const size = componentSize(outDtype);
    const a = components(bytesOf(got), outDtype);
    const b = components(hexToBytes(c.out), outDtype);
    const limit = bound(c.ufunc, c.dtype);
    const complex = outDtype.includes('c');
    for (let i = 0; i < a.length; i += complex ? 2 : 1) {
      const u = complex
        ? complexUlps(a.slice(i, i + 2), b.slice(i, i + 2), size)
        : ulps(a[i], b[i], size);
      record(c.ufunc, c.dtype, u);
      if (u > limit)
        failures.push(`${c.ufunc} ${c.dtype} element ${i}: ${a[i]} vs ${b[i]} (${u} ULP)`);
    }
  }
  assert.deepEqual(failures.slice(0, 20), []);
});

after(() => {
  const rows = [...worstSeen()].sort(([x], [y]) => (x < y ? -1 : 1));
  console.log(`# worst ULP vs NumPy: ${rows.map(([k, u]) => `${k} ${+u.toFixed(2)}`).join('; ')}`);
});
