// Drives the wasm Level-1/2 kernels (src/kernels/assembly/level12.ts): array
// data lives outside wasm memory, so operands are copied into this thread's
// scratch in chunks by typed-array `set`, computed there, and results copied
// out. Only layouts that copy by `set` qualify (`applies`): vectors of unit
// increment (both +1 or both -1 for two-vector routines), matrices whose rows
// or columns are contiguous; the frame has already turned unaligned and
// byte-swapped operands into aligned temporaries. Other layouts, empty
// operands and the zero-alpha shortcuts stay with the reference kernel.
import { blueCombine } from '../../kernels/ref/nrm2.js';
import type { KernelCall, KernelData, KernelOperand, KernelResult } from '../../kernels/types.js';
import { chooseVariant } from './features.js';
import { SCRATCH_BASE, wasmInstance } from './instance.js';

export type L12Type = 'f64' | 'f32';

type Ptr = number;
interface Exports {
  dot_f64(n: number, x: Ptr, y: Ptr): number;
  dot_f32(n: number, x: Ptr, y: Ptr): number;
  axpy_f64(n: number, a: number, x: Ptr, y: Ptr): void;
  axpy_f32(n: number, a: number, x: Ptr, y: Ptr): void;
  asum_f64(n: number, x: Ptr): number;
  asum_f32(n: number, x: Ptr): number;
  nrm2_f64(n: number, x: Ptr, out: Ptr): void;
  nrm2_f32(n: number, x: Ptr, out: Ptr): void;
  gemv_rows_f64(m: number, n: number, a: Ptr, lda: number, x: Ptr, out: Ptr): void;
  gemv_rows_f32(m: number, n: number, a: Ptr, lda: number, x: Ptr, out: Ptr): void;
  gemv_cols_f64(m: number, n: number, a: Ptr, lda: number, x: Ptr, acc: Ptr): void;
  gemv_cols_f32(m: number, n: number, a: Ptr, lda: number, x: Ptr, acc: Ptr): void;
  ger_f64(lines: number, len: number, a: Ptr, lda: number, p: Ptr, q: Ptr): void;
  ger_f32(lines: number, len: number, a: Ptr, lda: number, p: Ptr, q: Ptr): void;
}

const BYTES: Readonly<Record<L12Type, number>> = { f64: 8, f32: 4 };

/** Bytes of one operand chunk in scratch: 64 KiB stays in L1/L2 between copy-in and use. */
const CHUNK_BYTES = 65536;

/**
 * Lines shorter than this take the wasm path only when they abut (one `set`
 * per block): a `set` per short line costs more than the line's arithmetic
 * (an estimate from the per-call costs; not measured separately).
 */
const MIN_LINE = 16;

interface Scratch {
  readonly e: Exports;
  readonly f64: Float64Array;
  readonly f32: Float32Array;
}

interface State extends Scratch {
  readonly choice: object;
  readonly capacity: number;
}

let state: State | undefined;

/**
 * This thread's instance, for the variant chosen now, with at least `bytes`
 * of scratch from SCRATCH_BASE; instance and views are looked up again only
 * when the choice changes or memory must grow (this driver alone grows it).
 */
function scratch(bytes: number): Scratch {
  const choice = chooseVariant();
  if (state === undefined || state.choice !== choice || state.capacity < bytes) {
    const inst = wasmInstance('level12');
    inst.ensure(SCRATCH_BASE + bytes);
    const buffer = inst.memory.buffer;
    state = {
      choice,
      capacity: buffer.byteLength - SCRATCH_BASE,
      e: inst.exports as unknown as Exports,
      f64: new Float64Array(buffer),
      f32: new Float32Array(buffer),
    };
  }
  return state;
}

/** dst[at .. at + len) = src[from .. from + len). */
function copy(src: KernelData, from: number, len: number, dst: KernelData, at: number): void {
  dst.set(src.subarray(from, from + len), at);
}

/** First element (component) of a vector of n elements of `width` components in memory order, or -1. */
function runStart(v: KernelOperand, n: number, width: number): number {
  if (n <= 1 || v.st[0] === width) return v.off;
  if (v.st[0] === -width) return v.off - (n - 1) * width;
  return -1;
}

