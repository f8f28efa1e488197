// NaN and Inf in the complex Level-3 routines on the GEMM frame, in every
// wasm variant: special values in the real or imaginary part of the read and
// the unread parts of every operand (the other triangle of A, a unit
// diagonal, a Hermitian diagonal's imaginary part, C when beta = 0, the
// other triangle of C) and in the scalars, at an order whose halving puts
// them inside and between diagonal blocks, under every option (conj drawn). The
// blocked kernel and the reference kernel run on copies of one call and must
// agree entry by entry: NaN where the reference has NaN, the same
// infinities, finite values close; a rank update leaves the other triangle
// of C bit for bit. A special value only in an unread part must not send the
// call to the reference: such calls differ from it in some bit.
import assert from 'node:assert/strict';
import { JS_KERNELS } from '../../src/backends/js.js';
import { WASM_LEVEL3 } from '../../src/blas/dispatch-wasm.js';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import type {
  KernelCall,
  KernelOperand,
  KernelOptions,
  KernelScalar,
} from '../../src/kernels/types.js';
import { rng } from '../blas/harness.js';
import {
  COMPLEX_ROUTINES,
  complexSignatures,
  optionSets,
  rankUpdate,
  seedOf,
  specOf,
  variantTest,
} from './level3-twins.js';

type Real = Float64Array | Float32Array;
type Layout = 'row' | 'col' | 'reversed';
const LAYOUTS: readonly Layout[] = ['row', 'col', 'reversed'];
const ORDER = 70;
const OTHER = 9;
const SPECIALS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

const at = (op: KernelOperand, i: number, j: number) => op.off + i * op.st[0] + j * op.st[1];
const copyOf = (op: KernelOperand): KernelOperand => ({ ...op, data: op.data.slice() });

/** A complex rows x cols operand in `layout`, random, with exact zeros on every third diagonal (0 * Inf = NaN). */
function complexOperand(
  rows: number,
  cols: number,
  f32: boolean,
  layout: Layout,
  r: () => number,
): KernelOperand {
  const data = f32 ? new Float32Array(2 * rows * cols) : new Float64Array(2 * rows * cols);
  const st = { row: [2 * cols, 2], col: [2, 2 * rows], reversed: [-2 * cols, -2] }[layout];
  const op = { data, off: layout === 'reversed' ? 2 * (rows * cols - 1) : 0, st };
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const zero = (i + j) % 3 === 1;
      data[at(op, i, j)] = zero ? 0 : r() * 2 - 1;
      data[at(op, i, j) + 1] = zero ? 0 : r() * 2 - 1;
    }
  }
  return op;
}

/** Where a special value goes: operand, element, imaginary part or real. */
interface Placement {
  readonly name: string;
  readonly i: number;
  readonly j: number;
  readonly imag: boolean;
  /** In a part the routine does not read. */
  readonly unread: boolean;
}

function placements(
  name: string,
  shapes: Record<string, number[]>,
  o: KernelOptions,
  betaZero: boolean,
): Placement[] {
  const out: Placement[] = [];
  const stored = (i: number, j: number) => (o.upper ? j >= i : j <= i);
  const herm = name.startsWith('he');
  for (const [p, [rows, cols]] of Object.entries(shapes)) {
    const square = (p === 'a' && !rankUpdate(name)) || (p === 'c' && rankUpdate(name));
    const cells: [number, number][] = square
      ? [
          [0, 0],
          [1, 3],
          [3, 1],
          [10, 45],
          [45, 10],
          [41, 50],
          [20, 21],
          [69, 69],
        ]
      : [
          [0, 0],
          [Math.round(0.6 * (rows - 1)), Math.round(0.5 * (cols - 1))],
          [rows - 1, cols - 1],
        ];
    for (const [i, j] of cells) {
      for (const imag of [false, true]) {
        const diagonal = i === j;
        const unread =
          (p === 'c' && betaZero) ||
          (square && !stored(i, j)) ||
          (square && diagonal && p === 'a' && name.startsWith('tr') && o.unit) ||
          (square && diagonal && imag && herm);
        out.push({ name: p, i, j, imag, unread });
      }
    }
  }
  return out;
}

/** Reference and blocked kernel on copies of `call`; returns whether their outputs differ in some bit. */
function compareTwins(name: string, sig: string, call: KernelCall, where: string): boolean {
  const out = name.startsWith('tr') ? 'b' : 'c';
  const mine = { ...call, ops: { ...call.ops, [out]: copyOf(call.ops[out]) } };
  const theirs = { ...call, ops: { ...call.ops, [out]: copyOf(call.ops[out]) } };
  WASM_LEVEL3[sig](mine);
  JS_KERNELS[name].complex!(theirs);
  const [got, want] = [mine.ops[out].data as Real, theirs.ops[out].data as Real];
  const tol = got instanceof Float32Array ? 1e-3 : 1e-9;
  let differ = false;
  for (let k = 0; k < got.length; k++) {
    const [g, w] = [got[k], want[k]];
    const same = Number.isNaN(w)
      ? Number.isNaN(g)
      : Number.isFinite(w)
        ? Math.abs(g - w) <= tol * (1 + Math.abs(w))
        : Object.is(g, w);
    assert.ok(same, `${where}: component ${k} is ${g}, reference ${w}`);
    differ ||= !Object.is(g, w) && !(Number.isNaN(g) && Number.isNaN(w));
  }
  if (rankUpdate(name)) {
    const c = call.ops.c;
    const words = (d: Real) => new Uint8Array(d.buffer);
    const [before, after] = [words(c.data as Real), words(got)];
    const bytes = 2 * c.data.BYTES_PER_ELEMENT;
    for (let i = 0; i < call.dims.n; i++) {
      for (let j = 0; j < call.dims.n; j++) {
        if (call.options.upper ? j >= i : j <= i) continue;
        const k = at(c, i, j) * c.data.BYTES_PER_ELEMENT;
        for (let q = 0; q < bytes; q++)
          assert.equal(after[k + q], before[k + q], `${where}: C[${i}][${j}] byte ${q} changed`);
      }
    }
  }
  return differ;
}

