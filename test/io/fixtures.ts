// Shared by the .npy/.npz tests: the manifest NumPy wrote with the fixtures
// (scripts/fixtures/npy.py), and checks that an array matches one entry
// bit for bit (raw C-order bytes in hex) and value by value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type Complex, type NDArray, NdblasError, type Scalar } from '../../src/index.js';

/** A Python int as a decimal string, a float as its repr, complex as [re, im], or a bool. */
export type FixtureValue = boolean | string | [string, string];

export interface ArrayEntry {
  descr: string;
  shape: number[];
  fortran_order: boolean;
  version: '1.0' | '2.0' | '3.0';
  hex: string;
  values: FixtureValue[];
}

export interface NpyEntry extends ArrayEntry {
  file: string;
}

export interface NpzEntry {
  file: string;
  compressed: boolean;
  members: Record<string, ArrayEntry>;
}

const DIR = new URL('../fixtures/npy/', import.meta.url);

export const manifest = JSON.parse(readFileSync(new URL('npy.json', DIR), 'utf8')) as {
  npy: NpyEntry[];
  npz: NpzEntry[];
};

export function fixture(file: string): Buffer {
  return readFileSync(new URL(file, DIR));
}

/** The array's elements in C order as raw bytes (bit-exact: copies move bits). */
export function rawBytes(a: NDArray): Buffer {
  const c = a.copy('C');
  return Buffer.from(c.buffer, c.byteOffset, c.nbytes);
}

export function hexOf(a: NDArray): string {
  return rawBytes(a).toString('hex');
}

const PY_FLOATS: Readonly<Record<string, number>> = {
  nan: Number.NaN,
  inf: Infinity,
  '-inf': -Infinity,
};

function pyFloat(repr: string): number {
  return Object.hasOwn(PY_FLOATS, repr) ? PY_FLOATS[repr] : Number(repr);
}

const integer = (got: Scalar, want: FixtureValue) =>
  BigInt(got as number | bigint) === BigInt(want as string);

/** How an element compares with its manifest value, by NumPy kind letter. */
const SAME_VALUE: Readonly<Record<string, (got: Scalar, want: FixtureValue) => boolean>> = {
  b: (got, want) => got === want,
  i: integer,
  u: integer,
  f: (got, want) => Object.is(got, pyFloat(want as string)),
  c: (got, want) => {
    const [re, im] = want as [string, string];
    const z = got as Complex;
    return Object.is(z.re, pyFloat(re)) && Object.is(z.im, pyFloat(im));
  },
};

/** dtype, shape, layout flags, raw bits and values of `a` against a manifest entry. */
export function expectEntry(a: NDArray, e: ArrayEntry, where: string): void {
  assert.equal(a.dtype.str, e.descr, `${where}: descr`);
  assert.deepEqual(a.shape, e.shape, `${where}: shape`);
  const f = a.flags;
  assert.equal(e.fortran_order ? f.fContiguous : f.cContiguous, true, `${where}: order`);
  assert.ok(f.aligned && f.writeable && f.ownData, `${where}: fresh aligned memory`);
  assert.equal(hexOf(a), e.hex, `${where}: bits`);
  const flat = a.size === 0 ? [] : (a.copy('C').reshape(-1).toArray() as Scalar[]);
  assert.equal(flat.length, e.values.length, `${where}: size`);
  const same = SAME_VALUE[a.dtype.kind];
  for (const [i, v] of flat.entries())
    assert.ok(same(v, e.values[i]), `${where}[${i}]: ${v} vs ${e.values[i]}`);
}

/** Asserts that `fn` throws an ndblas error with `code` whose message names `argument`. */
export function expectError(
  fn: () => unknown,
  cls: typeof NdblasError,
  code: string,
  argument: string,
  detail?: RegExp,
): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof cls, `expected ${cls.name}, got ${String(e)}`);
    assert.ok(e instanceof NdblasError);
    assert.equal(e.code, code);
    assert.equal(e.argument, argument);
    assert.ok(e.message.includes(`argument '${argument}'`), e.message);
    if (detail !== undefined) assert.match(e.message, detail);
    return true;
  });
}