/** Both vectors run the same way in memory (pairs keep their partners). */
function pairedRuns(call: KernelCall): boolean {
  const { x, y } = call.ops;
  const n = call.dims.n;
  return n > 0 && runStart(x, n, 1) >= 0 && (n <= 1 || x.st[0] === y.st[0]);
}

const memOf = (s: Scratch, t: L12Type): KernelData => s[t];

/** x . y, chunk partial sums added in order. */
function dot(t: L12Type) {
  const dotName = `dot_${t}` as const;
  return (call: KernelCall): KernelResult => {
    const { x, y } = call.ops;
    const n = call.dims.n;
    const b = BYTES[t];
    const chunk = CHUNK_BYTES / b;
    const s = scratch(2 * CHUNK_BYTES);
    const mem = memOf(s, t);
    const run = s.e[dotName];
    const xs = runStart(x, n, 1);
    const ys = n <= 1 ? y.off : runStart(y, n, 1);
    const px = SCRATCH_BASE;
    const py = SCRATCH_BASE + CHUNK_BYTES;
    let sum = 0;
    for (let k = 0; k < n; k += chunk) {
      const len = Math.min(chunk, n - k);
      copy(x.data, xs + k, len, mem, px / b);
      copy(y.data, ys + k, len, mem, py / b);
      sum += run(len, px, py);
    }
    return sum;
  };
}

function axpy(t: L12Type) {
  const axpyName = `axpy_${t}` as const;
  return (call: KernelCall): KernelResult => {
    const { x, y } = call.ops;
    const n = call.dims.n;
    const alpha = call.scalars.alpha as number;
    const b = BYTES[t];
    const chunk = CHUNK_BYTES / b;
    const s = scratch(2 * CHUNK_BYTES);
    const mem = memOf(s, t);
    const run = s.e[axpyName];
    const xs = runStart(x, n, 1);
    const ys = n <= 1 ? y.off : runStart(y, n, 1);
    const px = SCRATCH_BASE;
    const py = SCRATCH_BASE + CHUNK_BYTES;
    for (let k = 0; k < n; k += chunk) {
      const len = Math.min(chunk, n - k);
      copy(x.data, xs + k, len, mem, px / b);
      copy(y.data, ys + k, len, mem, py / b);
      run(len, alpha, px, py);
      copy(mem, py / b, len, y.data, ys + k);
    }
    return undefined;
  };
}

/** Streams the n * width components of x through scratch (at SCRATCH_BASE) in chunks of `len`. */
function stream(
  t: L12Type,
  call: KernelCall,
  width: number,
  each: (s: Scratch, len: number) => void,
) {
  const { x } = call.ops;
  const total = call.dims.n * width;
  const b = BYTES[t];
  const chunk = CHUNK_BYTES / b;
  const s = scratch(CHUNK_BYTES + 32);
  const mem = memOf(s, t);
  const xs = runStart(x, call.dims.n, width);
  for (let k = 0; k < total; k += chunk) {
    const len = Math.min(chunk, total - k);
    copy(x.data, xs + k, len, mem, SCRATCH_BASE / b);
    each(s, len);
  }
}

function asum(t: L12Type, width: number) {
  const asumName = `asum_${t}` as const;
  return (call: KernelCall): KernelResult => {
    let sum = 0;
    stream(t, call, width, (s, len) => {
      sum += s.e[asumName](len, SCRATCH_BASE);
    });
    return sum;
  };
}

function nrm2(t: L12Type, width: number) {
  const nrm2Name = `nrm2_${t}` as const;
  return (call: KernelCall): KernelResult => {
    const sums = [0, 0, 0];
    const out = SCRATCH_BASE + CHUNK_BYTES;
    stream(t, call, width, (s, len) => {
      s.e[nrm2Name](len, SCRATCH_BASE, out);
      for (let k = 0; k < 3; k++) sums[k] += s.f64[out / 8 + k];
    });
    return blueCombine(sums[0], sums[1], sums[2]);
  };
}

