// The conformance suite: every signature of every routine with a reference,
// on sampled sizes, layouts (incl. negative, zero and unaligned strides),
// alphas, betas and conjugation flags; ratios < 16, inputs unchanged,
// sentinels intact. Prints the case count and worst ratio per routine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SPECS } from '../../src/blas/index.js';
import { OPTION_VALUES } from '../../src/blas/spec/types.js';
import type { Adjuster, Reference } from './harness.js';
import { checkCase, rng, sampleCase } from './harness.js';
import { GEMM } from './reference/gemm.js';
import { LEVEL1 } from './reference/level1.js';
import { LEVEL2, LEVEL2_INPUTS } from './reference/level2.js';
import { LEVEL3, LEVEL3_INPUTS } from './reference/level3.js';
import { ROTATION, ROTATION_INPUTS } from './reference/rotation.js';

const REFERENCES: Record<string, Reference> = {
  ...LEVEL1,
  ...GEMM,
  ...LEVEL2,
  ...LEVEL3,
  ...ROTATION,
};
/** Per-routine input preconditions (well-conditioned solves, NaN where nothing may read). */
const ADJUSTERS: Partial<Record<string, Adjuster>> = {
  ...LEVEL2_INPUTS,
  ...LEVEL3_INPUTS,
  ...ROTATION_INPUTS,
};
const CASES_PER_SIGNATURE = 60;

for (const spec of SPECS) {
  const reference = REFERENCES[spec.name];
  test(`conformance: ${spec.name}`, {
    skip: reference === undefined ? 'no reference yet' : false,
  }, (t) => {
    const r = rng(0x5eed ^ (spec.name.length * 7919));
    const conjugable = spec.params
      .filter((p) => p.kind === 'array' && p.conjugable)
      .map((p) => p.name);
    let cases = 0;
    let worst = 0;
    for (const sig of spec.signatures) {
      for (let k = 0; k < CASES_PER_SIGNATURE; k++) {
        const complex = Object.values(sig.types).some((d) => d.startsWith('complex'));
        const conj = complex ? Object.fromEntries(conjugable.map((n) => [n, r() < 0.5])) : {};
        const options: Record<string, unknown> = conjugable.length > 0 ? { conj } : {};
        for (const name of spec.options) options[name] = OPTION_VALUES[name][r() < 0.5 ? 0 : 1];
        const input = sampleCase(spec, sig, r, options, ADJUSTERS[spec.name]);
        worst = Math.max(worst, checkCase(spec, sig, input, reference, `${sig.name} case ${k}`));
        cases++;
      }
    }
    t.diagnostic(`${spec.name}: ${cases} cases, worst ratio ${worst.toFixed(3)}`);
    assert.ok(worst < 16);
  });
}
