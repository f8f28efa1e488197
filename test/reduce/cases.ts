// The NumPy fixtures of test/fixtures/reduce (made by scripts/fixtures/reduce.py):
// rebuilding operands from their recipes (dtype with byte order, base shape,
// little-endian bytes, byte offset, view chain), running a case through
// ndblas, and comparing with NumPy's result: bit for bit ('exact', NaN
// matched as a class, signed zeros alike where NumPy leaves them open), or
// within a rounding tolerance scaled by the case's gauge ('approx').
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { NDArray } from '../../src/index.js';
import * as nb from '../../src/index.js';
import { hexToBytes } from '../helpers/fixtures.js';
import { build, type Recipe } from '../helpers/operands.js';

export interface Case {
  readonly fn: string;
  readonly a: Recipe;
  readonly axis: number | number[] | null;
  readonly where?: Recipe;
  readonly keepdims?: boolean;
  readonly initial?: number;
  readonly ddof?: number;
  readonly dtype?: string;
  readonly out?: { readonly dtype: string; readonly order: 'C' | 'F' | 'flip' };
  readonly error?: string;
  readonly result?: { readonly dtype: string; readonly shape: number[]; readonly hex: string };
  readonly check?: 'exact' | 'approx';
  readonly gauge?: (number | null)[];
  /** The precision NumPy rounds in (float16 sums may round to half per step). */
  readonly loop?: string;
  readonly zeros?: boolean;
}

export function loadCases(): Case[] {
  const url = new URL('../fixtures/reduce/cases.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: Case[] }).cases;
}

type Fn = (a: NDArray, options: Record<string, unknown>) => NDArray;

export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  sum: nb.sum,
  prod: nb.prod,
  mean: nb.mean,
  var: nb.variance,
  std: nb.std,
  min: nb.min,
  max: nb.max,
  argmin: nb.argmin as Fn,
  argmax: nb.argmax as Fn,
  ptp: nb.ptp,
  any: nb.any,
  all: nb.all,
  cumsum: nb.cumsum as Fn,
  cumprod: nb.cumprod as Fn,
  nansum: nb.nansum,
  nanmean: nb.nanmean,
  nanmin: nb.nanmin,
  nanmax: nb.nanmax,
  nanvar: nb.nanvar,
  nanstd: nb.nanstd,
  nanargmin: nb.nanargmin as Fn,
  nanargmax: nb.nanargmax as Fn,
  countNonzero: nb.countNonzero,
};

/** The `out` array a case asks for (zeros, C, F or flipped), or undefined. */
export function makeOut(c: Case): NDArray | undefined {
  if (c.out === undefined || c.result === undefined) return undefined;
  const { shape } = c.result;
  if (c.out.order === 'F') return nb.zeros(shape, { dtype: c.out.dtype, order: 'F' });
  const z = nb.zeros(shape, { dtype: c.out.dtype });
  return c.out.order === 'flip' ? z.flip() : z;
}

/** Runs a case's reduction on its rebuilt operand. */
export function run(c: Case, a: NDArray, out?: NDArray): NDArray {
  const options: Record<string, unknown> = { axis: c.axis };
  for (const k of ['keepdims', 'initial', 'ddof', 'dtype'] as const) {
    if (c[k] !== undefined) options[k] = c[k];
  }
  if (c.where !== undefined) options.where = build(c.where).view;
  if (out !== undefined) options.out = out;
  return FUNCTIONS[c.fn](a, options);
}

interface Component {
  readonly bytes: number;
  readonly read: (dv: DataView, at: number) => number;
  readonly mantissa: number;
  readonly tiny: number;
}

