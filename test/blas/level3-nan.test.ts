// Exceptional values in the Level-3 routines, under every side, uplo and diag
// (and conj where it exists). NaN, +Inf and -Inf at the first, last, an
// interior and a tile-edge position of every input, and in alpha or beta,
// propagate exactly as the reference predicts: operands hold exact zeros and
// no zero is skipped (0 * Inf = NaN), while
// beta = 0 keeps C and alpha = 0 keeps A and B from being read. trsm follows
// testBLAS: on an exact integer system, NaN in T, or Inf meeting a zero of X,
// makes exactly the rows of X that depend on it NaN. Rank-k updates leave the
// other triangle of C bit for bit (a NaN payload survives, temporaries too),
// and Hermitian updates write a zero imaginary diagonal even when alpha = 0.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import {
  bySignature,
  type RoutineSpec,
  type Signature,
  SPECS,
  trsm,
} from '../../src/blas/index.js';
import { OPTION_VALUES } from '../../src/blas/spec/types.js';
import { type DTypeName, type NDArray, toDType, zeros } from '../../src/index.js';
import { padded } from '../helpers/sentinel.js';
import { type C, c } from './cplx.js';
import { checkCase, operand, rng, stridesFor, values } from './harness.js';
import { LEVEL3 } from './reference/level3.js';

const SPECIALS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
/** Order 9 covers first (0), tile edges (3, 4 for 4-wide tiles), interior (5) and last (8). */
const N = 9;
const POSITIONS = [0, 3, 4, 5, 8];
const SCALARS: readonly [number, number][] = [
  [0.7, 1.3],
  [0.7, 0],
  [0, 1.3],
];

const spec = (name: string) => SPECS.find((s) => s.name === name)!;
const isComplex = (d: string) => d.startsWith('complex');

/** Every combination of the routine's options, with conj drawn per combination. */
function optionSets(s: RoutineSpec, sig: Signature, r: () => number): Record<string, unknown>[] {
  const conjugable = s.params.filter((p) => p.kind === 'array' && p.conjugable).map((p) => p.name);
  const complex = Object.values(sig.types).some(isComplex);
  let sets: Record<string, unknown>[] = [{}];
  for (const name of s.options)
    sets = sets.flatMap((o) => OPTION_VALUES[name].map((v) => ({ ...o, [name]: v })));
  return sets.map((o) =>
    conjugable.length > 0 && complex
      ? { ...o, conj: Object.fromEntries(conjugable.map((n) => [n, r() < 0.5])) }
      : o,
  );
}

/** Exact zeros on every third diagonal, so each special value meets some 0 (0 * Inf = NaN). */
function withZeros(a: NDArray): NDArray {
  const [m, n] = a.shape;
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) if ((i + j) % 3 === 1) a.set([i, j], 0);
  return a;
}

/** Order-N operands (row-major, with zeros) and the given scalars. */
function placementInput(
  s: RoutineSpec,
  sig: Signature,
  options: Record<string, unknown>,
  [alpha, beta]: readonly [number, number],
  r: () => number,
): Record<string, unknown> {
  const o = resolveOptions(s, options);
  const args: Record<string, unknown> = {};
  for (const p of s.params) {
    if (p.kind === 'scalar') args[p.name] = p.name === 'beta' ? beta : alpha;
    else
      args[p.name] = withZeros(
        operand(
          dimsOf(p, o).map(() => N),
          sig.types[p.name],
          'row',
          r,
        ),
      );
  }
  return args;
}

/**
 * Puts v in the real or imaginary part of a[i][j]; the other part is kept,
 * or made 0.5 if it is zero, so that every complex operand of a product with
 * a special value has both parts (a value with a zero imaginary part is the
 * case where complex and real arithmetic differ on 0 * Inf).
 */
function setPart(a: NDArray, i: number, j: number, v: number, imag: boolean): void {
  const old = a.item(i, j);
  if (typeof old !== 'object') a.set([i, j], v);
  else {
    const other = (imag ? (old as C).re : (old as C).im) || 0.5;
    a.set([i, j], imag ? c(other, v) : c(v, other));
  }
}

