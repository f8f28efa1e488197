// .npy reading and writing against files from real NumPy: every fixture reads
// with the right dtype, shape, order, bits and values; serializeNpy writes
// NumPy's exact bytes; everything round-trips (views, byte orders, versions,
// NaN payloads); and NumPy itself reads back what we write.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  arange,
  DTYPE_NAMES,
  type DType,
  dtypes,
  fromBuffer,
  type NDArray,
  type NpyVersion,
  parseNpy,
  serializeNpy,
  zeros,
} from '../../src/index.js';
import { runPython, skipWithoutNumpy } from '../helpers/numpy.js';
import { expectEntry, fixture, hexOf, manifest, rawBytes } from './fixtures.js';

/** Where the data starts: after magic, version, length field and header. */
function dataStart(bytes: Uint8Array): number {
  const lengthBytes = bytes[6] === 1 ? 2 : 4;
  let n = 0;
  for (let i = 0; i < lengthBytes; i++) n += bytes[8 + i] * 2 ** (8 * i);
  return 8 + lengthBytes + n;
}

function headerOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, dataStart(bytes))).toString('latin1');
}

/** fortran_order as NumPy decides it when writing. */
function isFortran(a: NDArray): boolean {
  return a.flags.fContiguous && !a.flags.cContiguous;
}

/** Serializes, checks the header's layout, parses, and checks bits and metadata survive. */
function roundTrip(a: NDArray, where: string, version?: NpyVersion): NDArray {
  const bytes = serializeNpy(a, version === undefined ? {} : { version });
  const start = dataStart(bytes);
  assert.equal(start % 64, 0, `${where}: data starts at a multiple of 64`);
  assert.equal(bytes.length, start + a.nbytes, `${where}: file size`);
  assert.equal(bytes[start - 1], 0x0a, `${where}: header ends in a newline`);
  assert.match(headerOf(bytes), new RegExp(`'fortran_order': ${isFortran(a) ? 'True' : 'False'}`));
  const b = parseNpy(bytes);
  assert.equal(b.dtype, a.dtype, `${where}: dtype`);
  assert.deepEqual(b.shape, a.shape, `${where}: shape`);
  assert.equal(hexOf(b), hexOf(a), `${where}: bits`);
  assert.ok(b.flags.aligned && b.flags.writeable && b.flags.ownData, `${where}: fresh memory`);
  assert.equal(isFortran(b), isFortran(a), `${where}: order`);
  return b;
}

test('reads every fixture NumPy wrote: dtype, shape, order, bits and values', () => {
  for (const e of manifest.npy) expectEntry(parseNpy(fixture(e.file)), e, e.file);
});

test("serializeNpy writes NumPy's own bytes", () => {
  for (const e of manifest.npy) {
    // Built from the raw bits, independent of parseNpy.
    const c = fromBuffer(Buffer.from(e.hex, 'hex'), { dtype: e.descr, shape: e.shape });
    const a = e.fortran_order ? c.copy('F') : c;
    const options = e.version === '1.0' ? {} : { version: e.version };
    assert.deepEqual(Buffer.from(serializeNpy(a, options)), fixture(e.file), e.file);
  }
  const views: Record<string, NDArray> = {
    'arange-2x3.npy': arange(6).reshape([2, 3]),
    'float64-view.npy': arange(24).reshape([4, 6]).slice('::2', '::-3'),
    'float32-transposed.npy': arange(12, null, 1, { dtype: 'float32' }).reshape([3, 4]).T,
  };
  for (const [file, a] of Object.entries(views))
    assert.deepEqual(Buffer.from(serializeNpy(a)), fixture(file), file);
});

test('the header is the one NumPy writes', () => {
  const bytes = serializeNpy(zeros([2, 3]));
  const header = headerOf(bytes);
  assert.equal(header.slice(0, 10), '\x93NUMPY\x01\x00v\x00');
  assert.equal(
    header.slice(10).trimEnd(),
    "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
  );
  assert.match(header, / {20}\n$/);
  assert.match(headerOf(serializeNpy(zeros([]))), /'shape': \(\), \}/);
  assert.match(headerOf(serializeNpy(zeros([7]))), /'shape': \(7,\), \}/);
});

test('round-trips every fixture through serialize and parse', () => {
  for (const e of manifest.npy) {
    const a = parseNpy(fixture(e.file));
    const b = roundTrip(a, e.file, e.version);
    expectEntry(b, e, e.file);
    assert.equal(serializeNpy(a, { version: e.version })[6], Number(e.version[0]), e.file);
  }
});

/** Views whose layouts exercise every way of writing the data. */
const VIEWS: Readonly<Record<string, (a: NDArray) => NDArray>> = {
  contiguous: (a) => a,
  reversed: (a) => a.slice('::-1', '::-2'),
  transposed: (a) => a.T,
  'F-contiguous slice': (a) => a.T.slice(':', '1:3'),
  column: (a) => a.slice(':', 1),
  broadcast: (a) => a.slice(0).broadcastTo([3, 6]),
  '0-d': (a) => a.slice(1, 2),
  empty: (a) => a.slice('2:2'),
  '4-d': (a) => a.reshape([2, 2, 3, 2]).transpose([2, 0, 3, 1]),
};

