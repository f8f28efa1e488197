// rot and rotm beyond the generated suites: signature choice by the sine's
// type, no shortcut for c = 1, s = 0 (NaN still propagates), rotm's flag -2
// leaving x and y bit-identical, rotm undoing what rotmg built, x and y that
// overlap, and the capability rows of all four rotation routines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  byShortName,
  bySignature,
  capabilities,
  rot,
  rotg,
  rotm,
  rotmg,
} from '../../src/blas/index.js';
import { array, type NDArray, NdblasError } from '../../src/index.js';
import { c } from './cplx.js';

const bits = (a: NDArray) => new Uint8Array(a.buffer.slice(0));

test('rot: a real sine picks csrot/zdrot, a complex one crot/zrot', () => {
  // With s = 0.6, zdrot scales components: Inf in y's real part stays out of
  // x's imaginary part; zrot's complex product adds im(s) re(y) = 0 * Inf = NaN.
  const run = (sig: string, s: number | { re: number; im: number }) => {
    const x = array([c(1, 2)], { dtype: 'complex128' });
    const y = array([c(Number.POSITIVE_INFINITY, 1)], { dtype: 'complex128' });
    bySignature[sig](x, y, 0.8, s);
    return (x.toArray() as { re: number; im: number }[])[0];
  };
  assert.deepEqual(
    { ...run('rot:f64->c128,c128', 0.6) },
    { re: Number.POSITIVE_INFINITY, im: 2.2 },
  );
  const complexSine = run('rot:c128->c128,c128', 0.6);
  assert.ok(complexSine.re === Number.POSITIVE_INFINITY && Number.isNaN(complexSine.im));
  // The generic entry picks zdrot for any sine with a zero imaginary part.
  assert.deepEqual(
    (() => {
      const x = array([c(1, 2)], { dtype: 'complex128' });
      rot(x, array([c(Number.POSITIVE_INFINITY, 1)], { dtype: 'complex128' }), 0.8, c(0.6, 0));
      return { ...(x.toArray() as { re: number; im: number }[])[0] };
    })(),
    { re: Number.POSITIVE_INFINITY, im: 2.2 },
  );
  // crot: x = c x + s y, y = c y - conj(s) x.
  const x = array([c(1, 2)], { dtype: 'complex128' });
  const y = array([c(3, -1)], { dtype: 'complex128' });
  rot(x, y, 0.6, c(0, 0.8));
  assert.deepEqual(
    (x.toArray() as { re: number; im: number }[]).map((v) => [v.re, v.im]),
    [[0.6 * 1 + 0.8, 0.6 * 2 + 0.8 * 3]],
  );
  assert.deepEqual(
    (y.toArray() as { re: number; im: number }[]).map((v) => [v.re, v.im]),
    [[0.6 * 3 - 0.8 * 2, 0.6 * -1 + 0.8 * 1]],
  );
  assert.throws(
    () => rot(array([1]), array([2]), 0.6, c(0, 0.8)),
    (e: unknown) => e instanceof NdblasError && e.code === 'ERR_ARGUMENT' && e.argument === 's',
  );
  assert.throws(
    () => rot(array([1]), array([2]), c(0.6, 0.1) as unknown as number, 0.8),
    (e: unknown) => e instanceof NdblasError && e.code === 'ERR_ARGUMENT' && e.argument === 'c',
  );
});

test('rot: c = 1, s = 0 still multiplies, so NaN and Inf spread', () => {
  const x = array([1, 2]);
  const y = array([Number.NaN, Number.POSITIVE_INFINITY]);
  rot(x, y, 1, 0);
  assert.deepEqual(x.toArray(), [Number.NaN, Number.NaN]);
  assert.deepEqual(y.toArray(), [Number.NaN, Number.POSITIVE_INFINITY]);
});

