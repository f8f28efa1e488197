// NaN and Inf in the Level-2 routines. trsv and trmv (after tlapack/testBLAS):
// integer systems with power-of-two diagonals are solved exactly; NaN or Inf
// placed in T where it meets a zero of x (reference BLAS skips those columns)
// must turn every solution entry that depends on it into NaN and leave every
// other entry exact, and neither the other triangle nor a unit diagonal may
// be read. The rest: the zero-scalar shortcuts keep NaN from being read, and
// NaN meeting a zero still propagates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as blas from '../../src/blas/index.js';
import type { DTypeName, NDArray } from '../../src/index.js';
import { type C, c, conj } from './cplx.js';
import { type LayoutName, operand, rng, values } from './harness.js';

const DTYPES: readonly DTypeName[] = ['float32', 'float64', 'complex64', 'complex128'];
const LAYOUTS: readonly LayoutName[] = ['row', 'col', 'negative', 'unaligned'];
const SIZES = [1, 2, 3, 9, 17];
const NAN = Number.NaN;
const INF = Number.POSITIVE_INFINITY;

const isComplex = (d: DTypeName) => d.startsWith('complex');

/** An operand of `shape` in `layout` (inside sentinel padding) holding `entry(index)`. */
function filled(
  shape: number[],
  d: DTypeName,
  layout: LayoutName,
  entry: (i: number, j: number) => C,
) {
  const a = operand(shape, d, layout, rng(1));
  const [m, n] = shape.length === 1 ? [shape[0], 1] : shape;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const v = entry(i, j);
      a.set(shape.length === 1 ? [i] : [i, j], isComplex(d) ? v : v.re);
    }
  }
  return a;
}

const vectorOf = (xs: C[], d: DTypeName, layout: LayoutName) =>
  filled([xs.length], d, layout, (i) => xs[i]);

const inTriangle = (upper: boolean, i: number, j: number) => (upper ? j >= i : j <= i);

interface System {
  readonly n: number;
  readonly upper: boolean;
  readonly unit: boolean;
  readonly conjA: boolean;
  /** Stored entries: integers in the triangle, powers of two on the diagonal, NaN elsewhere. */
  readonly t: C[][];
  /** The exact solution, integer, with x[zero] = 0. */
  readonly x: C[];
  readonly zero: number;
}

/** T x as the routine means it (unit diagonal, conj), exact for these integers. */
function times(s: System, xs: C[]): C[] {
  return xs.map((_, i) => {
    let re = 0;
    let im = 0;
    for (let j = 0; j < s.n; j++) {
      if (!inTriangle(s.upper, i, j)) continue;
      const v = i === j && s.unit ? c(1) : s.conjA ? conj(s.t[i][j]) : s.t[i][j];
      re += v.re * xs[j].re - v.im * xs[j].im;
      im += v.re * xs[j].im + v.im * xs[j].re;
    }
    return c(re, im);
  });
}

function system(n: number, d: DTypeName, r: () => number): System {
  const int = (k: number) => Math.floor(r() * (2 * k + 1)) - k;
  const cplx = isComplex(d);
  const upper = r() < 0.5;
  const unit = r() < 0.3;
  const t = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      if (i === j) return c((r() < 0.5 ? -1 : 1) * 2 ** Math.floor(r() * 3));
      return inTriangle(upper, i, j) ? c(int(4), cplx ? int(4) : 0) : c(NAN, NAN);
    }),
  );
  if (unit) for (let i = 0; i < n; i++) t[i][i] = c(NAN, NAN);
  const zero = Math.floor(r() * n);
  const x = Array.from({ length: n }, (_, i) =>
    i === zero || r() < 0.3 ? c(0) : c(int(9), cplx ? int(9) : 0),
  );
  return { n, upper, unit, conjA: cplx && r() < 0.5, t, x, zero };
}

/** Rows whose result depends on row `i` of the substitution (trsv) or only row i (trmv). */
function affected(s: System, i: number, solve: boolean): (k: number) => boolean {
  if (!solve) return (k) => k === i;
  return s.upper ? (k) => k <= i : (k) => k >= i;
}

