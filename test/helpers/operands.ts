// Rebuilding the operands of the NumPy fixtures (recipes made by
// scripts/fixtures/operands.py and its users): a base array from its dtype (with byte
// order), shape and little-endian bytes, placed at a byte offset (inside
// sentinel bytes when asked), seen through a chain of view operations; and
// comparing results with NumPy's dtype, shape and bytes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fromBuffer, type NDArray, toDType } from '../../src/index.js';
import { bytesToHex, hexToBytes, swapBytes } from './fixtures.js';
import { SENTINEL } from './sentinel.js';

type Op = [string, ...unknown[]];

export interface Recipe {
  readonly dtype: string;
  readonly base: number[];
  readonly hex: string;
  readonly offset: number;
  readonly ops: Op[];
}

export interface Expected {
  readonly dtype: string;
  readonly shape: number[];
  readonly hex: string;
  /** Whether NumPy's result shares memory with the operand (null when empty). */
  readonly view?: boolean | null;
  /** NumPy returned a scalar (native byte order) where ndblas returns a 0-d array. */
  readonly scalar?: true;
}

export function loadFixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')) as T;
}

const APPLY: Readonly<Record<string, (a: NDArray, ...args: never[]) => NDArray>> = {
  slice: (a, specs: never) => a.slice(...(specs as never[])),
  T: (a) => a.T,
  swapaxes: (a, i, j) => a.swapaxes(i, j),
  flip: (a, axis) => a.flip(axis),
  broadcastTo: (a, shape) => a.broadcastTo(shape),
};

function orderUnit(dtype: string): number {
  const d = toDType(dtype);
  return d.kind === 'c' ? d.itemsize / 2 : d.itemsize;
}

export interface Built {
  readonly view: NDArray;
  readonly base: NDArray;
  /** Byte range of the base within its buffer. */
  readonly range: readonly [number, number];
}

/** The operand a recipe describes; `pad` sentinel bytes surround the base when given. */
export function build(r: Recipe, pad = 0): Built {
  const d = toDType(r.dtype);
  const bytes = hexToBytes(r.hex);
  if (!d.isNative) swapBytes(bytes, orderUnit(r.dtype));
  const start = pad + r.offset;
  const buffer = new SharedArrayBuffer(start + bytes.length + pad);
  new Uint8Array(buffer).fill(SENTINEL);
  new Uint8Array(buffer).set(bytes, start);
  const base = fromBuffer(buffer, { dtype: d, shape: r.base, byteOffset: start });
  let view = base;
  for (const [name, ...args] of r.ops) view = APPLY[name](view, ...(args as never[]));
  return { view, base, range: [start, start + bytes.length] };
}

/** The little-endian bytes of an array's elements in C order, as hex. */
export function hexOf(a: NDArray): string {
  const c = a.astype(a.dtype.withByteorder('<'));
  return bytesToHex(new Uint8Array(c.buffer, c.byteOffset, c.nbytes));
}

/** Asserts NumPy's dtype, shape and values, and view-vs-copy against `operand` when recorded. */
export function assertResult(got: NDArray, e: Expected, where: string, operand?: NDArray): void {
  if (e.scalar) assert.equal(got.dtype.name, toDType(e.dtype).name, `${where}: dtype`);
  else assert.equal(got.dtype.str, e.dtype, `${where}: dtype`);
  assert.deepEqual(got.shape, e.shape, `${where}: shape`);
  assert.equal(hexOf(got), e.hex, `${where}: values`);
  if (operand !== undefined && e.view !== undefined && e.view !== null)
    assert.equal(got.buffer === operand.buffer, e.view, `${where}: view vs copy`);
}

/**
 * Asserts that the base of a written operand holds NumPy's bytes (`hex`, little
 * endian) and that every byte around it still holds the sentinel.
 */
export function assertBase(b: Built, hex: string, where: string): void {
  const bytes = new Uint8Array(b.base.buffer);
  const [lo, hi] = b.range;
  const region = bytes.slice(lo, hi);
  if (!b.base.dtype.isNative) swapBytes(region, orderUnit(b.base.dtype.str));
  assert.equal(bytesToHex(region), hex, `${where}: written base`);
  for (let i = 0; i < bytes.length; i++) {
    if (i < lo || i >= hi)
      assert.equal(bytes[i], SENTINEL, `${where}: byte ${i} outside the base changed`);
  }
}