/**
 * A matrix as contiguous lines: rows (byRows) or columns, `lines` of `len`
 * elements, line l starting at off + l * stride; `dense` when lines abut.
 */
interface Lines {
  readonly byRows: boolean;
  readonly lines: number;
  readonly len: number;
  readonly stride: number;
  readonly dense: boolean;
}

function linesOf(a: KernelOperand, m: number, n: number): Lines | null {
  if (m === 0 || n === 0) return null;
  if (n === 1 || a.st[1] === 1) {
    const dense = m === 1 || a.st[0] === n;
    if (dense || n >= MIN_LINE) return { byRows: true, lines: m, len: n, stride: a.st[0], dense };
  }
  if (m === 1 || a.st[0] === 1) {
    const dense = n === 1 || a.st[1] === m;
    if (dense || m >= MIN_LINE) return { byRows: false, lines: n, len: m, stride: a.st[1], dense };
  }
  return null;
}

/** Lines [l0, l0 + count) of A packed into mem at element `at` (line stride len). */
function copyLinesIn(
  a: KernelOperand,
  g: Lines,
  l0: number,
  count: number,
  mem: KernelData,
  at: number,
) {
  const start = a.off + l0 * g.stride;
  if (g.dense) {
    copy(a.data, start, count * g.len, mem, at);
    return;
  }
  for (let l = 0; l < count; l++) {
    const s = start + l * g.stride;
    copy(a.data, s, g.len, mem, at + l * g.len);
  }
}

function copyLinesOut(
  a: KernelOperand,
  g: Lines,
  l0: number,
  count: number,
  mem: KernelData,
  at: number,
) {
  const start = a.off + l0 * g.stride;
  if (g.dense) {
    copy(mem, at, count * g.len, a.data, start);
    return;
  }
  for (let l = 0; l < count; l++) copy(mem, at + l * g.len, g.len, a.data, start + l * g.stride);
}

/** Gathers n elements of any increment into dst from element `at`. */
function gather(v: KernelOperand, n: number, dst: KernelData, at: number, scale = 1) {
  for (let i = 0, iv = v.off; i < n; i++, iv += v.st[0]) dst[at + i] = scale * v.data[iv];
}

/** Lines per block: about one chunk, at least one line. */
const blockOf = (g: Lines, b: number) => Math.max(1, Math.floor(CHUNK_BYTES / b / g.len));

const align = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** y = alpha A x + beta y, sums per row from the kernel, scaled as the reference does. */
function gemv(t: L12Type) {
  const gemvRowsName = `gemv_rows_${t}` as const;
  const gemvColsName = `gemv_cols_${t}` as const;
  return (call: KernelCall): KernelResult => {
    const { a, x, y } = call.ops;
    const { m, n } = call.dims;
    const alpha = call.scalars.alpha as number;
    const beta = call.scalars.beta as number;
    const g = linesOf(a, m, n)!;
    const b = BYTES[t];
    const block = blockOf(g, b);
    // Scratch: x (type t by rows, float64 by columns), the m float64 sums, one block of A.
    const px = SCRATCH_BASE;
    const ps = px + align(n * 8);
    const pa = ps + align(m * 8);
    const s = scratch(pa - SCRATCH_BASE + block * g.len * b);
    const mem = memOf(s, t);
    const sums = ps / 8;
    if (g.byRows) {
      gather(x, n, mem, px / b);
      for (let l0 = 0; l0 < m; l0 += block) {
        const count = Math.min(block, m - l0);
        copyLinesIn(a, g, l0, count, mem, pa / b);
        s.e[gemvRowsName](count, n, pa, n, px, ps + l0 * 8);
      }
    } else {
      gather(x, n, s.f64, px / 8);
      s.f64.fill(0, sums, sums + m);
      for (let l0 = 0; l0 < n; l0 += block) {
        const count = Math.min(block, n - l0);
        copyLinesIn(a, g, l0, count, mem, pa / b);
        s.e[gemvColsName](m, count, pa, m, px + l0 * 8, ps);
      }
    }
    for (let i = 0, iy = y.off; i < m; i++, iy += y.st[0]) {
      const old = beta === 0 ? 0 : beta * y.data[iy];
      y.data[iy] = alpha * s.f64[sums + i] + old;
    }
    return undefined;
  };
}

