// The wasm GEMM (blocked frame + macro-kernel) against its reference twin, in
// every variant this engine runs (scalar and simd128 always; relaxed-simd where
// available): random shapes around the register tiles and cache blocks,
// layouts with negative, zero, transposed, gapped and unaligned strides,
// sentinel-padded outputs, alpha/beta shortcuts, and NaN/Inf propagation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { WASM_GEMM } from '../../src/blas/dispatch-wasm.js';
import { prepareCall } from '../../src/blas/frame/prepare.js';
import { validateCall } from '../../src/blas/frame/validate.js';
import { type RoutineSpec, type Signature, SPECS } from '../../src/blas/index.js';
import { checkCase, type LayoutName, operand, rng } from '../blas/harness.js';
import { REFERENCES } from '../blas/reference/index.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];
/** Around MR/NR (4, 8), MC (128) and KC (256 f64, 512 f32). */
const EDGES = [1, 3, 4, 5, 7, 8, 9, 17, 127, 129, 257, 513];
const LAYOUTS: readonly LayoutName[] = [
  'row',
  'col',
  'negative',
  'negativeGapped',
  'unaligned',
  'zero',
];
const OUT_LAYOUTS: readonly LayoutName[] = ['row', 'col', 'negative', 'gapped', 'unaligned'];

function runner(spec: RoutineSpec, sig: Signature) {
  const kernel = WASM_GEMM[sig.name];
  return (...args: unknown[]) => {
    const v = validateCall(spec, args, undefined, sig);
    const p = prepareCall(v);
    kernel(p.call);
    p.finish();
    return undefined;
  };
}

for (const variant of VARIANTS) {
  test(`wasm gemm (${variant.name}) matches the reference`, (t) => {
    setDisabledFeatures(variant.disable);
    if (chooseVariant().variant !== variant.name) {
      t.skip(`${variant.name} not available: ${chooseVariant().reasons.join('; ')}`);
      return;
    }
    const r = rng(1234);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
    let cases = 0;
    let worst = 0;
    for (const spec of SPECS.filter((s) => s.name === 'gemm' || s.name === 'gemmBatched')) {
      for (const sig of spec.signatures.filter((s) => WASM_GEMM[s.name] !== undefined)) {
        for (let n = 0; n < 12; n++) {
          // Keep m * n * k modest: one large edge at a time.
          const dims = {
            m: pick(EDGES.slice(0, 9)),
            n: pick(EDGES.slice(0, 9)),
            k: pick(EDGES.slice(0, 9)),
            batch: 1 + Math.floor(r() * 3),
          };
          dims[pick(['m', 'n', 'k'] as const)] = pick(EDGES);
          const alpha = pick([1, 0.7, 0, -2]);
          const beta = pick([0, 1, 1.3]);
          const args: Record<string, unknown> = { alpha, beta };
          for (const p of spec.params) {
            if (p.kind !== 'array') continue;
            const shape = (p.dims as readonly string[]).map((d) => dims[d as keyof typeof dims]);
            args[p.name] = operand(
              shape,
              sig.types[p.name],
              pick(p.role === 'in' ? LAYOUTS : OUT_LAYOUTS),
              r,
            );
          }
          const where = `${variant.name} ${sig.name} ${JSON.stringify(dims)} alpha ${alpha} beta ${beta}`;
          worst = Math.max(
            worst,
            checkCase(
              spec,
              sig,
              { args, options: {} },
              REFERENCES[spec.name]!,
              where,
              runner(spec, sig),
            ),
          );
          cases++;
        }
      }
    }
    t.diagnostic(`${variant.name}: ${cases} cases, worst ratio ${worst.toFixed(3)}`);
    assert.ok(cases > 50);
    setDisabledFeatures([]);
  });
}

const SPECIALS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

for (const variant of VARIANTS) {
  test(`wasm gemm (${variant.name}) propagates NaN/Inf; zero scalars do not read`, (t) => {
    setDisabledFeatures(variant.disable);
    if (chooseVariant().variant !== variant.name) {
      t.skip(`${variant.name} not available`);
      return;
    }
    const spec = SPECS.find((s) => s.name === 'gemm')!;
    const r = rng(77);
    let cases = 0;
    for (const sig of spec.signatures.filter((s) => WASM_GEMM[s.name] !== undefined)) {
      // 13 = three full 4-wide tiles plus an edge; positions: first, tile edges, interior, last.
      for (const target of ['a', 'b', 'c'] as const) {
        for (const pos of [0, 3, 4, 7, 8, 90, 168]) {
          for (const v of SPECIALS) {
            for (const [alpha, beta] of [
              [0.7, 1.3],
              [0.7, 0],
              [0, 1.3],
              [0, 0],
            ]) {
              const args: Record<string, unknown> = { alpha, beta };
              for (const name of ['a', 'b', 'c'])
                args[name] = operand([13, 13], sig.types[name], 'row', r);
              const arr = args[target] as import('../../src/index.js').NDArray;
              arr.set([Math.floor(pos / 13), pos % 13], v);
              checkCase(
                spec,
                sig,
                { args, options: {} },
                REFERENCES.gemm!,
                `${variant.name} ${sig.name} ${target}[${pos}]=${v} alpha ${alpha} beta ${beta}`,
                runner(spec, sig),
              );
              cases++;
            }
          }
        }
      }
    }
    t.diagnostic(`${variant.name}: ${cases} placements`);
    setDisabledFeatures([]);
  });
}
