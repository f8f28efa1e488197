// Copying elements between strided arrays with broadcasting and dtype casts:
// the engine behind copy(), astype(), assign() and fill(). Same-dtype copies
// move raw bits (NaN payloads survive); overlapping source and destination
// behave as if the source had been copied first.
import { type DType, type DTypeLike, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { broadcastStrides, byteExtent, type Order } from '../core/shape.js';
import { type Casting, canCast, elementCast, reprOf } from './cast.js';
import { array } from './create.js';
import { coerce, dataView, elementWriter, type Scalar } from './elements.js';
import { forEachRun, planIteration } from './iter.js';
import { empty, NDArray } from './ndarray.js';
import { rawWindow, typedWindow, unitOf } from './typed.js';

export type { Casting };

function aligned(a: NDArray, unit: number): boolean {
  return a.byteOffset % unit === 0 && a.strides.every((s) => s % unit === 0);
}

/** Do the two arrays share any byte? (Extent test: conservative, never misses.) */
export function mayOverlap(a: NDArray, b: NDArray): boolean {
  if (a.buffer !== b.buffer) return false;
  const [alo, ahi] = byteExtent(a.shape, a.strides, a.byteOffset, a.itemsize);
  const [blo, bhi] = byteExtent(b.shape, b.strides, b.byteOffset, b.itemsize);
  return alo < bhi && blo < ahi;
}

function rawUnit(dst: NDArray, src: NDArray): 1 | 2 | 4 {
  for (const u of [4, 2] as const) {
    if (dst.itemsize % u === 0 && aligned(dst, u) && aligned(src, u)) return u;
  }
  return 1;
}

/** Bit copy between arrays of one dtype and byte order (shapes already equal). */
function copyRaw(dst: NDArray, src: NDArray): void {
  const unit = rawUnit(dst, src);
  const per = dst.itemsize / unit;
  const d = rawWindow(dst.buffer, unit);
  const s = rawWindow(src.buffer, unit);
  const plan = planIteration(dst.shape, [
    { strides: dst.strides, offset: dst.byteOffset },
    { strides: src.strides, offset: src.byteOffset },
  ]);
  forEachRun(plan, (off, n, st) => {
    if (st[0] === dst.itemsize && st[1] === dst.itemsize) {
      d.set(s.subarray(off[1] / unit, off[1] / unit + n * per), off[0] / unit);
      return;
    }
    const ds = st[0] / unit;
    const ss = st[1] / unit;
    let di = off[0] / unit;
    let si = off[1] / unit;
    for (let i = 0; i < n; i++, di += ds, si += ss) {
      for (let k = 0; k < per; k++) d[di + k] = s[si + k];
    }
  });
}

/** True when both sides can go through plain typed-array element assignment. */
function typedCastable(dst: NDArray, src: NDArray): boolean {
  const plain = (d: DType) => d.isNative && d.name !== 'float16' && d.kind !== 'c';
  const rd = reprOf(dst.dtype);
  return (
    plain(dst.dtype) &&
    plain(src.dtype) &&
    rd !== 'bool' &&
    rd === reprOf(src.dtype) &&
    aligned(dst, dst.dtype.alignment) &&
    aligned(src, src.dtype.alignment)
  );
}

function copyTyped(dst: NDArray, src: NDArray): void {
  const d = typedWindow(dst.buffer, dst.dtype) as Float64Array;
  const s = typedWindow(src.buffer, src.dtype) as Float64Array;
  const du = unitOf(dst.dtype);
  const su = unitOf(src.dtype);
  const plan = planIteration(dst.shape, [
    { strides: dst.strides, offset: dst.byteOffset },
    { strides: src.strides, offset: src.byteOffset },
  ]);
  forEachRun(plan, (off, n, st) => {
    const ds = st[0] / du;
    const ss = st[1] / su;
    let di = off[0] / du;
    let si = off[1] / su;
    for (let i = 0; i < n; i++, di += ds, si += ss) d[di] = s[si];
  });
}

function copyConverted(dst: NDArray, src: NDArray): void {
  const cast = elementCast(src.dtype, dst.dtype);
  const sv = dataView(src.buffer);
  const dv = dataView(dst.buffer);
  const plan = planIteration(dst.shape, [
    { strides: dst.strides, offset: dst.byteOffset },
    { strides: src.strides, offset: src.byteOffset },
  ]);
  forEachRun(plan, (off, n, st) => {
    let di = off[0];
    let si = off[1];
    for (let i = 0; i < n; i++, di += st[0], si += st[1]) cast(sv, si, dv, di);
  });
}

/**
 * Same type, other byte order: reverses the bytes of each component (each
 * half of a complex), so every bit pattern, NaN payloads included, survives.
 */
function copySwapped(dst: NDArray, src: NDArray): void {
  const unit = dst.dtype.kind === 'c' ? dst.itemsize / 2 : dst.itemsize;
  const d = rawWindow(dst.buffer, 1);
  const s = rawWindow(src.buffer, 1);
  const plan = planIteration(dst.shape, [
    { strides: dst.strides, offset: dst.byteOffset },
    { strides: src.strides, offset: src.byteOffset },
  ]);
  forEachRun(plan, (off, n, st) => {
    let di = off[0];
    let si = off[1];
    for (let i = 0; i < n; i++, di += st[0], si += st[1]) {
      for (let c = 0; c < dst.itemsize; c += unit) {
        for (let k = 0; k < unit; k++) d[di + c + k] = s[si + c + unit - 1 - k];
      }
    }
  });
}

/** Copies src into dst elementwise; shapes equal, no overlap, casting checked. */
function copyElements(dst: NDArray, src: NDArray): void {
  if (dst.dtype === src.dtype) copyRaw(dst, src);
  else if (dst.dtype.name === src.dtype.name) copySwapped(dst, src);
  else if (typedCastable(dst, src)) copyTyped(dst, src);
  else copyConverted(dst, src);
}

function fillScalar(dst: NDArray, v: Scalar): void {
  const one = empty([], dst.dtype);
  elementWriter(dst.dtype)(dataView(one.buffer), 0, v, dst.dtype.isNative);
  copyElements(dst, one.broadcastTo(dst.shape));
}

/**
 * `dst[...] = value`: value is an NDArray (broadcast, cast under `casting`), a
 * nested array or a scalar. Checks everything before writing anything.
 */
export function assign(
  dst: NDArray,
  value: unknown,
  casting: Casting = 'unsafe',
  argument = 'value',
): void {
  dst.assertWriteable('a');
  if (!(value instanceof NDArray)) {
    if (Array.isArray(value) || ArrayBuffer.isView(value)) {
      assign(dst, array(value as never), casting, argument);
      return;
    }
    fillScalar(dst, coerce(value, dst.dtype, argument));
    return;
  }
  if (!canCast(value.dtype, dst.dtype, casting)) {
    throw fail(
      'ERR_CASTING',
      argument,
      `cannot cast from ${value.dtype} to ${dst.dtype} under the rule '${casting}'`,
    );
  }
  const strides = broadcastStrides(value.shape, value.strides, dst.shape, argument);
  let src = new NDArray({ ...value, shape: dst.shape, strides, base: value.base ?? value });
  if (mayOverlap(dst, src)) src = src.copy();
  copyElements(dst, src);
}

/** A new contiguous array in `order` holding `src` cast to `dtype`. */
export function copyArray(src: NDArray, dtype: DTypeLike, order: Order, casting: Casting): NDArray {
  const d = toDType(dtype);
  if (!canCast(src.dtype, d, casting)) {
    throw fail(
      'ERR_CASTING',
      'dtype',
      `cannot cast from ${src.dtype} to ${d} under the rule '${casting}'`,
    );
  }
  const out = empty(src.shape, d, order);
  copyElements(out, src);
  return out;
}
