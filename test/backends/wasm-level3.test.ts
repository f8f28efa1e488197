// The real Level-3 routines on the GEMM frame (symm, syrk, syr2k, trmm, trsm)
// against the conformance references, in every variant this engine runs:
// random orders across the diagonal-block and halving edges (1..300), every
// side/uplo/diag, layouts with negative, zero, gapped and unaligned strides,
// NaN wherever a routine must not read (the other triangle, a unit diagonal,
// C when beta = 0, A and B when alpha = 0); and the registered kernels
// dispatching to the frame above the cut-over and to the reference below
// (complex ones too: their twin test is wasm-level3-complex.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JS_KERNELS } from '../../src/backends/js.js';
import { WASM_LEVEL3 } from '../../src/blas/dispatch-wasm.js';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import { bySignature } from '../../src/blas/index.js';
import { implementationOf } from '../../src/blas/registry.js';
import type { NDArray } from '../../src/index.js';
import { checkCase, type LayoutName, operand, rng } from '../blas/harness.js';
import { REFERENCES } from '../blas/reference/index.js';
import { LEVEL3_INPUTS } from '../blas/reference/level3.js';
import {
  COMPLEX_ROUTINES,
  isComplex,
  optionSets,
  ROUTINES,
  rankUpdate,
  realSignatures,
  runKernel,
  seedOf,
  specOf,
  variantTest,
} from './level3-twins.js';

/** Orders around the diagonal blocks (16, 32), the halving points (multiples of 8) and the gemm blocks (128, 256). */
const ORDERS = [
  0, 1, 2, 3, 5, 8, 15, 16, 17, 31, 32, 33, 40, 47, 63, 64, 65, 97, 128, 129, 200, 257, 300,
];
const SMALL = [0, 1, 2, 3, 4, 5, 7, 8, 9, 13, 17];
const LAYOUTS: readonly LayoutName[] = [
  'row',
  'col',
  'negative',
  'negativeGapped',
  'unaligned',
  'zero',
];
const OUT_LAYOUTS: readonly LayoutName[] = ['row', 'col', 'negative', 'gapped', 'unaligned'];

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

variantTest('wasm Level 3 matches the reference under every option', (t, variant) => {
  const r = rng(seedOf(variant, 0x13b));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  let cases = 0;
  let worst = 0;
  for (const name of ROUTINES) {
    const spec = specOf(name);
    for (const sig of realSignatures(spec)) {
      for (const options of optionSets(spec)) {
        const o = resolveOptions(spec, options);
        for (let rep = 0; rep < 4; rep++) {
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
          const where = `${variant} ${sig.name} ${JSON.stringify(options)} ${JSON.stringify(dims)} alpha ${args.alpha} beta ${args.beta}`;
          const run = (...xs: unknown[]) => runKernel(spec, sig, WASM_LEVEL3[sig.name], xs);
          const ratio = checkCase(spec, sig, { args, options }, REFERENCES[name]!, where, run);
          worst = Math.max(worst, ratio);
          cases++;
        }
      }
    }
  }
  t.diagnostic(`${variant}: ${cases} cases, worst ratio ${worst.toFixed(3)}`);
  assert.ok(cases >= 190);
});

test('the registered Level-3 kernels, real and complex, run on the frame above the cut-over, the reference below', () => {
  const r = rng(0xd15);
  for (const name of COMPLEX_ROUTINES) {
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
        const pair = JS_KERNELS[name];
        runKernel(spec, sig, (isComplex(sig) ? pair.complex : pair.real)!, call(reference));
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
