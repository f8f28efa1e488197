// The real Level-3 routines on the GEMM frame (symm, syrk, syr2k, trmm, trsm)
// against their reference twins, in every variant this engine runs: the
// conformance references on random orders across the diagonal-block and
// halving edges (1..300), every side/uplo/diag, layouts with negative, zero,
// gapped and unaligned strides, NaN wherever a routine must not read (the
// other triangle, a unit diagonal, C when beta = 0, A and B when alpha = 0);
// then NaN and Inf placed in read and unread parts, compared entry by entry
// with the reference kernels (trsm included, whose conformance check is a
// residual); and the registered kernels dispatching to the frame above the
// cut-over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JS_KERNELS } from '../../src/backends/js.js';
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { WASM_LEVEL3 } from '../../src/blas/dispatch-wasm.js';
import { prepareCall } from '../../src/blas/frame/prepare.js';
import { dimsOf, resolveOptions, validateCall } from '../../src/blas/frame/validate.js';
import { bySignature, type RoutineSpec, type Signature, SPECS } from '../../src/blas/index.js';
import { implementationOf } from '../../src/blas/registry.js';
import { OPTION_VALUES } from '../../src/blas/spec/types.js';
import type { NDArray } from '../../src/index.js';
import type { Kernel, KernelCall, KernelOperand } from '../../src/kernels/types.js';
import { checkCase, type LayoutName, operand, rng } from '../blas/harness.js';
import { REFERENCES } from '../blas/reference/index.js';
import { LEVEL3_INPUTS } from '../blas/reference/level3.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];
const ROUTINES = ['symm', 'syrk', 'syr2k', 'trmm', 'trsm'] as const;
/** Orders around the diagonal blocks (32), the halving points (multiples of 8) and the gemm blocks (128, 256). */
const ORDERS = [
  1, 2, 3, 5, 8, 15, 16, 17, 31, 32, 33, 40, 47, 63, 64, 65, 97, 128, 129, 200, 257, 300,
];
const SMALL = [1, 2, 3, 4, 5, 7, 8, 9, 13, 17];
const LAYOUTS: readonly LayoutName[] = [
  'row',
  'col',
  'negative',
  'negativeGapped',
  'unaligned',
  'zero',
];
const OUT_LAYOUTS: readonly LayoutName[] = ['row', 'col', 'negative', 'gapped', 'unaligned'];

const rankUpdate = (name: string) => name === 'syrk' || name === 'syr2k';
const specOf = (name: string) => SPECS.find((s) => s.name === name)!;
const realSignatures = (s: RoutineSpec) =>
  s.signatures.filter((g) => WASM_LEVEL3[g.name] !== undefined);

/** Every combination of the routine's options. */
function optionSets(s: RoutineSpec): Record<string, string>[] {
  let sets: Record<string, string>[] = [{}];
  for (const name of s.options)
    sets = sets.flatMap((o) => OPTION_VALUES[name].map((v) => ({ ...o, [name]: v })));
  return sets;
}

/** Validates and prepares as the public entry does, then runs the blocked kernel itself (no cut-over). */
function runner(spec: RoutineSpec, sig: Signature) {
  const kernel = WASM_LEVEL3[sig.name];
  return (...args: unknown[]) => {
    const p = prepareCall(validateCall(spec, args, undefined, sig));
    kernel(p.call);
    p.finish();
    return undefined;
  };
}

/** Dimension values: the order of the structured matrix from ORDERS, the other one small unless the order is. */
function sampleDims(name: string, left: boolean, r: () => number): Record<string, number> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const order = pick(ORDERS);
  const other = order <= 33 && r() < 0.5 ? pick([64, 129, 300]) : pick(SMALL);
  if (rankUpdate(name)) return { n: order, k: other };
  return left ? { m: order, n: other } : { m: other, n: order };
}

/** Keeps unit-diagonal solves of high order well conditioned: off-diagonal entries shrink by 1/order. */
function shrinkUnit(a: NDArray, order: number): void {
  for (let i = 0; i < order; i++)
    for (let j = 0; j < order; j++) if (i !== j) a.set([i, j], (a.item(i, j) as number) / order);
}

