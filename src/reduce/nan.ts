// NaN handling for the nan* reductions, as NumPy's nanfunctions do it: a copy
// of the input with NaN elements (complex: either part NaN) replaced by a
// value, and the mask of where they were. The copy keeps the input's memory
// order, so reductions over it visit elements in NumPy's order.
import { dtypes } from '../core/dtypes.js';
import { toFloat16Bits } from '../core/float16.js';
import { allocate } from '../ndarray/buffer.js';
import { NDArray } from '../ndarray/ndarray.js';
import { typedWindow } from '../ndarray/typed.js';
import { castKeepOrder } from './common.js';

export interface Replaced {
  /** The input with NaNs replaced (a new array, dense, in the input's memory order). */
  readonly data: NDArray;
  /** True where the input held NaN (same layout as data). */
  readonly mask: NDArray;
}

/** Tests element k of a dense window for NaN and overwrites it; one entry per float dtype. */
type Replacer = (w: Float64Array | Float32Array | Uint16Array, k: number, value: number) => boolean;

const real: Replacer = (w, k, value) => {
  if (!Number.isNaN(w[k])) return false;
  w[k] = value;
  return true;
};

const REPLACE: Readonly<Record<string, Replacer>> = {
  float64: real,
  float32: real,
  float16: (w, k, value) => {
    if ((w[k] & 0x7c00) !== 0x7c00 || (w[k] & 0x3ff) === 0) return false;
    w[k] = toFloat16Bits(value);
    return true;
  },
  complex64: (w, k, value) => {
    if (!Number.isNaN(w[2 * k]) && !Number.isNaN(w[2 * k + 1])) return false;
    w[2 * k] = value;
    w[2 * k + 1] = 0;
    return true;
  },
};

/** `x` (float or complex) with NaN elements set to `value`, and the NaN mask. */
export function replaceNaNs(x: NDArray, value: number): Replaced {
  const data = castKeepOrder(x, dtypes[x.dtype.name]);
  const replace = REPLACE[data.dtype.name] ?? REPLACE.complex64;
  const w = typedWindow(data.buffer, data.dtype) as Float64Array;
  const bits = new Uint8Array(allocate(x.size));
  for (let k = 0; k < x.size; k++) if (replace(w, k, value)) bits[k] = 1;
  const mask = new NDArray({
    buffer: bits.buffer,
    byteOffset: 0,
    shape: data.shape,
    strides: data.strides.map((s) => s / data.itemsize),
    dtype: dtypes.bool,
  });
  return { data, mask };
}

/** `x` with NaN elements set to `value` (the mask dropped). */
export function replaceNaN(x: NDArray, value: number): NDArray {
  return replaceNaNs(x, value).data;
}
