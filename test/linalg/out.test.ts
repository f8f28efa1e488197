// `out` arrays and typed errors of the products: outputs overlapping inputs
// give what copying the inputs first gives (BLAS, cast and exact routes,
// stacks taking several calls), strided outputs leave the bytes around them
// untouched, and every invalid call raises a typed error naming the argument
// while leaving `out` byte-identical.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  asStrided,
  dot,
  empty,
  inner,
  matmul,
  type NDArray,
  outer,
  vdot,
  zeros,
} from '../../src/index.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';
import { assertSame, bytes, sample } from './helpers.js';

test('matmul(a, b, {out: a}) for square a is computed as if a were copied first', () => {
  for (const dtype of ['float64', 'float32', 'complex128', 'float16', 'int32', 'int64', 'bool']) {
    const a = sample([4, 4], dtype, 3);
    const b = sample([4, 4], dtype, 4);
    const want = matmul(a.copy(), b);
    assert.equal(matmul(a, b, { out: a }), a);
    assertSame(a, want, dtype);
    const c = sample([4, 4], dtype, 5);
    const square = matmul(c.copy(), c.copy());
    matmul(c, c, { out: c });
    assertSame(c, square, `${dtype} c @ c into c`);
  }
});

test('outputs that overlap inputs partly, reversed or through casts read the inputs first', () => {
  const cases: [string, () => [NDArray, NDArray, NDArray]][] = [
    [
      'shifted rows',
      () => {
        const buf = sample([5, 4], 'float64', 7);
        return [buf.slice('0:4'), sample([4, 4], 'float64', 8), buf.slice('1:5')];
      },
    ],
    [
      'transposed output',
      () => {
        const a = sample([4, 4], 'float64', 9);
        return [a, sample([4, 4], 'float64', 10), a.T];
      },
    ],
    [
      'int8 input cast into a float32 output over the float32 input',
      () => {
        const b = sample([4, 4], 'float32', 11);
        return [sample([4, 4], 'int8', 12), b, b.flip(0)];
      },
    ],
    [
      'exact int32 loop writing over its input',
      () => {
        const a = sample([4, 4], 'int32', 13);
        return [a, a.flip(1), a];
      },
    ],
    [
      'stack in several calls, output reversed over the input',
      () => {
        const out = sample([2, 2, 3, 3], 'float64', 14);
        return [out.slice('::-1', '0:1'), sample([1, 2, 3, 3], 'float64', 15), out];
      },
    ],
  ];
  for (const [name, make] of cases) {
    const [a, b, out] = make();
    const want = matmul(a.copy(), b.copy(), { out: zeros(out.shape, { dtype: out.dtype }) });
    matmul(a, b, { out });
    assertSame(out, want, name);
  }
});

test('dot and outer with out overlapping an input', () => {
  const a = sample([3, 3], 'float64', 16);
  const b = sample([3, 3], 'float64', 17);
  const want = dot(a.copy(), b);
  dot(a, b, { out: a });
  assertSame(a, want, 'dot');
  const x = sample([3], 'float64', 18);
  const m = sample([3, 3], 'float64', 19);
  const row = m.slice(0);
  const wantOuter = outer(row.copy(), x);
  outer(row, x, { out: m });
  assertSame(m, wantOuter, 'outer');
});

test('a strided out inside a larger buffer: only its elements are written', () => {
  const a = sample([3, 4], 'float64', 20);
  const b = sample([4, 2], 'float64', 21);
  for (const strides of [
    [-16, 56],
    [8, 40],
    [72, -24],
  ]) {
    const out = padded([3, 2], strides, 'float64');
    matmul(a, b, { out });
    assertSame(out, matmul(a, b), `strides ${strides}`);
    assertSentinelsIntact(out);
  }
});

test('matmul accepts an out with more leading batch axes, as a ufunc out', () => {
  const a = sample([2, 3], 'float64', 22);
  const b = sample([3, 2], 'float64', 23);
  const out = empty([4, 2, 2]);
  matmul(a, b, { out });
  for (let i = 0; i < 4; i++) assertSame(out.slice(i), matmul(a, b));
  const r = empty([1]);
  matmul(sample([3]), sample([3], 'float64', 2), { out: r });
  assert.equal(r.item(0), matmul(sample([3]), sample([3], 'float64', 2)).item());
});

interface Bad {
  readonly name: string;
  readonly call: (out: NDArray) => unknown;
  readonly code: string;
  readonly argument: string;
  readonly routine: string;
  readonly out: NDArray;
}

const f64 = (shape: number[], seed = 1) => sample(shape, 'float64', seed);

