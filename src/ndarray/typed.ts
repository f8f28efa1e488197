// Typed-array windows over whole buffers, cached per buffer and element type,
// for the aligned native fast paths (complex as interleaved components,
// float16 as raw Uint16 bits, bool as Uint8).
import type { DType, DTypeName } from '../core/dtypes.js';

export type AnyTyped =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array
  | BigInt64Array
  | BigUint64Array;

type TypedCtor = {
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): AnyTyped;
  readonly BYTES_PER_ELEMENT: number;
};

const CTOR: Readonly<Record<DTypeName, TypedCtor>> = {
  bool: Uint8Array,
  int8: Int8Array,
  int16: Int16Array,
  int32: Int32Array,
  int64: BigInt64Array,
  uint8: Uint8Array,
  uint16: Uint16Array,
  uint32: Uint32Array,
  uint64: BigUint64Array,
  float16: Uint16Array,
  float32: Float32Array,
  float64: Float64Array,
  complex64: Float32Array,
  complex128: Float64Array,
};

const cache = new WeakMap<ArrayBufferLike, Map<TypedCtor, AnyTyped>>();

function windowOf(buffer: ArrayBufferLike, ctor: TypedCtor): AnyTyped {
  let m = cache.get(buffer);
  if (m === undefined) {
    m = new Map();
    cache.set(buffer, m);
  }
  let t = m.get(ctor);
  if (t === undefined) {
    t = new ctor(buffer, 0, Math.floor(buffer.byteLength / ctor.BYTES_PER_ELEMENT));
    m.set(ctor, t);
  }
  return t;
}

/** The typed array whose element k sits at byte k * unit of `buffer` (unit = component size). */
export function typedWindow(buffer: ArrayBufferLike, d: DType): AnyTyped {
  return windowOf(buffer, CTOR[d.name]);
}

/** Byte size of one typed-array element for `d` (a component for complex types). */
export function unitOf(d: DType): number {
  return CTOR[d.name].BYTES_PER_ELEMENT;
}

const RAW: Readonly<Record<number, TypedCtor>> = { 1: Uint8Array, 2: Uint16Array, 4: Uint32Array };

/** An unsigned integer window of 1, 2 or 4 bytes, for bit-exact copies. */
export function rawWindow(
  buffer: ArrayBufferLike,
  unit: 1 | 2 | 4,
): Uint8Array | Uint16Array | Uint32Array {
  return windowOf(buffer, RAW[unit]) as Uint8Array | Uint16Array | Uint32Array;
}
