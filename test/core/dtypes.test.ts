// dtype spellings checked against np.dtype (fixture made by
// scripts/fixtures/dtypes.py): every name and type code, with and without a
// byte-order prefix, resolves to NumPy's type and byte order, and everything
// NumPy rejects (or that is not one of the 14 dtypes) raises ERR_UNKNOWN_DTYPE.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DTYPE_NAMES, DTypeError, dtypes, toDType } from '../../src/index.js';
import { coreFixture } from '../helpers/fixtures.js';

type Resolved = { name: string; byteorder: '=' | '<' | '>' | '|' } | 'other' | null;

const fx = coreFixture<{ spellings: Record<string, Resolved> }>('dtype-names.json');

/** NumPy says '=' for native; ndblas spells native little-endian '<'. */
const ORDER: Record<string, string> = { '=': '<', '<': '<', '>': '>', '|': '|' };

function resolve(spec: string): string {
  try {
    const d = toDType(spec);
    return `${d.name} ${d.byteorder}`;
  } catch (e) {
    assert.ok(e instanceof DTypeError, `${spec}: ${e}`);
    assert.equal(e.code, 'ERR_UNKNOWN_DTYPE');
    return 'error';
  }
}

test('every spelling resolves as np.dtype does, or raises ERR_UNKNOWN_DTYPE', () => {
  const entries = Object.entries(fx.spellings);
  assert.ok(entries.length > 400);
  const bad = entries
    .map(([spec, want]) => {
      const expected =
        want === null || want === 'other' ? 'error' : `${want.name} ${ORDER[want.byteorder]}`;
      return [spec, resolve(spec), expected];
    })
    .filter(([, got, expected]) => got !== expected)
    .map(([spec, got, expected]) => `'${spec}': ${got}, numpy ${expected}`);
  assert.deepEqual(bad, []);
});

test('the fixture covers every spelling of every dtype ndblas has', () => {
  const resolved = new Set(
    Object.values(fx.spellings).flatMap((v) => (v !== null && v !== 'other' ? [v.name] : [])),
  );
  assert.deepEqual([...resolved].sort(), [...DTYPE_NAMES].sort());
});

test('one-byte types are the same object in any byte order', () => {
  assert.equal(toDType('>u1'), dtypes.uint8);
  assert.equal(toDType('>b1'), dtypes.bool);
  assert.equal(dtypes.int8.withByteorder('>'), dtypes.int8);
  assert.equal(toDType('>f8').withByteorder('<'), dtypes.float64);
});

test('non-string dtypes raise ERR_UNKNOWN_DTYPE naming the argument', () => {
  assert.throws(() => toDType(8 as never, 'dtype'), {
    code: 'ERR_UNKNOWN_DTYPE',
    argument: 'dtype',
  });
  assert.throws(() => toDType('float_', 'out'), /argument 'out'.*'float_' not understood/);
});