const BAD: readonly Bad[] = [
  {
    name: '0-d a',
    call: () => matmul(zeros([]), f64([2])),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'a',
    routine: 'matmul',
    out: f64([1]),
  },
  {
    name: '0-d b',
    call: () => matmul(f64([2]), zeros([])),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'b',
    routine: 'matmul',
    out: f64([1]),
  },
  {
    name: 'core mismatch',
    call: (o) => matmul(f64([2, 3]), f64([4, 2]), { out: o }),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'b',
    routine: 'matmul',
    out: f64([2, 2]),
  },
  {
    name: '1-D core mismatch',
    call: () => matmul(f64([3]), f64([4])),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'b',
    routine: 'matmul',
    out: f64([1]),
  },
  {
    name: 'batch not broadcastable',
    call: (o) => matmul(f64([2, 2, 3]), f64([3, 3, 2]), { out: o }),
    code: 'ERR_BROADCAST',
    argument: 'b',
    routine: 'matmul',
    out: f64([2, 2, 2]),
  },
  {
    name: 'out of another shape',
    call: (o) => matmul(f64([2, 3]), f64([3, 2]), { out: o }),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'out',
    routine: 'matmul',
    out: f64([2, 3]),
  },
  {
    name: 'out with fewer batch axes',
    call: (o) => matmul(f64([3, 2, 3]), f64([3, 2]), { out: o }),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'out',
    routine: 'matmul',
    out: f64([2, 2]),
  },
  {
    name: 'out batch not broadcastable',
    call: (o) => matmul(f64([3, 2, 3]), f64([3, 2]), { out: o }),
    code: 'ERR_BROADCAST',
    argument: 'out',
    routine: 'matmul',
    out: f64([2, 2, 2]),
  },
  {
    name: 'float64 result into int32 out',
    call: (o) => matmul(f64([2, 3]), f64([3, 2]), { out: o }),
    code: 'ERR_CASTING',
    argument: 'out',
    routine: 'matmul',
    out: sample([2, 2], 'int32'),
  },
  {
    name: 'complex result into float64 out',
    call: (o) => matmul(sample([2, 3], 'complex64'), f64([3, 2]), { out: o }),
    code: 'ERR_CASTING',
    argument: 'out',
    routine: 'matmul',
    out: f64([2, 2]),
  },
  {
    name: 'dtype a cannot reach',
    call: (o) => matmul(f64([2, 3]), f64([3, 2]), { dtype: 'int32', out: o }),
    code: 'ERR_CASTING',
    argument: 'a',
    routine: 'matmul',
    out: sample([2, 2], 'int32'),
  },
  {
    name: 'unknown dtype',
    call: () => matmul(f64([2, 3]), f64([3, 2]), { dtype: 'float128' }),
    code: 'ERR_UNKNOWN_DTYPE',
    argument: 'dtype',
    routine: 'matmul',
    out: f64([1]),
  },
  {
    name: 'read-only out',
    call: (o) => matmul(f64([2, 3]), f64([3, 2]), { out: o }),
    code: 'ERR_READ_ONLY',
    argument: 'out',
    routine: 'matmul',
    out: f64([2, 2]).setWriteable(false),
  },
  {
    name: 'out whose elements share bytes',
    call: (o) => matmul(f64([2, 3]), f64([3, 2]), { out: asStrided(o, [2, 2], [0, 8]) }),
    code: 'ERR_OUTPUT_OVERLAP',
    argument: 'out',
    routine: 'matmul',
    out: f64([2]),
  },
  {
    name: 'not an array',
    call: () => matmul('abc', f64([2])),
    code: 'ERR_ARGUMENT',
    argument: 'a',
    routine: 'matmul',
    out: f64([1]),
  },
  {
    name: 'dot not aligned',
    call: (o) => dot(f64([2, 3]), f64([4, 2]), { out: o }),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'b',
    routine: 'dot',
    out: f64([2, 2]),
  },
  {
    name: 'dot N-D not aligned',
    call: () => dot(f64([2, 3]), f64([2, 2, 5])),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'b',
    routine: 'dot',
    out: f64([1]),
  },
  {
    name: 'dot out of another dtype',
    call: (o) => dot(f64([2, 3]), f64([3, 2]), { out: o }),
    code: 'ERR_CASTING',
    argument: 'out',
    routine: 'dot',
    out: sample([2, 2], 'float32'),
  },
  {
    name: 'dot out of another shape',
    call: (o) => dot(f64([2, 3]), f64([3, 2]), { out: o }),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'out',
    routine: 'dot',
    out: f64([4]),
  },
  {
    name: 'vdot sizes differ',
    call: () => vdot(f64([2, 3]), f64([5])),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'b',
    routine: 'vdot',
    out: f64([1]),
  },
  {
    name: 'inner not aligned',
    call: () => inner(f64([2, 3]), f64([3, 2])),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'b',
    routine: 'inner',
    out: f64([1]),
  },
  {
    name: 'outer out of another shape',
    call: (o) => outer(f64([2]), f64([3]), { out: o }),
    code: 'ERR_SHAPE_MISMATCH',
    argument: 'out',
    routine: 'outer',
    out: f64([3, 2]),
  },
  {
    name: 'outer out of a lower kind',
    call: (o) => outer(f64([2]), f64([2]), { out: o }),
    code: 'ERR_CASTING',
    argument: 'out',
    routine: 'outer',
    out: sample([2, 2], 'int64'),
  },
];

test(`${BAD.length} invalid calls raise typed errors and leave out untouched`, () => {
  for (const bad of BAD) {
    const before = bytes(bad.out);
    assert.throws(
      () => bad.call(bad.out),
      (e: unknown) => {
        const err = e as { code: string; argument: string; routine?: string };
        assert.equal(err.code, bad.code, bad.name);
        assert.equal(err.argument, bad.argument, bad.name);
        if (bad.code !== 'ERR_UNKNOWN_DTYPE') assert.equal(err.routine, bad.routine, bad.name);
        return true;
      },
      bad.name,
    );
    assert.deepEqual(bytes(bad.out), before, `${bad.name}: out changed`);
  }
});
