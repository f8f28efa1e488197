// The GEMM frame's staged paths (typed-array copies into wasm memory, then the
// kernel module's pack/combine loops) against their JavaScript twins, in every
// wasm variant this engine runs: random sizes around the panel widths, strides
// positive, negative, zero, gapped and long (which must fall back), staging
// areas small enough to force several groups, and guard values around every
// region that must not change (panels' neighbours, C's gaps and neighbours).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chooseVariant,
  type Feature,
  setDisabledFeatures,
} from '../../src/backends/wasm/features.js';
import { wasmMacroKernel } from '../../src/backends/wasm/gemm.js';
import { type MacroKernel, pack, type Scratch } from '../../src/blas/frame/gemm-blocked.js';
import { stagedPack, stagedWriteBack } from '../../src/blas/frame/gemm-staging.js';
import { rng } from '../blas/harness.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];
const TYPES = ['f64', 'f32'] as const;
const GUARD = 16;
const SENTINEL = -7.25;

/** Smallest and largest index a rows x cols block with strides (rs, cs) touches, from 0. */
function extent(rows: number, cols: number, rs: number, cs: number): [number, number] {
  const a = (rows - 1) * rs;
  const b = (cols - 1) * cs;
  return [Math.min(0, a) + Math.min(0, b), Math.max(0, a) + Math.max(0, b)];
}

/** A source holding a rows x cols block at strides (rs, cs), random values, and its offset. */
function source(
  View: Float64ArrayConstructor | Float32ArrayConstructor,
  rows: number,
  cols: number,
  rs: number,
  cs: number,
  r: () => number,
) {
  const [lo, hi] = extent(rows, cols, rs, cs);
  const data = new View(hi - lo + 1 + 2 * GUARD);
  for (let i = 0; i < data.length; i++) data[i] = Math.round((r() - 0.5) * 2000) / 64;
  return { data, off: GUARD - lo };
}

/** The macro-kernel with a smaller staging area (forces groups), same memory and loops. */
const withStaging = (m: MacroKernel, elements: number): MacroKernel => ({
  ...m,
  stagingElements: elements,
});

function variants(name: string, body: (v: string) => void): void {
  for (const v of VARIANTS) {
    test(`${name} (${v.name})`, (t) => {
      setDisabledFeatures(v.disable);
      try {
        if (chooseVariant().variant !== v.name) t.skip(`${v.name} not available`);
        else body(v.name);
      } finally {
        setDisabledFeatures([]);
      }
    });
  }
}

const STRIDES = [1, 2, 3, 4, -1, -2, -4, 0];

