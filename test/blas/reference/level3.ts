// Test-side reference for the Level-3 routines beyond gemm: the full matrix
// is rebuilt from the referenced triangle (mirrored, conjugated for Hermitian
// with a real diagonal; structural zeros outside and ones on a unit diagonal
// for triangular) and multiplied by the triple loop, with the exceptional
// semantics of the kernels: real-by-definition entries scale both parts,
// structural zeros are never multiplied. Rank-k updates
// expect the triangle they do not write back exactly (gauge 0). trsm is
// checked by its residual op(T) X against alpha B. The input adjusters put NaN
// wherever a routine must not read (the other triangle of A, a unit diagonal,
// the imaginary part of a Hermitian diagonal, all of C when beta = 0, A and B
// when alpha = 0) and make the diagonal of a solve dominant, as dblat3 does.
import type { NDArray } from '../../../src/index.js';
import { abs1, add, type C, c, conj, isZero, mul, ZERO } from '../cplx.js';
import type { Adjuster, Reference } from '../harness.js';
import { values } from '../harness.js';

type Options = Parameters<Reference>[1];

const scalarOf = (v: unknown): C => (typeof v === 'number' ? c(v) : (v as C));
const vals = (v: unknown) => values(v as NDArray);
type Mul = (a: C, b: C) => C;

/** The full complex product: what the kernels compute for complex data, whatever the parts. */
const fullMul: Mul = (a, b) => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);

/** The product of an operand's arithmetic: `mul` multiplies zero-imaginary values as reals, which only real data may. */
const multiplier = (a: unknown): Mul =>
  (a as NDArray).dtype.name.startsWith('complex') ? fullMul : mul;

/** s z; a real scalar (herk's alpha and beta) scales both parts, as the kernels do. */
const times = (s: unknown, z: C, m: Mul): C =>
  typeof s === 'number' ? c(s * z.re, s * z.im) : m(s as C, z);

/** Whether element (i, j) lies in the triangle that uplo names (the diagonal always does). */
const inTriangle = (upper: boolean, i: number, j: number) => (upper ? j >= i : j <= i);

/**
 * An entry of a structured matrix: a complex value; a real one (a Hermitian
 * or unit diagonal) that scales both parts of what it multiplies, as
 * reference BLAS does; or null, a structural zero, never multiplied.
 */
type Entry = C | number | null;

const magnitude = (e: C | number) => (typeof e === 'number' ? Math.abs(e) : abs1(e));

/** The n x n matrix (C order) symm or hemm means, from the stored triangle of a. */
function fullSymmetric(a: C[], n: number, upper: boolean, hermitian: boolean): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const inside = inTriangle(upper, i, j);
      const v = inside ? a[i * n + j] : a[j * n + i];
      out.push(hermitian && i === j ? v.re : hermitian && !inside ? conj(v) : v);
    }
  }
  return out;
}

/** The n x n matrix op(T) trmm and trsm mean: 1 on a unit diagonal, null outside the triangle. */
function fullTriangular(a: C[], n: number, o: Options): Entry[] {
  const out: Entry[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = inTriangle(o.upper, i, j) ? a[i * n + j] : null;
      out.push(i === j && o.unit ? 1 : v !== null && o.conj.a ? conj(v) : v);
    }
  }
  return out;
}

/** alpha S B (left) or alpha B S (right) + beta C, S structured (k x k), B and C m x n. */
function structuredProduct(
  mult: Mul,
  o: Options,
  m: number,
  n: number,
  alpha: C,
  s: Entry[],
  b: C[],
  beta: C = ZERO,
  cv: C[] = [],
) {
  const k = o.left ? m : n;
  const value: C[] = [];
  const gauge: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const old = isZero(beta) ? ZERO : mult(beta, cv[i * n + j]);
      let g = isZero(beta) ? 0 : abs1(beta) * abs1(cv[i * n + j]);
      let acc = ZERO;
      for (let l = 0; l < k && !isZero(alpha); l++) {
        const [x, y] = o.left ? [s[i * k + l], b[l * n + j]] : [b[i * n + l], s[l * k + j]];
        if (x === null || y === null) continue;
        acc = add(acc, typeof x === 'number' ? times(x, y as C, mult) : times(y, x, mult));
        g += abs1(alpha) * magnitude(x) * magnitude(y);
      }
      value.push(isZero(alpha) ? old : add(mult(alpha, acc), old));
      gauge.push(g);
    }
  }
  return { value, gauge };
}

