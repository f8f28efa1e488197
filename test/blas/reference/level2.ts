// Test-side reference for the Level-2 routines beyond gemv: the full matrix
// is rebuilt from the referenced triangle (mirrored, conjugated for Hermitian,
// real diagonal) and multiplied by the obvious loop; trsv is checked by its
// residual T x against b. The input adjusters put NaN where a routine must
// not read (the other triangle of an input, a unit diagonal, the imaginary
// part of a Hermitian diagonal) and make the diagonal of a solve dominant, as
// dblat2 does.
import type { NDArray } from '../../../src/index.js';
import { abs1, add, type C, c, conj, isZero, mul, ZERO } from '../cplx.js';
import type { Adjuster, Outcome, Reference } from '../harness.js';
import { values } from '../harness.js';
import { product } from './gemm.js';

type Options = Parameters<Reference>[1];

const scalarOf = (v: unknown): C => (typeof v === 'number' ? c(v) : (v as C));
const vals = (v: unknown) => values(v as NDArray);
const NAN = c(Number.NaN, Number.NaN);

/** Whether element (i, j) lies in the triangle that uplo names (the diagonal always does). */
const inTriangle = (upper: boolean, i: number, j: number) => (upper ? j >= i : j <= i);

/** The n x n matrix (C order) a symmetric or Hermitian routine means, from the stored triangle. */
function fullSymmetric(a: C[], n: number, upper: boolean, hermitian: boolean): C[] {
  const out: C[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = inTriangle(upper, i, j) ? a[i * n + j] : a[j * n + i];
      const mirrored = !inTriangle(upper, i, j);
      out.push(hermitian && i === j ? c(v.re) : hermitian && mirrored ? conj(v) : v);
    }
  }
  return out;
}

/** The n x n triangular matrix trmv and trsv mean: zeros outside, ones on a unit diagonal. */
function fullTriangular(a: C[], n: number, o: Options): C[] {
  const out: C[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = i === j && o.unit ? c(1) : inTriangle(o.upper, i, j) ? a[i * n + j] : ZERO;
      out.push(o.conj.a ? conj(v) : v);
    }
  }
  return out;
}

function symmetricMv(hermitian: boolean): Reference {
  return ({ alpha, a, x, beta, y }, o) => {
    const n = (a as NDArray).shape[0];
    const be = scalarOf(beta);
    const full = fullSymmetric(vals(a), n, o.upper, hermitian);
    const yv = isZero(be) ? [] : vals(y);
    const r = product(n, 1, n, scalarOf(alpha), full, vals(x), be, yv, false, false);
    return { arrays: { y: r } };
  };
}

const trmv: Reference = ({ a, x }, o) => {
  const n = (a as NDArray).shape[0];
  const t = fullTriangular(vals(a), n, o);
  return { arrays: { x: product(n, 1, n, c(1), t, vals(x), ZERO, [], false, false) } };
};

/** A solve passes when T x reproduces b within eps * (|T| |x| + |b|). */
const trsv: Reference = ({ a, x }, o) => {
  const n = (a as NDArray).shape[0];
  const t = fullTriangular(vals(a), n, o);
  const b = vals(x);
  return {
    arrays: {
      x: (got: C[]) => {
        const tx = product(n, 1, n, c(1), t, got, ZERO, [], false, false);
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
      return { value: mul(al, mul(xv[i], yj)), gauge: abs1(al) * abs1(xv[i]) * abs1(yj) };
    };
    return { arrays: { a: rankUpdate(al, a as NDArray, term, () => true, false) } };
  };
}

/** syr (hermitian false) and her: alpha x x^T or alpha x x^H on the stored triangle. */
function rank1(hermitian: boolean): Reference {
  return ({ alpha, x, a }, o) => {
    const al = scalarOf(alpha);
    const xv = vals(x);
    const term = (i: number, j: number) => {
      const xj = hermitian ? conj(xv[j]) : xv[j];
      return { value: mul(al, mul(xv[i], xj)), gauge: abs1(al) * abs1(xv[i]) * abs1(xj) };
    };
    const touched = (i: number, j: number) => inTriangle(o.upper, i, j);
    return { arrays: { a: rankUpdate(al, a as NDArray, term, touched, hermitian) } };
  };
}

/** syr2 (hermitian false) and her2: alpha x y^H + conj(alpha) y x^H on the stored triangle. */
function rank2(hermitian: boolean): Reference {
  return ({ alpha, x, y, a }, o) => {
    const al = scalarOf(alpha);
    const al2 = hermitian ? conj(al) : al;
    const cj = (v: C) => (hermitian ? conj(v) : v);
    const [xv, yv] = [vals(x), vals(y)];
    const term = (i: number, j: number) => ({
      value: add(mul(al, mul(xv[i], cj(yv[j]))), mul(al2, mul(yv[i], cj(xv[j])))),
      gauge: abs1(al) * (abs1(xv[i]) * abs1(yv[j]) + abs1(yv[i]) * abs1(xv[j])),
    });
    const touched = (i: number, j: number) => inTriangle(o.upper, i, j);
    return { arrays: { a: rankUpdate(al, a as NDArray, term, touched, hermitian) } };
  };
}

export const LEVEL2: Record<string, Reference> = {
  symv: symmetricMv(false),
  hemv: symmetricMv(true),
  trmv,
  trsv,
  ger: ger(false),
  gerc: ger(true),
  syr: rank1(false),
  her: rank1(true),
  syr2: rank2(false),
  her2: rank2(true),
};

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
