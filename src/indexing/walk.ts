// Walking the elements an index selects: the true entries of a boolean mask
// (counted, or visited with the offsets they address), the values of an
// integer index array, and the fused one-loop copies for a lone mask or a
// lone index array with one element per address (the common, hot cases).
import { readElement } from '../ndarray/elements.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { rawWindow, typedWindow, unitOf } from '../ndarray/typed.js';

/** Visits the byte offset addressed by the i-th selected element. */
export type Visit = (offset: number, i: number) => void;

/** Walks the true entries of a boolean array in C order with the offsets they address. */
export function walkMask(
  mask: NDArray,
  strides: readonly number[],
  offset: number,
  visit: Visit,
): void {
  const bytes = rawWindow(mask.buffer, 1);
  const plan = planIteration(
    mask.shape,
    [
      { strides: mask.strides, offset: mask.byteOffset },
      { strides, offset },
    ],
    { order: 'C' },
  );
  let i = 0;
  forEachRun(plan, (off, n, st) => {
    for (let k = 0, m = off[0], v = off[1]; k < n; k++, m += st[0], v += st[1]) {
      if (bytes[m] !== 0) visit(v, i++);
    }
  });
}

/** The other side of a fused copy: its i-th element sits at offset + i * step of a buffer. */
export interface Run {
  readonly buffer: ArrayBufferLike;
  readonly offset: number;
  readonly step: number;
}

/**
 * The lone-mask path with one element per address, fused into one loop: the
 * i-th selected element of the masked array moves to or from element i of
 * `run`, in raw units.
 */
export function maskedCopy(
  mask: NDArray,
  masked: { buffer: ArrayBufferLike; offset: number; strides: readonly number[] },
  run: Run,
  itemsize: number,
  unit: 1 | 2 | 4,
  intoMasked: boolean,
): void {
  const bytes = rawWindow(mask.buffer, 1);
  const m = rawWindow(masked.buffer, unit);
  const r = rawWindow(run.buffer, unit);
  const [dst, src] = intoMasked ? [m, r] : [r, m];
  const per = itemsize / unit;
  const plan = planIteration(
    mask.shape,
    [
      { strides: mask.strides, offset: mask.byteOffset },
      { strides: masked.strides, offset: masked.offset },
    ],
    { order: 'C' },
  );
  // Byte offsets stay below 2^32 (buffers are smaller), so shifts divide exactly.
  const shift = unit === 4 ? 2 : unit === 2 ? 1 : 0;
  const step = run.step;
  let o = run.offset;
  forEachRun(plan, (off, n, st) => {
    const [bs, ps] = st;
    for (let k = 0, b = off[0], p = off[1]; k < n; k++, b += bs, p += ps) {
      if (bytes[b] === 0) continue;
      const d = (intoMasked ? p : o) >>> shift;
      const s = (intoMasked ? o : p) >>> shift;
      // Unrolled for the common unit counts (complex128 is 4 units): a loop is 4x slower.
      if (per === 4) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
        dst[d + 3] = src[s + 3];
      } else if (per === 2) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
      } else if (per === 1) dst[d] = src[s];
      else for (let c = 0; c < per; c++) dst[d + c] = src[s + c];
      o += step;
    }
  });
}

/**
 * The single-index-array copy, fused into one loop: the element at base +
 * offsets[i] of `listed` moves to or from element i of `run`, in raw units.
 */
export function listedCopy(
  offsets: Float64Array,
  listed: { buffer: ArrayBufferLike; base: number },
  run: Run,
  itemsize: number,
  unit: 1 | 2 | 4,
  intoListed: boolean,
): void {
  const l = rawWindow(listed.buffer, unit);
  const r = rawWindow(run.buffer, unit);
  const [dst, src] = intoListed ? [l, r] : [r, l];
  const per = itemsize / unit;
  const shift = unit === 4 ? 2 : unit === 2 ? 1 : 0;
  for (let k = 0, o = run.offset; k < offsets.length; k++, o += run.step) {
    const p = listed.base + offsets[k];
    const d = (intoListed ? p : o) >>> shift;
    const s = (intoListed ? o : p) >>> shift;
    if (per === 4) {
      dst[d] = src[s];
      dst[d + 1] = src[s + 1];
      dst[d + 2] = src[s + 2];
      dst[d + 3] = src[s + 3];
    } else if (per === 2) {
      dst[d] = src[s];
      dst[d + 1] = src[s + 1];
    } else if (per === 1) dst[d] = src[s];
    else for (let c = 0; c < per; c++) dst[d + c] = src[s + c];
  }
}

/** The number of true entries of a boolean array. */
export function countTrue(mask: NDArray): number {
  const bytes = rawWindow(mask.buffer, 1);
  const plan = planIteration(mask.shape, [{ strides: mask.strides, offset: mask.byteOffset }]);
  let count = 0;
  forEachRun(plan, (off, n, st) => {
    let c = 0;
    for (let k = 0, b = off[0], s = st[0]; k < n; k++, b += s) if (bytes[b] !== 0) c++;
    count += c;
  });
  return count;
}

/**
 * A reader of the element at a byte position as a number, on typed windows
 * for aligned native real arrays (64-bit integers from their two 32-bit
 * words, exact below 2^53), else through the generic element reader.
 */
function integerReader(a: NDArray): (byte: number) => number {
  const d = a.dtype;
  const wide = d.itemsize === 8 && (d.kind === 'i' || d.kind === 'u');
  const unit = wide ? 4 : unitOf(d);
  const aligned =
    d.isNative && a.byteOffset % unit === 0 && a.strides.every((st) => st % unit === 0);
  // float16 windows hold bits and complex ones components: those take the generic path.
  if (!aligned || d.name === 'float16' || d.kind === 'c')
    return (byte) => Number(readElement(a.buffer, byte, d));
  if (wide) {
    const w = rawWindow(a.buffer, 4) as Uint32Array;
    const signed = d.kind === 'i';
    return (byte) => {
      const hi = w[(byte >>> 2) + 1];
      return (signed ? hi | 0 : hi) * 4294967296 + w[byte >>> 2];
    };
  }
  const t = typedWindow(a.buffer, d) as ArrayLike<number>;
  return (byte) => t[byte / unit];
}

/** The values of an integer (or boolean) array in C order, as numbers. */
export function readIntegers(a: NDArray): Float64Array {
  const out = new Float64Array(a.size);
  const plan = planIteration(a.shape, [{ strides: a.strides, offset: a.byteOffset }], {
    order: 'C',
  });
  const read = integerReader(a);
  let i = 0;
  forEachRun(plan, (off, n, st) => {
    for (let k = 0, p = off[0]; k < n; k++, p += st[0]) out[i++] = read(p);
  });
  return out;
}
