// any, all and countNonzero: NumPy's logical_or/logical_and reductions and
// count_nonzero over the truth values of the elements (nonzero; NaN is true;
// complex when either part is nonzero). Empty reductions give False / True / 0.
import { dtypes } from '../core/dtypes.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { rawWindow } from '../ndarray/typed.js';
import { type Prepared, prepare } from './common.js';
import { accLayout, accView, type Body, drive } from './driver.js';
import { type AxisOptions, deliver, type OutOption, type WhereOption } from './options.js';
import { sumCore } from './sum.js';

export interface LogicalOptions extends AxisOptions, OutOption, WhereOption {}

/** Truth values as bools (the array itself when it is bool). */
function truth(x: NDArray): NDArray {
  return x.dtype.kind === 'b' ? x : x.astype(dtypes.bool);
}

/** acc[j] ends at `target` if any element equals it, else stays at 1 - target. */
function findBody(acc: Uint8Array, x: Uint8Array, target: 0 | 1): Body {
  return {
    run(ai, xi, n, xs) {
      if (acc[ai] === target) return;
      for (let k = 0; k < n; k++, xi += xs) {
        if ((x[xi] !== 0 ? 1 : 0) === target) {
          acc[ai] = target;
          return;
        }
      }
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs)
        if ((x[xi] !== 0 ? 1 : 0) === target) acc[ai] = target;
    },
  };
}

function logical(routine: string, target: 0 | 1, a: unknown, options: LogicalOptions): NDArray {
  const p = prepare(a, options, routine);
  const x = truth(p.x);
  const layout = accLayout(x, p.reduced);
  const acc = new Uint8Array(layout.size).fill(1 - target);
  drive(x, 1, layout, p.where, findBody(acc, rawWindow(x.buffer, 1) as Uint8Array, target));
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
  const counts = sumCore({ ...p, x: truth(p.x) } satisfies Prepared, dtypes.int64);
  return deliver(counts, p.shape);
}
