// Test-side reference for the Level-1 routines: obvious loops on {re, im}
// values read through NDArray, with the gauge of every result.
import type { NDArray } from '../../../src/index.js';
import { abs1, add, type C, c, conj, isZero, mul, ZERO } from '../cplx.js';
import type { Expected, Reference } from '../harness.js';
import { values } from '../harness.js';

const scalarOf = (v: unknown): C => (typeof v === 'number' ? c(v) : (v as C));
const vals = (v: unknown) => values(v as NDArray);

const axpy: Reference = ({ alpha, x, y }) => {
  const a = scalarOf(alpha);
  const xs = vals(x);
  const ys = vals(y);
  if (isZero(a)) return { arrays: { y: { value: ys, gauge: ys.map(() => 0) } } };
  return {
    arrays: {
      y: {
        value: ys.map((yi, i) => add(mul(a, xs[i]), yi)),
        gauge: ys.map((yi, i) => abs1(a) * abs1(xs[i]) + abs1(yi)),
      },
    },
  };
};

/** A real scalar (csscal, zdscal) scales each component; a complex one multiplies. */
const scal: Reference = ({ alpha, x }) => {
  const xs = vals(x);
  const times = (v: C) =>
    typeof alpha === 'number' ? c(alpha * v.re, alpha * v.im) : mul(alpha as C, v);
  const a = abs1(scalarOf(alpha));
  return { arrays: { x: { value: xs.map(times), gauge: xs.map((v) => a * abs1(v)) } } };
};

const copy: Reference = ({ x }) => {
  const xs = vals(x);
  return { arrays: { y: { value: xs, gauge: xs.map(() => 0) } } };
};

const swap: Reference = ({ x, y }) => {
  const xs = vals(x);
  const ys = vals(y);
  return {
    arrays: { x: { value: ys, gauge: ys.map(() => 0) }, y: { value: xs, gauge: xs.map(() => 0) } },
  };
};

function dotOf(xs: C[], ys: C[], conjX: boolean, start: C = ZERO): Expected {
  let s = start;
  let g = abs1(start);
  xs.forEach((xi, i) => {
    s = add(s, mul(conjX ? conj(xi) : xi, ys[i]));
    g += abs1(xi) * abs1(ys[i]);
  });
  return { arrays: {}, result: { value: s, gauge: g } };
}

const dot: Reference = ({ x, y }) => dotOf(vals(x), vals(y), false);
const dotc: Reference = ({ x, y }) => dotOf(vals(x), vals(y), true);
const sdsdot: Reference = ({ sb, x, y }) => dotOf(vals(x), vals(y), false, scalarOf(sb));

const asum: Reference = ({ x }) => {
  const s = vals(x).reduce((acc, v) => acc + abs1(v), 0);
  return { arrays: {}, result: { value: c(s), gauge: s } };
};

const nrm2: Reference = ({ x }) => {
  const xs = vals(x);
  const big = Math.max(0, ...xs.map((v) => Math.max(Math.abs(v.re), Math.abs(v.im))));
  const scale = big === 0 || !Number.isFinite(big) ? 1 : big;
  const s = xs.reduce((acc, v) => acc + (v.re / scale) ** 2 + (v.im / scale) ** 2, 0);
  const value =
    Number.isNaN(big) || xs.some((v) => Number.isNaN(v.re) || Number.isNaN(v.im))
      ? Number.NaN
      : big === Number.POSITIVE_INFINITY
        ? big
        : scale * Math.sqrt(s);
  return { arrays: {}, result: { value: c(value), gauge: Math.abs(value) } };
};

function extreme(max: boolean): Reference {
  return ({ x }) => {
    const xs = vals(x).map(abs1);
    let best = xs.length === 0 ? -1 : 0;
    const nan = xs.findIndex(Number.isNaN);
    if (nan >= 0) best = nan;
    else
      xs.forEach((v, i) => {
        if (max ? v > xs[best] : v < xs[best]) best = i;
      });
    return { arrays: {}, result: { value: c(best), gauge: 0 } };
  };
}

export const LEVEL1: Record<string, Reference> = {
  axpy,
  scal,
  copy,
  swap,
  dot,
  dotc,
  sdsdot,
  asum,
  nrm2,
  iamax: extreme(true),
  iamin: extreme(false),
};