/** Entries where `hit` holds are NaN (both parts for complex); the others exactly `want`. */
function assertOutcome(
  got: C[],
  want: C[],
  hit: (k: number) => boolean,
  complex: boolean,
  where: string,
): void {
  got.forEach((g, k) => {
    if (hit(k)) {
      const nan = Number.isNaN(g.re) && (!complex || Number.isNaN(g.im));
      assert.ok(nan, `${where}: x[${k}] = ${g.re},${g.im}, want NaN`);
    } else {
      assert.ok(
        g.re === want[k].re && g.im === want[k].im,
        `${where}: x[${k}] = ${g.re},${g.im}, want ${want[k].re},${want[k].im}`,
      );
    }
  });
}

/** Runs trsv or trmv on `s` with T(i, j) replaced by `v` (in its real or imaginary part). */
function runTriangular(
  solve: boolean,
  s: System,
  d: DTypeName,
  layouts: [LayoutName, LayoutName],
  poke: { i: number; j: number; v: number; imag: boolean } | null,
): C[] {
  const t = s.t.map((row) => [...row]);
  if (poke !== null) {
    const old = t[poke.i][poke.j];
    t[poke.i][poke.j] = poke.imag ? c(old.re, poke.v) : c(poke.v, isComplex(d) ? old.im : 0);
  }
  const a = filled([s.n, s.n], d, layouts[0], (i, j) => t[i][j]);
  const x = vectorOf(solve ? times(s, s.x) : s.x, d, layouts[1]);
  const options = {
    uplo: s.upper ? 'upper' : 'lower',
    diag: s.unit ? 'unit' : 'nonunit',
    ...(isComplex(d) ? { conj: { a: s.conjA } } : {}),
  } as const;
  (solve ? blas.trsv : blas.trmv)(a, x, options);
  return values(x);
}

for (const solve of [true, false]) {
  const name = solve ? 'trsv' : 'trmv';
  test(`${name}: NaN/Inf in T reaches exactly the entries that depend on it`, (t) => {
    const r = rng(solve ? 0x7e5 : 0x7e6);
    let cases = 0;
    for (const d of DTYPES) {
      for (const n of SIZES) {
        for (let rep = 0; rep < 12; rep++) {
          const s = system(n, d, r);
          const layouts: [LayoutName, LayoutName] = [
            LAYOUTS[rep % LAYOUTS.length],
            LAYOUTS[(rep >> 2) % LAYOUTS.length],
          ];
          const where = `${name} ${d} n=${n} ${s.upper ? 'upper' : 'lower'}${s.unit ? ' unit' : ''} ${layouts}`;
          const want = solve ? s.x : times(s, s.x);
          // Clean: exact, so the NaN elsewhere (other triangle, unit diagonal) was not read.
          assertOutcome(
            runTriangular(solve, s, d, layouts, null),
            want,
            () => false,
            isComplex(d),
            where,
          );
          cases++;
          // A special value in column `zero` of the triangle, where x is 0: Inf * 0 is NaN too.
          const j = s.zero;
          const rows = [...Array(n).keys()].filter((i) => inTriangle(s.upper, i, j));
          const i = rows[Math.floor(r() * rows.length)];
          const diagonal = i === j;
          if (diagonal && s.unit) continue;
          const v = diagonal ? NAN : [NAN, INF, -INF][Math.floor(r() * 3)];
          const imag = isComplex(d) && r() < 0.5;
          const got = runTriangular(solve, s, d, layouts, { i, j, v, imag });
          assertOutcome(
            got,
            want,
            affected(s, i, solve),
            isComplex(d),
            `${where} T[${i},${j}] = ${v}`,
          );
          cases++;
        }
      }
    }
    t.diagnostic(`${name}: ${cases} systems`);
  });
}