/** A += alpha x y^T: p along the lines, q one value per line (x_i times alpha y_j either way). */
function ger(t: L12Type) {
  const gerName = `ger_${t}` as const;
  return (call: KernelCall): KernelResult => {
    const { a, x, y } = call.ops;
    const { m, n } = call.dims;
    const alpha = call.scalars.alpha as number;
    const g = linesOf(a, m, n)!;
    const b = BYTES[t];
    const block = blockOf(g, b);
    const pp = SCRATCH_BASE;
    const pq = pp + align(g.len * b);
    const pa = pq + align(g.lines * b);
    const s = scratch(pa - SCRATCH_BASE + block * g.len * b);
    const mem = memOf(s, t);
    const [along, per] = g.byRows ? [y, x] : [x, y];
    gather(along, g.len, mem, pp / b, g.byRows ? alpha : 1);
    gather(per, g.lines, mem, pq / b, g.byRows ? 1 : alpha);
    for (let l0 = 0; l0 < g.lines; l0 += block) {
      const count = Math.min(block, g.lines - l0);
      copyLinesIn(a, g, l0, count, mem, pa / b);
      s.e[gerName](count, g.len, pa, g.len, pp, pq + l0 * b);
      copyLinesOut(a, g, l0, count, mem, pa / b);
    }
    return undefined;
  };
}

type Routine = 'dot' | 'axpy' | 'asum' | 'nrm2' | 'gemv' | 'ger';

/** Whether a call's layout and scalars take the wasm path (else the reference kernel runs). */
const APPLIES: Readonly<Record<Routine, (call: KernelCall, width: number) => boolean>> = {
  dot: pairedRuns,
  axpy: (call) => call.scalars.alpha !== 0 && pairedRuns(call),
  asum: (call, w) => call.dims.n > 0 && runStart(call.ops.x, call.dims.n, w) >= 0,
  nrm2: (call, w) => call.dims.n > 0 && runStart(call.ops.x, call.dims.n, w) >= 0,
  gemv: (call) =>
    call.scalars.alpha !== 0 && linesOf(call.ops.a, call.dims.m, call.dims.n) !== null,
  ger: (call) => call.scalars.alpha !== 0 && linesOf(call.ops.a, call.dims.m, call.dims.n) !== null,
};

/** Elements touched, to compare with a routine's cut-over. */
const WORK: Readonly<Record<Routine, (call: KernelCall) => number>> = {
  dot: (call) => call.dims.n,
  axpy: (call) => call.dims.n,
  asum: (call) => call.dims.n,
  nrm2: (call) => call.dims.n,
  gemv: (call) => call.dims.m * call.dims.n,
  ger: (call) => call.dims.m * call.dims.n,
};

const MAKE: Readonly<
  Record<Routine, (t: L12Type, width: number) => (call: KernelCall) => KernelResult>
> = {
  dot: (t) => dot(t),
  axpy: (t) => axpy(t),
  asum: (t, w) => asum(t, w),
  nrm2: (t, w) => nrm2(t, w),
  gemv: (t) => gemv(t),
  ger: (t) => ger(t),
};

export interface Level12Kernel {
  /** Whether this call takes the wasm path. */
  readonly applies: (call: KernelCall) => boolean;
  /** Elements (vector length, or m * n for matrices) the call touches. */
  readonly work: (call: KernelCall) => number;
  /** The wasm path; call only where `applies`. */
  readonly run: (call: KernelCall) => KernelResult;
}

/** The wasm kernel of `routine` on data of type t; width 2 reads complex vectors as 2n reals. */
export function level12Kernel(routine: Routine, t: L12Type, width = 1): Level12Kernel {
  return {
    applies: (call) => APPLIES[routine](call, width),
    work: WORK[routine],
    run: MAKE[routine](t, width),
  };
}
