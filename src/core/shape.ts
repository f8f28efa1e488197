// Shape and byte-stride arithmetic shared by every layer: sizes, contiguous
// strides, contiguity tests, byte extents, axes and broadcasting.
import { fail } from './errors.js';

export type Shape = readonly number[];
export type Order = 'C' | 'F';

/** Checks that `shape` is a list of non-negative integers; returns a copy. */
export function checkShape(shape: unknown, argument = 'shape', routine?: string): number[] {
  const dims = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(dims)) {
    throw fail('ERR_SHAPE', argument, 'expected an integer or a list of integers', routine);
  }
  for (const d of dims) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw fail(
        'ERR_SHAPE',
        argument,
        `dimension ${String(d)} is not a non-negative integer`,
        routine,
      );
    }
  }
  return dims.slice();
}

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Byte strides of a contiguous array in C (row-major) or F (column-major) order. */
export function contiguousStrides(shape: Shape, itemsize: number, order: Order = 'C'): number[] {
  const strides = new Array<number>(shape.length);
  let s = itemsize;
  const n = shape.length;
  for (let k = 0; k < n; k++) {
    const i = order === 'C' ? n - 1 - k : k;
    strides[i] = s;
    s *= Math.max(shape[i], 1);
  }
  return strides;
}

/**
 * Whether the layout is contiguous in `order` (NumPy's rule: axes of length 1
 * may have any stride; an empty array is contiguous).
 */
export function isContiguous(
  shape: Shape,
  strides: Shape,
  itemsize: number,
  order: Order,
): boolean {
  if (sizeOf(shape) === 0) return true;
  let expected = itemsize;
  const n = shape.length;
  for (let k = 0; k < n; k++) {
    const i = order === 'C' ? n - 1 - k : k;
    if (shape[i] === 1) continue;
    if (strides[i] !== expected) return false;
    expected *= shape[i];
  }
  return true;
}

/**
 * The byte range [lo, hi) that a layout touches, relative to the buffer.
 * Empty arrays touch nothing: lo = hi = offset.
 */
export function byteExtent(
  shape: Shape,
  strides: Shape,
  offset: number,
  itemsize: number,
): [number, number] {
  if (sizeOf(shape) === 0) return [offset, offset];
  let lo = offset;
  let hi = offset + itemsize;
  for (let i = 0; i < shape.length; i++) {
    const span = (shape[i] - 1) * strides[i];
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi];
}

/** Normalizes a possibly negative axis; throws ERR_AXIS naming `argument`. */
export function normalizeAxis(
  axis: number,
  ndim: number,
  argument = 'axis',
  routine?: string,
): number {
  if (!Number.isInteger(axis) || axis < -ndim || axis >= ndim) {
    throw fail(
      'ERR_AXIS',
      argument,
      `axis ${axis} is out of bounds for array of dimension ${ndim}`,
      routine,
    );
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalizes a list of axes, refusing repeats. */
export function normalizeAxes(
  axes: readonly number[],
  ndim: number,
  argument = 'axis',
  routine?: string,
): number[] {
  const out = axes.map((a) => normalizeAxis(a, ndim, argument, routine));
  if (new Set(out).size !== out.length) throw fail('ERR_AXIS', argument, 'repeated axis', routine);
  return out;
}

export function formatShape(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

/** NumPy's broadcasting of several shapes into one. */
export function broadcastShapes(
  shapes: readonly Shape[],
  argument = 'shapes',
  routine?: string,
): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const s of shapes) {
    for (let k = 1; k <= s.length; k++) {
      const d = s[s.length - k];
      const o = out[ndim - k];
      if (d === o || d === 1) continue;
      if (o !== 1) {
        const all = shapes.map(formatShape).join(' ');
        throw fail(
          'ERR_BROADCAST',
          argument,
          `shapes could not be broadcast together: ${all}`,
          routine,
        );
      }
      out[ndim - k] = d;
    }
  }
  return out;
}

/** Strides that view a (shape, strides) array as `target`: zero on new axes and on every length-1 axis, as NumPy. */
export function broadcastStrides(
  shape: Shape,
  strides: Shape,
  target: Shape,
  argument = 'shape',
  routine?: string,
): number[] {
  const lead = target.length - shape.length;
  if (lead < 0) {
    throw fail(
      'ERR_BROADCAST',
      argument,
      `cannot broadcast ${formatShape(shape)} to ${formatShape(target)}`,
      routine,
    );
  }
  return target.map((t, i) => {
    if (i < lead) return 0;
    const d = shape[i - lead];
    if (d === 1) return 0;
    if (d === t) return strides[i - lead];
    throw fail(
      'ERR_BROADCAST',
      argument,
      `cannot broadcast ${formatShape(shape)} to ${formatShape(target)}`,
      routine,
    );
  });
}