test('Level 3 NaN/Inf placement follows the reference under every option', (t) => {
  const r = rng(0x3a7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  for (const name of ['symm', 'hemm', 'syrk', 'herk', 'syr2k', 'her2k', 'trmm']) {
    const s = spec(name);
    let cases = 0;
    for (const sig of s.signatures) {
      const complex = Object.values(sig.types).some(isComplex);
      for (const options of optionSets(s, sig, r)) {
        const upper = resolveOptions(s, options).upper;
        const run = (args: Record<string, unknown>, where: string) => {
          const label = `${sig.name} ${JSON.stringify(options)} ${where}`;
          checkCase(s, sig, { args, options }, LEVEL3[name], label);
          cases++;
        };
        for (const p of s.params) {
          if (p.kind !== 'array') continue;
          for (const pos of POSITIONS) {
            const [v, scalars] = [pick(SPECIALS), pick(SCALARS)];
            const args = placementInput(s, sig, options, scalars, r);
            // Just off the diagonal, moved into the triangle uplo names (square operands).
            const q = Math.min(pos + (pos % 2), N - 1);
            const [i, j] = upper ? [pos, q] : [q, pos];
            setPart(args[p.name] as NDArray, i, j, v, complex && pos % 2 === 1);
            run(args, `${p.name}[${i},${j}] = ${v}, alpha ${scalars[0]}, beta ${scalars[1]}`);
          }
        }
        for (const scalar of ['alpha', 'beta']) {
          if (!s.params.some((p) => p.name === scalar)) continue;
          for (const v of SPECIALS) {
            const args = placementInput(s, sig, options, [0.7, 1.3], r);
            args[scalar] = v;
            run(args, `${scalar} = ${v}`);
          }
        }
      }
    }
    t.diagnostic(`${name}: ${cases} placements`);
  }
});

/** Small integers (exact in every precision), complex when `complex`. */
const int = (r: () => number, complex: boolean, lo = 0): C =>
  c(lo + Math.floor(r() * (10 - lo)), complex ? Math.floor(r() * 10) : 0);

function matrixOf(rows: C[][], dtype: DTypeName): NDArray {
  const out = zeros([rows.length, rows[0].length], { dtype });
  rows.forEach((row, i) => {
    row.forEach((z, j) => {
      out.set([i, j], isComplex(dtype) ? z : z.re);
    });
  });
  return out;
}

/**
 * The exact left-side system op(T) X = 2 B of order m with n columns: T has
 * NaN outside its `upper` (or lower) triangle, powers of two on the diagonal
 * and small integers inside, X small integers with row `zeroRow` zero (or
 * none when -1), B = op(T) X / 2 (exact).
 */
function integerSystem(
  m: number,
  n: number,
  upper: boolean,
  conj: boolean,
  zeroRow: number,
  complex: boolean,
  r: () => number,
) {
  const inside = (i: number, j: number) => (upper ? j >= i : j <= i);
  const T = Array.from({ length: m }, (_, i) =>
    Array.from({ length: m }, (_, j) =>
      i === j ? c(2 ** Math.floor(r() * 4)) : inside(i, j) ? int(r, complex) : c(Number.NaN),
    ),
  );
  const X = Array.from({ length: m }, (_, i) =>
    Array.from({ length: n }, () => (i === zeroRow ? c(0) : int(r, complex, 1))),
  );
  const B = X.map((_, i) =>
    X[0].map((_, j) => {
      let s = c(0);
      for (let l = 0; l < m; l++) {
        if (!inside(i, l)) continue;
        const x = conj ? c(T[i][l].re, -T[i][l].im) : T[i][l];
        const y = X[l][j];
        s = c(s.re + x.re * y.re - x.im * y.im, s.im + x.re * y.im + x.im * y.re);
      }
      return c(s.re / 2, s.im / 2);
    }),
  );
  return { T, X, B };
}

/** Special values in T at (p, q) of the upper triangle, mirrored for lower; NaN only on the diagonal. */
const TRSM_PLACES: readonly [number, number][] = [
  [0, 0],
  [3, 3],
  [6, 6],
  [0, 6],
  [2, 4],
  [3, 5],
];

test('trsm: NaN in T, or Inf meeting a zero of X, makes exactly the dependent rows NaN', (t) => {
  const r = rng(0x75b);
  const [m, n] = [7, 3];
  let cases = 0;
  for (const sig of spec('trsm').signatures) {
    const dtype = sig.types.a as DTypeName;
    const complex = isComplex(dtype);
    for (const upper of [true, false]) {
      for (const conj of complex ? [false, true] : [false]) {
        for (const [p, q] of TRSM_PLACES) {
          // Inf on the diagonal divides to 0 legitimately: not a propagation case.
          for (const v of p === q ? [Number.NaN] : SPECIALS) {
            const [i0, j0] = upper ? [p, q] : [q, p];
            // Row j0 of X is zero, so T[i0][j0] X[j0] is Inf * 0 = NaN, which no skipping may hide.
            const { T, X, B } = integerSystem(m, n, upper, conj, i0 === j0 ? -1 : j0, complex, r);
            const old = T[i0][j0];
            T[i0][j0] = complex && (p + q) % 2 === 1 ? c(old.re, v) : c(v, old.im);
            const a = matrixOf(T, dtype);
            // Row i0 is NaN, then every row that uses it: above it when upper, below when lower.
            const affected = (i: number) => (upper ? i <= i0 : i >= i0);
            for (const left of [true, false]) {
              const b = matrixOf(B, dtype);
              // X^T op(T^T) = 2 B^T is the same system from the right, through transposed views.
              const opts = {
                side: left ? 'left' : 'right',
                uplo: upper === left ? 'upper' : 'lower',
                ...(complex ? { conj: { a: conj } } : {}),
              } as const;
              trsm(2, left ? a : a.T, left ? b : b.T, opts);
              values(b).forEach((g, k) => {
                const [i, j] = [Math.floor(k / n), k % n];
                const where = `${sig.name} ${JSON.stringify(opts)} T[${i0}][${j0}] = ${v}: X[${i}][${j}] = ${g.re},${g.im}`;
                if (affected(i))
                  assert.ok(Number.isNaN(g.re) && (!complex || Number.isNaN(g.im)), where);
                else assert.ok(g.re === X[i][j].re && g.im === X[i][j].im, where);
              });
              cases++;
            }
          }
        }
      }
    }
  }
  t.diagnostic(`trsm: ${cases} solves`);
});

test('trsm: alpha = 0 reads neither T nor B; NaN alpha makes all of X NaN', () => {
  for (const sig of spec('trsm').signatures) {
    const dtype = sig.types.a as DTypeName;
    const nan = isComplex(dtype) ? c(Number.NaN, Number.NaN) : Number.NaN;
    const a = zeros([4, 4], { dtype }).fill(nan);
    const b = zeros([4, 2], { dtype }).fill(Number.POSITIVE_INFINITY);
    trsm(0, a, b);
    assert.ok(
      values(b).every((z) => Object.is(z.re, 0) && Object.is(z.im, 0)),
      sig.name,
    );
    const eye = zeros([4, 4], { dtype });
    for (let i = 0; i < 4; i++) eye.set([i, i], 1);
    const ones = zeros([4, 2], { dtype }).fill(1);
    trsm(Number.NaN, eye, ones, { side: 'left', uplo: 'lower' });
    assert.ok(
      values(ones).every((z) => Number.isNaN(z.re)),
      sig.name,
    );
  }
});

/** A copy of the whole buffer under `a`, for byte-exact comparisons. */
const bytes = (a: NDArray) => new Uint8Array(a.buffer.slice(0));

test('rank-k updates keep the other triangle of C bit for bit; Hermitian diagonals come out real', (t) => {
  let cases = 0;
  const r = rng(0x2b);
  for (const name of ['syrk', 'herk', 'syr2k', 'her2k']) {
    const s = spec(name);
    for (const sig of s.signatures) {
      const dtype = sig.types.c as DTypeName;
      const item = dtype === 'float32' || dtype === 'complex64' ? 4 : 8;
      for (const upper of [true, false]) {
        for (const layout of ['row', 'unaligned'] as const) {
          for (const [alpha, beta] of [
            [0.7, 0],
            [0.7, 1.3],
            [0, 1],
          ]) {
            const n = 5;
            const cc = padded([n, n], stridesFor([n, n], toDType(dtype).itemsize, layout), dtype);
            // A NaN with a payload in every component of the other triangle, random values in the stored one.
            const view = new DataView(cc.buffer);
            for (let i = 0; i < n; i++) {
              for (let j = 0; j < n; j++) {
                const inside = upper ? j >= i : j <= i;
                if (inside) cc.set([i, j], isComplex(dtype) ? c(r(), r()) : r());
                else {
                  const at = cc.byteOffset + i * cc.strides[0] + j * cc.strides[1];
                  for (let part = 0; part < cc.itemsize; part += item) {
                    // R's NA (payload 1954) in float64, a payload NaN in float32.
                    if (item === 4) view.setUint32(at + part, 0x7fc007a2, true);
                    else {
                      view.setUint32(at + part, 1954, true);
                      view.setUint32(at + part + 4, 0x7ff00000, true);
                    }
                  }
                }
              }
            }
            const before = bytes(cc);
            const args: Record<string, unknown> = { c: cc, alpha, beta };
            for (const p of s.params)
              if (p.kind === 'array' && p.name !== 'c')
                args[p.name] = operand([n, 3], sig.types[p.name] as DTypeName, 'row', r);
            const call = s.params.map((p) => args[p.name]);
            bySignature[sig.name](...call, { uplo: upper ? 'upper' : 'lower' });
            const after = bytes(cc);
            for (let i = 0; i < n; i++) {
              for (let j = 0; j < n; j++) {
                const at = cc.byteOffset + i * cc.strides[0] + j * cc.strides[1];
                const inside = upper ? j >= i : j <= i;
                if (!inside) {
                  for (let k = 0; k < cc.itemsize; k++)
                    assert.equal(
                      after[at + k],
                      before[at + k],
                      `${sig.name} ${layout} C[${i}][${j}] byte ${k}`,
                    );
                } else if (i === j && name.startsWith('her')) {
                  assert.ok(
                    Object.is((cc.item(i, i) as C).im, 0),
                    `${sig.name} C[${i}][${i}] imaginary part`,
                  );
                }
              }
            }
            cases++;
          }
        }
      }
    }
  }
  t.diagnostic(`${cases} updates`);
});
