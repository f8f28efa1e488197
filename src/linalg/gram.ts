// The Gram product on half the flops: when B is exactly A.T over the same
// memory (same buffer and offset, reversed shape and strides) and A is a real
// float matrix, C = A A^T is symmetric, so syrk computes its upper triangle
// and the lower one is mirrored from it, bit for bit.
import { bySignature } from '../blas/index.js';
import type { DType, DTypeName } from '../core/dtypes.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { rawWindow } from '../ndarray/typed.js';

/** The syrk signature for each real float dtype whose Gram products take this path. */
const SYRK: Readonly<Partial<Record<DTypeName, string>>> = {
  float32: 'syrk:f32->f32',
  float64: 'syrk:f64->f64',
};

function syrkOf(d: DType): string | undefined {
  const name = SYRK[d.name];
  return name !== undefined && Object.hasOwn(bySignature, name) ? name : undefined;
}

/**
 * Whether C = A B is a Gram product syrk can compute: 2-D operands in the
 * loop dtype, C written in that dtype, and B the transposed view of A.
 */
export function isGram(a: NDArray, b: NDArray, c: NDArray, loop: DType): boolean {
  return (
    c.ndim === 2 &&
    syrkOf(loop) !== undefined &&
    a.dtype === b.dtype &&
    a.dtype.name === loop.name &&
    c.dtype.name === loop.name &&
    a.buffer === b.buffer &&
    a.byteOffset === b.byteOffset &&
    a.shape[0] === b.shape[1] &&
    a.shape[1] === b.shape[0] &&
    a.strides[0] === b.strides[1] &&
    a.strides[1] === b.strides[0]
  );
}

/** C = A A^T: syrk on the upper triangle (it copies A first when C overlaps it), then the mirror. */
export function gramProduct(a: NDArray, c: NDArray): void {
  bySignature[syrkOf(a.dtype)!](1, a, 0, c, { uplo: 'upper' });
  mirrorUpper(c);
}

/** Copies each element above the diagonal of a square C to its mirror image below, as raw bits. */
function mirrorUpper(c: NDArray): void {
  const [rs, cs] = c.strides;
  const item = c.itemsize;
  const unit = ([4, 2, 1] as const).find(
    (u) => item % u === 0 && c.byteOffset % u === 0 && rs % u === 0 && cs % u === 0,
  )!;
  const words = rawWindow(c.buffer, unit);
  const per = item / unit;
  const [r, s, o] = [rs / unit, cs / unit, c.byteOffset / unit];
  for (let i = 1; i < c.shape[0]; i++) {
    for (let j = 0; j < i; j++) {
      const to = o + i * r + j * s;
      const from = o + j * r + i * s;
      for (let w = 0; w < per; w++) words[to + w] = words[from + w];
    }
  }
}
