// Moves real GEMM blocks in and out of a macro-kernel's memory fast: the
// block's runs along its small-stride direction are copied with typed-array
// `set` into a staging area, and the kernel's own wasm loops pack the panels
// (or combine alpha * AB + beta * C) from there: a memcpy plus a wasm loop
// instead of JavaScript element loops (measured, one thread, CPU time: n = 256
// went from 0.72-0.74 of the n = 1024 rate to 0.92-0.97). Blocks it cannot
// stage (another element type, long inner strides, C rows with gaps) return
// false and the caller's JavaScript loops run instead, with the same results.
import type { KernelData } from '../../kernels/types.js';
import type { MacroKernel, Scratch } from './gemm-blocked.js';

/** Inner strides (elements) up to which a run is copied whole, gaps included. */
const MAX_INNER = 4;

/** A batch of runs: `lines` runs of `len` values `step` apart, the first at `start`. */
interface Runs {
  readonly start: number;
  readonly step: number;
  readonly lines: number;
  readonly len: number;
}

/**
 * Copies runs into staging at `at` (room for `cap` values): one `set` when the runs tile a contiguous
 * span no more than twice their size, else one per run (line pitch `len`).
 * Returns the line pitch and where element 0 of run 0 landed (index into mem).
 */
function stage(
  mem: Scratch,
  at: number,
  cap: number,
  src: KernelData,
  r: Runs,
  inner: number,
): { pitch: number; origin: number } {
  const innerLo = Math.min(0, (r.len - 1) * inner);
  const span = (r.len - 1) * Math.abs(inner) + 1;
  const outerLo = Math.min(0, (r.lines - 1) * r.step);
  const total = (r.lines - 1) * Math.abs(r.step) + span;
  if (total <= 2 * r.lines * span && total <= cap) {
    const lo = r.start + innerLo + outerLo;
    mem.set(src.subarray(lo, lo + total), at);
    return { pitch: r.step, origin: at + r.start - lo };
  }
  for (let l = 0, s = r.start + innerLo; l < r.lines; l++, s += r.step) {
    mem.set(src.subarray(s, s + span), at + l * span);
  }
  return { pitch: span, origin: at - innerLo };
}

const sameType = (src: KernelData, mem: Scratch) => src.constructor === mem.constructor;

/**
 * Packs `rows` x k of a strided matrix (element (i, p) at off + i * rs + p * cs)
 * into panels of `w` rows at element `at` of mem, through staging. False when
 * the block cannot be staged (nothing written then).
 */
export function stagedPack(
  macro: MacroKernel,
  mem: Scratch,
  at: number,
  src: KernelData,
  off: number,
  rs: number,
  cs: number,
  rows: number,
  k: number,
  w: number,
): boolean {
  if (!sameType(src, mem)) return false;
  const byRows = Math.abs(rs) <= Math.abs(cs);
  const inner = byRows ? rs : cs;
  if (Math.abs(inner) > MAX_INNER) return false;
  const cap = macro.stagingElements;
  // Rows per group, a multiple of w: runs along rows are k lines of the group's
  // rows; runs along depth are one line of k per row.
  const perRowSpan = (k - 1) * Math.abs(cs) + 1;
  const fit = byRows
    ? Math.floor((Math.floor(cap / k) - 1) / Math.max(1, Math.abs(rs))) + 1
    : Math.floor(cap / perRowSpan);
  const group = Math.floor(Math.min(fit, rows + w - 1) / w) * w;
  if (group < w) return false;
  const { bytes } = macro;
  const base = macro.staging / bytes;
  for (let r0 = 0; r0 < rows; r0 += group) {
    const g = Math.min(group, rows - r0);
    const start = off + r0 * rs;
    const runs: Runs = byRows
      ? { start, step: cs, lines: k, len: g }
      : { start, step: rs, lines: g, len: k };
    const { pitch, origin } = stage(mem, base, cap, src, runs, inner);
    const [srs, scs] = byRows ? [rs, pitch] : [pitch, cs];
    macro.pack((at + r0 * k) * bytes, origin * bytes, srs, scs, g, k, w);
  }
  return true;
}

/**
 * C block (rows x cols at off, strides rs, cs) = alpha * buf + beta * C, buf
 * row-major at element `at` with row stride ldc, through staging. Only for
 * C whose runs have no gaps (|cs| or |rs| = 1): runs are written back whole.
 */
export function stagedWriteBack(
  macro: MacroKernel,
  mem: Scratch,
  at: number,
  ldc: number,
  dst: KernelData,
  off: number,
  rs: number,
  cs: number,
  rows: number,
  cols: number,
  alpha: number,
  beta: number,
): boolean {
  if (!sameType(dst, mem)) return false;
  if (alpha === 1 && beta === 0 && cs === 1) {
    // The product as it is: buf's rows straight into C's, in one copy when both are dense.
    if (rs === cols && ldc === cols) dst.set(mem.subarray(at, at + rows * cols), off);
    else
      for (let i = 0; i < rows; i++)
        dst.set(mem.subarray(at + i * ldc, at + i * ldc + cols), off + i * rs);
    return true;
  }
  const byCols = Math.abs(cs) === 1;
  if (!byCols && Math.abs(rs) !== 1) return false;
  const [len, lines, step, inner] = byCols ? [cols, rows, rs, cs] : [rows, cols, cs, rs];
  const per = Math.floor(macro.stagingElements / len);
  if (per < 1) return false;
  const { bytes } = macro;
  const base = macro.staging / bytes;
  const innerLo = inner < 0 ? len - 1 : 0;
  for (let l0 = 0; l0 < lines; l0 += per) {
    const n = Math.min(per, lines - l0);
    const first = off + l0 * step - innerLo;
    const contiguous = Math.abs(step) === len;
    const lo = contiguous ? first + Math.min(0, (n - 1) * step) : first;
    if (beta !== 0) {
      if (contiguous) mem.set(dst.subarray(lo, lo + n * len), base);
      else
        for (let l = 0; l < n; l++)
          mem.set(dst.subarray(first + l * step, first + l * step + len), base + l * len);
    }
    const pitch = contiguous ? step : len;
    const origin = (contiguous ? base + first - lo : base) + innerLo;
    const [srs, scs] = byCols ? [pitch, inner] : [inner, pitch];
    const [r0, nr, nc] = byCols ? [l0, n, cols] : [0, rows, n];
    const c0 = byCols ? 0 : l0;
    macro.combine(origin * bytes, srs, scs, (at + r0 * ldc + c0) * bytes, ldc, nr, nc, alpha, beta);
    const view = mem.subarray(base, base + n * len);
    if (contiguous) dst.set(view, lo);
    else
      for (let l = 0; l < n; l++) dst.set(view.subarray(l * len, (l + 1) * len), first + l * step);
  }
  return true;
}
