// Casting rules checked against np.can_cast (fixture made by
// scripts/fixtures/dtypes.py): every pair of the 14 dtypes in both byte orders
// under 'no', 'equiv', 'safe', 'same_kind' and 'unsafe', and astype honouring them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Casting, canCast, toDType, zeros } from '../../src/index.js';
import { coreFixture } from '../helpers/fixtures.js';

interface CastingFixture {
  dtypes: string[];
  rules: Record<Casting, Record<string, boolean>>;
}

const fx = coreFixture<CastingFixture>('casting.json');

for (const [casting, table] of Object.entries(fx.rules) as [Casting, Record<string, boolean>][]) {
  test(`canCast(from, to, '${casting}') matches np.can_cast for 28 x 28 dtypes`, () => {
    assert.equal(Object.keys(table).length, 28 * 28);
    const bad = Object.entries(table)
      .filter(([key, want]) => {
        const [a, b] = key.split(',').map((s) => toDType(s));
        return canCast(a, b, casting) !== want;
      })
      .map(([key, want]) => `${key}: expected ${want}`);
    assert.deepEqual(bad, []);
  });
}

test("'no' tells byte orders apart where 'equiv' does not", () => {
  assert.equal(canCast(toDType('<f8'), toDType('>f8'), 'no'), false);
  assert.equal(canCast(toDType('<f8'), toDType('>f8'), 'equiv'), true);
  assert.equal(canCast(toDType('>u1'), toDType('u1'), 'no'), true);
});

test('astype refuses a cast the rule forbids and leaves no result', () => {
  const a = zeros([3], { dtype: 'float64' });
  assert.throws(() => a.astype('float32', { casting: 'safe' }), { code: 'ERR_CASTING' });
  assert.throws(() => a.astype('>f8', { casting: 'no' }), { code: 'ERR_CASTING' });
  assert.equal(a.astype('>f8', { casting: 'equiv' }).dtype.str, '>f8');
  assert.equal(a.astype('int64', { casting: 'unsafe' }).dtype.name, 'int64');
});
