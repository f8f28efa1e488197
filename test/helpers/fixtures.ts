// Loading the NumPy-generated fixtures under test/fixtures/core and decoding
// their hex bit patterns (little-endian bytes), so floats compare bit for bit.
import { readFileSync } from 'node:fs';
import { fromBuffer, type NDArray, toDType } from '../../src/index.js';

/** Parses test/fixtures/core/<name>. */
export function coreFixture<T>(name: string): T {
  const url = new URL(`../fixtures/core/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as T;
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The double whose IEEE bits are the 16 hex digits `hex` (most significant first). */
export function f64FromHex(hex: string): number {
  const v = new DataView(new ArrayBuffer(8));
  v.setBigUint64(0, BigInt(`0x${hex}`));
  return v.getFloat64(0);
}

/** The 16 hex digits of a double's IEEE bits (most significant first). */
export function hexOfF64(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16).padStart(16, '0');
}

/** Reverses the bytes of each `unit`-byte group in place. */
export function swapBytes(bytes: Uint8Array, unit: number): Uint8Array {
  for (let i = 0; i < bytes.length; i += unit) bytes.subarray(i, i + unit).reverse();
  return bytes;
}

/** Component size that byte order applies to: complex types swap each half. */
function orderUnit(dtype: string): number {
  const d = toDType(dtype);
  return d.kind === 'c' ? d.itemsize / 2 : d.itemsize;
}

/**
 * A contiguous 1-D array of `dtype` ('<f8', '>c16', ...) holding the elements
 * whose little-endian bytes are `hex`; big-endian arrays get their bytes swapped.
 */
export function arrayFromHex(hex: string, dtype: string): NDArray {
  const d = toDType(dtype);
  const bytes = hexToBytes(hex);
  if (!d.isNative) swapBytes(bytes, orderUnit(dtype));
  const buffer = new SharedArrayBuffer(bytes.length);
  new Uint8Array(buffer).set(bytes);
  return fromBuffer(buffer, { dtype: d });
}

/** The little-endian bytes of a contiguous array's elements, as hex. */
export function hexOfArray(a: NDArray): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.nbytes).slice();
  if (!a.dtype.isNative) swapBytes(bytes, orderUnit(a.dtype.str));
  return bytesToHex(bytes);
}
