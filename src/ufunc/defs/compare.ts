// Comparison, logic and classification ufuncs, and the ordering ones built on
// comparisons: maximum/minimum (NaN-propagating), fmax/fmin (NaN-ignoring),
// clip. Complex values order lexicographically as NumPy's CLT/CGT macros do.
import { BIG_INTS, COMPLEX, FLOATS, INTS, into, SMALL_INTS, same } from '../loops.js';
import type { Out } from '../scalar/complex.js';
import { signbit as signbitOf } from '../scalar/real.js';
import type { LoopDef, UfuncDef } from '../types.js';

type N = number;
type B = bigint;
type Cmp = (a: N, b: N) => boolean;
type CCmp = (ar: N, ai: N, br: N, bi: N) => boolean;

/** Every comparison loop: real and integer types, int64 against uint64 both ways, complex. */
function comparison(name: string, real: Cmp, complex: CCmp): UfuncDef {
  const loops: LoopDef[] = [
    ...into('?', 2, '?', (a: N, b: N) => real(a !== 0 ? 1 : 0, b !== 0 ? 1 : 0)),
    ...into(INTS, 2, '?', real),
    { sig: 'qQ->?', op: real },
    { sig: 'Qq->?', op: real },
    ...into(FLOATS, 2, '?', real),
    ...into(COMPLEX, 2, '?', complex),
  ];
  return { name, nin: 2, identity: null, loops, comparison: true };
}

const ordered = (xi: N, yi: N) => !Number.isNaN(xi) && !Number.isNaN(yi);
const clt: CCmp = (ar, ai, br, bi) => (ar < br && ordered(ai, bi)) || (ar === br && ai < bi);
const cgt: CCmp = (ar, ai, br, bi) => (ar > br && ordered(ai, bi)) || (ar === br && ai > bi);
const cle: CCmp = (ar, ai, br, bi) => (ar < br && ordered(ai, bi)) || (ar === br && ai <= bi);
const cge: CCmp = (ar, ai, br, bi) => (ar > br && ordered(ai, bi)) || (ar === br && ai >= bi);

export const equal = comparison(
  'equal',
  (a, b) => a === b,
  (ar, ai, br, bi) => ar === br && ai === bi,
);
export const notEqual = comparison(
  'not_equal',
  (a, b) => a !== b,
  (ar, ai, br, bi) => ar !== br || ai !== bi,
);
export const less = comparison('less', (a, b) => a < b, clt);
export const lessEqual = comparison('less_equal', (a, b) => a <= b, cle);
export const greater = comparison('greater', (a, b) => a > b, cgt);
export const greaterEqual = comparison('greater_equal', (a, b) => a >= b, cge);

type Truth = (a: boolean, b: boolean) => boolean;

function logical(name: string, identity: boolean | null, f: Truth): UfuncDef {
  return {
    name,
    nin: 2,
    identity,
    logical: true,
    loops: [
      ...into('?' + SMALL_INTS, 2, '?', (a: N, b: N) => f(a !== 0, b !== 0)),
      ...into(BIG_INTS, 2, '?', (a: B, b: B) => f(a !== 0n, b !== 0n)),
      ...into(FLOATS, 2, '?', (a: N, b: N) => f(a !== 0, b !== 0)),
      ...into(COMPLEX, 2, '?', (ar: N, ai: N, br: N, bi: N) =>
        f(ar !== 0 || ai !== 0, br !== 0 || bi !== 0),
      ),
    ],
  };
}

export const logicalAnd = logical('logical_and', true, (a, b) => a && b);
export const logicalOr = logical('logical_or', false, (a, b) => a || b);
export const logicalXor = logical('logical_xor', false, (a, b) => a !== b);

type Test = { real: (a: N) => boolean; integer: boolean; complex: (x: N, y: N) => boolean };

function classify(name: string, t: Test): UfuncDef {
  const integerOp = (_: N | B) => t.integer;
  return {
    name,
    nin: 1,
    identity: null,
    loops: [
      ...into('?' + INTS, 1, '?', integerOp),
      ...into(FLOATS, 1, '?', t.real),
      ...into(COMPLEX, 1, '?', t.complex),
    ],
  };
}

export const logicalNot: UfuncDef = {
  name: 'logical_not',
  nin: 1,
  identity: null,
  loops: [
    ...into('?' + SMALL_INTS, 1, '?', (a: N) => a === 0),
    ...into(BIG_INTS, 1, '?', (a: B) => a === 0n),
    ...into(FLOATS, 1, '?', (a: N) => a === 0),
    ...into(COMPLEX, 1, '?', (x: N, y: N) => x === 0 && y === 0),
  ],
};

