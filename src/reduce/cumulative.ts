// cumsum and cumprod: NumPy's add/multiply accumulate. Each output element is
// the previous output combined with the next input in the loop dtype (NumPy's
// sum dtype rules), so every step rounds (floats) or wraps (integers) exactly
// as NumPy's loop does, and the results match bit for bit.
import { type DTypeName, dtypes } from '../core/dtypes.js';
import { fromFloat16Bits, toFloat16Bits } from '../core/float16.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { type AnyTyped, rawWindow, typedWindow } from '../ndarray/typed.js';
import { native } from './common.js';
import {
  asArray,
  checkOut,
  type DTypeOption,
  deliver,
  type OutOption,
  optionalDType,
  singleAxis,
} from './options.js';
import { reductionLoop } from './sum.js';

export interface CumulativeOptions extends OutOption, DTypeOption {
  /** The axis to accumulate along; null or undefined accumulates the flattened array. */
  readonly axis?: number | null;
}

type Op = 'sum' | 'prod';
/** Writes the running results of n elements x[xi + k*xs] into o[oi + k*os]. */
type Running = (
  o: AnyTyped,
  oi: number,
  os: number,
  x: AnyTyped,
  xi: number,
  xs: number,
  n: number,
) => void;

const f = Math.fround;
const TWO32 = 4294967296;

/** float64 running sums and products, the running value kept in a register. */
const F64: Readonly<Record<Op, Running>> = {
  sum: (o, oi, os, x, xi, xs, n) => {
    const [out, src] = [o as Float64Array, x as Float64Array];
    let r = src[xi];
    out[oi] = r;
    for (let k = 1; k < n; k++) out[(oi += os)] = r += src[(xi += xs)];
  },
  prod: (o, oi, os, x, xi, xs, n) => {
    const [out, src] = [o as Float64Array, x as Float64Array];
    let r = src[xi];
    out[oi] = r;
    for (let k = 1; k < n; k++) out[(oi += os)] = r *= src[(xi += xs)];
  },
};

/**
 * Running sums and products of other plain typed arrays: storing into the
 * output rounds (float32) or wraps (integers) each step as NumPy's loop
 * dtype does, and the next step reads the stored value back. Integer
 * products use Math.imul, exact modulo 2^32.
 */
const ADD: Running = (o, oi, os, x, xi, xs, n) => {
  const out = o as Float64Array;
  const src = x as Float64Array;
  out[oi] = src[xi];
  for (let k = 1; k < n; k++, oi += os, xi += xs) out[oi + os] = out[oi] + src[xi + xs];
};

const MUL: Running = (o, oi, os, x, xi, xs, n) => {
  const out = o as Float64Array;
  const src = x as Float64Array;
  out[oi] = src[xi];
  for (let k = 1; k < n; k++, oi += os, xi += xs) out[oi + os] = out[oi] * src[xi + xs];
};

const IMUL: Running = (o, oi, os, x, xi, xs, n) => {
  const out = o as Int32Array;
  const src = x as Int32Array;
  out[oi] = src[xi];
  for (let k = 1; k < n; k++, oi += os, xi += xs) out[oi + os] = Math.imul(out[oi], src[xi + xs]);
};

let halfTable: Float64Array | undefined;
/** Every float16 bit pattern's value (made on first use). */
function halves(): Float64Array {
  halfTable ??= Float64Array.from({ length: 65536 }, (_, h) => fromFloat16Bits(h));
  return halfTable;
}

const half =
  (op: Op): Running =>
  (o, oi, os, x, xi, xs, n) => {
    const table = halves();
    let bits = x[xi] as number;
    o[oi] = bits;
    for (let k = 1; k < n; k++) {
      oi += os;
      xi += xs;
      const v = table[x[xi] as number];
      bits = toFloat16Bits(op === 'sum' ? table[bits] + v : table[bits] * v);
      o[oi] = bits;
    }
  };

function complex(op: Op, round: (v: number) => number): Running {
  return (o, oi, os, x, xi, xs, n) => {
    const out = o as Float64Array;
    const src = x as Float64Array;
    let re = src[xi];
    let im = src[xi + 1];
    out[oi] = re;
    out[oi + 1] = im;
    for (let k = 1; k < n; k++) {
      oi += os;
      xi += xs;
      const br = src[xi];
      const bi = src[xi + 1];
      if (op === 'sum') {
        re = round(re + br);
        im = round(im + bi);
      } else {
        const r = round(round(re * br) - round(im * bi));
        im = round(round(re * bi) + round(im * br));
        re = r;
      }
      out[oi] = re;
      out[oi + 1] = im;
    }
  };
}

