// NaN and Inf in the real Level-3 routines on the GEMM frame, in every wasm
// variant: special values placed in the read and the unread parts of every
// operand (the other triangle of a symmetric or triangular A, a unit
// diagonal, C when beta = 0, A and B when alpha = 0) and in the scalars, at
// an order whose halving puts them inside and between diagonal blocks. The
// blocked kernel and the reference kernel run on copies of one call and must
// agree entry by entry: NaN where the reference has NaN, the same
// infinities, finite values close (so trsm is covered, whose conformance
// check is a residual); a rank update leaves the other triangle of C bit for
// bit (a NaN payload survives).
import assert from 'node:assert/strict';
import { JS_KERNELS } from '../../src/backends/js.js';
import { WASM_LEVEL3 } from '../../src/blas/dispatch-wasm.js';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import type { KernelCall, KernelOperand } from '../../src/kernels/types.js';
import { rng } from '../blas/harness.js';
import {
  optionSets,
  ROUTINES,
  rankUpdate,
  realSignatures,
  seedOf,
  specOf,
  variantTest,
} from './level3-twins.js';

type Real = Float64Array | Float32Array;
type Layout = 'row' | 'col' | 'reversed';
const KERNEL_LAYOUTS: readonly Layout[] = ['row', 'col', 'reversed'];

/** An order halved down to diagonal blocks of order <= 32 (rank updates) or 16 (triangular), off-diagonal blocks between. */
const ORDER = 70;
const OTHER = 9;

/** A rows x cols operand in `layout` with random values and exact zeros on every third diagonal (0 * Inf = NaN). */
function kernelOperand(
  rows: number,
  cols: number,
  f32: boolean,
  layout: Layout,
  r: () => number,
): KernelOperand {
  const data = f32 ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  const st = { row: [cols, 1], col: [1, rows], reversed: [-cols, -1] }[layout];
  const off = layout === 'reversed' ? rows * cols - 1 : 0;
  const op = { data, off, st };
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) data[at(op, i, j)] = (i + j) % 3 === 1 ? 0 : r() * 2 - 1;
  return op;
}

const at = (op: KernelOperand, i: number, j: number) => op.off + i * op.st[0] + j * op.st[1];
const copyOf = (op: KernelOperand): KernelOperand => ({ ...op, data: op.data.slice() });

/** A NaN with a payload (R's NA in float64) in element (i, j), written as bits. */
function putPayloadNaN(op: KernelOperand, i: number, j: number): void {
  const words = new Uint32Array(op.data.buffer);
  const k = at(op, i, j);
  if (op.data instanceof Float32Array) words[k] = 0x7fc007a2;
  else [words[2 * k], words[2 * k + 1]] = [1954, 0x7ff00000];
}

/** Positions (i <= j) in the stored triangle when upper, mirrored when lower: diagonal, inside and across blocks. */
const STORED: readonly [number, number][] = [
  [0, 0],
  [1, 3],
  [10, 45],
  [41, 50],
  [20, 21],
  [69, 69],
];
/** Positions in rectangular operands, scaled to their shape. */
const SPREAD: readonly [number, number][] = [
  [0, 0],
  [0.6, 0.5],
  [1, 1],
];

interface Placement {
  readonly name: string;
  readonly i: number;
  readonly j: number;
}

/** Where special values go: read and unread parts of the structured operand, spread over the others. */
function placements(name: string, shapes: Record<string, number[]>, upper: boolean): Placement[] {
  const out: Placement[] = [];
  const structured = !rankUpdate(name);
  for (const [p, [rows, cols]] of Object.entries(shapes)) {
    if (structured && p === 'a') {
      for (const [i, j] of STORED) {
        out.push(upper ? { name: p, i, j } : { name: p, i: j, j: i });
        // Its mirror image in the triangle no routine reads.
        if (i !== j) out.push(upper ? { name: p, i: j, j: i } : { name: p, i, j });
      }
      continue;
    }
    for (const [u, v] of SPREAD)
      out.push({ name: p, i: Math.round(u * (rows - 1)), j: Math.round(v * (cols - 1)) });
  }
  return out;
}

const SPECIALS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
const SCALAR_PAIRS: readonly [number, number][] = [
  [0.7, 1.3],
  [0.7, 0],
  [-2, 1],
  [0, 1.3],
];

/**
 * The blocked kernel and the reference kernel on copies of one call: NaN
 * where the reference has NaN, the same infinities, finite values close;
 * a rank update's other triangle of C bit for bit.
 */
