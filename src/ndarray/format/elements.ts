// Printers for single elements, one per dtype kind, built from the elements
// that will be shown so that a column lines up (NumPy's BoolFormat,
// IntegerFormat, FloatingFormat and ComplexFloatingFormat).
import type { Complex } from '../../core/complex.js';
import type { DType, DTypeName } from '../../core/dtypes.js';
import type { Scalar } from '../elements.js';
import type { FloatWidth } from './dragon4.js';
import { floatFormatter } from './float.js';

export type ElementFormatter = (v: Scalar) => string;

/** The IEEE format of a float dtype, or of each part of a complex one. */
const WIDTH: Readonly<Partial<Record<DTypeName, FloatWidth>>> = {
  float16: 16,
  float32: 32,
  float64: 64,
  complex64: 32,
  complex128: 64,
};

function boolFormatter(zeroDim: boolean): ElementFormatter {
  // ' True' lines up with 'False', except alone in a 0-d array.
  const yes = zeroDim ? 'True' : ' True';
  return (v) => (v ? yes : 'False');
}

function intFormatter(values: readonly Scalar[]): ElementFormatter {
  const width = values.reduce<number>((m, v) => Math.max(m, String(v).length), 0);
  return (v) => String(v).padStart(width);
}

function complexFormatter(values: readonly Scalar[], width: FloatWidth): ElementFormatter {
  const parts = values as readonly Complex[];
  const re = floatFormatter(
    parts.map((z) => z.re),
    width,
    '-',
  );
  const im = floatFormatter(
    parts.map((z) => z.im),
    width,
    '+',
  );
  return (v) => {
    const z = v as Complex;
    const i = im(z.im);
    // The 'j' goes before the padding that aligns the imaginary parts.
    const end = i.trimEnd().length;
    return re(z.re) + i.slice(0, end) + 'j' + i.slice(end);
  };
}

/** The printer for elements of `dtype`, sized for `values` (the shown elements). */
export function elementFormatter(
  dtype: DType,
  values: readonly Scalar[],
  zeroDim: boolean,
): ElementFormatter {
  switch (dtype.kind) {
    case 'b':
      return boolFormatter(zeroDim);
    case 'i':
    case 'u':
      return intFormatter(values);
    case 'f': {
      const f = floatFormatter(values as readonly number[], WIDTH[dtype.name]!, '-');
      return (v) => f(v as number);
    }
    case 'c':
      return complexFormatter(values, WIDTH[dtype.name]!);
    default:
      return dtype.kind satisfies never;
  }
}
