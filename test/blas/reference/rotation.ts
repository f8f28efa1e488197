// Test-side reference for the plane rotations rot and rotm: the defining
// formulas on {re, im} values read through NDArray, with the gauge of every
// result, and the input adjuster that walks rotm through BLAS's four flags.
import type { NDArray } from '../../../src/index.js';
import { abs1, add, type C, c, conj, sub } from '../cplx.js';
import type { Adjuster, Reference } from '../harness.js';
import { values } from '../harness.js';

const vals = (v: unknown) => values(v as NDArray);

/** Full complex product, no shortcut for zero imaginary parts (as the kernels compute). */
const cmul = (a: C, b: C): C => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);

/** A real scalar scales each component (csrot, zdrot); a complex one multiplies. */
const times = (s: number | C, v: C): C =>
  typeof s === 'number' ? c(s * v.re, s * v.im) : cmul(s, v);

const rot: Reference = ({ x, y, c: cosine, s }) => {
  const k = cosine as number;
  const sine = s as number | C;
  const sineConj = typeof sine === 'number' ? sine : conj(sine);
  const sineAbs = typeof sine === 'number' ? Math.abs(sine) : abs1(sine);
  const xs = vals(x);
  const ys = vals(y);
  return {
    arrays: {
      x: {
        value: xs.map((xi, i) => add(times(k, xi), times(sine, ys[i]))),
        gauge: xs.map((xi, i) => Math.abs(k) * abs1(xi) + sineAbs * abs1(ys[i])),
      },
      y: {
        value: ys.map((yi, i) => sub(times(k, yi), times(sineConj, xs[i]))),
        gauge: ys.map((yi, i) => Math.abs(k) * abs1(yi) + sineAbs * abs1(xs[i])),
      },
    },
  };
};

/** H = [h11 h12; h21 h22] as reference BLAS reads the flag; null means x, y untouched. */
function matrixOf(flag: number, h: readonly number[]): readonly number[] | null {
  if (flag === -2) return null;
  if (flag < 0) return h;
  return flag === 0 ? [1, h[1], h[2], 1] : [h[0], -1, 1, h[3]];
}

const rotm: Reference = ({ x, y, flag, h11, h21, h12, h22 }) => {
  const xs = vals(x).map((v) => v.re);
  const ys = vals(y).map((v) => v.re);
  const h = matrixOf(flag as number, [h11, h21, h12, h22] as number[]);
  if (h === null) {
    const zero = xs.map(() => 0);
    return {
      arrays: {
        x: { value: xs.map((v) => c(v)), gauge: zero },
        y: { value: ys.map((v) => c(v)), gauge: zero },
      },
    };
  }
  const [a11, a21, a12, a22] = h;
  return {
    arrays: {
      x: {
        value: xs.map((xi, i) => c(a11 * xi + a12 * ys[i])),
        gauge: xs.map((xi, i) => Math.abs(a11 * xi) + Math.abs(a12 * ys[i])),
      },
      y: {
        value: xs.map((xi, i) => c(a21 * xi + a22 * ys[i])),
        gauge: xs.map((xi, i) => Math.abs(a21 * xi) + Math.abs(a22 * ys[i])),
      },
    },
  };
};

export const ROTATION: Record<string, Reference> = { rot, rotm };

/** The flags BLAS documents for rotm's param, visited in turn by successive cases. */
const ROTM_FLAGS = [-2, -1, 0, 1];
let turn = 0;

export const ROTATION_INPUTS: Record<string, Adjuster> = {
  rotm: (args) => {
    args.flag = ROTM_FLAGS[turn++ % ROTM_FLAGS.length];
  },
};
