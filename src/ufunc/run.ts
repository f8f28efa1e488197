// The inner engine of a ufunc call: plans the coalesced nd-iteration over the
// output, the inputs and the mask, and feeds each run to the compiled loop.
// Operands in the loop's dtype, native and aligned are read and written in place
// through typed windows; the others go through scratch chunks (bytes gathered
// for unaligned or byte-swapped layouts, then converted), so no per-element
// DataView access happens on any path.
import type { DType } from '../core/dtypes.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { type AnyTyped, rawWindow, typedWindow, unitOf } from '../ndarray/typed.js';
import { chunkFlags, type Run } from './check.js';
import type { Kernel } from './compile.js';
import {
  type Convert,
  computeArray,
  inputConverter,
  moveBytes,
  outputConverter,
} from './convert.js';
import { watchedFlags } from './errstate.js';
import { alignedTo } from './operands.js';
import type { ResolvedLoop } from './resolve.js';
import type { UfuncDef } from './types.js';

/** Elements staged per chunk: a few KiB per operand, large enough to amortise calls. */
const CHUNK = 2048;

/** One operand of the loop and how it reaches the kernel. */
interface Slot {
  readonly a: NDArray;
  /** The compute dtype of the loop at this position. */
  readonly type: DType;
  /** Read or written in place through `window`. */
  readonly direct: boolean;
  /** Storage window (aligned native layouts only). */
  readonly window: AnyTyped | undefined;
  /** Bytes per storage unit (a component for complex). */
  readonly unit: number;
  /** Compute units per element of the loop dtype. */
  readonly per: number;
  readonly convert: Convert | undefined;
  readonly scratch: AnyTyped | undefined;
  /** Native contiguous storage of `a.dtype`, for unaligned, byte-swapped or masked operands. */
  readonly staging: { readonly bytes: Uint8Array; readonly typed: AnyTyped } | undefined;
}

function slot(a: NDArray, type: DType, isOutput: boolean, masked: boolean, size: number): Slot {
  const unit = unitOf(a.dtype);
  const native = a.dtype.isNative && alignedTo(a, unit);
  const window = native ? typedWindow(a.buffer, a.dtype) : undefined;
  const direct =
    native && a.dtype.name === type.name && type.name !== 'float16' && !(isOutput && masked);
  const per = type.kind === 'c' ? 2 : 1;
  if (direct) {
    return {
      a,
      type,
      direct,
      window,
      unit,
      per,
      convert: undefined,
      scratch: undefined,
      staging: undefined,
    };
  }
  const n = Math.min(CHUNK, size);
  const convert = isOutput ? outputConverter(type, a.dtype) : inputConverter(a.dtype, type);
  let staging: Slot['staging'];
  if (!native || (isOutput && masked)) {
    const buffer = new ArrayBuffer(n * a.itemsize);
    staging = { bytes: rawWindow(buffer, 1) as Uint8Array, typed: typedWindow(buffer, a.dtype) };
  }
  return { a, type, direct, window, unit, per, convert, scratch: computeArray(type, n), staging };
}

/** Byte-group size to reverse when copying (component size for swapped arrays, else 1). */
function swapOf(a: NDArray): number {
  if (a.dtype.isNative) return 1;
  return a.dtype.kind === 'c' ? a.itemsize / 2 : a.itemsize;
}

/** Brings `count` elements of an input into the kernel's reach; returns its (array, index, stride). */
function stageInput(s: Slot, off: number, stride: number, m: number): Run {
  if (s.direct) return [s.window!, off / s.unit, stride / s.unit];
  const count = stride === 0 ? 1 : m;
  const storagePer = s.a.itemsize / s.unit;
  if (s.staging === undefined) {
    s.convert!(s.window!, off / s.unit, stride / s.unit, s.scratch!, 0, s.per, count);
  } else {
    const src = rawWindow(s.a.buffer, 1) as Uint8Array;
    moveBytes(src, off, stride, s.staging.bytes, 0, s.a.itemsize, count, s.a.itemsize, swapOf(s.a));
    s.convert!(s.staging.typed, 0, storagePer, s.scratch!, 0, s.per, count);
  }
  return [s.scratch!, 0, stride === 0 ? 0 : s.per];
}

/** Stores a staged output chunk (mask bytes at `mask`, if any). */
function storeOutput(s: Slot, off: number, stride: number, m: number, mask: Run | undefined): void {
  if (s.staging === undefined) {
    s.convert!(s.scratch!, 0, s.per, s.window!, off / s.unit, stride / s.unit, m);
    return;
  }
  s.convert!(s.scratch!, 0, s.per, s.staging.typed, 0, s.a.itemsize / s.unit, m);
  const dst = rawWindow(s.a.buffer, 1) as Uint8Array;
  const keep =
    mask === undefined
      ? undefined
      : { bytes: mask[0] as Uint8Array, index: mask[1], stride: mask[2] };
  moveBytes(s.staging.bytes, 0, s.a.itemsize, dst, off, stride, m, s.a.itemsize, swapOf(s.a), keep);
}

function call(kernel: Kernel, m: number, o: Run, ins: readonly Run[]): void {
  switch (ins.length) {
    case 1:
      kernel(m, o[0], o[1], o[2], ins[0][0], ins[0][1], ins[0][2]);
      return;
    case 2:
      kernel(m, o[0], o[1], o[2], ins[0][0], ins[0][1], ins[0][2], ins[1][0], ins[1][1], ins[1][2]);
      return;
    default:
      kernel(m, o[0], o[1], o[2], ...ins.flat());
  }
}

/**
 * Computes `target = op(views...)` elementwise; every view already has the
 * target's shape. Returns the IEEE exception flags errstate asked to watch
 * (`watched`: the caller's errstate, which pool workers do not share).
 */
export function runLoops(
  def: UfuncDef,
  kernel: Kernel,
  r: ResolvedLoop,
  target: NDArray,
  views: readonly NDArray[],
  mask: NDArray | undefined,
  watched = watchedFlags(),
): number {
  const masked = mask !== undefined;
  const size = target.size;
  const out = slot(target, r.output, true, masked, size);
  const ins = views.map((v, k) => slot(v, r.inputs[k], false, masked, size));
  const arrays = mask === undefined ? [target, ...views] : [target, ...views, mask];
  const plan = planIteration(
    target.shape,
    arrays.map((a) => ({ strides: a.strides, offset: a.byteOffset })),
  );
  const chunked = watched !== 0 || !out.direct || ins.some((s) => !s.direct);
  const nin = ins.length;
  const maskBytes = mask === undefined ? undefined : (rawWindow(mask.buffer, 1) as Uint8Array);
  let flags = 0;
  forEachRun(plan, (offs, n, st) => {
    const step = chunked ? CHUNK : n;
    for (let p = 0; p < n; p += step) {
      const m = Math.min(step, n - p);
      const runs = ins.map((s, k) => stageInput(s, offs[k + 1] + p * st[k + 1], st[k + 1], m));
      const oOff = offs[0] + p * st[0];
      const o: Run = out.direct
        ? [out.window!, oOff / out.unit, st[0] / out.unit]
        : [out.scratch!, 0, out.per];
      call(kernel, m, o, runs);
      const mk: Run | undefined =
        maskBytes === undefined
          ? undefined
          : [maskBytes, offs[nin + 1] + p * st[nin + 1], st[nin + 1]];
      if (watched !== 0) flags |= chunkFlags(def, r, m, o, runs, mk);
      if (!out.direct) storeOutput(out, oOff, st[0], m, mk);
    }
  });
  return flags & watched;
}
