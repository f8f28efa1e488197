// Result dtypes of ufuncs against NumPy: every pair of dtypes for binary ufuncs,
// every dtype for unary ones, and arrays with weak scalars (NEP 50) on either
// side, with the values; NumPy's errors (no loop, out-of-range Python ints)
// are typed errors here. Also broadcasting and strided/flipped views.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Complex, type NDArray, NdblasError } from '../../src/index.js';
import {
  arrayFromHex,
  BY_NAME,
  bytesOf,
  components,
  hexToBytes,
  ufuncFixture,
  ulps,
} from './fixtures.js';

interface Outcome {
  result?: string;
  value?: string;
  error?: string;
}
interface PairCase extends Outcome {
  ufunc: string;
  dtypes: string[];
}
type ScalarSpec =
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: string }
  | { kind: 'float'; value: string }
  | { kind: 'complex'; re: number; im: number };
interface WeakCase extends Outcome {
  ufunc: string;
  dtype: string;
  array: string;
  scalar: ScalarSpec;
  arrayFirst: boolean;
}

const fixture = ufuncFixture<{ pairs: PairCase[]; weak: WeakCase[] }>('promotion.json');

/** A Python scalar as the JavaScript value with the same weak kind. */
function jsScalar(s: ScalarSpec): unknown {
  switch (s.kind) {
    case 'bool':
      return s.value;
    case 'int': {
      const v = BigInt(s.value);
      return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v;
    }
    case 'float':
      return Number(s.value === 'inf' ? 'Infinity' : s.value);
    default:
      return new Complex(s.re, s.im);
  }
}

function outcome(run: () => NDArray, expected: Outcome, where: string, failures: string[]): void {
  let got: NDArray;
  try {
    got = run();
  } catch (e) {
    if (!(e instanceof NdblasError)) failures.push(`${where}: untyped ${(e as Error).message}`);
    else if (expected.error === undefined) failures.push(`${where}: threw ${e.message}`);
    return;
  }
  if (expected.error !== undefined) {
    failures.push(`${where}: NumPy raised ${expected.error}, we gave ${got.dtype.str}`);
    return;
  }
  if (got.dtype.str !== expected.result) {
    failures.push(`${where}: ${got.dtype.str} vs NumPy ${expected.result}`);
    return;
  }
  const mine = bytesOf(got);
  const theirs = hexToBytes(expected.value!);
  const kind = got.dtype.kind;
  if (kind === 'f' || kind === 'c') {
    const size = kind === 'c' ? got.itemsize / 2 : got.itemsize;
    const a = components(mine, got.dtype.str);
    const b = components(theirs, got.dtype.str);
    // Complex power past exponent 100 is cpowf in float32 in NumPy, exact here.
    const name = where.split(' ')[0];
    const tol =
      name === 'power' && kind === 'c'
        ? 2 ** 20
        : ['power', 'exp', 'arctan2'].includes(name)
          ? 4
          : 0;
    if (a.some((x, i) => ulps(x, b[i], size) > tol)) failures.push(`${where}: values ${a} vs ${b}`);
  } else if (mine.some((x, i) => x !== theirs[i])) {
    failures.push(`${where}: values differ`);
  }
}

test('result dtypes and values equal NumPy for every dtype pair', () => {
  const failures: string[] = [];
  for (const c of fixture.pairs) {
    const f = BY_NAME.get(c.ufunc)!;
    const args = c.dtypes.map((d) => arrayFromHex(hexToOnes(d), d));
    outcome(() => f(...args), c, `${c.ufunc} ${c.dtypes.join(',')}`, failures);
  }
  assert.deepEqual(failures, []);
});

/** Two ones of dtype `d` as hex (what the generator used). */
function hexToOnes(d: string): string {
  const bytes: Record<string, string> = {
    '|b1': '01',
    '|i1': '01',
    '|u1': '01',
    '<i2': '0100',
    '<u2': '0100',
    '<i4': '01000000',
    '<u4': '01000000',
    '<i8': '0100000000000000',
    '<u8': '0100000000000000',
    '<f2': '003c',
    '<f4': '0000803f',
    '<f8': '000000000000f03f',
    '<c8': '0000803f00000000',
    '<c16': '000000000000f03f0000000000000000',
  };
  return bytes[d].repeat(2);
}

test('weak Python-like scalars promote as NEP 50 says, on either side', () => {
  const failures: string[] = [];
  for (const c of fixture.weak) {
    const f = BY_NAME.get(c.ufunc)!;
    const x = arrayFromHex(c.array, c.dtype);
    const s = jsScalar(c.scalar);
    const where = `${c.ufunc} ${c.dtype} ${JSON.stringify(c.scalar)} ${c.arrayFirst ? 'right' : 'left'}`;
    outcome(() => (c.arrayFirst ? f(x, s) : f(s, x)), c, where, failures);
  }
  assert.deepEqual(failures.slice(0, 30), []);
});

interface LayoutCase {
  ufunc: string;
  shapes: number[][];
  slices: (string[] | null)[];
  inputs: string[];
  out_shape: number[];
  out_dtype: string;
  out: string;
}

test('broadcasting and strided/flipped views give NumPy’s results', () => {
  const { cases } = ufuncFixture<{ cases: LayoutCase[] }>('layouts.json');
  for (const c of cases) {
    const args = c.inputs.map((h, k) => {
      const base = arrayFromHex(h, '<f8').reshape(c.shapes[k]);
      const sl = c.slices[k];
      return sl === null ? base : base.slice(...sl);
    });
    const got = BY_NAME.get(c.ufunc)!(...args);
    assert.deepEqual(got.shape, c.out_shape, c.ufunc);
    assert.equal(got.dtype.str, c.out_dtype);
    if (c.out_dtype === '|b1') {
      assert.deepEqual(bytesOf(got), hexToBytes(c.out), c.ufunc);
      continue;
    }
    const a = components(bytesOf(got), c.out_dtype);
    const b = components(hexToBytes(c.out), c.out_dtype);
    const tol = c.ufunc === 'power' || c.ufunc === 'exp' || c.ufunc === 'arctan2' ? 1 : 0;
    for (let i = 0; i < a.length; i++) {
      assert.ok(ulps(a[i], b[i], 8) <= tol, `${c.ufunc} element ${i}: ${a[i]} vs ${b[i]}`);
    }
  }
});
