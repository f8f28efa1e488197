// Shared by the sort tests: loading test/fixtures/sort (scripts/fixtures/sort.py),
// rebuilding operands (view recipes, or formulas for large ones), comparing
// results with NumPy bit for bit or up to the order NumPy leaves unspecified
// (-0 vs +0, which NaN), and NumPy's sort order on JavaScript values.
import assert from 'node:assert/strict';
import { array, type NDArray, type Scalar, toDType } from '../../src/index.js';
import { arrayFromHex } from '../helpers/fixtures.js';
import { build, type Expected, loadFixture, type Recipe } from '../helpers/operands.js';

export type { Expected, Recipe };

/** A large operand both sides compute exactly: ((i * k) % m) * scale, cast to dtype. */
export interface Formula {
  readonly formula: 'spread' | 'weights' | 'ints';
  readonly n: number;
  readonly dtype: string;
}

export type Operand = Recipe | Formula;

const FORMULAS: Readonly<Record<Formula['formula'], readonly [number, number, number]>> = {
  spread: [7919, 1000, 1 / 8],
  weights: [31, 17, 0.25],
  ints: [40503, 65536, 1],
};

export function cases<T>(name: string): T[] {
  return loadFixture<{ cases: T[] }>(`sort/${name}.json`).cases;
}

export function operand(o: Operand): NDArray {
  if ('formula' in o) {
    const [k, m, scale] = FORMULAS[o.formula];
    const v = Float64Array.from({ length: o.n }, (_, i) => ((i * k) % m) * scale);
    const d = toDType(o.dtype);
    const exact = d.kind === 'i' || d.kind === 'u' ? v.map(Math.trunc) : v;
    return array(exact).astype(d);
  }
  return build(o).view;
}

/** The expected result as an array of its dtype and shape. */
export function expectedArray(e: Expected): NDArray {
  return arrayFromHex(e.hex, e.dtype).reshape(e.shape);
}

/** Equal as NumPy's sort sees them: any NaN equals any NaN, -0 equals +0. */
export function sameValue(x: Scalar, y: Scalar): boolean {
  if (typeof x === 'object' && typeof y === 'object') {
    return sameValue(x.re, y.re) && sameValue(x.im, y.im);
  }
  if (typeof x === 'number' && typeof y === 'number') {
    return x === y || (Number.isNaN(x) && Number.isNaN(y));
  }
  return x === y;
}

/** dtype and shape exact, values equal up to -0/+0 and NaN bits. */
export function assertSameValues(got: NDArray, e: Expected, where: string): void {
  assert.equal(got.dtype.str, e.dtype, `${where}: dtype`);
  assert.deepEqual(got.shape, e.shape, `${where}: shape`);
  const [g, x] = [flatValues(got), flatValues(expectedArray(e))];
  g.forEach((v, i) => {
    assert.ok(sameValue(v, x[i]), `${where}: element ${i}: ${v} vs ${x[i]}`);
  });
}

export function flatValues(a: NDArray): Scalar[] {
  return a.size === 0 ? [] : (a.reshape(-1).toArray() as Scalar[]);
}

/** NumPy's sort order on element values: NaNs last, complex by NaN placement then parts. */
export function compareValues(x: Scalar, y: Scalar): number {
  if (typeof x === 'object' && typeof y === 'object') {
    const group = (z: { re: number; im: number }) =>
      (Number.isNaN(z.re) ? 2 : 0) + (Number.isNaN(z.im) ? 1 : 0);
    return (
      group(x) - group(y) ||
      compareValues(Number.isNaN(x.re) ? 0 : x.re, Number.isNaN(y.re) ? 0 : y.re) ||
      compareValues(Number.isNaN(x.im) ? 0 : x.im, Number.isNaN(y.im) ? 0 : y.im)
    );
  }
  if (typeof x === 'number' && typeof y === 'number') {
    if (Number.isNaN(x) || Number.isNaN(y))
      return Number(Number.isNaN(x)) - Number(Number.isNaN(y));
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const [a, b] = [typeof x === 'boolean' ? Number(x) : x, typeof y === 'boolean' ? Number(y) : y];
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The lanes of `a` along `axis` (null: the flattened array) as lists of values. */
export function lanes(a: NDArray, axis: number | null): Scalar[][] {
  if (axis === null) return [flatValues(a)];
  const ax = axis < 0 ? axis + a.ndim : axis;
  const order = [...a.shape.keys()].filter((i) => i !== ax).concat([ax]);
  const n = a.shape[ax];
  const moved = a.transpose(order);
  const rows = n === 0 ? 0 : moved.size / n;
  const values = flatValues(moved);
  return Array.from({ length: rows }, (_, r) => values.slice(r * n, (r + 1) * n));
}
