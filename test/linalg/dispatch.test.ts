// Which kernel the products reach, seen through spies placed in the BLAS
// registry: strided, flipped, transposed and broadcast operands go to gemm /
// gemmBatched on their own memory (no copy by linalg or by the frame),
// native mixed signatures replace upcasting, integer products never reach
// BLAS, and a @ a.T takes syrk with the same result as the gemm path.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { implementationOf, register } from '../../src/blas/registry.js';
import { arange, dot, empty, inner, matmul, type NDArray, zeros } from '../../src/index.js';
import type { KernelCall } from '../../src/kernels/types.js';
import { assertSame, bytes, sample } from './helpers.js';

const SPIED = [
  'gemm:f64,f64->f64',
  'gemm:f32,f32->f32',
  'gemm:c128,c128->c128',
  'gemm:f16,f16->f16',
  'gemm:f16,f16->f32',
  'gemm:f32,f32->f64',
  'gemm:i8,i8->i32',
  'gemmBatched:f64,f64->f64',
  'syrk:f64->f64',
  'syrk:f32->f32',
];

const calls: { sig: string; call: KernelCall }[] = [];
for (const sig of SPIED) {
  const impl = implementationOf(sig);
  assert.ok(impl, `${sig} is registered`);
  const kernel = (call: KernelCall) => {
    calls.push({ sig, call });
    return impl.kernel(call);
  };
  register(sig, { ...impl, kernel });
}
beforeEach(() => {
  calls.length = 0;
});

const used = () => calls.map((c) => c.sig);

/** Asserts the kernel read operand `name` straight from `a`'s buffer with its own strides. */
function inPlace(call: KernelCall, name: string, a: NDArray, strides: number[]): void {
  const op = call.ops[name];
  assert.equal(op.data.buffer, a.buffer, `${name} was copied`);
  assert.deepEqual(op.st, strides, `${name} strides (in elements)`);
}

test('t[:, :, 0] views go to gemm on their own strides', () => {
  const t = arange(10 * 9 * 8).reshape([10, 9, 8]);
  const before = bytes(t);
  const x = t.slice(':', ':', 0);
  const y = t.slice(':', 0, ':');
  const r = matmul(x.slice(':', '0:9'), y.slice('0:9'));
  assert.deepEqual(used(), ['gemm:f64,f64->f64']);
  inPlace(calls[0].call, 'a', t, [72, 8]);
  inPlace(calls[0].call, 'b', t, [72, 1]);
  assertSame(r, matmul(x.slice(':', '0:9').copy(), y.slice('0:9').copy()));
  assert.deepEqual(bytes(t), before, 'the operands were written');
});

test('flipped, transposed and broadcast operands are not copied', () => {
  const a = sample([4, 5], 'float64', 2);
  const b = sample([5, 3], 'float64', 3);
  const flipped = matmul(a.flip(), b.T.slice('::-1').T);
  inPlace(calls[0].call, 'a', a, [-5, -1]);
  inPlace(calls[0].call, 'b', b, [3, -1]);
  assertSame(flipped, matmul(a.flip().copy(), b.slice(':', '::-1').copy()));
  calls.length = 0;
  const stack = sample([3, 4, 5], 'float64', 4);
  const batched = matmul(stack, b.broadcastTo([3, 5, 3]));
  assert.deepEqual(used(), ['gemmBatched:f64,f64->f64']);
  inPlace(calls[0].call, 'a', stack, [20, 5, 1]);
  inPlace(calls[0].call, 'b', b, [0, 3, 1]);
  for (let i = 0; i < 3; i++) assertSame(batched.slice(i), matmul(stack.slice(i), b));
});