test('rotm: flag -2 reads nothing; every other flag matches reference BLAS', () => {
  for (const dtype of ['float32', 'float64'] as const) {
    const x = array([Number.NaN, 1, Number.NEGATIVE_INFINITY], { dtype });
    const y = array([2, Number.POSITIVE_INFINITY, 3], { dtype });
    const [bx, by] = [bits(x), bits(y)];
    rotm(x, y, -2, 5, 6, 7, 8);
    assert.deepEqual([bits(x), bits(y)], [bx, by], `${dtype}: flag -2 wrote`);
  }
  const apply = (param: [number, number, number, number, number]) => {
    const x = array([1, 2]);
    const y = array([3, 4]);
    rotm(x, y, ...param);
    return [x.toArray(), y.toArray()];
  };
  // H = [h11 h12; h21 h22] from param = [flag, h11, h21, h12, h22].
  assert.deepEqual(apply([-1, 2, 3, 5, 7]), [
    [2 + 15, 4 + 20],
    [3 + 21, 6 + 28],
  ]);
  assert.deepEqual(apply([0, 2, 3, 5, 7]), [
    [1 + 15, 2 + 20],
    [3 + 3, 6 + 4],
  ]);
  assert.deepEqual(apply([1, 2, 3, 5, 7]), [
    [2 + 3, 4 + 4],
    [-1 + 21, -2 + 28],
  ]);
  // Other flags as the reference reads them: negative is -1, positive is 1.
  assert.deepEqual(apply([-0.5, 2, 3, 5, 7]), apply([-1, 2, 3, 5, 7]));
  assert.deepEqual(apply([4, 2, 3, 5, 7]), apply([1, 2, 3, 5, 7]));
});

test("rotm applies what rotmg built: H [x1; y1] = [x1'; 0]", () => {
  for (const [d1, d2, x1, y1] of [
    [1, 2, 3, 4],
    [2, 3, 5, 0.5],
    [1e10, 1, 1, 1e-3],
    [1, 1e-10, 1e3, 1],
    [3, 1e-9, 2, 5e-5],
  ]) {
    for (const dtype of ['float32', 'float64'] as const) {
      const m = rotmg(d1, d2, x1, y1, { dtype });
      const x = array([x1], { dtype });
      const y = array([y1], { dtype });
      rotm(x, y, ...m.param);
      const eps = dtype === 'float32' ? 2 ** -22 : 2 ** -50;
      const [gx, gy] = [(x.toArray() as number[])[0], (y.toArray() as number[])[0]];
      const scale = Math.abs(m.param[2] * x1) + Math.abs(m.param[4] * y1);
      assert.ok(
        Math.abs(gy) <= eps * scale,
        `${dtype} rotmg(${d1}, ${d2}, ${x1}, ${y1}): y = ${gy}`,
      );
      assert.ok(Math.abs(gx - m.x1) <= eps * Math.abs(m.x1), `${dtype}: x = ${gx}, x1' = ${m.x1}`);
    }
  }
  // The same through the classic names.
  const x = array([3]);
  const y = array([4]);
  byShortName.drotm(x, y, ...rotmg(1, 1, 3, 4).param);
  assert.equal((y.toArray() as number[])[0], 0);
});

test('rot and rotm: x and y must not overlap; nothing is written on failure', () => {
  const a = array([1, 2, 3, 4]);
  const before = bits(a);
  for (const fn of [
    () => rot(a, a, 0.6, 0.8),
    () => rotm(a.slice('0:2'), a.slice('1:3'), -1, 1, 2, 3, 4),
  ]) {
    assert.throws(fn, (e: unknown) => e instanceof NdblasError && e.code === 'ERR_OUTPUT_OVERLAP');
    assert.deepEqual(bits(a), before);
  }
});

test('capabilities list every rotation signature, callable by full and classic name', () => {
  const rows = capabilities().filter((r) => ['rot', 'rotm', 'rotg', 'rotmg'].includes(r.routine));
  const shorts = rows.map((r) => r.short).sort();
  assert.deepEqual(shorts, [
    'crot',
    'crotg',
    'csrot',
    'drot',
    'drotg',
    'drotm',
    'drotmg',
    'srot',
    'srotg',
    'srotm',
    'srotmg',
    'zdrot',
    'zrot',
    'zrotg',
  ]);
  for (const row of rows) {
    assert.equal(row.backend, 'js', row.signature);
    assert.equal(byShortName[row.short ?? ''], bySignature[row.signature], row.signature);
  }
  assert.deepEqual(
    rows.filter((r) => r.routine === 'rotg' || r.routine === 'rotmg').map((r) => r.signature),
    [
      'rotg:f32->f32',
      'rotg:f64->f64',
      'rotg:c64->c64',
      'rotg:c128->c128',
      'rotmg:f32->f32',
      'rotmg:f64->f64',
    ],
  );
  assert.deepEqual(bySignature['rotg:f32->f32'](3, 4), rotg(3, 4, { dtype: 'float32' }));
  assert.deepEqual(byShortName.zrotg(c(0), c(3, 4)), rotg(c(0), c(3, 4)));
  assert.deepEqual(byShortName.srotmg(1, 2, 3, 4), rotmg(1, 2, 3, 4, { dtype: 'float32' }));
});
