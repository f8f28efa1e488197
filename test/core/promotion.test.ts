// NumPy 2 type promotion checked against np.result_type (fixture made by
// scripts/fixtures/dtypes.py): every ordered pair and triple of the 14 dtypes,
// random longer sequences, and weak JavaScript scalars (NEP 50).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type DTypeName,
  dtypes,
  promoteTypes,
  promoteWeak,
  resultType,
  toDType,
  type WeakKind,
} from '../../src/index.js';
import { coreFixture } from '../helpers/fixtures.js';

interface Promotion {
  pairs: Record<string, DTypeName>;
  triples: Record<string, DTypeName>;
  longer: Record<string, DTypeName>;
  weak: Record<DTypeName, Record<WeakKind, DTypeName>>;
}

const fx = coreFixture<Promotion>('promotion.json');
const parse = (key: string) => key.split(',').map((n) => toDType(n));

/** Runs `got` over a fixture table and reports every mismatch at once. */
function compare(table: Record<string, DTypeName>, got: (key: string) => string): void {
  const bad = Object.entries(table)
    .filter(([key, want]) => got(key) !== want)
    .map(([key, want]) => `${key}: ${got(key)} != ${want}`);
  assert.deepEqual(bad, [], `${bad.length} of ${Object.keys(table).length} differ`);
}

test('promoteTypes matches np.result_type for all 196 ordered pairs', () => {
  assert.equal(Object.keys(fx.pairs).length, 196);
  compare(fx.pairs, (k) => {
    const [a, b] = parse(k);
    return promoteTypes(a, b).name;
  });
  compare(fx.pairs, (k) => resultType(...parse(k)).name);
});

test('resultType matches np.result_type for all 2744 triples (not a pairwise fold)', () => {
  assert.equal(Object.keys(fx.triples).length, 14 ** 3);
  compare(fx.triples, (k) => resultType(...parse(k)).name);
  // np.result_type(int8, uint8, float16) is float16 though folding gives float32.
  assert.equal(resultType(dtypes.int8, dtypes.uint8, dtypes.float16).name, 'float16');
});

test('resultType matches np.result_type for random sequences of 4 to 7 dtypes', () => {
  assert.ok(Object.keys(fx.longer).length >= 2000);
  compare(fx.longer, (k) => resultType(...parse(k)).name);
});

test('resultType of one dtype is its native-order self; of none is an error', () => {
  assert.equal(resultType(toDType('>f4')), dtypes.float32);
  assert.throws(() => resultType(), { code: 'ERR_ARGUMENT' });
});

test('promoteTypes ignores byte order and returns native dtypes', () => {
  const got = promoteTypes(toDType('>i2'), toDType('>u1'));
  assert.equal(got, dtypes.int16);
  assert.equal(promoteTypes(toDType('>f8'), toDType('>f8')), dtypes.float64);
});

test('promoteWeak matches np.result_type(dtype, True | 1 | 1.0 | 1j)', () => {
  const table: Record<string, DTypeName> = {};
  for (const [d, row] of Object.entries(fx.weak)) {
    for (const [k, want] of Object.entries(row)) table[`${d},${k}`] = want;
  }
  assert.equal(Object.keys(table).length, 56);
  compare(table, (key) => {
    const [d, k] = key.split(',');
    return promoteWeak(toDType(d), k as WeakKind).name;
  });
});
