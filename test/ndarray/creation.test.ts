// arange, linspace, eye, zeros, ones and full checked bit for bit against NumPy
// (fixture made by scripts/fixtures/creation.py): dtype, shape and the bytes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  arange,
  Complex,
  eye,
  full,
  linspace,
  type NDArray,
  ones,
  type Scalar,
  toDType,
  zeros,
} from '../../src/index.js';
import { coreFixture, f64FromHex, hexOfArray } from '../helpers/fixtures.js';

type Tag = { f: string } | { i: string } | { b: boolean } | { c: [string, string] };
interface Result {
  dtype: string;
  shape: number[];
  hex: string;
}
interface CreationFixture {
  arange: (Result & { args: Tag[]; stop: boolean; dtype: string | null })[];
  linspace: (Result & { args: [number, number, number]; endpoint: boolean })[];
  eye: (Result & { args: [number, number | null, number] })[];
  filled: (Result & { kind: 'zeros' | 'ones' | 'full'; value?: Tag })[];
}

const fx = coreFixture<CreationFixture>('creation.json');

/** A tagged fixture value as JavaScript passes it: bigints only where `big`. */
function decode(t: Tag, big: boolean): Scalar {
  if ('f' in t) return f64FromHex(t.f);
  if ('i' in t) return big ? BigInt(t.i) : Number(t.i);
  if ('b' in t) return t.b;
  return new Complex(f64FromHex(t.c[0]), f64FromHex(t.c[1]));
}

/** Compares every case, collecting the ones whose dtype, shape or bytes differ. */
function check<C extends Result>(cases: C[], make: (c: C) => NDArray, label: (c: C) => string) {
  assert.ok(cases.length > 0);
  const bad: string[] = [];
  for (const c of cases) {
    const a = make(c);
    const got = { dtype: a.dtype.name, shape: a.shape, hex: hexOfArray(a.copy()) };
    const want = { dtype: c.dtype, shape: c.shape, hex: c.hex };
    if (JSON.stringify(got) !== JSON.stringify(want))
      bad.push(`${label(c)}: ${JSON.stringify(got)} != numpy ${JSON.stringify(want)}`);
  }
  assert.deepEqual(bad, []);
}

test('arange matches NumPy for integer, fractional and negative steps in every dtype', () => {
  check(
    fx.arange,
    (c) => {
      const [start, stop, step] = c.args.map((t) => decode(t, true)) as number[];
      const options = c.dtype === null ? {} : { dtype: c.dtype };
      return c.stop ? arange(start, stop, step, options) : arange(start, null, stop, options);
    },
    (c) => `arange(${c.args.map((t) => JSON.stringify(t))}, ${c.dtype})`,
  );
});

test('linspace matches NumPy with and without endpoint, num 0/1/2/50, integer flooring', () => {
  check(
    fx.linspace,
    (c) => linspace(c.args[0], c.args[1], c.args[2], { endpoint: c.endpoint, dtype: c.dtype }),
    (c) => `linspace(${c.args}, endpoint=${c.endpoint}, ${c.dtype})`,
  );
});

test('eye matches NumPy for square, rectangular and off-diagonal k, in every dtype', () => {
  check(
    fx.eye,
    (c) => eye(c.args[0], c.args[1], c.args[2], { dtype: c.dtype }),
    (c) => `eye(${c.args}, ${c.dtype})`,
  );
});

test('zeros, ones and full match NumPy in every dtype (rounding, truncation, bools)', () => {
  check(
    fx.filled,
    (c) => {
      if (c.kind === 'zeros') return zeros(c.shape, { dtype: c.dtype });
      if (c.kind === 'ones') return ones(c.shape, { dtype: c.dtype });
      const big = toDType(c.dtype).itemsize === 8 && 'i' in c.value!;
      return full(c.shape, decode(c.value!, big), { dtype: c.dtype });
    },
    (c) => `${c.kind}(${JSON.stringify(c.value ?? '')}, ${c.dtype})`,
  );
});

test('arange refuses a zero or non-finite step, non-finite bounds and what NumPy refuses', () => {
  assert.throws(() => arange(0, 5, 0), { code: 'ERR_VALUE', argument: 'step' });
  assert.throws(() => arange(0, Number.POSITIVE_INFINITY), { code: 'ERR_VALUE' });
  assert.throws(() => linspace(0, 1, -1), { code: 'ERR_VALUE', argument: 'num' });
  // NumPy has no fill for bools: two elements at most; the first two must fit the dtype.
  assert.throws(() => arange(0, 3, 1, { dtype: 'bool' }), { code: 'ERR_UNSUPPORTED_DTYPE' });
  assert.throws(() => arange(200, 300, 1, { dtype: 'int8' }), { code: 'ERR_VALUE' });
});
