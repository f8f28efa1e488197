// Memory overlap tests for BLAS operands: may two operands share bytes, and do
// two elements of one output share bytes (zero strides, or strides that make
// rows interleave onto each other)?

import { byteExtent, sizeOf } from '../../core/shape.js';
import type { CheckedOperand } from '../operand.js';

/** Conservative: true when the byte ranges of a and b intersect. */
export function extentsOverlap(a: CheckedOperand, b: CheckedOperand): boolean {
  if (a.buffer !== b.buffer || sizeOf(a.shape) === 0 || sizeOf(b.shape) === 0) return false;
  const [alo, ahi] = byteExtent(a.shape, a.strides, a.byteOffset, a.dtype.itemsize);
  const [blo, bhi] = byteExtent(b.shape, b.strides, b.byteOffset, b.dtype.itemsize);
  return alo < bhi && blo < ahi;
}

/** Largest output checked exactly when the quick test is inconclusive. */
const EXACT_LIMIT = 1 << 22;

/**
 * True when two distinct elements of `a` share a byte. Quick test first
 * (each stride clears the span of the smaller ones); otherwise the element
 * offsets are sorted and compared, which is exact.
 */
export function hasInternalOverlap(a: CheckedOperand): boolean {
  const item = a.dtype.itemsize;
  const axes = a.shape
    .map((n, i) => ({ n, s: Math.abs(a.strides[i]) }))
    .filter((x) => x.n > 1)
    .sort((x, y) => x.s - y.s);
  if (axes.length === 0) return false;
  if (axes.some((x) => x.s === 0)) return true;
  let span = item;
  let quick = true;
  for (const x of axes) {
    if (x.s < span) {
      quick = false;
      break;
    }
    span = x.s * (x.n - 1) + span;
  }
  if (quick) return false;
  const total = axes.reduce((p, x) => p * x.n, 1);
  if (total > EXACT_LIMIT) return true;
  const offsets = new Float64Array(total);
  let count = 1;
  for (const x of axes) {
    for (let j = 1; j < x.n; j++) {
      for (let i = 0; i < count; i++) offsets[j * count + i] = offsets[i] + j * x.s;
    }
    count *= x.n;
  }
  offsets.sort();
  for (let i = 1; i < total; i++) if (offsets[i] - offsets[i - 1] < item) return true;
  return false;
}
