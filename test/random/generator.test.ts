// Generator behaviour: committed first values (a regression fixture; the
// uniform and integer ones were cross-checked against a C transcription of
// xoshiro128** + SplitMix64), determinism, scalars vs arrays, shapes, dtypes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NDArray, random } from '../../src/index.js';

const { defaultRng } = random;

test('known first values for seed 12345', () => {
  const rng = defaultRng(12345);
  assert.deepEqual(
    rng.random(5).toArray(),
    [
      0.5388907759017175, 0.4785549487264461, 0.2951833465497242, 0.33604982348237245,
      0.6678127688892335,
    ],
  );
  assert.deepEqual(
    rng.random(5, { dtype: 'float32' }).toArray(),
    [
      0.650080144405365, 0.3465080261230469, 0.7097710967063904, 0.521087110042572,
      0.4305471181869507,
    ],
  );
  assert.deepEqual(rng.integers(0, 10, 8).toArray(), [3n, 8n, 0n, 0n, 7n, 0n, 7n, 8n]);
  assert.deepEqual(
    rng.standardNormal(6).toArray(),
    [
      -0.8281361700097074, -0.23340910223249287, -0.300008773633386, -1.3203266051830411,
      0.4376677919281973, -0.058846043900631806,
    ],
  );
  assert.deepEqual(
    rng.standardNormal(4, { dtype: 'float32' }).toArray(),
    [0.2014780193567276, 2.2623403072357178, -0.2118227332830429, 1.3507262468338013],
  );
});

/** One of every kind of call, as a flat list of values. */
function session(rng: random.Generator): unknown[] {
  return [
    rng.random(),
    ...(rng.random([2, 2]).toArray() as number[][]).flat(),
    rng.standardNormal(),
    rng.integers(-5, 5),
    rng.integers(2n ** 40n, undefined, 3, { dtype: 'uint64' }).toArray(),
    rng.uniform(-1, 1, 2).toArray(),
    rng.normal(3, 0.5),
    rng.standardNormal(3, { dtype: 'float32' }).toArray(),
  ];
}

test('the same seed gives the same stream, different seeds differ', () => {
  assert.deepEqual(session(defaultRng(7)), session(defaultRng(7)));
  assert.deepEqual(session(defaultRng(7n)), session(defaultRng(7)));
  assert.notDeepEqual(session(defaultRng(7)), session(defaultRng(8)));
  const firsts = new Set(Array.from({ length: 200 }, (_, s) => defaultRng(s).random()));
  assert.equal(firsts.size, 200);
});

test('unseeded generators draw their seed from crypto', () => {
  assert.notDeepEqual(defaultRng().random(4).toArray(), defaultRng().random(4).toArray());
  assert.notDeepEqual(defaultRng(null).random(4).toArray(), defaultRng(null).random(4).toArray());
  const rng = defaultRng(1);
  assert.equal(defaultRng(rng), rng);
});

test('scalars are the first element of the array the same call would give', () => {
  const calls: [string, (r: random.Generator, size?: number) => unknown][] = [
    ['random', (r, s) => r.random(s)],
    ['random f32', (r, s) => r.random(s, { dtype: 'float32' })],
    ['standardNormal', (r, s) => r.standardNormal(s)],
    ['standardNormal f32', (r, s) => r.standardNormal(s, { dtype: 'f4' })],
    ['uniform', (r, s) => r.uniform(2, 3, s)],
    ['normal', (r, s) => r.normal(-1, 4, s)],
    ['integers', (r, s) => r.integers(-3, 1000, s)],
    ['integers int16', (r, s) => r.integers(-3, 1000, s, { dtype: 'int16' })],
    ['integers wide', (r, s) => r.integers(0n, 2n ** 50n, s, { dtype: 'uint64' })],
  ];
  for (const [name, call] of calls) {
    for (let seed = 0; seed < 20; seed++) {
      const scalar = call(defaultRng(seed));
      const arr = call(defaultRng(seed), 1) as NDArray;
      assert.ok(!(scalar instanceof NDArray), name);
      assert.equal(scalar, arr.item(0), `${name}, seed ${seed}`);
    }
  }
});

test('draws in pieces continue the stream exactly', () => {
  const pieces = defaultRng(3);
  const whole = defaultRng(3);
  const parts = [...(pieces.standardNormal(7).toArray() as number[]), pieces.standardNormal()];
  assert.deepEqual(parts, whole.standardNormal(8).toArray());
  const ints = [...(pieces.integers(0, 7, 5).toArray() as bigint[]), pieces.integers(0, 7)];
  assert.deepEqual(ints, whole.integers(0, 7, 6).toArray());
});

test('uniform and normal are affine maps of random and standardNormal', () => {
  const a = defaultRng(11).uniform(-2, 6, 50).toArray() as number[];
  const u = defaultRng(11).random(50).toArray() as number[];
  assert.deepEqual(
    a,
    u.map((x) => -2 + 8 * x),
  );
  const n = defaultRng(11).normal(5, 0.25, 50).toArray() as number[];
  const z = defaultRng(11).standardNormal(50).toArray() as number[];
  assert.deepEqual(
    n,
    z.map((x) => 5 + 0.25 * x),
  );
  const rng = defaultRng(12);
  assert.equal(typeof rng.uniform(), 'number');
  assert.equal(rng.normal(1, 0), 1);
});

test('shapes and dtypes of returned arrays', () => {
  const rng = defaultRng(5);
  const cases: [NDArray, number[], string][] = [
    [rng.random([2, 3]), [2, 3], 'float64'],
    [rng.random(4, { dtype: 'float32' }), [4], 'float32'],
    [rng.random([]), [], 'float64'],
    [rng.random(0), [0], 'float64'],
    [rng.standardNormal([3, 0, 2]), [3, 0, 2], 'float64'],
    [rng.standardNormal([2, 2], { dtype: 'single' }), [2, 2], 'float32'],
    [rng.integers(10, null, [2, 5]), [2, 5], 'int64'],
    [rng.integers(0, 10, 3, { dtype: 'uint8' }), [3], 'uint8'],
    [rng.integers(0, 10, [1, 1, 1], { dtype: 'i2' }), [1, 1, 1], 'int16'],
    [rng.uniform(0, 1, [4, 1]), [4, 1], 'float64'],
    [rng.normal(0, 1, 6), [6], 'float64'],
  ];
  for (const [arr, shape, dtype] of cases) {
    assert.deepEqual(arr.shape, shape);
    assert.equal(arr.dtype.name, dtype);
    assert.ok(arr.flags.cContiguous && arr.flags.writeable && arr.flags.ownData);
  }
  assert.equal(typeof rng.integers(10), 'bigint');
  assert.equal(typeof rng.integers(10, null, null, { dtype: 'int32' }), 'number');
  assert.equal(typeof rng.integers(2n ** 60n, null, null, { dtype: 'uint64' }), 'bigint');
  const f = rng.random(undefined, { dtype: 'float32' });
  assert.equal(f, Math.fround(f));
  const g = rng.standardNormal(null, { dtype: 'float32' });
  assert.equal(g, Math.fround(g));
});

test('a Generator can be built over any BitGenerator', () => {
  const counter = { n: 0, nextUint32: () => counter.n++ * 0x10000, nextDouble: () => 0.25 };
  const rng = new random.Generator(counter);
  assert.equal(rng.random(), 0.25);
  assert.equal(rng.integers(0, 2 ** 16, null, { dtype: 'uint32' }), 0);
  assert.equal(rng.integers(0, 2 ** 16, null, { dtype: 'uint32' }), 1);
});
