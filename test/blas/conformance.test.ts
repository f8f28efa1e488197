// The conformance suite: every signature of every routine with a reference,
// on sampled sizes, layouts (incl. negative, zero and unaligned strides),
// alphas, betas and conjugation flags; ratios < 16, inputs unchanged,
// sentinels intact. Prints the case count and worst ratio per routine.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SPECS } from '../../src/blas/index.js';
import { OPTION_VALUES } from '../../src/blas/spec/types.js';
import { checkCase, rng, sampleCase } from './harness.js';
import { ADJUSTERS, REFERENCES } from './reference/index.js';

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
        worst = Math.max(worst, checkCase(spec, sig, input, reference!, `${sig.name} case ${k}`));
        cases++;
      }
    }
    t.diagnostic(`${spec.name}: ${cases} cases, worst ratio ${worst.toFixed(3)}`);
    assert.ok(worst < 16);
  });
}
