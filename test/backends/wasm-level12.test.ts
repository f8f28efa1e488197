// The wasm Level-1/2 kernels (dot, axpy, asum, nrm2, gemv, ger) against their
// reference twins, in every variant this engine runs: random sizes around the
// SIMD widths and the 64 KiB copy chunks, increments +1/-1 (the wasm path),
// gapped, zero and unaligned ones (the reference fallback), matrices by rows,
// by columns, gapped and broadcast, all inside sentinel-padded buffers; NaN and
// Inf placed at lane and chunk edges give the twin's classes; nrm2 keeps its
// safe scaling at 1e±300.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JS_KERNELS } from '../../src/backends/js.js';
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { LEVEL12_KERNELS, WASM_LEVEL12 } from '../../src/blas/dispatch-wasm-level12.js';
import { prepareCall } from '../../src/blas/frame/prepare.js';
import { validateCall } from '../../src/blas/frame/validate.js';
import { type RoutineSpec, type Signature, SPECS } from '../../src/blas/index.js';
import { type DTypeName, type NDArray, toDType } from '../../src/index.js';
import type { Kernel } from '../../src/kernels/types.js';
import { checkCase, type LayoutName, operand, randomValue, rng, values } from '../blas/harness.js';
import { REFERENCES } from '../blas/reference/index.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

/** Around the SIMD widths (2, 4, 8 lanes) and the chunks (8192 float64, 16384 float32). */
const VECTOR_SIZES = [
  0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 63, 65, 8191, 8193, 16384, 16385, 32771,
];
/** Matrix sides around the minimum line (16) and the kernels' 4-wide steps. */
const SIDES = [1, 2, 3, 5, 15, 16, 17, 33];
/** One large side makes blocks of lines cross the chunk with a remainder. */
const LARGE = [70, 300];
const VECTOR_LAYOUTS: readonly LayoutName[] = [
  'row',
  'negative',
  'gapped',
  'negativeGapped',
  'unaligned',
];
/** Matrix layouts: the harness's, and rows or columns contiguous with a larger leading dimension (a sub-matrix). */
type MatrixLayout = LayoutName | 'rowsApart' | 'colsApart';
const MATRIX_LAYOUTS: readonly MatrixLayout[] = [
  'row',
  'col',
  'negative',
  'gapped',
  'unaligned',
  'rowsApart',
  'colsApart',
];

/** An operand in `layout`; the sub-matrix layouts leave 3 elements between lines. */
function layoutOperand(shape: number[], dtype: DTypeName, layout: MatrixLayout, r: () => number) {
  if (layout !== 'rowsApart' && layout !== 'colsApart') return operand(shape, dtype, layout, r);
  const item = toDType(dtype).itemsize;
  const [m, n] = shape;
  const strides = layout === 'rowsApart' ? [(n + 3) * item, item] : [item, (m + 3) * item];
  const a = padded(shape, strides, dtype);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a.set([i, j], randomValue(dtype, r));
  return a;
}

const SIGNATURES = SPECS.flatMap((spec) =>
  spec.signatures.filter((s) => WASM_LEVEL12[s.name] !== undefined).map((sig) => ({ spec, sig })),
);

/** Calls `kernel` as the frame would: validation, operand preparation, write-back. */
function runner(spec: RoutineSpec, sig: Signature, kernel: Kernel) {
  return (...args: unknown[]) => {
    const v = validateCall(spec, args, undefined, sig);
    const p = prepareCall(v);
    const r = kernel(p.call);
    p.finish();
    return r;
  };
}

/** Whether the wasm path (not the fallback) takes these arguments. */
function takesWasm(spec: RoutineSpec, sig: Signature, args: unknown[]): boolean {
  const p = prepareCall(validateCall(spec, args, undefined, sig));
  return LEVEL12_KERNELS[sig.name].applies(p.call);
}

const complexData = (sig: Signature) =>
  Object.values(sig.types).some((t) => t.startsWith('complex'));

function eachVariant(title: string, body: (variant: string) => void) {
  for (const v of VARIANTS) {
    test(`${title} (${v.name})`, (t) => {
      setDisabledFeatures(v.disable);
      try {
        if (chooseVariant().variant !== v.name)
          t.skip(`${v.name} not available: ${chooseVariant().reasons.join('; ')}`);
        else body(v.name);
      } finally {
        setDisabledFeatures([]);
      }
    });
  }
}

/** Longer vectors than this are compared with the twin (the oracle's 16 eps bound is for short sums). */
const SHORT = 65;
const EPS64 = 2 ** -52;
const EPS32 = 2 ** -23;

/**
 * How far the wasm result may be from its twin's for one long vector case:
 * both sum n terms in different orders (float64 accumulators), float32
 * results then round once more; axpy differs by one rounding per element.
 */
