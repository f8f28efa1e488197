// .npz archives: NumPy's savez and savez_compressed files read member by
// member; our archives round-trip (stored or deflated, NaN payloads intact)
// and NumPy reads them back; bad archives and arguments raise typed errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import {
  ArgumentError,
  arange,
  DTypeError,
  FormatError,
  fromBuffer,
  type NDArray,
  parseNpz,
  serializeNpy,
  serializeNpz,
  zeros,
} from '../../src/index.js';
import { runPython, skipWithoutNumpy } from '../helpers/numpy.js';
import { expectEntry, expectError, fixture, hexOf, manifest } from './fixtures.js';

/** Compression method of the first member (local file header offset 8): 0 stored, 8 deflated. */
function firstMethod(zip: Uint8Array): number {
  return zip[8] | (zip[9] << 8);
}

function sample(): Record<string, NDArray> {
  const na = Buffer.from('a20700000000f07f', 'hex'); // R's NA, little-endian
  return {
    matrix: arange(12).reshape([3, 4]),
    fortran: arange(12, null, 1, { dtype: '>i4' }).reshape([3, 4]).T,
    view: arange(24).reshape([4, 6]).slice('::-2', '1::2'),
    scalar: zeros([], { dtype: 'complex64' }).fill({ re: 1, im: -2 }),
    empty: zeros([0, 3], { dtype: 'uint16' }),
    na: fromBuffer(na, { dtype: '<f8', shape: [1] }),
    long: arange(1000, null, 1, { dtype: 'float32' }).reshape([10, 100]),
  };
}

test('reads NumPy savez and savez_compressed archives', () => {
  for (const z of manifest.npz) {
    const bytes = fixture(z.file);
    assert.equal(firstMethod(bytes), z.compressed ? 8 : 0, z.file);
    const arrays = parseNpz(bytes);
    assert.deepEqual(Object.keys(arrays).sort(), Object.keys(z.members).sort(), z.file);
    for (const [name, e] of Object.entries(z.members))
      expectEntry(arrays[name], e, `${z.file}:${name}`);
  }
});

test('round-trips arrays through serializeNpz and parseNpz, stored or deflated', () => {
  const arrays = sample();
  const stored = serializeNpz(arrays);
  const deflated = serializeNpz(arrays, { compress: true });
  assert.equal(firstMethod(stored), 0);
  assert.equal(firstMethod(deflated), 8);
  assert.ok(deflated.length < stored.length);
  for (const bytes of [stored, deflated]) {
    const back = parseNpz(bytes);
    assert.deepEqual(Object.keys(back), Object.keys(arrays));
    for (const [name, a] of Object.entries(arrays)) {
      assert.equal(back[name].dtype, a.dtype, name);
      assert.deepEqual(back[name].shape, a.shape, name);
      assert.equal(hexOf(back[name]), hexOf(a), name);
      // Each member holds exactly the .npy bytes serializeNpy writes.
      assert.deepEqual(serializeNpy(back[name]), serializeNpy(a), name);
    }
  }
  assert.equal(hexOf(parseNpz(deflated).na), 'a20700000000f07f');
  assert.equal(parseNpz(stored).fortran.flags.fContiguous, true);
});

test('round-trips the fixture archives member for member', () => {
  for (const z of manifest.npz) {
    const back = parseNpz(serializeNpz(parseNpz(fixture(z.file)), { compress: z.compressed }));
    for (const [name, e] of Object.entries(z.members)) expectEntry(back[name], e, name);
  }
});

test('writes the same bytes every time (fixed member time, as NumPy)', () => {
  const a = serializeNpz(sample(), { compress: true });
  assert.deepEqual(serializeNpz(sample(), { compress: true }), a);
  assert.deepEqual(parseNpz(serializeNpz({})), {});
});

test('keeps member names that do not end in .npy, and odd keys', () => {
  const zip = zipSync({ raw: serializeNpy(arange(2)), 'constructor.npy': serializeNpy(zeros(1)) });
  const arrays = parseNpz(zip);
  assert.deepEqual(Object.keys(arrays).sort(), ['constructor', 'raw']);
  assert.deepEqual(arrays.raw.toArray(), [0, 1]);
  const odd = parseNpz(serializeNpz(Object.fromEntries([['__proto__', zeros(2)]])));
  assert.ok(Object.hasOwn(odd, '__proto__'));
});

test('bad archives raise ERR_NPY_FORMAT naming the argument and the member', () => {
  const err = (bytes: Uint8Array, detail: RegExp) =>
    expectError(() => parseNpz(bytes), FormatError, 'ERR_NPY_FORMAT', 'bytes', detail);
  err(strToU8('not a zip archive at all'), /not a readable \.npz \(zip\) archive/);
  err(new Uint8Array(0), /not a readable/);
  err(zipSync({ 'x.npy': strToU8('junk') }), /member 'x\.npy': not a \.npy file/);
  const whole = serializeNpy(arange(6));
  err(zipSync({ 'y.npy': whole.subarray(0, whole.length - 8) }), /member 'y\.npy': truncated/);
  const u5 = serializeNpy(zeros(2));
  u5.set(strToU8("'<U4'"), u5.indexOf(0x27, 20));
  expectError(
    () => parseNpz(zipSync({ 's.npy': u5 })),
    DTypeError,
    'ERR_UNKNOWN_DTYPE',
    'bytes',
    /member 's\.npy': descr '<U4' \(unicode strings\)/,
  );
});

test('every truncation of a NumPy archive raises ERR_NPY_FORMAT', () => {
  for (const z of manifest.npz) {
    const whole = fixture(z.file);
    for (let n = 0; n < whole.length; n++)
      expectError(() => parseNpz(whole.subarray(0, n)), FormatError, 'ERR_NPY_FORMAT', 'bytes');
  }
});

test('bad arguments raise ERR_ARGUMENT naming them', () => {
  expectError(() => parseNpz(7 as never), ArgumentError, 'ERR_ARGUMENT', 'bytes');
  expectError(() => serializeNpz(null as never), ArgumentError, 'ERR_ARGUMENT', 'arrays');
  expectError(() => serializeNpz(zeros(2) as never), ArgumentError, 'ERR_ARGUMENT', 'arrays');
  expectError(
    () => serializeNpz({ ok: zeros(1), bad: [1, 2] as never }),
    ArgumentError,
    'ERR_ARGUMENT',
    'arrays.bad',
  );
});

test('NumPy reads back the archives we write', { skip: skipWithoutNumpy }, () => {
  const arrays = sample();
  const script = `
import io, json, sys, numpy as np
with np.load(io.BytesIO(sys.stdin.buffer.read())) as z:
    print(json.dumps({k: {'descr': z[k].dtype.str, 'shape': list(z[k].shape),
                          'fortran': bool(z[k].flags.f_contiguous and not z[k].flags.c_contiguous),
                          'hex': z[k].tobytes(order='C').hex()} for k in z.files}))`;
  for (const compress of [false, true]) {
    const seen = JSON.parse(runPython(script, serializeNpz(arrays, { compress })));
    assert.deepEqual(Object.keys(seen), Object.keys(arrays));
    for (const [name, a] of Object.entries(arrays)) {
      const f = a.flags;
      assert.deepEqual(
        seen[name],
        {
          descr: a.dtype.str,
          shape: a.shape,
          fortran: f.fContiguous && !f.cContiguous,
          hex: hexOf(a),
        },
        `${name} (compress: ${compress})`,
      );
    }
  }
});