for (const variant of VARIANTS) {
  test(`wasm Level 3 (${variant.name}) matches the reference under every option`, (t) => {
    setDisabledFeatures(variant.disable);
    if (chooseVariant().variant !== variant.name) {
      t.skip(`${variant.name} not available: ${chooseVariant().reasons.join('; ')}`);
      return;
    }
    const r = rng(0x13b + variant.name.length);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    let cases = 0;
    let worst = 0;
    for (const name of ROUTINES) {
      const spec = specOf(name);
      for (const sig of realSignatures(spec)) {
        for (const options of optionSets(spec)) {
          const o = resolveOptions(spec, options);
          for (let rep = 0; rep < 3; rep++) {
            const dims = sampleDims(name, o.left, r);
            const args: Record<string, unknown> = {};
            for (const p of spec.params) {
              if (p.kind === 'scalar')
                args[p.name] = p.name === 'beta' ? pick([0, 1, 1.3]) : pick([1, 0.7, -2, 0]);
            }
            for (const p of spec.params) {
              if (p.kind !== 'array') continue;
              const shape = dimsOf(p, o).map((d) => dims[d]);
              // Aliased rows cannot be made diagonally dominant: a solve through them grows like 2^order.
              const wellPosed = name !== 'trsm' || p.name !== 'a' || shape[0] <= 17;
              const layouts =
                p.role === 'in' ? LAYOUTS.slice(0, wellPosed ? undefined : -1) : OUT_LAYOUTS;
              args[p.name] = operand(shape, sig.types[p.name], pick(layouts), r);
            }
            if (name === 'trsm' && o.unit)
              shrinkUnit(args.a as NDArray, (args.a as NDArray).shape[0]);
            LEVEL3_INPUTS[name](args, o);
            const where = `${variant.name} ${sig.name} ${JSON.stringify(options)} ${JSON.stringify(dims)} alpha ${args.alpha} beta ${args.beta}`;
            const ratio = checkCase(
              spec,
              sig,
              { args, options },
              REFERENCES[name]!,
              where,
              runner(spec, sig),
            );
            worst = Math.max(worst, ratio);
            cases++;
          }
        }
      }
    }
    t.diagnostic(`${variant.name}: ${cases} cases, worst ratio ${worst.toFixed(3)}`);
    assert.ok(cases >= 140);
    setDisabledFeatures([]);
  });
}

type Real = Float64Array | Float32Array;
type Layout = 'row' | 'col' | 'reversed';
const KERNEL_LAYOUTS: readonly Layout[] = ['row', 'col', 'reversed'];

/** Order 70 halves into 40 + 30, then 24 + 16: diagonal blocks of 24, 16 and 30, off-diagonal blocks between. */
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

for (const variant of VARIANTS) {
  test(`wasm Level 3 (${variant.name}): NaN/Inf propagate as in the reference kernels, unread parts do not leak`, (t) => {
    setDisabledFeatures(variant.disable);
    if (chooseVariant().variant !== variant.name) {
      t.skip(`${variant.name} not available`);
      return;
    }
    const r = rng(0x5ca1 + variant.name.length);
    let cases = 0;
    let count = 0;
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
              ops[p] = kernelOperand(rows, cols, f32, KERNEL_LAYOUTS[count++ % 3], r);
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
          const label = `${variant.name} ${sig.name} ${JSON.stringify(options)}`;
          for (const pl of placements(name, shapes, o.upper)) {
            const [alpha, beta] = SCALAR_PAIRS[count % SCALAR_PAIRS.length];
            const v = SPECIALS[count % SPECIALS.length];
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
    t.diagnostic(`${variant.name}: ${cases} placements`);
    assert.ok(cases > 500);
    setDisabledFeatures([]);
  });
}

/** Runs `kernel` on the arrays of `args` through the public entry's validation and preparation. */
function runKernel(spec: RoutineSpec, sig: Signature, kernel: Kernel, args: unknown[]): void {
  const p = prepareCall(validateCall(spec, args, undefined, sig));
  kernel(p.call);
  p.finish();
}

test('the registered real Level-3 kernels run on the frame above the cut-over, the reference below', () => {
  const r = rng(0xd15);
  for (const name of ROUTINES) {
    const spec = specOf(name);
    for (const sig of spec.signatures) {
      const backend = implementationOf(sig.name)!.backend;
      assert.equal(backend, WASM_LEVEL3[sig.name] === undefined ? 'js' : 'wasm', sig.name);
      if (WASM_LEVEL3[sig.name] === undefined) continue;
      for (const [order, large] of [
        [4, false],
        [48, true],
      ] as const) {
        const chosen: Record<string, string> = { side: 'left', uplo: 'lower', diag: 'nonunit' };
        const options = Object.fromEntries(spec.options.map((k) => [k, chosen[k]]));
        const o = resolveOptions(spec, options);
        const arrays = spec.params.flatMap((p) =>
          p.kind === 'array'
            ? [
                operand(
                  dimsOf(p, o).map(() => order),
                  sig.types[p.name],
                  'row',
                  r,
                ),
              ]
            : [],
        );
        if (name === 'trsm') for (let i = 0; i < order; i++) arrays[0].set([i, i], 2 * order);
        const call = (xs: NDArray[]): unknown[] => {
          let q = 0;
          return [...spec.params.map((p) => (p.kind === 'array' ? xs[q++] : 0.7)), options];
        };
        const [pub, blocked, reference] = [0, 1, 2].map(() => arrays.map((x) => x.copy()));
        bySignature[sig.name](...call(pub));
        runKernel(spec, sig, WASM_LEVEL3[sig.name], call(blocked));
        runKernel(spec, sig, JS_KERNELS[name].real!, call(reference));
        const bytes = (xs: NDArray[]) => Buffer.from(xs.at(-1)!.buffer.slice(0));
        const [want, other] = large ? [blocked, reference] : [reference, blocked];
        assert.ok(
          bytes(pub).equals(bytes(want)),
          `${sig.name} order ${order}: not the expected kernel`,
        );
        // The two kernels sum in different orders, so the check above could tell them apart.
        assert.ok(
          !large || !bytes(want).equals(bytes(other)),
          `${sig.name}: kernels agree bit for bit`,
        );
      }
    }
  }
});