function longTolerance(routine: string, n: number, single: boolean, alpha: number, terms: number) {
  const round = single ? EPS32 : EPS64;
  const sums: Record<string, number> = { dot: 2 * n * EPS64 * terms, asum: 2 * n * EPS64 * terms };
  sums.nrm2 = n * EPS64 * terms;
  return (want: number) =>
    routine === 'axpy'
      ? 4 * round * (2 + Math.abs(alpha))
      : sums[routine] + 2 * round * Math.abs(want);
}

eachVariant('wasm level 1/2 kernels match the reference', (variant) => {
  const r = rng(4242);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  let cases = 0;
  let wasm = 0;
  for (const { spec, sig } of SIGNATURES) {
    for (let k = 0; k < 24; k++) {
      const dims: Record<string, number> = { n: pick(VECTOR_SIZES), m: pick(SIDES) };
      if (spec.name === 'gemv' || spec.name === 'ger') {
        dims.n = pick(SIDES);
        // gemv sums along n: only m grows past the oracle's short sums.
        if (r() < 0.5) dims[spec.name === 'gemv' ? 'm' : pick(['m', 'n'])] = pick(LARGE);
      }
      // Half the cases share one unit layout (the wasm path), the rest mix any layouts.
      const shared = r() < 0.5 ? pick(['row', 'negative'] as const) : undefined;
      const scalars = { alpha: pick([1, 0.7, 0, -2]), beta: pick([0, 1, 1.3]) };
      const layouts: Record<string, MatrixLayout> = {};
      for (const p of spec.params) {
        if (p.kind !== 'array') continue;
        const matrix = p.dims.length === 2;
        const choices = [
          ...(matrix ? MATRIX_LAYOUTS : VECTOR_LAYOUTS),
          ...(p.role === 'in' ? ['zero' as const] : []),
        ];
        layouts[p.name] = shared !== undefined && !matrix ? shared : pick(choices);
      }
      const seed = Math.floor(r() * 2 ** 31);
      const build = () => {
        const rr = rng(seed);
        const args: Record<string, unknown> = { ...scalars };
        for (const p of spec.params) {
          if (p.kind !== 'array') continue;
          const shape = (p.dims as readonly string[]).map((d) => dims[d]);
          args[p.name] = layoutOperand(shape, sig.types[p.name], layouts[p.name], rr);
        }
        return args;
      };
      const args = build();
      const callArgs = spec.params.map((p) => args[p.name]);
      if (takesWasm(spec, sig, callArgs)) wasm++;
      const where = `${variant} ${sig.name} ${JSON.stringify(dims)} ${JSON.stringify(layouts)}`;
      const run = runner(spec, sig, WASM_LEVEL12[sig.name]);
      if (dims.n <= SHORT || spec.name === 'gemv' || spec.name === 'ger') {
        checkCase(spec, sig, { args, options: {} }, REFERENCES[spec.name]!, where, run);
      } else {
        const theirs = build();
        const got = run(...callArgs);
        const want = runner(
          spec,
          sig,
          twinOf(spec, sig),
        )(...spec.params.map((p) => theirs[p.name]));
        const xs = values(args.x as NDArray);
        const ys = args.y === undefined ? xs : values(args.y as NDArray);
        const terms = xs.reduce(
          (t, v, i) =>
            t + (spec.name === 'dot' ? Math.abs(v.re * ys[i].re) : Math.abs(v.re) + Math.abs(v.im)),
          0,
        );
        const single = sig.types.x === 'float32' || sig.types.x === 'complex64';
        const tol = longTolerance(
          spec.name,
          dims.n,
          single,
          scalars.alpha,
          spec.name === 'nrm2' ? (want as number) : terms,
        );
        if (typeof want === 'number') {
          assert.ok(
            Math.abs((got as number) - want) <= tol(want),
            `${where}: got ${got}, want ${want}`,
          );
        }
        if (spec.name === 'axpy') {
          const y = args.y as NDArray;
          assertSentinelsIntact(y);
          const w = values(theirs.y as NDArray);
          values(y).forEach((g, i) => {
            assert.ok(
              Math.abs(g.re - w[i].re) <= tol(w[i].re),
              `${where}: y[${i}] ${g.re} vs ${w[i].re}`,
            );
          });
        }
      }
      cases++;
    }
  }
  assert.ok(cases >= 17 * 24);
  assert.ok(wasm >= cases / 4, `only ${wasm} of ${cases} cases took the wasm path`);
});

const SPECIALS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

