// The complex Level-3 routines on the GEMM frame (symm, hemm, syrk, herk,
// syr2k, her2k, trmm, trsm on complex64 and complex128) against the
// conformance references, in every variant this engine runs: orders across
// the diagonal-block and halving edges and the gemm blocks (1..150), every
// side/uplo/diag and conj of every conjugable operand, complex and real
// scalars, layouts with negative, zero, gapped and unaligned strides in
// sentinel-padded buffers, NaN wherever a routine must not read (the other
// triangle, a unit diagonal, a Hermitian diagonal's imaginary part, C when
// beta = 0). Hermitian updates must leave an exactly zero imaginary diagonal.
// The reference kernel runs on a copy of each call: most results must differ
// from it in some bit (different summation order), or the frame did not run
// (a read value wrongly seen as non-finite sends a call to the reference).
import assert from 'node:assert/strict';
import { JS_KERNELS } from '../../src/backends/js.js';
import { WASM_LEVEL3 } from '../../src/blas/dispatch-wasm.js';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import type { NDArray } from '../../src/index.js';
import { type C, c } from '../blas/cplx.js';
import { checkCase, type LayoutName, operand, rng } from '../blas/harness.js';
import { REFERENCES } from '../blas/reference/index.js';
import { LEVEL3_INPUTS } from '../blas/reference/level3.js';
import {
  COMPLEX_ROUTINES,
  complexOptionSets,
  complexSignatures,
  rankUpdate,
  runKernel,
  seedOf,
  specOf,
  variantTest,
} from './level3-twins.js';

/** Orders around the diagonal blocks (16, 32), the halving points (multiples of 8) and the gemm block (128 rows, an even count of interleaved rows). */
const ORDERS = [1, 2, 3, 8, 15, 16, 17, 31, 32, 33, 47, 64, 65, 97, 129, 150];
const SMALL = [1, 2, 3, 5, 8, 9, 13];
const LAYOUTS: readonly LayoutName[] = [
  'row',
  'col',
  'negative',
  'negativeGapped',
  'unaligned',
  'zero',
];
const OUT_LAYOUTS: readonly LayoutName[] = ['row', 'col', 'negative', 'gapped', 'unaligned'];
/** Complex scalars, and real ones (herk's alpha and beta, her2k's beta are real). */
const ALPHAS: readonly (number | C)[] = [1, -2, c(0.7, -0.4), c(0, 1.5)];
const BETAS: readonly (number | C)[] = [0, 1, c(1.3, 0.6), c(0, 0)];

function sampleDims(name: string, left: boolean, r: () => number): Record<string, number> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const order = pick(ORDERS);
  const other = order <= 33 && r() < 0.5 ? pick([64, 129]) : pick(SMALL);
  if (rankUpdate(name)) return { n: order, k: other };
  return left ? { m: order, n: other } : { m: other, n: order };
}

/** Keeps unit-diagonal solves of high order well conditioned: off-diagonal entries shrink by 1/order. */
function shrinkUnit(a: NDArray, order: number): void {
  for (let i = 0; i < order; i++) {
    for (let j = 0; j < order; j++) {
      if (i === j) continue;
      const v = a.item(i, j) as C;
      a.set([i, j], c(v.re / order, v.im / order));
    }
  }
}

/** Whether a real-by-spec scalar (herk's alpha, beta; her2k's beta) must be drawn real. */
const realScalar = (name: string, scalar: string) =>
  (name === 'herk' && scalar === 'alpha') ||
  ((name === 'herk' || name === 'her2k') && scalar === 'beta');

variantTest('wasm complex Level 3 matches the reference under every option', (t, variant) => {
  const r = rng(seedOf(variant, 0xc3b));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  let cases = 0;
  let worst = 0;
  let [framed, large] = [0, 0];
  for (const name of COMPLEX_ROUTINES) {
    const spec = specOf(name);
    for (const sig of complexSignatures(spec)) {
      for (const options of complexOptionSets(spec)) {
        const o = resolveOptions(spec, options);
        for (let rep = 0; rep < 2; rep++) {
          const dims = sampleDims(name, o.left, r);
          const args: Record<string, unknown> = {};
          for (const p of spec.params) {
            if (p.kind !== 'scalar') continue;
            const v = pick(p.name === 'beta' ? BETAS : ALPHAS);
            args[p.name] = realScalar(name, p.name) && typeof v !== 'number' ? v.re : v;
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
          const copies = Object.fromEntries(
            spec.params.flatMap((p) =>
              p.kind === 'array' ? [[p.name, (args[p.name] as NDArray).copy()]] : [],
            ),
          );
          const where = `${variant} ${sig.name} ${JSON.stringify(options)} ${JSON.stringify(dims)} alpha ${JSON.stringify(args.alpha)} beta ${JSON.stringify(args.beta)}`;
          const run = (...xs: unknown[]) => runKernel(spec, sig, WASM_LEVEL3[sig.name], xs);
          const ratio = checkCase(spec, sig, { args, options }, REFERENCES[name]!, where, run);
          if (name === 'herk' || name === 'her2k') {
            const out = args.c as NDArray;
            for (let i = 0; i < out.shape[0]; i++)
              assert.ok(Object.is((out.item(i, i) as C).im, 0), `${where}: C[${i},${i}].im`);
          }
          const refArgs = spec.params.map((p) =>
            p.kind === 'array' ? copies[p.name] : args[p.name],
          );
          runKernel(spec, sig, JS_KERNELS[name].complex!, [...refArgs, options]);
          const written = spec.params.filter((p) => p.kind === 'array' && p.role !== 'in').at(-1)!;
          const bytes = (a: NDArray) => Buffer.from(a.copy().buffer.slice(0));
          const ran = !bytes(args[written.name] as NDArray).equals(bytes(copies[written.name]));
          // The length of each sum: the depth of a rank update, else the order of A.
          const depth = rankUpdate(name) ? dims.k : (args.a as NDArray).shape[0];
          if (depth > 32) [framed, large] = [framed + (ran ? 1 : 0), large + 1];
          worst = Math.max(worst, ratio);
          cases++;
        }
      }
    }
  }
  t.diagnostic(
    `${variant}: ${cases} cases, worst ratio ${worst.toFixed(3)}, ${framed} of ${large} with sums of > 32 terms (past the diagonal blocks) differ from the reference in some bit`,
  );
  assert.ok(cases >= 220);
  assert.ok(framed >= 0.9 * large, `only ${framed} of ${large} calls ran on the frame`);
});