test('native mixed signatures are used instead of upcasting', () => {
  const h = sample([3, 4], 'float16', 5);
  const k = sample([4, 2], 'float16', 6);
  const route = (run: () => NDArray, sig: string) => {
    calls.length = 0;
    const r = run();
    assert.deepEqual(used(), [sig]);
    return r;
  };
  assert.equal(route(() => matmul(h, k), 'gemm:f16,f16->f16').dtype.name, 'float16');
  assert.equal(
    route(() => matmul(h, k, { dtype: 'float32' }), 'gemm:f16,f16->f32').dtype.name,
    'float32',
  );
  const s = sample([3, 4], 'float32', 7);
  const t = sample([4, 2], 'float32', 8);
  const out = empty([3, 2]);
  route(() => matmul(s, t, { out }), 'gemm:f32,f32->f64');
  inPlace(calls[0].call, 'c', out, [2, 1]);
  const i8 = sample([3, 4], 'int8', 9);
  const j8 = sample([4, 2], 'int8', 10);
  assert.equal(
    route(() => matmul(i8, j8, { dtype: 'int32' }), 'gemm:i8,i8->i32').dtype.name,
    'int32',
  );
  calls.length = 0;
  const upcast = matmul(s, sample([4, 2], 'float64', 11));
  assert.deepEqual(used(), ['gemm:f64,f64->f64'], 'float32 @ float64 casts a to float64');
  assert.notEqual(calls[0].call.ops.a.data.buffer, s.buffer);
  assert.equal(upcast.dtype.name, 'float64');
});

test('integer and bool products run the exact loop with wrap-around, never BLAS', () => {
  const big = zeros([2, 2], { dtype: 'int8' }).fill(100);
  assert.deepEqual(matmul(big, big).toArray(), [
    [32, 32],
    [32, 32],
  ]);
  const out = zeros([2, 2], { dtype: 'int32' });
  matmul(big, big, { out });
  assert.deepEqual(
    out.toArray(),
    [
      [32, 32],
      [32, 32],
    ],
    'int8 loop, then cast to the int32 out (NumPy)',
  );
  const i64 = zeros([1, 2], { dtype: 'int64' }).fill(2n ** 62n);
  assert.deepEqual(matmul(i64, i64.T).toArray(), [[0n]]);
  assert.deepEqual(matmul(i64.astype('uint64'), i64.T.astype('uint64')).toArray(), [[0n]]);
  // 3 (2^30 + 1)^2 = 3 (2^31 + 1) = 2^31 + 3 modulo 2^32.
  const i32 = zeros([1, 3], { dtype: 'int32' }).fill(2 ** 30 + 1);
  assert.deepEqual(matmul(i32, i32.T).toArray(), [[-(2 ** 31) + 3]]);
  const p = zeros([2, 3], { dtype: 'bool' }).assign([
    [true, false, true],
    [false, false, true],
  ]);
  const q = zeros([3, 2], { dtype: 'bool' }).assign([
    [false, true],
    [true, true],
    [false, false],
  ]);
  assert.deepEqual(matmul(p, q).toArray(), [
    [false, true],
    [false, false],
  ]);
  assert.deepEqual(used(), []);
});

test('a @ a.T, a.T @ a, dot(a, a.T) and inner(a, a) take syrk; the result equals gemm', () => {
  for (const dtype of ['float64', 'float32']) {
    const a = sample([5, 3], dtype, 12, false);
    const sig = dtype === 'float64' ? 'syrk:f64->f64' : 'syrk:f32->f32';
    for (const [name, run, plain] of [
      ['a @ a.T', () => matmul(a, a.T), () => matmul(a, a.T.copy())],
      ['a.T @ a', () => matmul(a.T, a), () => matmul(a.T.copy(), a)],
      ['dot(a, a.T)', () => dot(a, a.T), () => dot(a, a.T.copy())],
      ['inner(a, a)', () => inner(a, a), () => inner(a, a.copy())],
    ] as const) {
      calls.length = 0;
      const r = run();
      assert.deepEqual(used(), [sig], `${dtype} ${name}`);
      const g = plain();
      assert.ok(!used().slice(1).includes(sig), `${dtype} ${name}: the copy takes gemm`);
      assertSame(r, g, `${dtype} ${name}`);
    }
  }
});

test('syrk on strided views, and with out = a', () => {
  const t = sample([4, 6, 2], 'float64', 13, false);
  const a = t.slice(':', '::-2', 1);
  const r = matmul(a, a.T);
  assert.deepEqual(used(), ['syrk:f64->f64']);
  inPlace(calls[0].call, 'a', t, [12, -4]);
  assertSame(r, matmul(a.copy(), a.copy().T));
  const sq = sample([3, 3], 'float64', 14, false);
  const want = matmul(sq.copy(), sq.copy().T);
  matmul(sq, sq.T, { out: sq });
  assertSame(sq, want);
});

test('complex a @ a.T is not a Gram product for syrk: it takes gemm', () => {
  const c = sample([3, 2], 'complex128', 15);
  matmul(c, c.T);
  assert.deepEqual(used(), ['gemm:c128,c128->c128']);
});
