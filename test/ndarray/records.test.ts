// The seed's unaligned case: packed records (float64, uint8) with a 9-byte
// stride read as a float64 view and a uint8 view, in both byte orders, values
// equal to what NumPy reads from the same bytes; writes touch only their field.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fromBuffer, type NDArray } from '../../src/index.js';

interface Field {
  dtype: string;
  offset: number;
  bits?: string[];
  values?: number[];
}
interface Record_ {
  hex: string;
  itemsize: number;
  fields: Record<string, Field>;
  shape: number[];
}

const records = JSON.parse(
  readFileSync(new URL('../fixtures/views/records.json', import.meta.url), 'utf8'),
) as Record_[];

function hexOf(x: number, dtype: string): string {
  const b = new DataView(new ArrayBuffer(dtype.endsWith('8') ? 8 : 4));
  if (b.byteLength === 8) b.setFloat64(0, x, true);
  else b.setFloat32(0, x, true);
  return Buffer.from(b.buffer).toString('hex');
}

/** The record image placed `shift` bytes into a buffer, as field views. */
function fieldViews(
  r: Record_,
  shift: number,
): { bytes: Uint8Array; views: Record<string, NDArray> } {
  const image = Buffer.from(r.hex, 'hex');
  const bytes = new Uint8Array(new SharedArrayBuffer(image.length + shift + 5));
  bytes.set(image, shift);
  const strides = r.shape.length === 1 ? [r.itemsize] : [r.shape[1] * r.itemsize, r.itemsize];
  const views: Record<string, NDArray> = {};
  for (const [name, f] of Object.entries(r.fields)) {
    views[name] = fromBuffer(bytes.buffer, {
      dtype: f.dtype,
      shape: r.shape,
      strides,
      byteOffset: shift + f.offset,
    });
  }
  return { bytes, views };
}

function expectField(view: NDArray, f: Field, where: string): void {
  const flat = view.copy().ravel().toArray() as number[];
  if (f.bits)
    assert.deepEqual(
      flat.map((x) => hexOf(x, f.dtype)),
      f.bits,
      where,
    );
  else assert.deepEqual(flat, f.values, where);
}

for (const r of records) {
  const name = `${Object.values(r.fields)
    .map((f) => f.dtype)
    .join(',')} records, stride ${r.itemsize}`;
  for (const shift of [0, 1, 3]) {
    test(`${name}, shifted ${shift}: field views read NumPy's values`, () => {
      const { views } = fieldViews(r, shift);
      for (const [fname, f] of Object.entries(r.fields)) {
        const v = views[fname];
        assert.equal(v.buffer.byteLength > 0, true);
        expectField(v, f, `${fname} via item()`);
        if (f.dtype !== 'u1') assert.equal(v.flags.aligned, false, `${fname} is unaligned`);
        const flipped = v.flip().copy().flip();
        expectField(flipped, f, `${fname} flipped twice`);
      }
    });
  }
  test(`${name}: writing one field leaves the other bytes untouched`, () => {
    const { bytes, views } = fieldViews(r, 1);
    const [first, ...others] = Object.keys(r.fields);
    const before = bytes.slice();
    views[first].fill(7);
    const f = r.fields[first];
    const size = views[first].itemsize;
    const written = new Set<number>();
    const n = r.shape.reduce((a, b) => a * b, 1);
    for (let k = 0; k < n; k++)
      for (let b = 0; b < size; b++) written.add(1 + k * r.itemsize + f.offset + b);
    for (let i = 0; i < bytes.length; i++) {
      if (!written.has(i)) assert.equal(bytes[i], before[i], `byte ${i} changed`);
    }
    assert.ok((views[first].ravel().toArray() as number[]).every((x) => x === 7));
    for (const o of others) expectField(views[o], r.fields[o], `${o} after writing ${first}`);
  });
}
