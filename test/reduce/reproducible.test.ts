// Reproducible (binned) sums: the same 10^5 numbers in shuffled orders, in
// different layouts and chunkings (BinnedSum merges) give the same bits, and
// the result is within an ulp of the exact sum, computed here as a BigInt in
// units of 2^-1074 (independent of the code under test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nb from '../../src/index.js';

const view = new DataView(new ArrayBuffer(8));

/** x exactly, as an integer count of 2^-1074 (x finite). */
function exact(x: number): bigint {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const field = (hi >>> 20) & 0x7ff;
  const mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  const m = field === 0 ? mantissa : mantissa | (1n << 52n);
  const v = m << BigInt(Math.max(field, 1) - 1);
  return hi >>> 31 ? -v : v;
}

/** |r - exact| in units in the last place of r. */
function ulpsFromExact(r: number, sum: bigint): number {
  const d = exact(r) - sum;
  const e = r === 0 ? -1074 : Math.max(Math.floor(Math.log2(Math.abs(r))) - 52, -1074);
  return Number(((d < 0n ? -d : d) * 1000n) >> BigInt(e + 1074)) / 1000;
}

/** A seeded shuffle (Fisher-Yates on a xorshift stream). */
function shuffled(values: Float64Array, seed: number): Float64Array {
  const out = values.slice();
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const j = (s >>> 0) % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** 10^5 values of both signs over 20 decades, with cancellation. */
function values(n: number): Float64Array {
  const rng = nb.random.defaultRng(7);
  const g = rng.standardNormal([n]).toArray() as number[];
  const u = rng.random([n]).toArray() as number[];
  return Float64Array.from(g, (x, i) => x * 10 ** Math.floor(u[i] * 20 - 10));
}

const bits = (x: number) => {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
};

test('10^5 numbers: every order, layout and chunking gives the same bits, within 1 ulp of exact', (t) => {
  const v = values(100_000);
  const sum = v.reduce((s, x) => s + exact(x), 0n);
  const repro = (a: nb.NDArray) => nb.sum(a, { reproducible: true }).item() as number;
  const reference = repro(nb.array(v));
  const orders = [1, 2, 3, 4].map((seed) => shuffled(v, seed));
  for (const o of orders) assert.equal(bits(repro(nb.array(o))), bits(reference), 'shuffled');
  // Layouts: reversed, 2-D in C and transposed order, every other element of a padded buffer.
  assert.equal(bits(repro(nb.array(v).flip())), bits(reference), 'reversed');
  const grid = nb.array(orders[0]).reshape([400, 250]);
  assert.equal(bits(repro(grid)), bits(reference), '2-D');
  assert.equal(bits(repro(grid.T)), bits(reference), 'transposed');
  const padded = nb.zeros([2 * v.length]);
  padded.slice('::2').assign(nb.array(orders[1]));
  assert.equal(bits(repro(padded.slice('::2'))), bits(reference), 'strided');
  // Chunkings: partial accumulators over random chunk sizes, merged in another order.
  for (const [seed, chunk] of [
    [5, 1],
    [6, 777],
    [7, 4096],
    [8, 33_333],
  ]) {
    const o = orders[seed % orders.length];
    const parts: nb.BinnedSum[] = [];
    for (let i = 0; i < o.length; i += chunk) {
      const p = new nb.BinnedSum();
      p.add(chunk === 1 ? o[i] : o.subarray(i, i + chunk));
      parts.push(p);
    }
    const total = new nb.BinnedSum();
    for (const p of shuffled(Float64Array.from(parts.keys()), seed)) total.merge(parts[p]);
    assert.equal(bits(total.value()), bits(reference), `chunks of ${chunk}`);
  }
  const err = ulpsFromExact(reference, sum);
  assert.ok(err <= 1, `${err} ulp from the exact sum`);
  // The plain pairwise sum does depend on the order: the test above could fail.
  const plain = new Set(orders.map((o) => bits(nb.sum(nb.array(o)).item() as number)));
  assert.ok(plain.size > 1, 'pairwise sums of shuffles all agree');
  t.diagnostic(
    `reproducible sum ${err.toFixed(3)} ulp from exact; ${plain.size} distinct pairwise sums over 4 orders`,
  );
});

test('correctly rounded where the plain sum is not: overflow in between, subnormals, cancellation', () => {
  const big = [1.7e308, 1.7e308, -1.7e308];
  for (const o of [big, big.slice().reverse()]) {
    assert.equal(nb.sum(nb.array(o), { reproducible: true }).item(), 1.7e308);
  }
  assert.equal(nb.sum(nb.array(big)).item(), Number.POSITIVE_INFINITY);
  const tiny = [5e-324, 5e-324, 2 ** -1060, -(2 ** -1070)];
  const exactTiny = tiny.reduce((s, x) => s + exact(x), 0n);
  assert.equal(exact(nb.sum(nb.array(tiny), { reproducible: true }).item() as number), exactTiny);
  const cancel = [1, 2 ** -60, -1, 2 ** -61];
  assert.equal(nb.sum(nb.array(cancel), { reproducible: true }).item(), 2 ** -60 + 2 ** -61);
  assert.equal(new nb.BinnedSum().value(), 0);
  // States on both sides of the scaled top indices merge to the same bits.
  const wide = [1e308, 3, -1e308, 2 ** -30, 1e300, -7e307];
  const acc = (v: number[]) => new nb.BinnedSum().add(Float64Array.from(v));
  const whole = acc(wide).value();
  assert.equal(
    bits(
      acc(wide.slice(2))
        .merge(acc(wide.slice(0, 2)))
        .value(),
    ),
    bits(whole),
  );
  assert.equal(
    bits(
      acc([wide[1], wide[3]])
        .merge(acc([wide[0], wide[2], wide[4], wide[5]]))
        .value(),
    ),
    bits(whole),
  );
  assert.ok(
    ulpsFromExact(
      whole,
      wide.reduce((t, x) => t + exact(x), 0n),
    ) <= 0.5,
  );
});

test('NaN and Inf: any order gives the same class', () => {
  const cases: [number[], number][] = [
    [[1, Number.POSITIVE_INFINITY, 2], Number.POSITIVE_INFINITY],
    [[Number.NEGATIVE_INFINITY, 1e300, 1e300], Number.NEGATIVE_INFINITY],
    [[Number.POSITIVE_INFINITY, 3, Number.NEGATIVE_INFINITY], Number.NaN],
    [[1, Number.NaN, Number.POSITIVE_INFINITY], Number.NaN],
  ];
  for (const [v, want] of cases) {
    for (const o of [v, v.slice().reverse()]) {
      const got = nb.sum(nb.array(o), { reproducible: true }).item() as number;
      assert.ok(Object.is(got, want), `${o}: ${got}`);
    }
  }
  assert.equal(nb.nansum(nb.array([Number.NaN, 1, 2]), { reproducible: true }).item(), 3);
});

test('float32, complex, axes, mean: order-independent too', () => {
  const v = values(5000);
  const w = shuffled(v, 9);
  const f32 = (x: Float64Array) =>
    nb.sum(nb.array(Float32Array.from(x)), { reproducible: true }).item() as number;
  assert.equal(f32(v), f32(w));
  const rounded = Math.fround(
    Number(Float32Array.from(v).reduce((s, x) => s + exact(x), 0n)) * 2 ** -1074,
  );
  assert.ok(Math.abs(f32(v) - rounded) <= Math.abs(rounded) * 2 ** -23, 'float32 near exact');
  const c = (x: Float64Array) => {
    const z = nb.array(
      Array.from({ length: x.length / 2 }, (_, i) => ({ re: x[2 * i], im: x[2 * i + 1] })),
    );
    return nb.sum(z, { reproducible: true }).item() as nb.Complex;
  };
  const pairs = shuffled(
    Float64Array.from({ length: 2500 }, (_, i) => i),
    4,
  );
  const swapped = new Float64Array(5000);
  pairs.forEach((k, i) => {
    swapped.set(v.subarray(2 * k, 2 * k + 2), 2 * i);
  });
  const [a, b] = [c(v), c(swapped)];
  assert.ok(bits(a.re) === bits(b.re) && bits(a.im) === bits(b.im), 'complex');
  const cols = (x: Float64Array) =>
    nb.sum(nb.array(x).reshape([1000, 5]), { axis: 0, reproducible: true }).toArray();
  const rows = (x: Float64Array) => nb.array(x).reshape([1000, 5]);
  const perm = shuffled(
    Float64Array.from({ length: 1000 }, (_, i) => i),
    3,
  );
  const permuted = new Float64Array(5000);
  perm.forEach((r, i) => {
    permuted.set(v.subarray(5 * r, 5 * r + 5), 5 * i);
  });
  assert.deepEqual(cols(v), cols(permuted));
  assert.deepEqual(
    nb.sum(rows(v).T, { axis: 1, reproducible: true }).toArray(),
    cols(v),
    'axis 1 of the transpose',
  );
  assert.equal(
    nb.mean(nb.array(v), { reproducible: true }).item(),
    nb.mean(nb.array(w), { reproducible: true }).item(),
  );
});