const COMPONENT: Readonly<Record<string, Component>> = {
  f2: {
    bytes: 2,
    read: (dv, i) => nb.fromFloat16Bits(dv.getUint16(i, true)),
    mantissa: 10,
    tiny: 2 ** -24,
  },
  f4: { bytes: 4, read: (dv, i) => dv.getFloat32(i, true), mantissa: 23, tiny: 2 ** -149 },
  f8: { bytes: 8, read: (dv, i) => dv.getFloat64(i, true), mantissa: 52, tiny: 2 ** -1074 },
  c8: { bytes: 4, read: (dv, i) => dv.getFloat32(i, true), mantissa: 23, tiny: 2 ** -149 },
  c16: { bytes: 8, read: (dv, i) => dv.getFloat64(i, true), mantissa: 52, tiny: 2 ** -1074 },
};

const ulp = (c: Component, x: number) =>
  x === 0 ? c.tiny : Math.max(2 ** (Math.floor(Math.log2(Math.abs(x))) - c.mantissa), c.tiny);

const LOOP: Readonly<Record<string, string>> = {
  float16: 'f2',
  float32: 'f4',
  complex64: 'c8',
  float64: 'f8',
  complex128: 'c16',
};

/** Unit roundoff of the precision NumPy computes in. */
const EPS: Readonly<Record<string, number>> = {
  float16: 2 ** -11,
  float32: 2 ** -24,
  complex64: 2 ** -24,
  float64: 2 ** -53,
  complex128: 2 ** -53,
};

function bytesOfArray(a: NDArray): Uint8Array {
  const c = a.astype(a.dtype.withByteorder('<'));
  return new Uint8Array(c.buffer, c.byteOffset, c.nbytes);
}

export interface Verdict {
  /** Largest |got - NumPy| / (eps * gauge + ulp) (approx cases; 0 when exact). */
  readonly ratio: number;
  /** Largest |got - NumPy| in units in the last place of the precision NumPy computes in. */
  readonly ulps: number;
  /** Whether every byte matched. */
  readonly bitwise: boolean;
}

/** Asserts `got` matches the case's NumPy result; fails above `limit`. */
export function compare(got: NDArray, c: Case, where: string, limit = 16): Verdict {
  const e = c.result!;
  assert.equal(got.dtype.str, e.dtype, `${where}: dtype`);
  assert.deepEqual(got.shape, e.shape, `${where}: shape`);
  const mine = bytesOfArray(got);
  const theirs = hexToBytes(e.hex);
  const comp = COMPONENT[e.dtype.slice(1)];
  const bitwise = mine.length === theirs.length && mine.every((b, i) => b === theirs[i]);
  if (comp === undefined || bitwise) {
    assert.ok(bitwise, `${where}: values differ`);
    return { ratio: 0, ulps: 0, bitwise };
  }
  const dg = new DataView(mine.buffer, mine.byteOffset, mine.byteLength);
  const de = new DataView(theirs.buffer);
  const perElement = got.itemsize / comp.bytes;
  let ratio = 0;
  let ulps = 0;
  for (let i = 0; i < theirs.length / comp.bytes; i++) {
    const x = comp.read(dg, i * comp.bytes);
    const y = comp.read(de, i * comp.bytes);
    const at = `${where}: component ${i}: got ${x}, NumPy ${y}`;
    if (Number.isNaN(y) || Number.isNaN(x)) {
      assert.ok(Number.isNaN(x) && Number.isNaN(y), at);
      continue;
    }
    if (x === y && (Object.is(x, y) || c.zeros)) continue;
    assert.ok(c.check === 'approx' && Number.isFinite(y) && Number.isFinite(x), `${at}: not equal`);
    const gauge = c.gauge?.[Math.floor(i / perElement)];
    assert.ok(gauge !== null && gauge !== undefined, `${at}: finite result without a gauge`);
    const r = Math.abs(x - y) / (EPS[c.loop!] * gauge + ulp(comp, y));
    assert.ok(r <= limit, `${at}: test ratio ${r}`);
    ratio = Math.max(ratio, r);
    ulps = Math.max(ulps, Math.abs(x - y) / ulp(COMPONENT[LOOP[c.loop!]], y));
  }
  return { ratio, ulps, bitwise: false };
}
