// Test-side reference for the Level-2 routines beyond gemv: obvious loops on
// {re, im} values over the referenced triangle (mirrored, conjugated for
// Hermitian, real diagonal), associating products as BLAS does (x_i times
// alpha y_j) so that NaN and Inf come out of the same operations; trsv is
// checked by its residual T x against b. The input adjusters put NaN where a
// routine must not read (the other triangle of an input, a unit diagonal, the
// imaginary part of a Hermitian diagonal) and make the diagonal of a solve
// dominant, as dblat2 does.
import type { NDArray } from '../../../src/index.js';
import { abs1, add, type C, c, conj, isZero, mul, ZERO } from '../cplx.js';
import type { Adjuster, Outcome, Reference } from '../harness.js';
import { values } from '../harness.js';

type Options = Parameters<Reference>[1];

const scalarOf = (v: unknown): C => (typeof v === 'number' ? c(v) : (v as C));
const vals = (v: unknown) => values(v as NDArray);
const NAN = c(Number.NaN, Number.NaN);
/** A real factor scales both parts (no 0 * Inf from an imaginary part that is not there). */
const scale = (r: number, v: C): C => c(r * v.re, r * v.im);

/** Whether element (i, j) lies in the triangle that uplo names (the diagonal always does). */
const inTriangle = (upper: boolean, i: number, j: number) => (upper ? j >= i : j <= i);

function symmetricMv(hermitian: boolean): Reference {
  return ({ alpha, a, x, beta, y }, o) => {
    const n = (a as NDArray).shape[0];
    const [al, be] = [scalarOf(alpha), scalarOf(beta)];
    const [av, xv] = [vals(a), vals(x)];
    const yv = isZero(be) ? [] : vals(y);
    const value: C[] = [];
    const gauge: number[] = [];
    for (let i = 0; i < n; i++) {
      const old = isZero(be) ? ZERO : mul(be, yv[i]);
      let g = isZero(be) ? 0 : abs1(be) * abs1(yv[i]);
      if (isZero(al)) {
        value.push(old);
        gauge.push(g);
        continue;
      }
      let s = ZERO;
      for (let j = 0; j < n; j++) {
        const stored = inTriangle(o.upper, i, j);
        const v = stored ? av[i * n + j] : av[j * n + i];
        const aij = hermitian && !stored ? conj(v) : v;
        s = add(s, hermitian && i === j ? scale(v.re, xv[j]) : mul(aij, xv[j]));
        g += abs1(al) * (hermitian && i === j ? Math.abs(v.re) : abs1(v)) * abs1(xv[j]);
      }
      value.push(add(mul(al, s), old));
      gauge.push(g);
    }
    return { arrays: { y: { value, gauge } } };
  };
}

/** T x over the triangle only (the zeros outside are structural, never multiplied). */
function triangularTimes(a: C[], n: number, o: Options, xs: C[]): Outcome {
  const t = (i: number, j: number) => (o.conj.a ? conj(a[i * n + j]) : a[i * n + j]);
  const value: C[] = [];
  const gauge: number[] = [];
  for (let i = 0; i < n; i++) {
    let s = o.unit ? xs[i] : mul(t(i, i), xs[i]);
    let g = o.unit ? abs1(xs[i]) : abs1(t(i, i)) * abs1(xs[i]);
    for (let j = 0; j < n; j++) {
      if (j === i || !inTriangle(o.upper, i, j)) continue;
      s = add(s, mul(t(i, j), xs[j]));
      g += abs1(t(i, j)) * abs1(xs[j]);
    }
    value.push(s);
    gauge.push(g);
  }
  return { value, gauge };
}

const trmv: Reference = ({ a, x }, o) => ({
  arrays: { x: triangularTimes(vals(a), (a as NDArray).shape[0], o, vals(x)) },
});

/** A solve passes when T x reproduces b within eps * (|T| |x| + |b|). */
const trsv: Reference = ({ a, x }, o) => {
  const n = (a as NDArray).shape[0];
  const av = vals(a);
  const b = vals(x);
  return {
    arrays: {
      x: (got: C[]) => {
        const tx = triangularTimes(av, n, o, got);
        return { got: tx.value, value: b, gauge: tx.gauge.map((g, i) => g + abs1(b[i])) };
      },
    },
  };
};

/**
 * A rank update of the m x n matrix A: `term(i, j)` is added where `touched`
 * holds; elsewhere A keeps its value. `realDiagonal`: her/her2 drop the
 * imaginary part of the diagonal. alpha = 0 returns A exactly as it was.
 */
function rankUpdate(
  alpha: C,
  a: NDArray,
  term: (i: number, j: number) => { value: C; gauge: number },
  touched: (i: number, j: number) => boolean,
  realDiagonal: boolean,
): Outcome {
  const [m, n] = a.shape;
  const av = vals(a);
  if (isZero(alpha)) return { value: av, gauge: av.map(() => 0) };
  const value: C[] = [];
  const gauge: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const old = av[i * n + j];
      if (!touched(i, j)) {
        value.push(old);
        gauge.push(0);
        continue;
      }
      const t = term(i, j);
      const v = add(old, t.value);
      const realPart = realDiagonal && i === j;
      value.push(realPart ? c(v.re) : v);
      gauge.push(t.gauge + (realPart ? Math.abs(old.re) : abs1(old)));
    }
  }
  return { value, gauge };
}