function symmetricMm(hermitian: boolean): Reference {
  return ({ alpha, a, b, beta, c: cc }, o) => {
    const [m, n] = (b as NDArray).shape;
    const s = fullSymmetric(vals(a), o.left ? m : n, o.upper, hermitian);
    const be = scalarOf(beta);
    const cv = isZero(be) ? [] : vals(cc);
    return {
      arrays: { c: structuredProduct(multiplier(b), o, m, n, scalarOf(alpha), s, vals(b), be, cv) },
    };
  };
}

/**
 * syrk, herk (one term: alpha A A') and syr2k, her2k (two: alpha A B' +
 * alpha2 B A', alpha2 = conj(alpha) when Hermitian), ' the transpose or the
 * conjugate transpose, plus beta C on the uplo triangle of C.
 */
function rankK(two: boolean, hermitian: boolean): Reference {
  return ({ alpha, a, b, beta, c: cc }, o) => {
    const [n, k] = (a as NDArray).shape;
    const m = multiplier(cc);
    const cj = (v: C) => (hermitian ? conj(v) : v);
    const av = vals(a).map((v) => (o.conj.a ? conj(v) : v));
    const bv = two ? vals(b).map((v) => (o.conj.b ? conj(v) : v)) : av;
    const al = scalarOf(alpha);
    const al2 = hermitian ? conj(al) : al;
    const zeroBeta = isZero(scalarOf(beta));
    const c0 = vals(cc);
    const value: C[] = [];
    const gauge: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const old = c0[i * n + j];
        if (!inTriangle(o.upper, i, j)) {
          value.push(old);
          gauge.push(0);
          continue;
        }
        const realDiagonal = hermitian && i === j;
        const base = realDiagonal ? c(old.re) : old;
        let v = zeroBeta ? ZERO : times(beta, base, m);
        let g = zeroBeta ? 0 : abs1(scalarOf(beta)) * abs1(base);
        if (!isZero(al)) {
          let s1 = ZERO;
          let s2 = ZERO;
          for (let l = 0; l < k; l++) {
            const [x, y] = [av[i * k + l], cj(bv[j * k + l])];
            s1 = add(s1, m(x, y));
            g += abs1(al) * abs1(x) * abs1(y);
            if (!two) continue;
            const [u, w] = [bv[i * k + l], cj(av[j * k + l])];
            s2 = add(s2, m(u, w));
            g += abs1(al) * abs1(u) * abs1(w);
          }
          v = add(v, times(alpha, s1, m));
          if (two) v = add(v, m(al2, s2));
        }
        value.push(realDiagonal ? c(v.re) : v);
        gauge.push(g);
      }
    }
    return { arrays: { c: { value, gauge } } };
  };
}

const trmm: Reference = ({ alpha, a, b }, o) => {
  const [m, n] = (b as NDArray).shape;
  const t = fullTriangular(vals(a), o.left ? m : n, o);
  return { arrays: { b: structuredProduct(multiplier(b), o, m, n, scalarOf(alpha), t, vals(b)) } };
};

/**
 * A solve passes when op(T) X (or X op(T)) reproduces alpha B within
 * eps * (|T| |X| + |alpha B|); alpha = 0 must give X = 0 exactly.
 */
const trsm: Reference = ({ alpha, a, b }, o) => {
  const [m, n] = (b as NDArray).shape;
  if (isZero(scalarOf(alpha))) {
    return { arrays: { b: { value: Array(m * n).fill(ZERO), gauge: Array(m * n).fill(0) } } };
  }
  const t = fullTriangular(vals(a), o.left ? m : n, o);
  const target = vals(b).map((v) => multiplier(b)(scalarOf(alpha), v));
  return {
    arrays: {
      b: (got: C[]) => {
        const r = structuredProduct(multiplier(b), o, m, n, c(1), t, got);
        return { got: r.value, value: target, gauge: r.gauge.map((g, i) => g + abs1(target[i])) };
      },
    },
  };
};

