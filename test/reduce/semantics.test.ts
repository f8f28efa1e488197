// Properties the small fixtures cannot show: NumPy's pairwise sums bit for bit
// on 10^6 elements (contiguous, strided axis 0, float32) against the NumPy
// installed here, exact integer sums past 2^53 of partial sums and modulo
// 2^64, and the NDArray method forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nb from '../../src/index.js';
import { runPython, skipWithoutNumpy } from '../helpers/numpy.js';

/** NumPy's results for `expr` over `a` (float64 or float32 bytes on stdin) as hex bytes. */
function numpy(a: nb.NDArray, expr: string): string {
  const code = `import sys, numpy as np
a = np.frombuffer(sys.stdin.buffer.read(), dtype='${a.dtype.str}').reshape(${JSON.stringify(a.shape)})
r = np.ascontiguousarray(${expr})
print(r.tobytes().hex())`;
  return runPython(code, new Uint8Array(a.buffer, a.byteOffset, a.nbytes)).trim();
}

const hex = (a: nb.NDArray) => Buffer.from(a.copy().buffer as ArrayBuffer).toString('hex');

test('pairwise sums equal NumPy bit for bit on 10^6 elements', { skip: skipWithoutNumpy }, () => {
  const rng = nb.random.defaultRng(11);
  const scale = rng.random([1_000_000]).toArray() as number[];
  const g = rng.standardNormal([1_000_000]);
  const x = nb.array(
    Float64Array.from(g.toArray() as number[], (v, i) => v * 10 ** Math.floor(scale[i] * 16 - 8)),
  );
  assert.equal(hex(nb.sum(x)), numpy(x, 'a.sum()'), 'contiguous float64');
  const m = x.reshape([1000, 1000]);
  assert.equal(hex(nb.sum(m, { axis: 0 })), numpy(m, 'a.sum(axis=0)'), 'axis 0');
  assert.equal(hex(nb.sum(m, { axis: 1 })), numpy(m, 'a.sum(axis=1)'), 'axis 1');
  const f = x.astype('float32');
  assert.equal(hex(nb.sum(f)), numpy(f, 'a.sum()'), 'contiguous float32');
  assert.equal(hex(nb.mean(f)), numpy(f, 'a.mean()'), 'float32 mean');
  assert.equal(hex(nb.sum(x.slice('::-3'))), numpy(x, 'a[::-3].sum()'), 'reversed stride');
  assert.equal(hex(nb.variance(x)), numpy(x, 'a.var()'), 'var');
  assert.equal(
    hex(nb.std(m, { axis: 0, ddof: 1 })),
    numpy(m, 'a.std(axis=0, ddof=1)'),
    'std axis 0',
  );
  assert.equal(
    hex(nb.variance(m.T, { axis: 1 })),
    numpy(m, 'a.T.var(axis=1)'),
    'var of a transpose',
  );
});

test('integer sums are exact modulo 2^64 past 2^53 of partial sums', () => {
  const n = 3_000_000;
  const big = nb.full([n], 2 ** 31 - 1, { dtype: 'int32' });
  assert.equal(nb.sum(big).item(), BigInt(n) * (2n ** 31n - 1n));
  const ramp = nb.arange(n).astype('int64');
  const thirds = nb.array(
    Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)),
    { dtype: 'bool' },
  );
  assert.equal(nb.sum(big, { where: thirds }).item(), BigInt(n / 3) * (2n ** 31n - 1n));
  assert.equal(nb.sum(ramp).item(), (BigInt(n) * BigInt(n - 1)) / 2n);
  const u = nb.full([n], 2 ** 32 - 1, { dtype: 'uint32' });
  assert.equal(nb.sum(u).item(), BigInt(n) * (2n ** 32n - 1n));
  const wrap = nb.array([2n ** 62n, 2n ** 62n, 2n ** 62n, 5n]);
  assert.equal(nb.sum(wrap).item(), BigInt.asIntN(64, 3n * 2n ** 62n + 5n));
  const uw = nb.array([2n ** 63n, 2n ** 63n, 7n], { dtype: 'uint64' });
  assert.equal(nb.sum(uw).item(), 7n);
  assert.equal(nb.prod(nb.array([2n ** 32n, 2n ** 32n, 3n])).item(), 0n);
  assert.equal(nb.prod(nb.array([-3, 5, 7], { dtype: 'int8' })).item(), -105n);
  assert.equal(nb.cumsum(nb.array([2n ** 63n - 1n, 1n])).item(1), -(2n ** 63n));
});

test('method forms equal the functions', () => {
  const a = nb.array([
    [3, -1, 4],
    [1, 5, -9],
  ]);
  const same = (m: nb.NDArray, f: nb.NDArray) => assert.deepEqual(m.toArray(), f.toArray());
  same(a.sum({ axis: 0 }), nb.sum(a, { axis: 0 }));
  same(a.prod(), nb.prod(a));
  same(a.mean({ axis: 1, keepdims: true }), nb.mean(a, { axis: 1, keepdims: true }));
  same(a.var({ ddof: 1 }), nb.variance(a, { ddof: 1 }));
  same(a.std(), nb.std(a));
  same(a.min({ axis: 1 }), nb.min(a, { axis: 1 }));
  same(a.max(), nb.max(a));
  same(a.argmin({ axis: 0 }), nb.argmin(a, { axis: 0 }));
  same(a.argmax(), nb.argmax(a));
  same(a.any({ axis: 0 }), nb.any(a, { axis: 0 }));
  same(a.all(), nb.all(a));
  same(a.cumsum({ axis: 1 }), nb.cumsum(a, { axis: 1 }));
  same(a.cumprod(), nb.cumprod(a));
  assert.equal(a.argmax().item(), 4n);
  assert.equal(nb.var, nb.variance);
});

test('truth values: signed zeros are false, NaN is true, either complex part counts', () => {
  const cases: [nb.NDArray, boolean[]][] = [
    [nb.array([-0, 0, Number.NaN, 2]), [false, false, true, true]],
    [nb.array([-0, Number.NaN, 0.5], { dtype: 'float16' }), [false, true, true]],
    [nb.array([-0, 1], { dtype: 'float32' }), [false, true]],
    [
      nb.array([
        { re: 0, im: -0 },
        { re: -0, im: Number.NaN },
        { re: 0, im: 1 },
      ]),
      [false, true, true],
    ],
    [
      nb.array(
        [
          { re: -0, im: -0 },
          { re: 1, im: 0 },
        ],
        { dtype: 'complex64' },
      ),
      [false, true],
    ],
    [nb.array([2n ** 32n, 0n, -(2n ** 63n)]), [true, false, true]],
    [nb.array([0n, 2n ** 63n], { dtype: 'uint64' }), [false, true]],
  ];
  for (const [a, truth] of cases) {
    const label = a.toString();
    assert.equal(nb.countNonzero(a).item(), BigInt(truth.filter((t) => t).length), label);
    assert.equal(
      nb.any(a).item(),
      truth.some((t) => t),
      label,
    );
    assert.equal(
      nb.all(a).item(),
      truth.every((t) => t),
      label,
    );
    truth.forEach((t, i) => {
      assert.equal(nb.any(a.slice(`${i}:${i + 1}`)).item(), t, `${label} element ${i}`);
    });
  }
});
