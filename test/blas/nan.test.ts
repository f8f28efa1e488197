// Exceptional values: NaN, +Inf and -Inf placed at the first, last, an interior
// and a tile-edge position of every input (and in alpha/beta) propagate as the
// reference says (no skipping of zeros: 0 * NaN = NaN), while beta = 0 keeps
// NaN in C from leaking and alpha = 0 keeps A and B from being read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import { type ArrayParam, type Signature, SPECS } from '../../src/blas/index.js';
import type { NDArray } from '../../src/index.js';
import { c } from './cplx.js';
import { type CaseInput, checkCase, operand, rng } from './harness.js';
import { NAN_TESTED_ELSEWHERE, PLACEMENT_REFERENCES } from './reference/index.js';

const SPECIALS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
/** Length 9 covers first (0), tile edges (3, 4, 7, 8 for 4- and 8-wide tiles), interior (5) and last (8). */
const N = 9;
const POSITIONS = [0, 3, 4, 5, 8];

function setFlat(a: NDArray, flat: number, v: number, imag: boolean): void {
  const idx: number[] = [];
  let rest = flat % a.size;
  for (let i = a.ndim - 1; i >= 0; i--) {
    idx.unshift(rest % a.shape[i]);
    rest = Math.floor(rest / a.shape[i]);
  }
  const old = a.item(...idx);
  a.set(
    idx,
    typeof old === 'object'
      ? imag
        ? c((old as { re: number }).re, v)
        : c(v, (old as { im: number }).im)
      : v,
  );
}

function baseCase(
  spec: (typeof SPECS)[number],
  sig: Signature,
  alpha: number,
  beta: number,
): CaseInput {
  const o = resolveOptions(spec, {});
  const r = rng(99);
  const args: Record<string, unknown> = {};
  for (const p of spec.params) {
    if (p.kind === 'scalar') args[p.name] = p.name === 'beta' ? beta : alpha;
    else
      args[p.name] = operand(
        dimsOf(p, o).map(() => N),
        sig.types[p.name],
        'row',
        r,
      );
  }
  return { args, options: {} };
}

const floating = (s: Signature) =>
  Object.values(s.types).every((t) => t.startsWith('float') || t.startsWith('complex'));

for (const spec of SPECS) {
  const reference = PLACEMENT_REFERENCES[spec.name];
  if (reference === undefined) continue;
  test(`NaN/Inf propagation: ${spec.name}`, {}, (t) => {
    let cases = 0;
    const inputs = spec.params.filter(
      (p): p is ArrayParam => p.kind === 'array' && p.role !== 'out',
    );
    for (const sig of spec.signatures.filter(floating)) {
      const complex = Object.values(sig.types).some((d) => d.startsWith('complex'));
      for (const p of inputs) {
        for (const pos of POSITIONS) {
          for (const v of SPECIALS) {
            for (const [alpha, beta] of [
              [0.7, 1.3],
              [0.7, 0],
              [0, 1.3],
            ]) {
              const input = baseCase(spec, sig, alpha, beta);
              const a = input.args[p.name] as NDArray;
              setFlat(
                a,
                pos * (a.ndim === 1 ? 1 : N + 1) + (a.ndim > 1 ? pos % 2 : 0),
                v,
                complex && pos % 2 === 1,
              );
              checkCase(
                spec,
                sig,
                input,
                reference,
                `${sig.name} ${p.name}[${pos}] = ${v}, alpha ${alpha}, beta ${beta}`,
              );
              cases++;
            }
          }
        }
      }
      for (const name of ['alpha', 'beta']) {
        if (!spec.params.some((q) => q.name === name)) continue;
        for (const v of SPECIALS) {
          const input = baseCase(spec, sig, 0.7, 1.3);
          input.args[name] = v;
          checkCase(spec, sig, input, reference, `${sig.name} ${name} = ${v}`);
          cases++;
        }
      }
    }
    t.diagnostic(`${spec.name}: ${cases} placements`);
    assert.ok(cases > 0);
  });
}

test('every routine has its NaN/Inf behaviour tested here or in a dedicated file', () => {
  const missing = SPECS.filter(
    (s) => !PLACEMENT_REFERENCES[s.name] && !NAN_TESTED_ELSEWHERE[s.name],
  );
  assert.deepEqual(
    missing.map((s) => s.name),
    [],
  );
});
