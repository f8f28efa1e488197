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
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { WASM_LEVEL3 } from '../../src/blas/dispatch-wasm.js';
import { prepareCall } from '../../src/blas/frame/prepare.js';
import { dimsOf, resolveOptions, validateCall } from '../../src/blas/frame/validate.js';
import { type RoutineSpec, type Signature, SPECS } from '../../src/blas/index.js';
import { OPTION_VALUES } from '../../src/blas/spec/types.js';
import type { NDArray } from '../../src/index.js';
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
  if (name === 'syrk' || name === 'syr2k') return { n: order, k: other };
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