function ger(conjY: boolean): Reference {
  return ({ alpha, x, y, a }) => {
    const al = scalarOf(alpha);
    const [xv, yv] = [vals(x), vals(y)];
    const term = (i: number, j: number) => {
      const yj = conjY ? conj(yv[j]) : yv[j];
      return { value: mul(xv[i], mul(al, yj)), gauge: abs1(al) * abs1(xv[i]) * abs1(yj) };
    };
    return { arrays: { a: rankUpdate(al, a as NDArray, term, () => true, false) } };
  };
}

/** syr: x_i (alpha x_j); her: x_i (alpha conj(x_j)), alpha real. */
function rank1(hermitian: boolean): Reference {
  return ({ alpha, x, a }, o) => {
    const al = scalarOf(alpha);
    const xv = vals(x);
    const term = (i: number, j: number) => {
      const t = hermitian ? scale(al.re, conj(xv[j])) : mul(al, xv[j]);
      return { value: mul(xv[i], t), gauge: abs1(al) * abs1(xv[i]) * abs1(xv[j]) };
    };
    const touched = (i: number, j: number) => inTriangle(o.upper, i, j);
    return { arrays: { a: rankUpdate(al, a as NDArray, term, touched, hermitian) } };
  };
}

/** syr2: x_i (alpha y_j) + y_i (alpha x_j); her2: x_i (alpha conj(y_j)) + y_i conj(alpha x_j). */
function rank2(hermitian: boolean): Reference {
  return ({ alpha, x, y, a }, o) => {
    const al = scalarOf(alpha);
    const cj = (v: C) => (hermitian ? conj(v) : v);
    const [xv, yv] = [vals(x), vals(y)];
    const term = (i: number, j: number) => ({
      value: add(mul(xv[i], mul(al, cj(yv[j]))), mul(yv[i], cj(mul(al, xv[j])))),
      gauge: abs1(al) * (abs1(xv[i]) * abs1(yv[j]) + abs1(yv[i]) * abs1(xv[j])),
    });
    const touched = (i: number, j: number) => inTriangle(o.upper, i, j);
    return { arrays: { a: rankUpdate(al, a as NDArray, term, touched, hermitian) } };
  };
}

/** References that predict every NaN and Inf entry by entry (nan.test.ts uses them). */
export const LEVEL2_PRODUCTS: Record<string, Reference> = {
  symv: symmetricMv(false),
  hemv: symmetricMv(true),
  trmv,
  ger: ger(false),
  gerc: ger(true),
  syr: rank1(false),
  her: rank1(true),
  syr2: rank2(false),
  her2: rank2(true),
};

/** All of them: trsv's residual check cannot say where a NaN belongs (level2-nan.test.ts does). */
export const LEVEL2: Record<string, Reference> = { ...LEVEL2_PRODUCTS, trsv };

// Input adjusters. An operand whose rows alias (a zero stride) cannot hold NaN
// in one triangle only, so it keeps its values there. Updates (syr, her...)
// keep finite values in the other triangle instead: the check that it comes
// out exactly as it went in (gauge 0) catches any write there.

const aliased = (a: NDArray) => a.strides.some((s, i) => s === 0 && a.shape[i] > 1);
const complexOf = (a: NDArray) => a.dtype.name.startsWith('complex');
const item = (a: NDArray, i: number, j: number): C => {
  const v = a.item(i, j);
  return typeof v === 'object' ? (v as C) : c(Number(v));
};
const put = (a: NDArray, i: number, j: number, v: C) => a.set([i, j], complexOf(a) ? v : v.re);

/** NaN in the triangle uplo does not name (when `other`) and in the diagonal (all of it, or its imaginary part). */
function poison(
  a: NDArray,
  upper: boolean,
  other: boolean,
  diagonal: 'keep' | 'all' | 'imag',
): void {
  if (aliased(a)) return;
  const n = a.shape[0];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j && diagonal !== 'keep')
        put(a, i, i, diagonal === 'all' ? NAN : c(item(a, i, i).re, Number.NaN));
      else if (other && !inTriangle(upper, i, j)) put(a, i, j, NAN);
    }
  }
}

const symmetricInput: Adjuster = (args, o) => poison(args.a as NDArray, o.upper, true, 'keep');
const hermitianInput: Adjuster = (args, o) => poison(args.a as NDArray, o.upper, true, 'imag');
const hermitianUpdate: Adjuster = (args, o) => poison(args.a as NDArray, o.upper, false, 'imag');
const triangularInput: Adjuster = (args, o) =>
  poison(args.a as NDArray, o.upper, true, o.unit ? 'all' : 'keep');

/** Off-diagonal entries have |re|, |im| <= 1, so |T_ii| >= 2n makes T diagonally dominant. */
const solveInput: Adjuster = (args, o) => {
  const a = args.a as NDArray;
  triangularInput(args, o);
  if (o.unit) return;
  const n = a.shape[0];
  for (let i = 0; i < n; i++) {
    const d = item(a, i, i);
    put(a, i, i, c(d.re + (d.re < 0 ? -2 : 2) * n, d.im));
  }
};

export const LEVEL2_INPUTS: Record<string, Adjuster> = {
  symv: symmetricInput,
  hemv: hermitianInput,
  trmv: triangularInput,
  trsv: solveInput,
  her: hermitianUpdate,
  her2: hermitianUpdate,
};
