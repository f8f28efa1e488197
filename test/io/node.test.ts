// The Node entry `ndblas/node`: load() tells .npy from .npz by content and
// reads NumPy's files; save()/savez() write files (adding the extension as
// NumPy does) that load() and NumPy read back; bad files name 'path'.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { arange, DTypeError, FormatError, NDArray, serializeNpy, zeros } from '../../src/index.js';
import { load, save, savez } from '../../src/node.js';
import { runPython, skipWithoutNumpy } from '../helpers/numpy.js';
import { expectEntry, expectError, hexOf, manifest } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'ndblas-node-'));
after(() => rmSync(dir, { recursive: true }));

const FIXTURES = new URL('../fixtures/npy/', import.meta.url);

test('load reads NumPy .npy files and .npz archives', () => {
  for (const e of manifest.npy) {
    const a = load(new URL(e.file, FIXTURES).pathname);
    assert.ok(a instanceof NDArray);
    expectEntry(a, e, e.file);
  }
  for (const z of manifest.npz) {
    const arrays = load(new URL(z.file, FIXTURES).pathname);
    assert.ok(!(arrays instanceof NDArray));
    for (const [name, e] of Object.entries(z.members)) expectEntry(arrays[name], e, name);
  }
});

test('load decides by content, not by extension, as np.load', () => {
  const p = join(dir, 'archive.npy');
  copyFileSync(new URL('arrays.npz', FIXTURES), p);
  assert.deepEqual(Object.keys(load(p)).sort(), ['a', 'b', 'c', 'd', 'e', 'f']);
});

test('save and savez write what load reads, adding the extension when missing', () => {
  const a = arange(12).reshape([3, 4]).T;
  assert.equal(save(join(dir, 'a'), a), join(dir, 'a.npy'));
  assert.equal(save(join(dir, 'b.npy'), a, { version: '2.0' }), join(dir, 'b.npy'));
  assert.deepEqual(readFileSync(join(dir, 'a.npy')), Buffer.from(serializeNpy(a)));
  assert.equal(readFileSync(join(dir, 'b.npy'))[6], 2);
  const back = load(join(dir, 'a.npy')) as NDArray;
  assert.equal(hexOf(back), hexOf(a));
  assert.equal(back.flags.fContiguous, true);
  const arrays = { x: a, y: zeros([], { dtype: 'bool' }) };
  const z = savez(join(dir, 'z'), arrays, { compress: true });
  assert.equal(z, join(dir, 'z.npz'));
  const loaded = load(z) as Record<string, NDArray>;
  assert.equal(hexOf(loaded.x), hexOf(a));
  assert.equal(loaded.y.item(), false);
  assert.equal(savez(join(dir, 'u.npz'), arrays), join(dir, 'u.npz'));
});

test('bad files raise typed errors naming path', () => {
  const junk = join(dir, 'junk.npy');
  writeFileSync(junk, 'hello');
  expectError(() => load(junk), FormatError, 'ERR_NPY_FORMAT', 'path', /junk\.npy: neither/);
  const cut = join(dir, 'cut.npy');
  writeFileSync(cut, serializeNpy(arange(4)).subarray(0, 140));
  expectError(() => load(cut), FormatError, 'ERR_NPY_FORMAT', 'path', /cut\.npy: truncated/);
  const str = join(dir, 'str.npy');
  const bytes = serializeNpy(zeros(2));
  bytes.set(Buffer.from("'|O8'"), bytes.indexOf(0x27, 20));
  writeFileSync(str, bytes);
  expectError(() => load(str), DTypeError, 'ERR_UNKNOWN_DTYPE', 'path', /str\.npy: descr '\|O8'/);
  const zip = join(dir, 'bad.npz');
  writeFileSync(zip, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(40)]));
  expectError(() => load(zip), FormatError, 'ERR_NPY_FORMAT', 'path', /bad\.npz: not a readable/);
  assert.throws(() => load(join(dir, 'missing.npy')), { code: 'ENOENT' });
});

test('NumPy loads the files save and savez write', { skip: skipWithoutNumpy }, () => {
  const a = arange(6, null, 1, { dtype: '>c16' }).reshape([2, 3]).slice(':', '::-1');
  const p = save(join(dir, 'np'), a);
  const z = savez(join(dir, 'np'), { first: a, second: a.T });
  const out = runPython(
    `import numpy as np
a = np.load(${JSON.stringify(p)})
z = np.load(${JSON.stringify(z)})
print(a.dtype.str, a.tolist() == z['first'].tolist() == z['second'].T.tolist(), a.tobytes().hex())`,
  ).trim();
  assert.equal(out, `>c16 True ${hexOf(a)}`);
});