/** Two identical operand sets (same seed): one for the wasm kernel, one for its twin. */
function twinArgs(
  spec: RoutineSpec,
  sig: Signature,
  dims: Record<string, number>,
  layout: LayoutName,
  seed: number,
) {
  const make = () => {
    const r = rng(seed);
    const args: Record<string, unknown> = {};
    for (const p of spec.params) {
      if (p.kind !== 'array') continue;
      const shape = (p.dims as readonly string[]).map((d) => dims[d]);
      args[p.name] = operand(
        shape,
        sig.types[p.name],
        shape.length === 2 && layout === 'negative' ? 'col' : layout,
        r,
      );
    }
    return args;
  };
  return [make(), make()] as const;
}

const twinOf = (spec: RoutineSpec, sig: Signature) => {
  const pair = JS_KERNELS[spec.name];
  return (complexData(sig) ? pair.complex : pair.real)!;
};

/** Same class (NaN, +Inf, -Inf) and finite values within `tol` relative to max(1, |want|). */
function assertTwin(got: number, want: number, tol: number, where: string) {
  if (!Number.isFinite(want)) {
    assert.ok(
      Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want)),
      `${where}: got ${got}, want ${want}`,
    );
    return;
  }
  assert.ok(
    Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)),
    `${where}: got ${got}, want ${want}`,
  );
}

eachVariant('wasm level 1/2 kernels propagate NaN/Inf as their twins', (variant) => {
  let placements = 0;
  for (const { spec, sig } of SIGNATURES) {
    const dims = { n: 37, m: 19 };
    const tol = toDType(sig.types.x).itemsize === 4 || sig.types.x === 'complex64' ? 1e-4 : 1e-12;
    const inputs = spec.params.filter((p) => p.kind === 'array').map((p) => p.name);
    for (const layout of ['row', 'negative'] as const) {
      for (const target of inputs) {
        for (const pos of [0, 1, 2, 3, 8, 18]) {
          for (const v of SPECIALS) {
            for (const [alpha, beta] of [
              [0.7, 1.3],
              [0.7, 0],
              [0, 1.3],
            ]) {
              const [mine, theirs] = twinArgs(spec, sig, dims, layout, 99 + pos);
              for (const args of [mine, theirs]) {
                const a = args[target] as NDArray;
                a.set(a.ndim === 2 ? [pos % a.shape[0], pos % a.shape[1]] : [pos], v);
                Object.assign(args, { alpha, beta });
              }
              const call = (args: Record<string, unknown>, k: Kernel) =>
                runner(spec, sig, k)(...spec.params.map((p) => args[p.name]));
              const where = `${variant} ${sig.name} ${layout} ${target}[${pos}]=${v} alpha ${alpha} beta ${beta}`;
              const got = call(mine, WASM_LEVEL12[sig.name]);
              const want = call(theirs, twinOf(spec, sig));
              if (typeof want === 'number') assertTwin(got as number, want, tol, where);
              for (const p of spec.params) {
                if (p.kind !== 'array' || p.role === 'in') continue;
                const g = values(mine[p.name] as NDArray);
                values(theirs[p.name] as NDArray).forEach((w, i) => {
                  assertTwin(g[i].re, w.re, tol, `${where} ${p.name}[${i}]`);
                });
              }
              placements++;
            }
          }
        }
      }
    }
  }
  assert.ok(placements > 1000);
});

eachVariant('wasm nrm2 scales safely like its twin', (variant) => {
  for (const { spec, sig } of SIGNATURES.filter((s) => s.spec.name === 'nrm2')) {
    const single = sig.types.x === 'float32' || sig.types.x === 'complex64';
    const scales = single ? [1e30, 1e-30, 1] : [1e300, 1e-300, 1e-160, 1e160, 1];
    for (const n of [1, 2, 3, 9, 8193, 16385]) {
      for (const mix of [[0], [1], [0, 2], [1, 2], [0, 1, 2]]) {
        const [mine, theirs] = twinArgs(spec, sig, { n }, 'row', n);
        for (const args of [mine, theirs]) {
          const x = args.x as NDArray;
          const rr = rng(n + mix.length);
          for (let i = 0; i < n; i++) {
            const s = scales[mix[Math.floor(rr() * mix.length)]];
            const v = (rr() * 2 - 1) * s;
            x.set([i], complexData(sig) ? { re: v, im: -v / 3 } : v);
          }
        }
        const where = `${variant} ${sig.name} n ${n} scales ${mix.map((i) => scales[i])}`;
        const got = runner(spec, sig, WASM_LEVEL12[sig.name])(mine.x) as number;
        const want = runner(spec, sig, twinOf(spec, sig))(theirs.x) as number;
        assert.ok(want > 0 && Number.isFinite(want), `${where}: twin gave ${want}`);
        assert.ok(
          Math.abs(got - want) <= (single ? 1e-6 : 1e-14) * want,
          `${where}: got ${got}, want ${want}`,
        );
      }
    }
  }
});
