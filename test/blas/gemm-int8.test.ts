// gemm:i8,i8->i32 and gemmBatched:i8,i8->i32 against NumPy's int32
// wrap-around results (test/fixtures/blas/gemm_int8.json, made by
// scripts/fixtures/gemm_int8.py), through the public entry points in every
// wasm variant this engine runs, with operands in row, column, negative and
// unaligned layouts inside sentinel bytes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { bySignature } from '../../src/blas/index.js';
import type { NDArray } from '../../src/index.js';
import { arrayFromHex, bytesToHex } from '../helpers/fixtures.js';
import { assertSentinelsIntact, padded } from '../helpers/sentinel.js';
import { type LayoutName, stridesFor } from './harness.js';

interface Case {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly alpha: number;
  readonly beta: number;
  readonly a: string;
  readonly b: string;
  readonly c: string;
  readonly want: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/blas/gemm_int8.json', import.meta.url), 'utf8'),
) as { numpy: string; cases: Case[] };

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

/** Layouts of A, B, C per run: every operand sees each of its layouts at least once. */
const LAYOUTS: readonly [LayoutName, LayoutName, LayoutName][] = [
  ['row', 'row', 'row'],
  ['col', 'negative', 'unaligned'],
  ['negative', 'col', 'col'],
  ['unaligned', 'unaligned', 'negative'],
];

/** The values of `hex` (contiguous `dtype`) of `shape`, copied into a sentinel-padded view in `layout`. */
function place(hex: string, dtype: 'int8' | 'int32', shape: number[], layout: LayoutName): NDArray {
  const src = arrayFromHex(hex, dtype === 'int8' ? '<i1' : '<i4').reshape(shape);
  const item = dtype === 'int8' ? 1 : 4;
  const view = padded(shape, stridesFor(shape, item, layout), dtype);
  view.assign(src);
  return view;
}

const hexOfValues = (a: NDArray) => {
  const c = a.copy();
  return bytesToHex(new Uint8Array(c.buffer, c.byteOffset, c.nbytes));
};

for (const variant of VARIANTS) {
  test(`gemm:i8,i8->i32 (${variant.name}) equals NumPy's int32 results`, (t) => {
    setDisabledFeatures(variant.disable);
    try {
      if (chooseVariant().variant !== variant.name) {
        t.skip(`${variant.name} not available`);
        return;
      }
      for (const cs of fixture.cases) {
        for (const [la, lb, lc] of LAYOUTS) {
          const a = place(cs.a, 'int8', [cs.m, cs.k], la);
          const b = place(cs.b, 'int8', [cs.k, cs.n], lb);
          const c = place(cs.c, 'int32', [cs.m, cs.n], lc);
          bySignature['gemm:i8,i8->i32'](cs.alpha, a, b, cs.beta, c);
          const where: string = `${variant.name} ${cs.m}x${cs.n}x${cs.k} ${la}/${lb}/${lc}`;
          assert.equal(hexOfValues(c), cs.want, where);
          assertSentinelsIntact(c);
        }
      }
    } finally {
      setDisabledFeatures([]);
    }
  });
}

test(`gemmBatched:i8,i8->i32 equals NumPy's results with A and B shared across the stack`, () => {
  for (const cs of fixture.cases) {
    const a = place(cs.a, 'int8', [cs.m, cs.k], 'col');
    const b = place(cs.b, 'int8', [cs.k, cs.n], 'negative');
    const stack = (x: NDArray, p: number) =>
      x.expandDims(0).broadcastTo([p, ...x.shape]) as NDArray;
    const c = padded([3, cs.m, cs.n], stridesFor([3, cs.m, cs.n], 4, 'gapped'), 'int32');
    for (let p = 0; p < 3; p++) c.slice(p).assign(arrayFromHex(cs.c, '<i4').reshape([cs.m, cs.n]));
    bySignature['gemmBatched:i8,i8->i32'](cs.alpha, stack(a, 3), stack(b, 3), cs.beta, c);
    for (let p = 0; p < 3; p++) assert.equal(hexOfValues(c.slice(p)), cs.want, `matrix ${p}`);
    assertSentinelsIntact(c);
  }
});