function sample(d: DType): NDArray {
  return arange(24)
    .reshape([4, 6])
    .astype(d.kind === 'b' ? 'bool' : d.name)
    .astype(d);
}

test('round-trips views of every dtype in both byte orders', () => {
  for (const name of DTYPE_NAMES) {
    for (const order of ['<', '>'] as const) {
      const d = dtypes[name].withByteorder(order);
      for (const [view, make] of Object.entries(VIEWS))
        roundTrip(make(sample(d)), `${d.str} ${view}`);
    }
  }
});

test('writes unaligned arrays and reads them back aligned', () => {
  const a = fromBuffer(new SharedArrayBuffer(8 * 6 + 3), {
    dtype: '>f8',
    shape: [2, 3],
    byteOffset: 3,
  });
  a.assign(arange(6).reshape([2, 3]));
  assert.equal(a.flags.aligned, false);
  const b = roundTrip(a, 'unaligned');
  assert.deepEqual(b.toArray(), [
    [0, 1, 2],
    [3, 4, 5],
  ]);
});

test("NaN payloads (R's NA) survive reading and writing bit for bit", () => {
  const NA = Buffer.from('7ff00000000007a2', 'hex');
  const cases = [
    ['>f8', NA],
    ['<f8', Buffer.from(NA).reverse()],
  ] as const;
  for (const [descr, bits] of cases) {
    const a = fromBuffer(bits, { dtype: descr, shape: [1] });
    const bytes = serializeNpy(a);
    assert.deepEqual(Buffer.from(bytes.subarray(dataStart(bytes))), bits, descr);
    const b = parseNpy(bytes);
    assert.deepEqual(rawBytes(b), bits, descr);
    assert.ok(Number.isNaN(b.item(0)), descr);
  }
  // The 0-d fixture is NumPy's own file holding R's NA.
  assert.equal(hexOf(parseNpy(fixture('float64-0d.npy'))), 'a20700000000f07f');
});

test('chooses the lowest version that fits, as NumPy does', () => {
  assert.equal(serializeNpy(zeros([2]))[6], 1);
  // 22000 axes make a header longer than version 1.0's 16-bit length field.
  const tall = zeros(new Array(22000).fill(1));
  const bytes = serializeNpy(tall);
  assert.equal(bytes[6], 2);
  assert.equal(dataStart(bytes) % 64, 0);
  assert.deepEqual(parseNpy(bytes).shape, tall.shape);
  for (const v of ['1.0', '2.0', '3.0'] as const) {
    const b = serializeNpy(zeros([3, 1]), { version: v });
    assert.deepEqual([b[6], b[7]], [Number(v[0]), 0]);
    roundTrip(arange(6).reshape([3, 2]).T, `version ${v}`, v);
  }
});

test('accepts Uint8Array (at any offset), Buffer, ArrayBuffer and SharedArrayBuffer', () => {
  const bytes = serializeNpy(arange(4));
  const shifted = new Uint8Array(bytes.length + 5);
  shifted.set(bytes, 5);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  const inputs = [bytes, shifted.subarray(5), Buffer.from(bytes), bytes.buffer, shared];
  for (const input of inputs) assert.deepEqual(parseNpy(input).toArray(), [0, 1, 2, 3]);
});

test('reads Python 2 long integers in version 1.0 and 2.0 headers, ignores trailing bytes', () => {
  const text = "{'descr': '<i2', 'fortran_order': False, 'shape': (2L, 1L), }";
  const header = Buffer.from(`${text.padEnd(117, ' ')}\n`, 'latin1');
  const bytes = Buffer.concat([
    Buffer.from('\x93NUMPY\x01\x00v\x00', 'latin1'),
    header,
    Buffer.from([7, 0, 9, 0, 0xff]),
  ]);
  assert.deepEqual(parseNpy(bytes).toArray(), [[7], [9]]);
});

test('NumPy reads back what we write', { skip: skipWithoutNumpy }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'ndblas-npy-'));
  try {
    const cases: { a: NDArray; version?: NpyVersion }[] = manifest.npy.map((e) => ({
      a: parseNpy(fixture(e.file)),
      version: e.version,
    }));
    for (const name of DTYPE_NAMES)
      for (const make of Object.values(VIEWS))
        cases.push({ a: make(sample(dtypes[name].withByteorder('>'))) });
    const paths = cases.map(({ a, version }, i) => {
      const p = join(dir, `${i}.npy`);
      writeFileSync(p, serializeNpy(a, version === undefined ? {} : { version }));
      return p;
    });
    const script = `
import json, sys, numpy as np
out = []
for p in json.load(sys.stdin):
    a = np.load(p)
    with open(p, 'rb') as f:
        version = '%d.%d' % np.lib.format.read_magic(f)
    out.append({'descr': a.dtype.str, 'shape': list(a.shape), 'version': version,
                'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous),
                'hex': a.tobytes(order='C').hex()})
print(json.dumps(out))`;
    const seen = JSON.parse(runPython(script, JSON.stringify(paths)));
    cases.forEach(({ a, version }, i) => {
      assert.deepEqual(
        seen[i],
        {
          descr: a.dtype.str,
          shape: a.shape,
          version: version ?? '1.0',
          fortran: isFortran(a),
          hex: hexOf(a),
        },
        paths[i],
      );
    });
  } finally {
    rmSync(dir, { recursive: true });
  }
});
