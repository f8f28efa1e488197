// Turning ufunc arguments into operands: NDArrays stay as they are, nested
// arrays and typed arrays become arrays (strong dtypes), and JavaScript
// scalars are weak (NEP 50): integral numbers and bigints promote as Python
// ints, other numbers as Python floats, booleans as bools, {re, im} as complex.
import { isComplexLike } from '../core/complex.js';
import type { DType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import type { WeakKind } from '../core/promotion.js';
import { array } from '../ndarray/create.js';
import { NDArray } from '../ndarray/ndarray.js';

export interface WeakScalar {
  readonly kind: WeakKind;
  readonly value: number | bigint | boolean | { readonly re: number; readonly im: number };
}

export type Operand = NDArray | WeakScalar;

/** The weak kind of a JavaScript scalar, or undefined when `v` is not one. */
export function weakKind(v: unknown): WeakKind | undefined {
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return Number.isSafeInteger(v) ? 'int' : 'float';
    default:
      return isComplexLike(v) ? 'complex' : undefined;
  }
}

export function toOperand(v: unknown, argument: string, routine: string): Operand {
  if (v instanceof NDArray) return v;
  const kind = weakKind(v);
  if (kind !== undefined) return { kind, value: v as WeakScalar['value'] };
  if (Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))) {
    return array(v);
  }
  throw fail(
    'ERR_ARGUMENT',
    argument,
    `expected an NDArray, nested arrays or a scalar, got ${v === null ? 'null' : typeof v}`,
    routine,
  );
}

/** The dtype of an array operand, or the weak kind of a scalar. */
export function operandType(op: Operand): DType | WeakKind {
  return op instanceof NDArray ? op.dtype : op.kind;
}

/** Aligned for typed-array access in units of `unit` bytes (length-1 axes may have any stride). */
export function alignedTo(a: NDArray, unit: number): boolean {
  return a.byteOffset % unit === 0 && a.strides.every((s, i) => a.shape[i] <= 1 || s % unit === 0);
}

/** Same memory, same element layout and type: an output may overwrite it elementwise. */
export function sameLayout(a: NDArray, b: NDArray): boolean {
  return (
    a.buffer === b.buffer &&
    a.byteOffset === b.byteOffset &&
    a.dtype === b.dtype &&
    a.ndim === b.ndim &&
    a.shape.every((d, i) => d === b.shape[i] && (d <= 1 || a.strides[i] === b.strides[i]))
  );
}
