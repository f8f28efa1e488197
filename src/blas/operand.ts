// Operands of the BLAS interface: any strided descriptor (an NDArray
// qualifies) with byte strides of any value. Checking one turns it into a
// trusted form or raises a typed error naming the parameter.
import { type DType, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { byteExtent } from '../core/shape.js';

/** What the BLAS accepts as a vector, matrix or stack: NumPy's array interface in bytes. */
export interface StridedOperand {
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly shape: readonly number[];
  /** Byte strides: any integer, including 0, negative and unaligned values. */
  readonly strides: readonly number[];
  readonly dtype: DType | string;
  /** Present on NDArrays; a read-only operand cannot be written. */
  readonly flags?: { readonly writeable: boolean };
}

/** An operand after checking: dtype resolved, extent inside its buffer. */
export interface CheckedOperand {
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly dtype: DType;
  readonly writeable: boolean;
}

function isBuffer(b: unknown): b is ArrayBufferLike {
  return (
    b instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && b instanceof SharedArrayBuffer)
  );
}

function resolveDType(d: unknown, name: string, routine: string): DType {
  try {
    return toDType(d as DType | string, name);
  } catch {
    throw fail(
      'ERR_UNKNOWN_DTYPE',
      name,
      `data type ${JSON.stringify(String(d))} not understood`,
      routine,
    );
  }
}

/** Checks the structure of `value` as a rank-`rank` operand named `name`. */
export function checkOperand(
  value: unknown,
  name: string,
  rank: number,
  routine: string,
): CheckedOperand {
  const v = value as Partial<StridedOperand> | null;
  if (typeof v !== 'object' || v === null || !isBuffer(v.buffer)) {
    throw fail(
      'ERR_ARGUMENT',
      name,
      'expected a strided array (an NDArray or {buffer, byteOffset, shape, strides, dtype})',
      routine,
    );
  }
  const { shape, strides, byteOffset } = v;
  if (!Array.isArray(shape) || !Array.isArray(strides) || shape.length !== strides.length) {
    throw fail('ERR_ARGUMENT', name, 'shape and strides must be arrays of equal length', routine);
  }
  if (shape.length !== rank) {
    const what = ['a scalar', 'a vector', 'a matrix', 'a stack of matrices'][rank];
    throw fail(
      'ERR_SHAPE_MISMATCH',
      name,
      `expected ${what} (${rank}-D), got ${shape.length}-D`,
      routine,
    );
  }
  if (!shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw fail(
      'ERR_DIMENSION',
      name,
      `dimensions must be non-negative integers, got [${shape.join(', ')}]`,
      routine,
    );
  }
  if (!strides.every(Number.isSafeInteger) || !Number.isSafeInteger(byteOffset)) {
    throw fail('ERR_ARGUMENT', name, 'byte strides and byteOffset must be integers', routine);
  }
  const dtype = resolveDType(v.dtype, name, routine);
  const [lo, hi] = byteExtent(shape, strides, byteOffset as number, dtype.itemsize);
  const buffer = v.buffer;
  if (lo < 0 || hi > buffer.byteLength) {
    throw fail(
      'ERR_OUT_OF_BUFFER',
      name,
      `elements reach bytes [${lo}, ${hi}) of a ${buffer.byteLength}-byte buffer`,
      routine,
    );
  }
  return {
    buffer,
    byteOffset: byteOffset as number,
    shape,
    strides,
    dtype,
    writeable: v.flags?.writeable ?? true,
  };
}

/** A scalar argument: a number, or {re, im} for complex routines. */
export type BlasScalar = number | { readonly re: number; readonly im: number };