/** 64-bit sums on 32-bit words (low word first): exact modulo 2^64. */
const wideSum: Running = (o, oi, os, x, xi, xs, n) => {
  const out = o as Uint32Array;
  const src = x as Uint32Array;
  let lo = src[xi];
  let hi = src[xi + 1];
  out[oi] = lo;
  out[oi + 1] = hi;
  for (let k = 1; k < n; k++) {
    oi += os;
    xi += xs;
    const s = lo + src[xi];
    const carry = s >= TWO32 ? 1 : 0;
    lo = s - carry * TWO32;
    hi = (hi + src[xi + 1] + carry) >>> 0;
    out[oi] = lo;
    out[oi + 1] = hi;
  }
};

const wideProd: Running = (o, oi, os, x, xi, xs, n) => {
  const out = o as BigInt64Array;
  const src = x as BigInt64Array;
  out[oi] = src[xi];
  for (let k = 1; k < n; k++, oi += os, xi += xs) out[oi + os] = out[oi] * src[xi + xs];
};

const bool =
  (op: Op): Running =>
  (o, oi, os, x, xi, xs, n) => {
    o[oi] = x[xi];
    for (let k = 1; k < n; k++, oi += os, xi += xs) {
      o[oi + os] =
        op === 'sum'
          ? (o[oi] as number) | (x[xi + xs] as number)
          : (o[oi] as number) & (x[xi + xs] as number);
    }
  };

/** The running loop per loop dtype and how its typed windows are read (bytes per index unit). */
function runningFor(name: DTypeName, op: Op): [Running, number] {
  switch (name) {
    case 'float64':
      return [F64[op], 8];
    case 'float32':
      return [op === 'sum' ? ADD : MUL, 4];
    case 'float16':
      return [half(op), 2];
    case 'complex128':
      return [complex(op, (v) => v), 8];
    case 'complex64':
      return [complex(op, f), 4];
    case 'int64':
    case 'uint64':
      return op === 'sum' ? [wideSum, 4] : [wideProd, 8];
    case 'bool':
      return [bool(op), 1];
    default:
      return [op === 'sum' ? ADD : IMUL, dtypes[name].itemsize];
  }
}

/** The typed window a running loop reads, `unit` bytes per index. */
function windowOf(a: NDArray, unit: number): AnyTyped {
  if (a.dtype.kind === 'i' || a.dtype.kind === 'u') {
    if (a.dtype.itemsize === 8 && unit === 4) return rawWindow(a.buffer, 4);
  }
  return typedWindow(a.buffer, a.dtype);
}

function cumulative(routine: string, op: Op, a: unknown, options: CumulativeOptions): NDArray {
  const x0 = asArray(a, routine);
  const axis = singleAxis(options.axis, x0.ndim, routine);
  const flat = axis === null ? x0.reshape([x0.size]) : x0;
  const along = axis ?? 0;
  checkOut(options.out, flat.shape, routine);
  const loop = reductionLoop(x0.dtype, optionalDType(options.dtype, routine), options.out);
  const x = native(flat, loop);
  const result = empty(flat.shape, loop);
  const [running, unit] = runningFor(loop.name, op);
  const [xw, ow] = [windowOf(x, unit), windowOf(result, unit)];
  const n = flat.shape[along];
  const others = (s: readonly number[]) => s.filter((_, i) => i !== along);
  const plan = planIteration(others(flat.shape), [
    { strides: others(result.strides), offset: 0 },
    { strides: others(x.strides), offset: x.byteOffset },
  ]);
  const [os, xs] = [result.strides[along] / unit, x.strides[along] / unit];
  if (n > 0) {
    forEachRun(plan, (off, count, st) => {
      for (let k = 0; k < count; k++) {
        running(ow, (off[0] + k * st[0]) / unit, os, xw, (off[1] + k * st[1]) / unit, xs, n);
      }
    });
  }
  return deliver(result, flat.shape, options.out);
}

/** NumPy's `cumsum`: running sums along an axis (flattened when axis is null). */
export function cumsum(a: unknown, options: CumulativeOptions = {}): NDArray {
  return cumulative('cumsum', 'sum', a, options);
}

/** NumPy's `cumprod`: running products along an axis (flattened when axis is null). */
export function cumprod(a: unknown, options: CumulativeOptions = {}): NDArray {
  return cumulative('cumprod', 'prod', a, options);
}
