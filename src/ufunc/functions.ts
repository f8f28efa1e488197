// NumPy functions built from ufuncs: round (decimals, as np.round), clip (null
// bounds), where(cond, x, y), angle, real and imag. They reuse the executor,
// so `out`, broadcasting and weak scalars behave as in the ufuncs.
import { type DType, dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { resultType } from '../core/promotion.js';
import { broadcastShapes } from '../core/shape.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import type { UfuncOptions } from './execute.js';
import { arctan2, clipUfunc, divide, maximum, minimum, multiply, rint } from './index.js';
import { COMPLEX, FLOATS, INTS, same } from './loops.js';
import { operandType, toOperand } from './operands.js';
import { effectiveTypes } from './resolve.js';
import { type ArrayOrScalar, unaryUfunc } from './ufunc.js';

type N = number;

/** The identity as a ufunc over every dtype: where() copies through it. */
const copyInto = unaryUfunc({
  name: 'where',
  nin: 1,
  identity: null,
  loops: [
    ...same(`?${INTS.slice(0, 6)}`, 1, (a: N) => a),
    ...same('qQ', 1, (a: bigint) => a),
    ...same(FLOATS, 1, (a: N) => a),
    ...same(COMPLEX, 1, (o: Float64Array, k: N, re: N, im: N) => {
      o[k] = re;
      o[k + 1] = im;
    }),
  ],
});

/** 10^d computed as C's power_of_ten (repeated multiplication), for np.round. */
function powerOfTen(d: number): number {
  let f = 1;
  for (let i = 0; i < d; i++) f *= 10;
  return f;
}

/**
 * np.round / np.around: half to even at `decimals` digits. Floats and complex
 * scale by 10^decimals in their own precision, round, and scale back (so
 * round(2.675, 2) is 2.67 as in NumPy); integers round for negative decimals
 * in float64 and cast back.
 */
export function round(a: ArrayOrScalar, decimals = 0, options: UfuncOptions = {}): NDArray {
  if (!Number.isInteger(decimals)) {
    throw fail('ERR_ARGUMENT', 'decimals', `expected an integer, got ${decimals}`, 'round');
  }
  const x = toArray(a, 'a');
  const integral = x.dtype.kind !== 'f' && x.dtype.kind !== 'c';
  if (integral && decimals >= 0) {
    return options.out === undefined
      ? x.copy()
      : options.out.assign(x, options.casting ?? 'same_kind');
  }
  const f = powerOfTen(Math.abs(decimals));
  const work = integral ? x.astype(dtypes.float64) : x;
  const [first, second] = decimals >= 0 ? [multiply, divide] : [divide, multiply];
  const y = decimals === 0 ? work : first(work, f);
  const r = rint(y, { out: y === work ? undefined : y });
  const scaled = decimals === 0 ? r : second(r, f, { out: r });
  if (integral) {
    const back = scaled.astype(x.dtype);
    return options.out === undefined
      ? back
      : options.out.assign(back, options.casting ?? 'same_kind');
  }
  if (options.out === undefined) return scaled;
  return options.out.assign(scaled, options.casting ?? 'same_kind');
}

/** np.clip: either bound may be null (then only the other applies). */
export function clip(
  a: ArrayOrScalar,
  min: ArrayOrScalar | null,
  max: ArrayOrScalar | null,
  options: UfuncOptions = {},
): NDArray {
  if (min === null && max === null) {
    throw fail('ERR_ARGUMENT', 'min', 'one of max or min must be given', 'clip');
  }
  if (min === null) return minimum(a, max!, options);
  if (max === null) return maximum(a, min, options);
  return clipUfunc(a, min, max, options);
}

function toArray(v: unknown, argument: string): NDArray {
  const op = toOperand(v, argument, 'where');
  if (op instanceof NDArray) return op;
  const t = effectiveTypes([op.kind])[0];
  const a = empty([], t);
  return a.set([], op.value);
}

/**
 * np.where(cond, x, y): x where cond is true (nonzero), else y, broadcast
 * together; the dtype is NumPy's result type of x and y (weak scalars as NEP 50).
 */
export function where(cond: ArrayOrScalar, x: ArrayOrScalar, y: ArrayOrScalar): NDArray {
  const c = toArray(cond, 'condition');
  const mask = c.dtype.kind === 'b' ? c : c.astype(dtypes.bool);
  const ox = toOperand(x, 'x', 'where');
  const oy = toOperand(y, 'y', 'where');
  const [tx, ty] = effectiveTypes([operandType(ox), operandType(oy)]);
  const dtype: DType = resultType(tx, ty);
  const xs = toArray(x, 'x');
  const ys = toArray(y, 'y');
  const shape = broadcastShapes([mask.shape, xs.shape, ys.shape], 'condition, x, y', 'where');
  const out = empty(shape, dtype);
  copyInto(ys, { out, dtype });
  copyInto(xs, { out, dtype, where: mask });
  return out;
}

/** np.angle: the argument of complex values (in degrees with `deg`); 0 or pi for reals. */
export function angle(z: ArrayOrScalar, deg = false): NDArray {
  const a = toArray(z, 'z');
  const rad = a.dtype.kind === 'c' ? arctan2(a.imag, a.real) : arctan2(0, a);
  return deg ? multiply(rad, 180 / Math.PI, { out: rad }) : rad;
}

/** np.real: a view of the real parts (the array itself for real dtypes). */
export function real(a: ArrayOrScalar): NDArray {
  return toArray(a, 'val').real;
}

/** np.imag: a view of the imaginary parts (read-only zeros for real dtypes). */
export function imag(a: ArrayOrScalar): NDArray {
  return toArray(a, 'val').imag;
}
