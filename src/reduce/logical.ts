// any, all and countNonzero: NumPy's logical_or/logical_and reductions and
// count_nonzero over the truth values of the elements (nonzero; NaN is true;
// complex when either part is nonzero), read straight from the input.
// Empty reductions give False / True / 0.
import { type DType, dtypes, isBigInt } from '../core/dtypes.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { rawWindow, typedWindow } from '../ndarray/typed.js';
import { native, newFloat64, prepare } from './common.js';
import { accLayout, accView, type Body, drive } from './driver.js';
import { exactSum, wordsArray } from './exact.js';
import { type AxisOptions, deliver, type OutOption, type WhereOption } from './options.js';

export interface LogicalOptions extends AxisOptions, OutOption, WhereOption {}

type Truthy = (v: Float64Array, i: number) => boolean;

/**
 * How an element's truth is read, and the typed-array unit it is read in:
 * one number; a pair (complex parts, or the 32-bit words of a 64-bit
 * integer) of which either is nonzero; float16 bits other than a signed zero.
 */
function truthOf(d: DType): [Truthy, number] {
  if (d.kind === 'c') return [(v, i) => v[i] !== 0 || v[i + 1] !== 0, d.itemsize / 2];
  if (isBigInt(d)) return [(v, i) => v[i] !== 0 || v[i + 1] !== 0, 4];
  if (d.name === 'float16') return [(v, i) => (v[i] & 0x7fff) !== 0, 2];
  return [(v, i) => v[i] !== 0, d.itemsize];
}

/** The window truth tests read: 32-bit words for 64-bit integers, else the dtype's own. */
function windowOf(x: NDArray): Float64Array {
  return (
    isBigInt(x.dtype) ? rawWindow(x.buffer, 4) : typedWindow(x.buffer, x.dtype)
  ) as Float64Array;
}

/** acc[j] becomes `target` when an element's truth equals it (any: 1, all: 0). */
function findBody(acc: Uint8Array, v: Float64Array, truthy: Truthy, target: 0 | 1): Body {
  const want = target === 1;
  return {
    run(ai, xi, n, xs) {
      if (acc[ai] === target) return;
      for (let k = 0; k < n; k++, xi += xs) {
        if (truthy(v, xi) === want) {
          acc[ai] = target;
          return;
        }
      }
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) if (truthy(v, xi) === want) acc[ai] = target;
    },
  };
}

function countBody(acc: Float64Array, v: Float64Array, truthy: Truthy): Body {
  return {
    run(ai, xi, n, xs) {
      let c = 0;
      for (let k = 0; k < n; k++, xi += xs) if (truthy(v, xi)) c++;
      acc[ai] += c;
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) if (truthy(v, xi)) acc[ai]++;
    },
  };
}

function logical(routine: string, target: 0 | 1, a: unknown, options: LogicalOptions): NDArray {
  const p = prepare(a, options, routine);
  const x = native(p.x);
  const layout = accLayout(x, p.reduced);
  const acc = new Uint8Array(layout.size).fill(1 - target);
  const [truthy, unit] = truthOf(x.dtype);
  drive(x, unit, layout, p.where, findBody(acc, windowOf(x), truthy, target));
  return deliver(accView(layout, acc.buffer, dtypes.bool), p.shape, options.out);
}

/** NumPy's `any`: whether some element (where the mask allows) is true. */
export function any(a: unknown, options: LogicalOptions = {}): NDArray {
  return logical('any', 1, a, options);
}

/** NumPy's `all`: whether every element (where the mask allows) is true. */
export function all(a: unknown, options: LogicalOptions = {}): NDArray {
  return logical('all', 0, a, options);
}

/** NumPy's `count_nonzero`: the number of true elements, as int64. */
export function countNonzero(a: unknown, options: AxisOptions = {}): NDArray {
  const p = prepare(a, options, 'countNonzero');
  const x = native(p.x);
  const layout = accLayout(x, p.reduced);
  if (x.dtype.kind === 'b') {
    const words = exactSum(x, p.reduced, null, layout, [0, 0]);
    return deliver(wordsArray(words, layout, false), p.shape);
  }
  const acc = newFloat64(layout.size);
  const [truthy, unit] = truthOf(x.dtype);
  drive(x, unit, layout, null, countBody(acc, windowOf(x), truthy));
  return deliver(accView(layout, acc.buffer, dtypes.float64).astype(dtypes.int64), p.shape);
}
