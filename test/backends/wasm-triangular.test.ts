// The wasm diagonal-block kernel of trmm and trsm (backends/wasm/triangular.ts)
// against its reference twin, the reference trmm/trsm kernels with alpha = 1,
// in every variant this engine runs: orders 1..32 (the diagonal blocks),
// column counts across the kernel's vector width and its column chunks,
// upper/lower, unit/non-unit, trmm/trsm, real and complex with and without
// conj, T and B in row, column, negative, gapped and (for T) zero-stride
// layouts inside NaN-filled padding: the result must agree, NaN and Inf in
// the read triangle must propagate as in the reference, and nothing outside
// B's view or in the unread part of T may be read or written.
import assert from 'node:assert/strict';
import { wasmDiagonal } from '../../src/backends/wasm/triangular.js';
import type { DiagonalProblem } from '../../src/blas/frame/triangular-blocked.js';
import {
  trmmComplex,
  trmmReal,
  trsmComplex,
  trsmReal,
} from '../../src/kernels/ref/level3-triangular.js';
import type { KernelOperand } from '../../src/kernels/types.js';
import { rng } from '../blas/harness.js';
import { seedOf, variantTest } from './level3-twins.js';

type Layout = 'row' | 'col' | 'negative' | 'gapped' | 'zero';
const ORDERS = [1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 31, 32];
const COLUMNS = [1, 2, 3, 4, 5, 7, 9, 64, 127, 128, 129, 300];
const PAD = 16;

/** A rows x cols operand (w values per element) in `layout`, inside NaN padding; `fill` gives element values. */
function operand(
  rows: number,
  cols: number,
  w: number,
  layout: Layout,
  f32: boolean,
  fill: (i: number, j: number, part: number) => number,
): KernelOperand {
  const g = layout === 'gapped' ? 2 : 1;
  const [rs, cs] = {
    row: [w * cols, w],
    col: [w, w * rows],
    negative: [-w * cols, -w],
    gapped: [g * w * cols, g * w],
    zero: [0, w],
  }[layout];
  const span = Math.abs(rs) * Math.max(rows - 1, 0) + Math.abs(cs) * Math.max(cols - 1, 0) + w;
  const data = f32 ? new Float32Array(span + 2 * PAD) : new Float64Array(span + 2 * PAD);
  data.fill(Number.NaN);
  const off = PAD + (rs < 0 ? -rs * (rows - 1) : 0) + (cs < 0 ? -cs * (cols - 1) : 0);
  const op = { data, off, st: [rs, cs] };
  for (let i = 0; i < (layout === 'zero' ? 1 : rows); i++)
    for (let j = 0; j < cols; j++)
      for (let q = 0; q < w; q++) data[off + i * rs + j * cs + q] = fill(i, j, q);
  return op;
}

const REFERENCE = {
  real: { trmm: trmmReal, trsm: trsmReal },
  complex: { trmm: trmmComplex, trsm: trsmComplex },
};

/** The twin: the reference kernel, left side, alpha = 1. */
function reference(p: DiagonalProblem): void {
  const kind = p.complex ? 'complex' : 'real';
  REFERENCE[kind][p.solve ? 'trsm' : 'trmm']({
    dims: { m: p.m, n: p.n },
    ops: { a: p.t, b: p.b },
    scalars: { alpha: p.complex ? { re: 1, im: 0 } : 1 },
    options: { upper: p.upper, left: true, unit: p.unit, conj: { a: p.conj } },
  });
}

/** Same class for non-finite values (NaN payloads aside), close for finite ones. */
function agree(got: number, want: number, tol: number): boolean {
  if (Number.isNaN(want)) return Number.isNaN(got);
  if (!Number.isFinite(want)) return Object.is(got, want);
  return Math.abs(got - want) <= tol * (1 + Math.abs(want));
}

variantTest('wasm diagonal-block kernel matches the reference trmm/trsm', (t, variant) => {
  const r = rng(seedOf(variant, 0x7d1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  let cases = 0;
  let specials = 0;
  for (const complex of [false, true]) {
    for (const solve of [false, true]) {
      for (const upper of [false, true]) {
        for (const unit of [false, true]) {
          for (let rep = 0; rep < 12; rep++) {
            const [m, n] = [pick(ORDERS), pick(COLUMNS)];
            const w = complex ? 2 : 1;
            const f32 = r() < 0.5;
            const conj = complex && r() < 0.5;
            const inside = (i: number, j: number) => (i === j ? !unit : upper ? j > i : j < i);
            // Unread entries NaN; a dominant diagonal (solve) or small entries keep values finite.
            // Zero row stride repeats row 0: its small diagonal would make a non-unit solve ill-posed.
            const layouts: Layout[] = ['row', 'col', 'negative', 'gapped'];
            const tLayout = pick<Layout>(unit || !solve ? [...layouts, 'zero'] : layouts);
            const T = operand(m, m, w, tLayout, f32, (i, j, q) => {
              if (tLayout !== 'zero' && !inside(i, j)) return Number.NaN;
              if (i === j) return q === 0 ? 2 + r() : r() - 0.5;
              return (2 * r() - 1) / m;
            });
            const bLayout = pick<Layout>(['row', 'col', 'negative', 'gapped']);
            const B = operand(m, n, w, bLayout, f32, () => 2 * r() - 1);
            // One special value in every third real case, inside the read triangle or in B. Not
            // complex: the twin's alpha = (1, 0) multiplies 0 into a non-finite imaginary part
            // (the frame sends complex calls reading NaN or Inf to the reference kernels anyway).
            if (!complex && cases % 3 === 0) {
              const v = pick([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
              let [i, l] = [Math.floor(r() * m), Math.floor(r() * m)];
              if (!inside(i, l)) [i, l] = [l, i];
              const inT = tLayout !== 'zero' && inside(i, l) && r() < 0.5;
              const into = inT ? T : B;
              const col = inT ? l : Math.floor(r() * n);
              into.data[into.off + i * into.st[0] + col * into.st[1]] = v;
              specials++;
            }
            const p: DiagonalProblem = { t: T, b: B, m, n, upper, unit, solve, complex, conj };
            const theirs = { ...p, b: { ...B, data: B.data.slice() } };
            const tBefore = T.data.slice();
            wasmDiagonal(p);
            reference(theirs);
            const where = `${variant} ${complex ? 'complex' : 'real'} ${solve ? 'trsm' : 'trmm'} upper ${upper} unit ${unit} conj ${conj} m ${m} n ${n} T ${tLayout} B ${bLayout} f32 ${f32}`;
            const tol = f32 ? 1e-5 : 1e-12;
            for (let k = 0; k < B.data.length; k++)
              assert.ok(
                agree(B.data[k], theirs.b.data[k], tol),
                `${where}: value ${k} is ${B.data[k]}, reference ${theirs.b.data[k]}`,
              );
            // NaN padding of B: nothing outside the view written (NaN bits compared).
            const bits = (d: Float32Array | Float64Array) => new Uint8Array(d.buffer).join();
            assert.equal(
              bits(T.data as Float64Array),
              bits(tBefore as Float64Array),
              `${where}: T changed`,
            );
            cases++;
          }
        }
      }
    }
  }
  t.diagnostic(`${variant}: ${cases} cases, ${specials} with NaN or Inf`);
  assert.ok(cases >= 190);
});