export const isnan = classify('isnan', {
  real: Number.isNaN,
  integer: false,
  complex: (x, y) => Number.isNaN(x) || Number.isNaN(y),
});
const inf = (a: N) => a === Number.POSITIVE_INFINITY || a === Number.NEGATIVE_INFINITY;
export const isinf = classify('isinf', {
  real: inf,
  integer: false,
  complex: (x, y) => inf(x) || inf(y),
});
export const isfinite = classify('isfinite', {
  real: Number.isFinite,
  integer: true,
  complex: (x, y) => Number.isFinite(x) && Number.isFinite(y),
});

export const signbit: UfuncDef = {
  name: 'signbit',
  nin: 1,
  identity: null,
  loops: into(FLOATS, 1, '?', signbitOf),
};

function pick(o: Out, k: N, first: boolean, ar: N, ai: N, br: N, bi: N): void {
  o[k] = first ? ar : br;
  o[k + 1] = first ? ai : bi;
}

/**
 * maximum/minimum return a NaN first operand, fmax/fmin ignore a NaN second one.
 * Ties go to the second operand as NumPy's SIMD float loops give them, and to
 * the first in its float16 loop (npy_half_ge), which matters for signed zeros.
 */
function extremum(name: string, strict: Cmp, loose: Cmp, cmp: CCmp, propagate: boolean): UfuncDef {
  const nanAt = (a: N, b: N) => Number.isNaN(propagate ? a : b);
  const real = (a: N, b: N) => (strict(a, b) || nanAt(a, b) ? a : b);
  const half = (a: N, b: N) => (loose(a, b) || nanAt(a, b) ? a : b);
  const big = (a: B, b: B) => (strict(a as never, b as never) ? a : b);
  const nan = (x: N, y: N) => Number.isNaN(x) || Number.isNaN(y);
  const complex = propagate
    ? (o: Out, k: N, ar: N, ai: N, br: N, bi: N) =>
        pick(o, k, cmp(ar, ai, br, bi) || nan(ar, ai), ar, ai, br, bi)
    : (o: Out, k: N, ar: N, ai: N, br: N, bi: N) =>
        pick(o, k, cmp(ar, ai, br, bi) || nan(br, bi), ar, ai, br, bi);
  const bool = strict(1, 0) ? (a: N, b: N) => (a | b) !== 0 : (a: N, b: N) => a !== 0 && b !== 0;
  return {
    name,
    nin: 2,
    identity: null,
    loops: [
      ...into('?', 2, '?', bool),
      ...same(SMALL_INTS, 2, real),
      ...same(BIG_INTS, 2, big),
      ...same('e', 2, half),
      ...same('fd', 2, real),
      ...same(COMPLEX, 2, complex),
    ],
  };
}

const gt: Cmp = (a, b) => a > b;
const ge: Cmp = (a, b) => a >= b;
const lt: Cmp = (a, b) => a < b;
const le: Cmp = (a, b) => a <= b;
export const maximum = extremum('maximum', gt, ge, cge, true);
export const minimum = extremum('minimum', lt, le, cle, true);
export const fmax = extremum('fmax', gt, ge, cge, false);
export const fmin = extremum('fmin', lt, le, cle, false);

/** NumPy's clip loop: min(max(x, lo), hi), where a NaN x or bound propagates. */
const clipReal = (x: N, lo: N, hi: N) => {
  const t = Number.isNaN(x) || x > lo ? x : lo;
  return Number.isNaN(t) || t < hi ? t : hi;
};

export const clip: UfuncDef = {
  name: 'clip',
  nin: 3,
  identity: null,
  loops: [
    ...same('?', 3, (x: N, lo: N, hi: N) =>
      clipReal(x !== 0 ? 1 : 0, lo !== 0 ? 1 : 0, hi !== 0 ? 1 : 0),
    ),
    ...same(SMALL_INTS, 3, clipReal),
    ...same(BIG_INTS, 3, (x: B, lo: B, hi: B) => {
      const t = x > lo ? x : lo;
      return t < hi ? t : hi;
    }),
    ...same(FLOATS, 3, clipReal),
    ...same(COMPLEX, 3, (o: Out, k: N, xr: N, xi: N, lr: N, li: N, hr: N, hi: N) => {
      const x = Number.isNaN(xr) || Number.isNaN(xi) || cgt(xr, xi, lr, li);
      const tr = x ? xr : lr;
      const ti = x ? xi : li;
      const t = Number.isNaN(tr) || Number.isNaN(ti) || clt(tr, ti, hr, hi);
      o[k] = t ? tr : hr;
      o[k + 1] = t ? ti : hi;
    }),
  ],
};