function compareTwins(name: string, sig: string, call: KernelCall, where: string): void {
  const out = name.startsWith('tr') ? 'b' : 'c';
  const mine = { ...call, ops: { ...call.ops, [out]: copyOf(call.ops[out]) } };
  const theirs = { ...call, ops: { ...call.ops, [out]: copyOf(call.ops[out]) } };
  WASM_LEVEL3[sig](mine);
  JS_KERNELS[name].real!(theirs);
  const [got, want] = [mine.ops[out].data as Real, theirs.ops[out].data as Real];
  const tol = got instanceof Float32Array ? 1e-3 : 1e-9;
  for (let k = 0; k < got.length; k++) {
    const [g, w] = [got[k], want[k]];
    const same = Number.isNaN(w)
      ? Number.isNaN(g)
      : Number.isFinite(w)
        ? Math.abs(g - w) <= tol * (1 + Math.abs(w))
        : Object.is(g, w);
    assert.ok(same, `${where}: element ${k} is ${g}, reference ${w}`);
  }
  if (!rankUpdate(name)) return;
  const c = call.ops.c;
  const n = call.dims.n;
  const bytes = c.data.BYTES_PER_ELEMENT;
  const [before, after] = [call.ops.c.data, got].map((d) => new Uint8Array(d.buffer));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (call.options.upper ? j >= i : j <= i) continue;
      const k = at(c, i, j) * bytes;
      for (let q = 0; q < bytes; q++)
        assert.equal(after[k + q], before[k + q], `${where}: C[${i}][${j}] byte ${q} changed`);
    }
  }
}

variantTest(
  'wasm Level 3: NaN/Inf propagate as in the reference kernels, unread parts do not leak',
  (t, variant) => {
    const r = rng(seedOf(variant, 0x5ca1));
    let cases = 0;
    let layout = 0;
    for (const name of ROUTINES) {
      const spec = specOf(name);
      for (const sig of realSignatures(spec)) {
        const f32 = sig.types.a === 'float32';
        for (const options of optionSets(spec)) {
          const o = { ...resolveOptions(spec, options), conj: {} };
          const dims: Record<string, number> = rankUpdate(name)
            ? { n: ORDER, k: OTHER }
            : o.left
              ? { m: ORDER, n: OTHER }
              : { m: OTHER, n: ORDER };
          const arrays = spec.params.filter((p) => p.kind === 'array');
          const shapes = Object.fromEntries(
            arrays.map((p) => [p.name, dimsOf(p, o).map((d) => dims[d])]),
          );
          const build = (alpha: number, beta: number): KernelCall => {
            const ops: Record<string, KernelOperand> = {};
            for (const [p, [rows, cols]] of Object.entries(shapes))
              ops[p] = kernelOperand(
                rows,
                cols,
                f32,
                KERNEL_LAYOUTS[layout++ % KERNEL_LAYOUTS.length],
                r,
              );
            if (name === 'trsm')
              for (let i = 0; i < ORDER; i++) ops.a.data[at(ops.a, i, i)] += 2 * ORDER;
            if (ops.c !== undefined) {
              for (let i = 0; i < shapes.c[0]; i++) {
                for (let j = 0; j < shapes.c[1]; j++) {
                  const written = !rankUpdate(name) || (o.upper ? j >= i : j <= i);
                  if (!written) putPayloadNaN(ops.c, i, j);
                  else if (beta === 0) ops.c.data[at(ops.c, i, j)] = Number.NaN;
                }
              }
            }
            return { dims, ops, scalars: { alpha, beta }, options: o };
          };
          const label = `${variant} ${sig.name} ${JSON.stringify(options)}`;
          for (const pl of placements(name, shapes, o.upper)) {
            const [alpha, beta] = SCALAR_PAIRS[cases % SCALAR_PAIRS.length];
            const v = SPECIALS[cases % SPECIALS.length];
            const call = build(alpha, beta);
            call.ops[pl.name].data[at(call.ops[pl.name], pl.i, pl.j)] = v;
            compareTwins(
              name,
              sig.name,
              call,
              `${label} ${pl.name}[${pl.i},${pl.j}] = ${v}, alpha ${alpha}, beta ${beta}`,
            );
            cases++;
          }
          for (const scalar of spec.params.filter((p) => p.kind === 'scalar')) {
            for (const v of SPECIALS) {
              const call = build(
                scalar.name === 'alpha' ? v : 0.7,
                scalar.name === 'beta' ? v : 1.3,
              );
              compareTwins(name, sig.name, call, `${label} ${scalar.name} = ${v}`);
              cases++;
            }
          }
        }
      }
    }
    t.diagnostic(`${variant}: ${cases} placements`);
    assert.ok(cases > 500);
  },
);
