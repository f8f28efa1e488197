// NDArrays in a parallel task's arguments: on the caller each becomes a plain
// description of its view (buffer, byte offset, shape, byte strides, dtype);
// in a worker `revive` (this module is the task's reviver) makes it an NDArray
// again on the same SharedArrayBuffer, so kernels read and write the caller's
// memory. Plain objects and arrays are walked; anything else passes as is.
import { toDType } from '../core/dtypes.js';
import { NDArray } from '../ndarray/ndarray.js';

interface WireArray {
  readonly $ndarray: {
    readonly buffer: ArrayBufferLike;
    readonly byteOffset: number;
    readonly shape: readonly number[];
    readonly strides: readonly number[];
    readonly dtype: string;
    readonly writeable: boolean;
  };
}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** `value` with every NDArray (in plain objects and arrays) replaced by its description. */
export function toWire(value: unknown): unknown {
  if (value instanceof NDArray) {
    const { buffer, byteOffset, shape, strides, dtype } = value;
    const writeable = value.flags.writeable;
    return { $ndarray: { buffer, byteOffset, shape, strides, dtype: dtype.str, writeable } };
  }
  if (Array.isArray(value)) return value.map(toWire);
  if (isPlain(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  return value;
}

/** The inverse of toWire, in a worker: descriptions become NDArrays on the shared buffers. */
export function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (!isPlain(value)) return value;
  const d = (value as Partial<WireArray>).$ndarray;
  if (d === undefined) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  const { buffer, byteOffset, shape, strides, dtype, writeable } = d;
  return new NDArray({ buffer, byteOffset, shape, strides, dtype: toDType(dtype) }).setWriteable(
    writeable,
  );
}