variants('staged packing equals the JavaScript packing', (v) => {
  const r = rng(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  let staged = 0;
  let cases = 0;
  for (const type of TYPES) {
    const macro = wasmMacroKernel(type);
    const View = type === 'f64' ? Float64Array : Float32Array;
    for (let c = 0; c < 150; c++) {
      const rows = pick([1, 3, 4, 5, 7, 8, 9, 16, 17, 33, 70]);
      const k = pick([1, 2, 5, 16, 31, 64]);
      const w = pick([macro.mr, macro.nr]);
      // One stride short, the other short or long (a row or column pitch).
      let [rs, cs] = [pick(STRIDES), pick(STRIDES)];
      const shape = r();
      const sign = r() < 0.5 ? -1 : 1;
      if (shape < 0.4) cs = sign * (rows * Math.max(1, Math.abs(rs)) + pick([0, 3]));
      else if (shape < 0.8) rs = sign * (k * Math.max(1, Math.abs(cs)) + pick([0, 5]));
      else if (shape < 0.9) [rs, cs] = [7 + rows, -(9 + k)];
      const src = source(View, rows, k, rs, cs, r);
      const panels = Math.ceil(rows / w) * w * k;
      const expected = new View(panels);
      pack(expected, 0, src.data, src.off, rs, cs, rows, k, w);
      const mk = withStaging(macro, pick([macro.stagingElements, 40, 300, 2000]));
      const mem: Scratch = mk.scratch(panels + 2 * GUARD);
      const at = mk.base / mk.bytes + GUARD;
      mem.fill(SENTINEL, at - GUARD, at + panels + GUARD);
      const before = Array.from(src.data);
      const done = stagedPack(mk, mem, at, src.data, src.off, rs, cs, rows, k, w);
      const where = `${v} ${type} rows ${rows} k ${k} w ${w} strides ${rs},${cs}`;
      assert.deepEqual(Array.from(src.data), before, `${where}: source changed`);
      if (done) {
        staged++;
        assert.deepEqual(mem.subarray(at, at + panels), expected, where);
      } else {
        assert.ok(
          Math.min(Math.abs(rs), Math.abs(cs)) > 4 || mk.stagingElements < macro.stagingElements,
          where,
        );
        assert.ok(
          mem.subarray(at, at + panels).every((x) => x === SENTINEL),
          `${where}: wrote`,
        );
      }
      for (const i of [at - GUARD, at - 1, at + panels, at + panels + GUARD - 1]) {
        assert.equal(mem[i], SENTINEL, `${where}: guard ${i - at} changed`);
      }
      cases++;
    }
  }
  assert.ok(staged > cases / 2, `only ${staged} of ${cases} cases staged`);
});

/** C layouts as (rs, cs) for rows x cols: row or column runs, reversed, gapped, or every other element. */
const OUT: readonly ((rows: number, cols: number) => readonly [number, number])[] = [
  (_, cols) => [cols, 1],
  (_, cols) => [cols + 3, 1],
  (_, cols) => [-cols, 1],
  (_, cols) => [cols, -1],
  (rows) => [1, rows],
  (rows) => [-1, rows + 2],
  (rows) => [1, -rows],
  (_, cols) => [2 * cols, 2],
];

variants('staged write-back equals alpha * AB + beta * C and keeps gaps', (v) => {
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  let staged = 0;
  for (const type of TYPES) {
    const macro = wasmMacroKernel(type);
    const View = type === 'f64' ? Float64Array : Float32Array;
    for (let c = 0; c < 120; c++) {
      const rows = pick([1, 2, 5, 8, 13, 40]);
      const cols = pick([1, 3, 4, 9, 16, 37]);
      const [rs, cs] = pick(OUT)(rows, cols);
      const alpha = pick([1, 0.7, -2]);
      const beta = pick([0, 1, 1.3]);
      const dst = source(View, rows, cols, rs, cs, r);
      if (beta === 0) dst.data[dst.off] = Number.NaN;
      const ldc = cols + pick([0, 4]);
      const mk = withStaging(macro, pick([macro.stagingElements, 40, 64]));
      const mem: Scratch = mk.scratch(rows * ldc);
      const at = mk.base / mk.bytes;
      for (let i = 0; i < rows * ldc; i++) mem[i + at] = Math.round((r() - 0.5) * 1000) / 32;
      const expected = View.from(dst.data);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const o = dst.off + i * rs + j * cs;
          const ab = mem[at + i * ldc + j];
          expected[o] = beta === 0 ? alpha * ab : alpha * ab + beta * expected[o];
        }
      }
      const untouched = Array.from(dst.data);
      const done = stagedWriteBack(
        mk,
        mem,
        at,
        ldc,
        dst.data,
        dst.off,
        rs,
        cs,
        rows,
        cols,
        alpha,
        beta,
      );
      const where = `${v} ${type} ${rows}x${cols} strides ${rs},${cs} alpha ${alpha} beta ${beta}`;
      if (done) {
        staged++;
        assert.deepEqual(dst.data, expected, where);
      } else {
        assert.ok(Math.abs(rs) !== 1 && Math.abs(cs) !== 1, `${where}: not staged`);
        assert.deepEqual(Array.from(dst.data), untouched, `${where}: wrote`);
      }
    }
  }
  assert.ok(staged > 150, `only ${staged} write-backs staged`);
});
