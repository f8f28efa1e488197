// astype between every pair of the 14 dtypes checked bit for bit against NumPy
// (fixture made by scripts/fixtures/astype.py), in all four byte-order
// combinations and for contiguous, reversed and unaligned sources; and NaN
// payloads surviving copies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type DType,
  type DTypeName,
  fromBuffer,
  type NDArray,
  toDType,
  zeros,
} from '../../src/index.js';
import { arrayFromHex, coreFixture, hexOfArray, hexToBytes } from '../helpers/fixtures.js';

interface Pair {
  src: DTypeName;
  dst: DTypeName;
  idx: number[];
  out: string;
}
interface AstypeFixture {
  sources: Record<DTypeName, string>;
  pairs: Pair[];
  payloads: { dtype: DTypeName; hex: string }[];
}

const fx = coreFixture<AstypeFixture>('astype.json');

const orders = (name: DTypeName): DType[] => {
  const d = toDType(name);
  return d.itemsize === 1 ? [d] : [d, d.withByteorder('>')];
};

/** The hex of the elements `idx` of a source, in that order. */
function pick(hex: string, itemsize: number, idx: readonly number[]): string {
  const w = 2 * itemsize;
  return idx.map((i) => hex.slice(i * w, (i + 1) * w)).join('');
}

/** The first element where two hex results differ, for a readable failure. */
function diff(got: string, want: string, d: DType): string {
  const w = 2 * d.itemsize;
  for (let i = 0; i < want.length; i += w) {
    if (got.slice(i, i + w) !== want.slice(i, i + w))
      return `element ${i / w}: ${got.slice(i, i + w)} != numpy ${want.slice(i, i + w)}`;
  }
  return `length ${got.length / w} != ${want.length / w}`;
}

/** The same elements as a contiguous, a negative-stride and an unaligned array. */
function layouts(hex: string, d: DType): [string, NDArray][] {
  const w = 2 * d.itemsize;
  const n = hex.length / w;
  const items = Array.from({ length: n }, (_, i) => hex.slice(i * w, (i + 1) * w));
  const contiguous = arrayFromHex(hex, d.str);
  const reversed = arrayFromHex(items.reverse().join(''), d.str).slice('::-1');
  const bytes = new Uint8Array(contiguous.buffer);
  const buffer = new SharedArrayBuffer(bytes.length + 1);
  new Uint8Array(buffer).set(bytes, 1);
  const unaligned = fromBuffer(buffer, { dtype: d, byteOffset: 1, shape: [n] });
  return [
    ['contiguous', contiguous],
    ['reversed', reversed],
    ['unaligned', unaligned],
  ];
}

for (const src of Object.keys(fx.sources) as DTypeName[]) {
  test(`astype from ${src} to every dtype matches NumPy bit for bit`, () => {
    const pairs = fx.pairs.filter((p) => p.src === src);
    assert.equal(pairs.length, 14);
    const bad: string[] = [];
    let checked = 0;
    for (const p of pairs) {
      const hex = pick(fx.sources[src], toDType(src).itemsize, p.idx);
      for (const so of orders(src)) {
        for (const [layout, a] of layouts(hex, so)) {
          for (const to of orders(p.dst)) {
            const got = hexOfArray(a.astype(to));
            checked += p.idx.length;
            if (got !== p.out)
              bad.push(`${so.str} -> ${to.str} ${layout}: ${diff(got, p.out, to)}`);
          }
        }
      }
    }
    assert.ok(checked > 0);
    assert.deepEqual(bad, []);
  });
}

test('integer narrowing wraps and anything -> bool is a nonzero test', () => {
  const big = fromBuffer(new BigInt64Array([300n, -1n, 2n ** 60n + 3n]), { dtype: 'int64' });
  assert.deepEqual(big.astype('int8').toArray(), [44, -1, 3]);
  assert.deepEqual(big.astype('uint8').toArray(), [44, 255, 3]);
  const f = fromBuffer(new Float64Array([Number.NaN, -0, 0.5, Number.NEGATIVE_INFINITY]));
  assert.deepEqual(f.astype('bool').toArray(), [true, false, true, true]);
  assert.deepEqual(f.astype('complex64').astype('bool').toArray(), [true, false, true, true]);
});

test('64-bit integers round once to float32 (through float64 they would round twice)', () => {
  // 2^53 + 2^29 + 1 is just above a float32 midpoint; float64 rounds it onto the midpoint.
  const v = 2n ** 53n + 2n ** 29n + 1n;
  const a = fromBuffer(new BigInt64Array([v, -v]), { dtype: 'int64' });
  assert.deepEqual(a.astype('float32').toArray(), [2 ** 53 + 2 ** 30, -(2 ** 53 + 2 ** 30)]);
  const u = fromBuffer(new BigUint64Array([v]), { dtype: 'uint64' });
  assert.equal((u.astype('complex64').item(0) as { re: number }).re, 2 ** 53 + 2 ** 30);
});

for (const { dtype, hex } of fx.payloads) {
  test(`${dtype} NaN payloads survive copy(), copy('F') and byte-order round trips`, () => {
    const a = arrayFromHex(hex, dtype);
    assert.equal(hexOfArray(a.copy()), hex);
    assert.equal(hexOfArray(a.reshape([-1, 1]).copy('F').ravel()), hex);
    assert.equal(hexOfArray(a.slice('::-1').copy().slice('::-1').copy()), hex);
    assert.equal(hexOfArray(a.astype(toDType(dtype).withByteorder('>')).astype(dtype)), hex);
    const z = zeros([a.size], { dtype });
    z.assign(a);
    assert.deepEqual(new Uint8Array(z.buffer), hexToBytes(hex));
  });
}
