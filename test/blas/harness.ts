// Conformance harness in the spirit of the reference testers dblat1/2/3: from
// a routine's spec it builds operands of sampled sizes and layouts (row/column
// major, negative, gapped, zero and unaligned byte strides) inside
// sentinel-filled buffers, calls one signature, and checks the test ratio
// |computed - exact| / (eps * gauge) < 16 against a test-side reference,
// inputs unchanged, and every byte outside the outputs untouched.
import assert from 'node:assert/strict';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import type { ArrayParam, RoutineSpec, Signature } from '../../src/blas/index.js';
import { bySignature } from '../../src/blas/index.js';
import { type DTypeName, type NDArray, roundFloat16, toDType } from '../../src/index.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';
import { type C, c, withArithmetic } from './cplx.js';

/** mulberry32: a tiny seeded generator, independent of the library under test. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SIZES = [0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17];
export const ALPHAS = [0, 1, 0.7];
export const BETAS = [0, 1, 1.3];

/** Increments 1 (row, col), -1 (negative), 2 (gapped), -2 (negativeGapped), unaligned, and 0 for inputs. */
export type LayoutName =
  | 'row'
  | 'col'
  | 'negative'
  | 'gapped'
  | 'negativeGapped'
  | 'unaligned'
  | 'zero';
const LAYOUTS_OUT: readonly LayoutName[] = [
  'row',
  'col',
  'negative',
  'gapped',
  'negativeGapped',
  'unaligned',
];
const LAYOUTS_IN: readonly LayoutName[] = [...LAYOUTS_OUT, 'zero'];

/** Byte strides for `shape` in the named layout (the last two axes are the matrix). */
export function stridesFor(shape: readonly number[], item: number, layout: LayoutName): number[] {
  const n = shape.length;
  const order =
    layout === 'col' && n >= 2
      ? [...Array(n).keys()].map((i) => (i >= n - 2 ? 2 * n - 3 - i : i))
      : [...Array(n).keys()];
  const step = {
    row: item,
    col: item,
    negative: item,
    gapped: 2 * item,
    negativeGapped: 2 * item,
    unaligned: item + 3,
    zero: item,
  }[layout];
  const strides = new Array<number>(n).fill(0);
  let s = step;
  for (let k = n - 1; k >= 0; k--) {
    const axis = order[k];
    strides[axis] = s;
    s *= Math.max(shape[axis], 1) + (layout === 'gapped' || layout === 'negativeGapped' ? 1 : 0);
  }
  if (layout === 'negative' || layout === 'negativeGapped') return strides.map((x) => -x);
  if (layout === 'zero') strides[0] = 0;
  return strides;
}

const ROUND: Partial<Record<DTypeName, (x: number) => number>> = {
  float32: Math.fround,
  complex64: Math.fround,
  float16: roundFloat16,
};

export function randomValue(dtype: DTypeName, r: () => number): number | C {
  const round = ROUND[dtype] ?? ((x: number) => x);
  if (dtype === 'int8') return Math.floor(r() * 16) - 8;
  const v = () => round(r() * 2 - 1);
  return dtype.startsWith('complex') ? c(v(), v()) : v();
}

/** A random operand of `shape` in `layout`, placed in a sentinel-filled buffer. */
export function operand(
  shape: number[],
  dtype: DTypeName,
  layout: LayoutName,
  r: () => number,
): NDArray {
  const item = toDType(dtype).itemsize;
  const a = padded(shape, stridesFor(shape, item, layout), dtype);
  const walk = (axis: number, idx: number[]) => {
    if (axis === shape.length) {
      a.set(idx, randomValue(dtype, r));
      return;
    }
    const n = layout === 'zero' && axis === 0 ? Math.min(shape[0], 1) : shape[axis];
    for (let i = 0; i < n; i++) walk(axis + 1, [...idx, i]);
  };
  walk(0, []);
  return a;
}

export const EPS: Partial<Record<DTypeName, number>> = {
  float16: 2 ** -10,
  float32: 2 ** -23,
  complex64: 2 ** -23,
  float64: 2 ** -52,
  complex128: 2 ** -52,
  int32: 0,
};

/** Values of a written array, C order, with the gauge of each element. */
export interface Outcome {
  readonly value: C[];
  readonly gauge: number[];
}

/**
 * For solves, whose exact answer the test cannot compute: maps the computed
 * array to the values compared (e.g. T x) and what they should equal (b).
 */
export type Residual = (got: C[]) => Outcome & { readonly got: C[] };

export interface Expected {
  /** New values of each written array, or the residual check of a solve. */
  readonly arrays: Record<string, Outcome | Residual>;
  readonly result?: { value: C; gauge: number };
}

export type Reference = (
  args: Record<string, unknown>,
  options: ReturnType<typeof resolveOptions>,
) => Expected;

/** Values of an operand as C in C order. */
export function values(a: NDArray): C[] {
  const flat = a.copy().reshape(-1).toArray() as (number | bigint | boolean | C)[];
  return flat.map((v) => (typeof v === 'object' ? c(v.re, v.im) : c(Number(v))));
}

