// Property tests (fast-check): ufunc results do not depend on operand layout.
// Random shapes broadcast together, operands given contiguous, flipped,
// strided, unaligned or byte-swapped, outputs overlapping their inputs: every
// result equals, bit for bit, the one computed on contiguous copies first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import * as nb from '../../src/index.js';
import { NDArray } from '../../src/index.js';
import { bytesOf } from './fixtures.js';

type Layout = 'contiguous' | 'flipped' | 'strided' | 'unaligned' | 'swapped';

/** `src`'s values in a view of the given layout (fresh memory). */
function relayout(src: NDArray, layout: Layout): NDArray {
  const d = src.dtype;
  if (layout === 'contiguous') return src.copy();
  if (layout === 'flipped') return src.flip().copy().flip();
  if (layout === 'swapped' && d.itemsize > 1) return src.astype(d.withByteorder('>'));
  const gap = layout === 'strided' ? 2 : 1;
  const shift = layout === 'unaligned' ? 1 : 0;
  const n = src.size;
  const buffer = new SharedArrayBuffer(n * d.itemsize * gap + shift + 8);
  const strides = [] as number[];
  let s = d.itemsize * gap;
  for (let i = src.ndim - 1; i >= 0; i--) {
    strides[i] = s;
    s *= Math.max(src.shape[i], 1);
  }
  const view = new NDArray({ buffer, byteOffset: shift, shape: src.shape, strides, dtype: d });
  return view.assign(src);
}

const layouts = fc.constantFrom<Layout>('contiguous', 'flipped', 'strided', 'unaligned', 'swapped');
const DTYPES = [
  'float64',
  'float32',
  'int32',
  'int16',
  'uint8',
  'int64',
  'complex128',
  'float16',
  'bool',
];

/** A shape and a broadcast-compatible second shape (leading axes dropped, some set to 1). */
const shapes = fc
  .array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 })
  .chain((shape) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: shape.length }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      )
      .map(([drop, ones]) => [shape, shape.slice(drop).map((d, i) => (ones[i] ? 1 : d))] as const),
  );

function values(shape: readonly number[], dtype: string, seed: number): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  const raw = Array.from(
    { length: n },
    (_, i) => ((i * 7919 + seed * 104729) % 23) - 11 + 0.25 * (i % 4),
  );
  return nb.array(raw).reshape(shape).astype(dtype);
}

/** The binary ufuncs the properties sample, by name (a table, not namespace lookups). */
const BINARY_UFUNCS: Readonly<Record<string, nb.BinaryUfunc>> = {
  add: nb.add,
  multiply: nb.multiply,
  subtract: nb.subtract,
  less: nb.less,
  maximum: nb.maximum,
  divide: nb.divide,
  power: nb.power,
  arctan2: nb.arctan2,
};
const BINARY = Object.keys(BINARY_UFUNCS);

test('results do not depend on layout, broadcasting or byte order', () => {
  fc.assert(
    fc.property(
      shapes,
      fc.constantFrom(...DTYPES),
      fc.constantFrom(...BINARY),
      layouts,
      layouts,
      fc.integer({ min: 0, max: 50 }),
      ([s1, s2], dtype, name, l1, l2, seed) => {
        const f = BINARY_UFUNCS[name];
        const a = values(s1, dtype, seed);
        const b = values(s2, dtype, seed + 1);
        let expected: NDArray;
        try {
          expected = f(a, b);
        } catch (e) {
          assert.ok(e instanceof nb.NdblasError);
          assert.throws(() => f(relayout(a, l1), relayout(b, l2)), nb.NdblasError);
          return;
        }
        const got = f(relayout(a, l1), relayout(b, l2));
        assert.equal(got.dtype.str, expected.dtype.str);
        assert.deepEqual(bytesOf(got), bytesOf(expected));
        const out = relayout(nb.zeros(expected.shape, { dtype: expected.dtype }), l1);
        f(relayout(a, l2), b, { out });
        assert.deepEqual(bytesOf(out), bytesOf(expected));
      },
    ),
    { numRuns: 300 },
  );
});

test('an output overlapping its inputs gives the copy-first result', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 40 }),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom('add', 'multiply', 'subtract', 'maximum'),
      fc.boolean(),
      (n, shift, name, flip) => {
        const f = BINARY_UFUNCS[name];
        const base = values([n + 6], 'float64', n);
        const x = base.slice(`3:${3 + n}`);
        const y = base.slice(`${3 + shift}:${3 + shift + n}`);
        const inputB = flip ? y.flip() : y;
        const expected = f(x.copy(), inputB.copy());
        const out = base.slice(`${3 - shift}:${3 - shift + n}`);
        f(x, inputB, { out });
        assert.deepEqual(bytesOf(out), bytesOf(expected));
      },
    ),
    { numRuns: 200 },
  );
});