export const LEVEL3: Record<string, Reference> = {
  symm: symmetricMm(false),
  hemm: symmetricMm(true),
  syrk: rankK(false, false),
  herk: rankK(false, true),
  syr2k: rankK(true, false),
  her2k: rankK(true, true),
  trmm,
  trsm,
};

// Input adjusters. An operand whose rows alias (a zero stride) cannot hold NaN
// in one triangle only, so it keeps its values there. The triangle of C that
// rank-k updates do not write keeps finite values: the check that it comes out
// exactly as it went in (gauge 0) catches any write there.

const NAN = c(Number.NaN, Number.NaN);
const aliased = (a: NDArray) => a.strides.some((s, i) => s === 0 && a.shape[i] > 1);
const item = (a: NDArray, i: number, j: number): C => {
  const v = a.item(i, j);
  return typeof v === 'object' ? (v as C) : c(Number(v));
};
const put = (a: NDArray, i: number, j: number, v: C) =>
  a.set([i, j], a.dtype.name.startsWith('complex') ? v : v.re);

/** Sets every element (i, j) of a where `what` says: NaN, NaN in the imaginary part, or as is. */
function poison(a: NDArray, what: (i: number, j: number) => 'nan' | 'imag' | 'keep'): void {
  const [m, n] = a.shape;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const w = what(i, j);
      if (w === 'nan') put(a, i, j, NAN);
      else if (w === 'imag') put(a, i, j, c(item(a, i, j).re, Number.NaN));
    }
  }
}

const zeroScalar = (v: unknown) => isZero(scalarOf(v));

/** alpha = 0: nothing but C is read; beta = 0: C is not read (all of it, or its uplo triangle). */
function unreadScalars(args: Record<string, unknown>, o: Options, triangleOfC: boolean): boolean {
  const inputs = ['a', 'b'].filter((k) => args[k] !== undefined);
  const alphaZero = zeroScalar(args.alpha);
  if (alphaZero) for (const k of inputs) poison(args[k] as NDArray, () => 'nan');
  if ('beta' in args && zeroScalar(args.beta)) {
    const inside = (i: number, j: number) => !triangleOfC || inTriangle(o.upper, i, j);
    poison(args.c as NDArray, (i, j) => (inside(i, j) ? 'nan' : 'keep'));
  }
  return alphaZero;
}

/** The stored triangle of a square a is read; with `diagonal`, also what of its diagonal. */
function storedOnly(a: NDArray, upper: boolean, diagonal: 'nan' | 'imag' | 'keep'): void {
  if (aliased(a)) return;
  poison(a, (i, j) => (i === j ? diagonal : inTriangle(upper, i, j) ? 'keep' : 'nan'));
}

function symmetricInput(hermitian: boolean): Adjuster {
  return (args, o) => {
    if (unreadScalars(args, o, false)) return;
    storedOnly(args.a as NDArray, o.upper, hermitian ? 'imag' : 'keep');
  };
}

/** Hermitian updates do not read the imaginary part of C's diagonal. */
function updateInput(hermitian: boolean): Adjuster {
  return (args, o) => {
    unreadScalars(args, o, true);
    const cc = args.c as NDArray;
    if (hermitian && !zeroScalar(args.beta)) poison(cc, (i, j) => (i === j ? 'imag' : 'keep'));
  };
}

const triangularInput: Adjuster = (args, o) => {
  if (unreadScalars(args, o, false)) return;
  storedOnly(args.a as NDArray, o.upper, o.unit ? 'nan' : 'keep');
};

/** Off-diagonal entries have |re|, |im| <= 1, so |T_ii| >= 2n makes T diagonally dominant. */
const solveInput: Adjuster = (args, o) => {
  triangularInput(args, o);
  const a = args.a as NDArray;
  if (o.unit || zeroScalar(args.alpha)) return;
  const n = a.shape[0];
  for (let i = 0; i < n; i++) {
    const d = item(a, i, i);
    put(a, i, i, c(d.re + (d.re < 0 ? -2 : 2) * n, d.im));
  }
};

export const LEVEL3_INPUTS: Record<string, Adjuster> = {
  symm: symmetricInput(false),
  hemm: symmetricInput(true),
  syrk: updateInput(false),
  herk: updateInput(true),
  syr2k: updateInput(false),
  her2k: updateInput(true),
  trmm: triangularInput,
  trsm: solveInput,
};