/** Non-finite expectations must match in class (NaN, +Inf, -Inf); finite ones within the ratio. */
function within(got: C, want: C, gauge: number, eps: number, complex: boolean): boolean {
  const parts: [number, number][] = complex
    ? [
        [got.re, want.re],
        [got.im, want.im],
      ]
    : [[got.re, want.re]];
  for (const [g, w] of parts) {
    if (!Number.isFinite(w)) {
      if (!(Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w)))) return false;
    } else {
      // A NaN or Inf elsewhere in the inputs can make the gauge non-finite; fall back to |w|.
      const scale = Number.isFinite(gauge) ? gauge : Math.abs(w);
      if (g !== w && !(Math.abs(g - w) <= 16 * eps * scale)) return false;
    }
  }
  return true;
}

export interface CaseInput {
  readonly args: Record<string, unknown>;
  readonly options: Record<string, unknown>;
}

/** Runs one call of `sig` on `input` and checks it against `reference`; returns the worst ratio. */
export function checkCase(
  spec: RoutineSpec,
  sig: Signature,
  input: CaseInput,
  reference: Reference,
  where: string,
  run: (...args: unknown[]) => unknown = bySignature[sig.name],
): number {
  const arrays = spec.params.filter((p): p is ArrayParam => p.kind === 'array');
  const before = new Map<NDArray, Uint8Array>();
  for (const p of arrays) {
    const a = input.args[p.name] as NDArray;
    before.set(a, new Uint8Array(a.buffer.slice(0)));
  }
  const o = resolveOptions(spec, input.options);
  // The reference sees complex scalars as {re, im} exactly when the signature takes them.
  const refArgs = { ...input.args };
  for (const p of spec.params) {
    const v = refArgs[p.name];
    if (p.kind === 'scalar' && typeof v === 'number' && sig.complexScalars && !p.real)
      refArgs[p.name] = c(v);
  }
  const complexData = Object.values(sig.types).some((t) => t.startsWith('complex'));
  const expect = withArithmetic(!complexData, () => reference(refArgs, o));
  const callArgs = spec.params.map((p) => input.args[p.name]);
  const out = run(...callArgs, input.options);
  let worst = 0;
  const outType =
    sig.result && sig.result !== 'index' ? sig.result : Object.values(sig.types).at(-1)!;
  const eps = EPS[outType as DTypeName] ?? 2 ** -52;
  const complex = outType.startsWith('complex');
  const ratio = (got: C, want: C, gauge: number) => {
    assert.ok(
      within(got, want, gauge, eps, complex),
      `${where}: got ${got.re}${complex ? `,${got.im}` : ''}, want ${want.re}${complex ? `,${want.im}` : ''} (gauge ${gauge})`,
    );
    const d = Math.max(Math.abs(got.re - want.re), complex ? Math.abs(got.im - want.im) : 0);
    if (Number.isFinite(d) && gauge > 0 && eps > 0) worst = Math.max(worst, d / (eps * gauge));
  };
  for (const p of arrays) {
    const a = input.args[p.name] as NDArray;
    if (p.role === 'in') {
      assert.deepEqual(
        new Uint8Array(a.buffer),
        before.get(a),
        `${where}: input ${p.name} changed`,
      );
      continue;
    }
    assertSentinelsIntact(a);
    const e = expect.arrays[p.name];
    const got = values(a);
    const check = typeof e === 'function' ? e(got) : { ...e, got };
    check.got.forEach((g, i) => {
      ratio(g, check.value[i], check.gauge[i]);
    });
  }
  if (expect.result !== undefined) {
    const r = out as number | C;
    ratio(typeof r === 'number' ? c(r) : r, expect.result.value, expect.result.gauge);
  }
  return worst;
}

/**
 * Makes a sampled input meet a routine's preconditions in place, e.g. a
 * dominant diagonal for solves (as dblat2 does), or NaN in what must not be read.
 */
export type Adjuster = (
  args: Record<string, unknown>,
  options: ReturnType<typeof resolveOptions>,
) => void;

/** Samples one input for `sig`: sizes from SIZES, layouts, scalars from ALPHAS/BETAS. */
export function sampleCase(
  spec: RoutineSpec,
  sig: Signature,
  r: () => number,
  options: Record<string, unknown> = {},
  adjust?: Adjuster,
): CaseInput {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const o = resolveOptions(spec, options);
  const dims: Record<string, number> = {};
  const args: Record<string, unknown> = {};
  for (const p of spec.params) {
    if (p.kind === 'scalar') {
      const integer = Object.values(sig.types).every((t) => t.startsWith('int'));
      const base =
        p.name === 'beta' ? pick(integer ? [0, 1, 3] : BETAS) : pick(integer ? [0, 1, 2] : ALPHAS);
      args[p.name] =
        sig.complexScalars && !p.real && base !== 0 && base !== 1 ? c(base, -0.4) : base;
      continue;
    }
    const shape = dimsOf(p, o).map((s) => (dims[s] ??= pick(SIZES)));
    const layouts = p.role === 'in' ? LAYOUTS_IN : LAYOUTS_OUT;
    args[p.name] = operand(shape, sig.types[p.name], pick(layouts), r);
  }
  adjust?.(args, o);
  return { args, options };
}
