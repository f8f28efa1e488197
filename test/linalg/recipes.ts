// The NumPy fixtures of test/fixtures/linalg (made by scripts/fixtures/matmul.py):
// rebuilding each operand from its recipe (dtype with byte order, base shape,
// little-endian element bytes, byte offset, view chain), running the product,
// and comparing with NumPy's result: integer and bool results bit for bit,
// inexact ones within a tolerance scaled by the gauge sum(|a||b|) (summation
// order differs from OpenBLAS), with NaN and Inf classes exact.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  dot,
  fromFloat16Bits,
  inner,
  matmul,
  type NDArray,
  outer,
  vdot,
  zeros,
} from '../../src/index.js';
import { hexToBytes } from '../helpers/fixtures.js';
import type { Recipe } from '../helpers/operands.js';

export interface Expected {
  readonly dtype: string;
  readonly shape: number[];
  readonly hex: string;
  /** The dtype NumPy computed in (the `dtype` option or the promoted inputs). */
  readonly loop: string;
  /** sum(|a||b|) per result element, null where not finite; inexact results only. */
  readonly gauge?: (number | null)[];
}

export interface Case {
  readonly fn: 'matmul' | 'dot' | 'vdot' | 'inner' | 'outer';
  readonly a: Recipe;
  readonly b: Recipe;
  readonly dtype?: string;
  readonly out?: { readonly dtype: string; readonly order: 'C' | 'F' | 'flip' };
  readonly result: Expected;
}

export function loadCases(name: string): Case[] {
  const url = new URL(`../fixtures/linalg/${name}.json`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { cases: Case[] }).cases;
}

function makeOut(c: Case): NDArray | undefined {
  if (c.out === undefined) return undefined;
  const { shape } = c.result;
  const dtype = c.out.dtype;
  if (c.out.order === 'F') return zeros(shape, { dtype, order: 'F' });
  const z = zeros(shape, { dtype });
  return c.out.order === 'flip' && shape.length > 0 ? z.flip() : z;
}

/** Runs the case's product on its rebuilt operands. */
export function run(c: Case, a: NDArray, b: NDArray): NDArray {
  const out = makeOut(c);
  switch (c.fn) {
    case 'matmul':
      return matmul(a, b, { out, dtype: c.dtype });
    case 'dot':
      return dot(a, b, { out });
    case 'vdot':
      return vdot(a, b);
    case 'inner':
      return inner(a, b);
    case 'outer':
      return outer(a, b, { out });
    default:
      return c.fn satisfies never;
  }
}

/** Machine epsilon of the arithmetic NumPy's loop sums in (half sums in float32); 0 for exact loops. */
const SUM_EPS: Readonly<Record<string, number>> = {
  float16: 2 ** -23,
  float32: 2 ** -23,
  complex64: 2 ** -23,
  float64: 2 ** -52,
  complex128: 2 ** -52,
};

interface Component {
  readonly bytes: number;
  readonly read: (dv: DataView, at: number) => number;
  /** Spacing of the format's values near |x|. */
  readonly ulp: (x: number) => number;
}

const ulpOf = (mantissa: number, tiny: number) => (x: number) =>
  x === 0 ? tiny : Math.max(2 ** (Math.floor(Math.log2(Math.abs(x))) - mantissa), tiny);

const COMPONENT: Readonly<Record<string, Component>> = {
  f2: {
    bytes: 2,
    read: (dv, i) => fromFloat16Bits(dv.getUint16(i, true)),
    ulp: ulpOf(10, 2 ** -24),
  },
  f4: { bytes: 4, read: (dv, i) => dv.getFloat32(i, true), ulp: ulpOf(23, 2 ** -149) },
  f8: { bytes: 8, read: (dv, i) => dv.getFloat64(i, true), ulp: ulpOf(52, 2 ** -1074) },
  c8: { bytes: 4, read: (dv, i) => dv.getFloat32(i, true), ulp: ulpOf(23, 2 ** -149) },
  c16: { bytes: 8, read: (dv, i) => dv.getFloat64(i, true), ulp: ulpOf(52, 2 ** -1074) },
};

/** The little-endian bytes of an array's elements in C order. */
function bytesOfArray(a: NDArray): Uint8Array {
  const c = a.astype(a.dtype.withByteorder('<'));
  return new Uint8Array(c.buffer, c.byteOffset, c.nbytes);
}

/** The component format of each inexact loop dtype. */
const LOOP_FORMAT: Readonly<Record<string, string>> = {
  float16: 'f2',
  float32: 'f4',
  float64: 'f8',
  complex64: 'c8',
  complex128: 'c16',
};

/**
 * Asserts `got` matches NumPy's result; returns the worst test ratio
 * |got - expected| / (eps * gauge + ulp(expected)) over finite elements
 * (0 for exact results). Fails above `limit`. The ulp is the result's, plus
 * the loop dtype's when the loop is inexact: NumPy rounds to the loop dtype
 * before casting to a wider `out`, where a native mixed signature
 * (gemm:f16,f16->f32, gemm:f32,f32->f64) stores its sum unrounded.
 */
export function compare(got: NDArray, e: Expected, where: string, limit = 16): number {
  assert.equal(got.dtype.str, e.dtype, `${where}: dtype`);
  assert.deepEqual(got.shape, e.shape, `${where}: shape`);
  const mine = bytesOfArray(got);
  const theirs = hexToBytes(e.hex);
  const comp = COMPONENT[e.dtype.slice(1)];
  if (comp === undefined) {
    assert.deepEqual(mine, theirs, `${where}: values`);
    return 0;
  }
  const eps = SUM_EPS[e.loop] ?? 0;
  const loopFormat = COMPONENT[LOOP_FORMAT[e.loop] ?? ''];
  const ulp = (y: number) => comp.ulp(y) + (loopFormat?.ulp(y) ?? 0);
  const dg = new DataView(mine.buffer, mine.byteOffset, mine.byteLength);
  const de = new DataView(theirs.buffer);
  const perElement = got.itemsize / comp.bytes;
  let worst = 0;
  for (let i = 0; i < theirs.length / comp.bytes; i++) {
    const x = comp.read(dg, i * comp.bytes);
    const y = comp.read(de, i * comp.bytes);
    const at = `${where}: component ${i}: got ${x}, NumPy ${y}`;
    if (!Number.isFinite(y)) {
      assert.ok(Object.is(x, y) || (Number.isNaN(x) && Number.isNaN(y)), at);
      continue;
    }
    const gauge = e.gauge?.[Math.floor(i / perElement)];
    assert.ok(gauge !== null && gauge !== undefined, `${at}: finite result without a gauge`);
    assert.ok(Number.isFinite(x), at);
    const ratio = Math.abs(x - y) / (eps * gauge + ulp(y));
    assert.ok(ratio <= limit, `${at}: test ratio ${ratio}`);
    worst = Math.max(worst, ratio);
  }
  return worst;
}
