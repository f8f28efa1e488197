// Compiled loops against their closure twins on the paths code generation
// adds: contiguous runs long enough to be indexed through views (real loops
// unrolled by eight with every tail length, complex loops), short and strided
// runs (negative and zero strides), at offsets inside buffers whose other
// elements are sentinels that must not change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dtypes } from '../../src/core/dtypes.js';
import { closureKernel, compileKernel, type Shape } from '../../src/ufunc/compile.js';

const SENTINEL = -7.5;
const PAD = 5;

interface Case {
  readonly name: string;
  readonly shape: Shape;
  readonly op: (...args: never[]) => unknown;
}

const CASES: readonly Case[] = [
  {
    name: 'binary real',
    shape: { inputs: ['r', 'r'], output: 'r' },
    op: ((a: number, b: number) => a * b - 1) as never,
  },
  { name: 'unary real', shape: { inputs: ['r'], output: 'r' }, op: Math.sin as never },
  {
    name: 'complex',
    shape: { inputs: ['c', 'r'], output: 'c' },
    op: ((o: Float64Array, k: number, re: number, im: number, s: number) => {
      o[k] = re * s;
      o[k + 1] = im - s;
    }) as never,
  },
];

/** A buffer of sentinels with values at index first + j * stride (units), j < n. */
function operand(n: number, unit: number, stride: number, seed: number) {
  const span = Math.abs(stride) * Math.max(n - 1, 0) + unit;
  const data = new Float64Array(span + 2 * PAD).fill(SENTINEL);
  const first = PAD + (stride < 0 ? span - unit : 0);
  for (let j = 0; j < n; j++) {
    for (let u = 0; u < unit; u++) data[first + j * stride + u] = Math.sin(seed + 3 * j + u);
  }
  return { data, first };
}

test('compiled loops equal their closure twins on viewed, tail, strided and reversed runs', () => {
  const f64 = dtypes.float64;
  for (const c of CASES) {
    const kinds = [c.shape.output, ...c.shape.inputs];
    const units = kinds.map((k) => (k === 'r' ? 1 : 2));
    const compiled = compileKernel(c.op, c.shape, [f64, ...c.shape.inputs.map(() => f64)], c.name);
    const twin = closureKernel(c.op, c.shape);
    for (const n of [1, 7, 31, 32, 33, 39, 40, 100, 257]) {
      for (const factor of [1, 2, -1, 0]) {
        const strides = units.map((u, k) =>
          k === 0 ? u * (factor === 0 ? 1 : factor) : u * factor,
        );
        const outs = [0, 1].map(() => operand(n, units[0], strides[0], 0));
        for (const o of outs) o.data.fill(SENTINEL);
        const ins = units.slice(1).map((u, k) => operand(n, u, strides[k + 1], k + 1));
        const args = (o: { data: Float64Array; first: number }) => [
          o.data,
          o.first,
          strides[0],
          ...ins.flatMap((a, k) => [a.data, a.first, strides[k + 1]]),
        ];
        compiled(n, ...args(outs[0]));
        twin(n, ...args(outs[1]));
        const label = `${c.name} n=${n} strides=${strides}`;
        assert.deepEqual(outs[0].data, outs[1].data, label);
        const written = outs[0].data.filter((v) => v !== SENTINEL).length;
        assert.equal(written, n * units[0], `${label}: elements outside the run changed`);
      }
    }
  }
});
