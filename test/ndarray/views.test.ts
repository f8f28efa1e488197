// View operations replayed against NumPy: random chains of slicing, transposes,
// reshapes, flips, squeezes, broadcasts and diagonals must give NumPy's shape,
// byte strides, byte offset, flags, values, and copy exactly when NumPy copies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { arange, Complex, type DTypeName, type NDArray } from '../../src/index.js';

type Op = [string, ...unknown[]];
interface Case {
  dtype: DTypeName;
  shape: number[];
  ops: Op[];
  result: {
    shape: number[];
    strides: number[] | null;
    offset: number | null;
    view: boolean;
    c: boolean;
    f: boolean;
    writeable: boolean;
    values: (number | [number, number])[];
  };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/views/views.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

const APPLY: Record<string, (a: NDArray, ...args: never[]) => NDArray> = {
  slice: (a, specs: never) => a.slice(...(specs as never[])),
  T: (a) => a.T,
  transpose: (a, axes) => a.transpose(axes),
  swapaxes: (a, i, j) => a.swapaxes(i, j),
  reshape: (a, shape, order) => a.reshape(shape, order),
  ravel: (a, order) => a.ravel(order),
  flip: (a, axis) => a.flip((axis as number | null) ?? undefined),
  squeeze: (a, axis) => a.squeeze((axis as number | null) ?? undefined),
  expandDims: (a, axis) => a.expandDims(axis),
  broadcastTo: (a, shape) => a.broadcastTo(shape),
  diagonal: (a, k, i, j) => a.diagonal(k, i, j),
  real: (a) => a.real,
  imag: (a) => a.imag,
};

function base(c: Case): NDArray {
  const size = c.shape.reduce((x, y) => x * y, 1);
  const r = arange(size);
  const filled =
    c.dtype === 'complex128'
      ? r.astype('complex128').assign((r.toArray() as number[]).map((x) => new Complex(x, x + 100)))
      : r.astype(c.dtype);
  return filled.reshape(c.shape);
}

function flat(a: NDArray): (number | [number, number])[] {
  const out: (number | [number, number])[] = [];
  const v = a.ravel().toArray();
  for (const x of Array.isArray(v) ? v : [v]) {
    out.push(x instanceof Complex ? [x.re, x.im] : Number(x));
  }
  return out;
}

test(`${fixture.cases.length} view chains match NumPy`, () => {
  let views = 0;
  fixture.cases.forEach((c, n) => {
    const b = base(c);
    let a = b;
    for (const [name, ...args] of c.ops) a = APPLY[name](a, ...(args as never[]));
    const where = `case ${n}: ${JSON.stringify(c.ops)} on ${c.dtype}${JSON.stringify(c.shape)}`;
    const r = c.result;
    assert.deepEqual(a.shape, r.shape, where);
    assert.deepEqual(flat(a), r.values, where);
    assert.equal(a.flags.cContiguous, r.c, `${where} C flag`);
    assert.equal(a.flags.fContiguous, r.f, `${where} F flag`);
    assert.equal(a.flags.writeable, r.writeable, `${where} writeable`);
    const shares = a.buffer === b.buffer;
    if (a.size > 0) assert.equal(shares, r.view, `${where} view vs copy`);
    if (r.view && r.strides !== null && a.size > 0) {
      views++;
      assert.deepEqual(a.strides, r.strides, `${where} strides`);
      assert.equal(a.byteOffset - b.byteOffset, r.offset, `${where} offset`);
    }
  });
  assert.ok(views > 200, `only ${views} cases were views`);
});