test('trsv: NaN in b reaches every later step of the substitution, through zeros of T', () => {
  for (const d of DTYPES) {
    for (const upper of [true, false]) {
      const n = 6;
      const k = 2;
      // T = 2 I: every off-diagonal entry is zero, and NaN must still pass through it.
      const a = filled([n, n], d, 'col', (i, j) =>
        i === j ? c(2) : inTriangle(upper, i, j) ? c(0) : c(NAN, NAN),
      );
      const x = vectorOf(
        [...Array(n)].map((_, i) => (i === k ? c(NAN, NAN) : c(2 * i))),
        d,
        'negative',
      );
      blas.trsv(a, x, { uplo: upper ? 'upper' : 'lower' });
      const hit = upper ? (i: number) => i <= k : (i: number) => i >= k;
      assertOutcome(
        values(x),
        [...Array(n)].map((_, i) => c(i)),
        hit,
        isComplex(d),
        `${d} ${upper ? 'upper' : 'lower'}`,
      );
    }
  }
});

/** n x n complex128 operand with `entry`, for the shortcut tests. */
const sq = (n: number, entry: (i: number, j: number) => C) =>
  filled([n, n], 'complex128', 'row', entry);
const vec = (xs: C[]) => vectorOf(xs, 'complex128', 'gapped');
const allNaN = () => c(NAN, NAN);
const bytes = (a: NDArray) => new Uint8Array(a.buffer.slice(0));

test('symv/hemv: alpha = 0 reads neither A nor x; beta = 0 does not read y', () => {
  for (const [routine, d] of [
    [blas.symv, 'float64'],
    [blas.hemv, 'complex128'],
  ] as const) {
    const nanA = filled([3, 3], d, 'row', allNaN);
    const y = vectorOf([c(1), c(2), c(3)], d, 'row');
    routine(0, nanA, vectorOf([allNaN(), allNaN(), allNaN()], d, 'row'), 2, y);
    assert.deepEqual(values(y), [c(2), c(4), c(6)]);
    const a = filled([3, 3], d, 'col', (i, j) => c(i === j ? 1 : 0));
    const nanY = vectorOf([allNaN(), allNaN(), allNaN()], d, 'row');
    routine(1, a, vectorOf([c(1), c(2), c(3)], d, 'row'), 0, nanY);
    assert.deepEqual(values(nanY), [c(1), c(2), c(3)]);
  }
});

test('symv/hemv: NaN in x reaches every entry, through zeros of A', () => {
  const a = sq(3, () => c(0));
  const y = vec([c(1), c(1), c(1)]);
  blas.hemv(1, a, vec([c(1), c(NAN), c(1)]), 1, y);
  for (const v of values(y)) assert.ok(Number.isNaN(v.re));
});

test('rank updates: alpha = 0 leaves A bit-identical and reads neither x nor y', () => {
  const nanX = () => vec([allNaN(), allNaN(), allNaN()]);
  const updates: [string, (a: NDArray) => void][] = [
    ['ger', (a) => blas.ger(0, nanX(), nanX(), a)],
    ['gerc', (a) => blas.gerc(0, nanX(), nanX(), a)],
    ['her', (a) => blas.her(0, nanX(), a)],
    ['her2', (a) => blas.her2(0, nanX(), nanX(), a)],
  ];
  for (const [name, run] of updates) {
    // A NaN imaginary part on the diagonal stays too: alpha = 0 returns before touching A.
    const a = sq(3, (i, j) => c(i + j, i === j ? NAN : i - j));
    const before = bytes(a);
    run(a);
    assert.deepEqual(bytes(a), before, name);
  }
});

test('rank updates: NaN in x meets zeros of y and still reaches its row and column', () => {
  const a = sq(3, () => c(1));
  blas.ger(1, vec([c(1), c(NAN), c(1)]), vec([c(0), c(0), c(0)]), a);
  const row = values(a).map((v, k) => Number.isNaN(v.re) === (Math.floor(k / 3) === 1));
  assert.ok(row.every(Boolean), 'ger: row 1 NaN, others finite');
  const h = sq(3, () => c(1));
  blas.her2(1, vec([c(1), c(NAN), c(1)]), vec([c(0), c(0), c(0)]), h, { uplo: 'upper' });
  values(h).forEach((v, k) => {
    const [i, j] = [Math.floor(k / 3), k % 3];
    const hit = j >= i && (i === 1 || j === 1);
    assert.equal(Number.isNaN(v.re), hit, `her2: A[${i},${j}]`);
  });
});
