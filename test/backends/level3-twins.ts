// Shared by the tests of the Level-3 routines on the GEMM frame: the
// routines and signatures with a blocked kernel, every option combination
// (and conjugation of every conjugable operand),
// one test per wasm variant (lower ones forced, absent ones skipped), and a
// runner that calls a kernel through the public entry's validation and
// preparation but without the dispatch cut-over.
import { type TestContext, test } from 'node:test';
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { WASM_LEVEL3 } from '../../src/blas/dispatch-wasm.js';
import { prepareCall } from '../../src/blas/frame/prepare.js';
import { validateCall } from '../../src/blas/frame/validate.js';
import { type RoutineSpec, type Signature, SPECS } from '../../src/blas/index.js';
import { OPTION_VALUES } from '../../src/blas/spec/types.js';
import type { Kernel } from '../../src/kernels/types.js';

export const ROUTINES = ['symm', 'syrk', 'syr2k', 'trmm', 'trsm'] as const;
/** Every routine with a complex blocked kernel: the real ones and the Hermitian ones. */
export const COMPLEX_ROUTINES = [...ROUTINES, 'hemm', 'herk', 'her2k'] as const;

export const rankUpdate = (name: string) => ['syrk', 'syr2k', 'herk', 'her2k'].includes(name);
export const specOf = (name: string) => SPECS.find((s) => s.name === name)!;
export const isComplex = (g: Signature) =>
  Object.values(g.types).some((t) => t.startsWith('complex'));
/** The real signatures with a blocked kernel: float32 and float64. */
export const realSignatures = (s: RoutineSpec) =>
  s.signatures.filter((g) => WASM_LEVEL3[g.name] !== undefined && !isComplex(g));
/** The complex signatures with a blocked kernel: complex64 and complex128. */
export const complexSignatures = (s: RoutineSpec) =>
  s.signatures.filter((g) => WASM_LEVEL3[g.name] !== undefined && isComplex(g));

/** Every combination of the routine's options. */
export function optionSets(s: RoutineSpec): Record<string, string>[] {
  let sets: Record<string, string>[] = [{}];
  for (const name of s.options)
    sets = sets.flatMap((o) => OPTION_VALUES[name].map((v) => ({ ...o, [name]: v })));
  return sets;
}

/** Every combination of the options and of conj on each conjugable operand (complex data). */
export function complexOptionSets(s: RoutineSpec): Record<string, unknown>[] {
  let sets: Record<string, unknown>[] = optionSets(s);
  for (const p of s.params) {
    if (p.kind !== 'array' || !p.conjugable) continue;
    sets = sets.flatMap((o) =>
      [false, true].map((v) => ({
        ...o,
        conj: { ...(o.conj as Record<string, boolean> | undefined), [p.name]: v },
      })),
    );
  }
  return sets;
}

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

/** One test per variant, run with the variant forced; skipped where the engine lacks it. */
export function variantTest(title: string, body: (t: TestContext, variant: string) => void): void {
  for (const v of VARIANTS) {
    test(`${title} (${v.name})`, (t) => {
      setDisabledFeatures(v.disable);
      try {
        const chosen = chooseVariant();
        if (chosen.variant !== v.name)
          t.skip(`${v.name} not available: ${chosen.reasons.join('; ')}`);
        else body(t, v.name);
      } finally {
        setDisabledFeatures([]);
      }
    });
  }
}

/** A seed of its own for each variant and test: more cases across the variants. */
export const seedOf = (variant: string, salt: number) =>
  [...variant].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, salt);

/** Runs `kernel` on public-entry arguments: validated and prepared as the entry does them. */
export function runKernel(
  spec: RoutineSpec,
  sig: Signature,
  kernel: Kernel,
  args: unknown[],
): void {
  const p = prepareCall(validateCall(spec, args, undefined, sig));
  kernel(p.call);
  p.finish();
}
