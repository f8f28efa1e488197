// float16 conversions checked bit for bit against NumPy (fixture made by
// scripts/fixtures/float16.py): all 65536 patterns widened to float64 and
// float32, and thousands of doubles and singles rounded to float16, both
// through the scalar functions and through astype.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { fromBuffer, fromFloat16Bits, roundFloat16, toFloat16Bits } from '../../src/index.js';
import { coreFixture, f64FromHex, hexOfF64 } from '../helpers/fixtures.js';

interface Float16Fixture {
  widen: { rows64: string[]; rows32: string[]; samples: Record<string, [string, string]> };
  from64: [string, string][];
  from32: [string, string][];
}

const fx = coreFixture<Float16Fixture>('float16.json');

const ALL = new Uint16Array(65536).map((_, i) => i);
const allHalves = () => fromBuffer(ALL.slice(), { dtype: 'float16' });

/** SHA-256 of each 1024-element row of a little-endian result buffer. */
function rowHashes(bytes: Uint8Array): string[] {
  const per = bytes.length / 64;
  return Array.from({ length: 64 }, (_, r) =>
    createHash('sha256')
      .update(bytes.subarray(r * per, (r + 1) * per))
      .digest('hex'),
  );
}

function badRows(got: string[], want: string[]): number[] {
  return got.flatMap((h, r) => (h === want[r] ? [] : [r]));
}

test('fromFloat16Bits widens all 65536 patterns exactly as NumPy (NaN payloads too)', () => {
  const out = new Float64Array(65536);
  for (let h = 0; h < 65536; h++) out[h] = fromFloat16Bits(h);
  assert.deepEqual(badRows(rowHashes(new Uint8Array(out.buffer)), fx.widen.rows64), []);
});

test('astype float16 -> float64 and -> float32 match NumPy for all 65536 patterns', () => {
  const h = allHalves();
  for (const [dtype, rows] of [
    ['float64', fx.widen.rows64],
    ['float32', fx.widen.rows32],
  ] as const) {
    const w = h.astype(dtype);
    const bytes = new Uint8Array(w.buffer, w.byteOffset, w.nbytes);
    assert.deepEqual(badRows(rowHashes(bytes), rows), [], dtype);
  }
});

test('sampled patterns widen to the hex NumPy gives', () => {
  const w32 = new Uint32Array(allHalves().astype('float32').buffer);
  const bad: string[] = [];
  for (const [h, [d, s]] of Object.entries(fx.widen.samples)) {
    const bits = Number.parseInt(h, 16);
    if (hexOfF64(fromFloat16Bits(bits)) !== d) bad.push(`${h} -> f8 ${d}`);
    if (w32[bits].toString(16).padStart(8, '0') !== s) bad.push(`${h} -> f4 ${s}`);
  }
  assert.ok(Object.keys(fx.widen.samples).length > 1000);
  assert.deepEqual(bad, []);
});

test('toFloat16Bits rounds doubles as NumPy: ties to even, subnormals, overflow, NaN payloads', () => {
  assert.ok(fx.from64.length > 4000);
  const bad = fx.from64
    .filter(([x, h]) => toFloat16Bits(f64FromHex(x)) !== Number.parseInt(h, 16))
    .map(([x, h]) => `${x}: got ${toFloat16Bits(f64FromHex(x)).toString(16)}, numpy ${h}`);
  assert.deepEqual(bad, []);
});

test('astype float64 -> float16 matches NumPy on the same doubles', () => {
  const src = new BigUint64Array(fx.from64.map(([x]) => BigInt(`0x${x}`)));
  const out = new Uint16Array(
    fromBuffer(src.buffer, { dtype: 'float64' }).astype('float16').buffer,
  );
  const bad = fx.from64.filter(([, h], i) => out[i] !== Number.parseInt(h, 16));
  assert.deepEqual(bad, []);
});

test('astype float32 -> float16 matches NumPy, signalling NaN payloads included', () => {
  assert.ok(fx.from32.length > 4000);
  const src = new Uint32Array(fx.from32.map(([x]) => Number.parseInt(x, 16)));
  const out = new Uint16Array(
    fromBuffer(src.buffer, { dtype: 'float32' }).astype('float16').buffer,
  );
  const bad = fx.from32
    .filter(([, h], i) => out[i] !== Number.parseInt(h, 16))
    .map(([x, h], i) => `${x}: got ${out[i].toString(16)}, numpy ${h}`);
  assert.deepEqual(bad, []);
});

test('roundFloat16 is the value of the rounded pattern', () => {
  assert.equal(roundFloat16(65519.99), 65504);
  assert.equal(roundFloat16(65520), Number.POSITIVE_INFINITY);
  assert.equal(roundFloat16(2 ** -25), 0);
  assert.equal(roundFloat16(2 ** -25 + 2 ** -60), 2 ** -24);
  assert.ok(Object.is(roundFloat16(-0), -0));
  assert.ok(Number.isNaN(roundFloat16(Number.NaN)));
});