/** Scalars of the routine: herk's alpha and beta and her2k's beta are real. */
function scalarsOf(name: string, alpha: KernelScalar, beta: number): Record<string, KernelScalar> {
  const real = (s: KernelScalar) => (typeof s === 'number' ? s : s.re);
  return {
    alpha: name === 'herk' ? real(alpha) : alpha,
    beta: name.startsWith('her') ? beta : { re: beta, im: 0 },
  };
}

variantTest(
  'wasm complex Level 3: NaN/Inf propagate as in the reference kernels, unread parts do not leak',
  (t, variant) => {
    const r = rng(seedOf(variant, 0xc5a1));
    let [cases, unread, framed] = [0, 0, 0];
    let layout = 0;
    for (const name of COMPLEX_ROUTINES) {
      const spec = specOf(name);
      for (const sig of complexSignatures(spec)) {
        const f32 = sig.types.a === 'complex64';
        // conj drawn per option combination (the twin test enumerates it): half the run time.
        const conjugable = spec.params.filter((p) => p.kind === 'array' && p.conjugable);
        const sets = optionSets(spec).map((o) =>
          conjugable.length === 0
            ? o
            : { ...o, conj: Object.fromEntries(conjugable.map((p) => [p.name, r() < 0.5])) },
        );
        for (const options of sets) {
          const resolved = resolveOptions(spec, options);
          const o: KernelOptions = {
            ...resolved,
            conj: (options.conj ?? {}) as KernelOptions['conj'],
          };
          const dims: Record<string, number> = rankUpdate(name)
            ? { n: ORDER, k: OTHER }
            : o.left
              ? { m: ORDER, n: OTHER }
              : { m: OTHER, n: ORDER };
          const shapes = Object.fromEntries(
            spec.params.flatMap((p) =>
              p.kind === 'array' ? [[p.name, dimsOf(p, resolved).map((d) => dims[d])]] : [],
            ),
          );
          const build = (alpha: KernelScalar, beta: number): KernelCall => {
            const ops: Record<string, KernelOperand> = {};
            for (const [p, [rows, cols]] of Object.entries(shapes))
              ops[p] = complexOperand(rows, cols, f32, LAYOUTS[layout++ % LAYOUTS.length], r);
            // A dominant diagonal, or small entries off a unit one, keep the solve well conditioned.
            if (name === 'trsm' && o.unit)
              for (let q = 0; q < ops.a.data.length; q++) ops.a.data[q] /= ORDER;
            else if (name === 'trsm')
              for (let i = 0; i < ORDER; i++) ops.a.data[at(ops.a, i, i)] += 2 * ORDER;
            if (beta === 0 && ops.c !== undefined) ops.c.data.fill(Number.NaN);
            return { dims, ops, scalars: scalarsOf(name, alpha, beta), options: o };
          };
          const label = `${variant} ${sig.name} ${JSON.stringify(options)}`;
          for (const betaZero of [false, true]) {
            if (betaZero && shapes.c === undefined) continue;
            for (const pl of placements(name, shapes, o, betaZero)) {
              const v = SPECIALS[cases % SPECIALS.length];
              const call = build({ re: 0.7, im: -0.3 }, betaZero ? 0 : 1.3);
              call.ops[pl.name].data[at(call.ops[pl.name], pl.i, pl.j) + (pl.imag ? 1 : 0)] = v;
              const where = `${label} ${pl.name}[${pl.i},${pl.j}]${pl.imag ? '.im' : '.re'} = ${v}`;
              const differ = compareTwins(name, sig.name, call, where);
              if (pl.unread) [unread, framed] = [unread + 1, framed + (differ ? 1 : 0)];
              cases++;
            }
          }
          for (const v of SPECIALS) {
            for (const alpha of [
              { re: v, im: 0.5 },
              { re: 0.5, im: v },
            ]) {
              compareTwins(
                name,
                sig.name,
                build(alpha, 1.3),
                `${label} alpha ${JSON.stringify(alpha)} (${v})`,
              );
              cases++;
            }
            if (shapes.c === undefined) continue;
            compareTwins(name, sig.name, build({ re: 0.7, im: -0.3 }, v), `${label} beta ${v}`);
            cases++;
          }
        }
      }
    }
    t.diagnostic(
      `${variant}: ${cases} placements, ${framed} of ${unread} with the special value unread ran on the frame`,
    );
    assert.ok(cases >= 1000);
    assert.ok(
      framed >= 0.9 * unread,
      `only ${framed} of ${unread} unread placements ran on the frame`,
    );
  },
);
