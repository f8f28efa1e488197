// Shared helpers of the ufunc tests: the NumPy fixtures under
// test/fixtures/ufunc, the ufuncs by NumPy name, and bitwise / ULP comparison
// of results (NaN, infinity and signed-zero classes compared exactly).
import { readFileSync } from 'node:fs';
import type { NDArray } from '../../src/index.js';
import * as nb from '../../src/index.js';
import { arrayFromHex, hexToBytes } from '../helpers/fixtures.js';

export function ufuncFixture<T>(name: string): T {
  const url = new URL(`../fixtures/ufunc/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

type AnyUfunc = ((...args: unknown[]) => NDArray) & { ufuncName: string; nin: number };

/** Every exported ufunc, by NumPy's name ('floor_divide' -> floorDivide). */
export const BY_NAME: ReadonlyMap<string, AnyUfunc> = new Map(
  Object.values(nb as Record<string, unknown>)
    .filter((v): v is AnyUfunc => typeof v === 'function' && 'ufuncName' in v)
    .map((f) => [f.ufuncName, f] as const),
);

export { arrayFromHex };

/** The little-endian bytes of any array's elements in C order (a copy). */
export function bytesOf(a: NDArray): Uint8Array {
  const c = a.copy();
  const bytes = new Uint8Array(c.buffer, c.byteOffset, c.nbytes).slice();
  if (!c.dtype.isNative) {
    const unit = c.dtype.kind === 'c' ? c.itemsize / 2 : c.itemsize;
    for (let i = 0; i < bytes.length; i += unit) bytes.subarray(i, i + unit).reverse();
  }
  return bytes;
}

/** Float components of little-endian bytes of a float/complex dtype, as numbers (float16 decoded). */
export function components(bytes: Uint8Array, dtype: string): number[] {
  const d = nb.toDType(dtype);
  const size = d.kind === 'c' ? d.itemsize / 2 : d.itemsize;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    if (size === 2) out.push(nb.fromFloat16Bits(dv.getUint16(i, true)));
    else if (size === 4) out.push(dv.getFloat32(i, true));
    else out.push(dv.getFloat64(i, true));
  }
  return out;
}

const scratch = new DataView(new ArrayBuffer(8));

/**
 * Position of x on the number line of floats of `size` bytes (monotonic, zeros
 * equal); a bigint for float64, whose positions pass 2^53.
 */
function ordinal(x: number, size: number): number | bigint {
  if (size === 2) {
    const h = nb.toFloat16Bits(x);
    return h & 0x8000 ? -(h & 0x7fff) : h;
  }
  if (size === 4) {
    scratch.setFloat32(0, x);
    const u = scratch.getUint32(0);
    return u & 0x80000000 ? -(u & 0x7fffffff) : u;
  }
  scratch.setFloat64(0, x);
  const u = scratch.getBigUint64(0);
  const mag = u & 0x7fffffffffffffffn;
  return u >> 63n ? -mag : mag;
}

/**
 * ULP distance between two floats of `size` bytes: 0 for equal values and for
 * two NaNs; Infinity when NaN-ness, infinity or the sign of a zero differ.
 */
export function ulps(a: number, b: number, size: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a === b ? 0 : Infinity;
  if (a === 0 && b === 0) return Object.is(a, b) ? 0 : Infinity;
  const x = ordinal(a, size);
  const y = ordinal(b, size);
  return Math.abs(typeof x === 'bigint' ? Number(x - (y as bigint)) : x - (y as number));
}

/** Component byte size of a float or complex dtype. */
export function componentSize(dtype: string): number {
  const d = nb.toDType(dtype);
  return d.kind === 'c' ? d.itemsize / 2 : d.itemsize;
}

/** Index of the first differing element of two byte strings of `itemsize` elements, or -1. */
export function firstDifference(a: Uint8Array, b: Uint8Array, itemsize: number): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return Math.floor(i / itemsize);
  return -1;
}

export { hexToBytes };

const MANTISSA: Readonly<Record<number, number>> = { 2: 10, 4: 23, 8: 52 };

/**
 * Error of a complex result in ULPs of its larger component (componentwise
 * ULPs mean nothing for a part that cancels to near zero); exact-class rules
 * as `ulps` for NaN, infinities and zeros.
 */
export function complexUlps(a: readonly number[], b: readonly number[], size: number): number {
  const classes = a.map((x, k) => ulps(x, b[k], size));
  if (classes.some((u) => !Number.isFinite(u)) || !b.every(Number.isFinite)) {
    return Math.max(...classes);
  }
  const big = Math.max(Math.abs(b[0]), Math.abs(b[1]));
  if (big === 0) return 0;
  const spacing = 2 ** (Math.floor(Math.log2(big)) - MANTISSA[size]);
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])) / spacing;
}
