// Walking the elements an index selects: the true entries of a boolean mask
// (counted, visited with the offsets they address, or fused with the element
// copy of a lone mask) and the values of an integer index array.
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

/** One side of a masked copy: elements at offset + i * step of a buffer. */
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

/** The values of an integer (or boolean) array in C order, as numbers. */
export function readIntegers(a: NDArray): Float64Array {
  const out = new Float64Array(a.size);
  const plan = planIteration(a.shape, [{ strides: a.strides, offset: a.byteOffset }], {
    order: 'C',
  });
  const unit = unitOf(a.dtype);
  const typed =
    a.dtype.isNative && a.byteOffset % unit === 0 && a.strides.every((st) => st % unit === 0)
      ? (typedWindow(a.buffer, a.dtype) as ArrayLike<number | bigint>)
      : null;
  let i = 0;
  forEachRun(plan, (off, n, st) => {
    if (typed !== null) {
      for (let k = 0, p = off[0] / unit, s = st[0] / unit; k < n; k++, p += s)
        out[i++] = Number(typed[p]);
      return;
    }
    for (let k = 0, p = off[0]; k < n; k++, p += st[0])
      out[i++] = Number(readElement(a.buffer, p, a.dtype));
  });
  return out;
}
