// NumPy's product surface: matmul, dot, vdot, inner and outer. Each maps its
// operands by views (length-1 axes and reordered axes; strided inputs are not
// copied) onto the stacked contraction C[..., m, n] = A[..., m, k] B[..., k, n]
// that contract() computes. Results NumPy returns as scalars are 0-d arrays.
import { isComplexLike } from '../core/complex.js';
import type { DTypeLike } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { broadcastShapes, formatShape } from '../core/shape.js';
import type { Casting } from '../ndarray/cast.js';
import { type ArrayInput, array } from '../ndarray/create.js';
import { NDArray } from '../ndarray/ndarray.js';
import { contract, loopType, resultArray } from './contract.js';

export interface OutOption {
  /** The array to write the result into (see each function for what it must be). */
  readonly out?: NDArray;
}

export interface MatmulOptions extends OutOption {
  /** The dtype to compute in; both inputs must cast to it under 'same_kind'. */
  readonly dtype?: DTypeLike;
}

/** An axis of the source array, or null for a new axis of length 1. */
type Axis = number | null;

const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
const news = (n: number): Axis[] => new Array<Axis>(Math.max(0, n)).fill(null);

/** The view of x whose axes are the listed axes of x, in that order. */
function pick(x: NDArray, axes: readonly Axis[]): NDArray {
  return x.view({
    shape: axes.map((i) => (i === null ? 1 : x.shape[i])),
    strides: axes.map((i) => (i === null ? 0 : x.strides[i])),
    offset: x.byteOffset,
  });
}

function operand(v: unknown, name: string, routine: string): NDArray {
  if (v instanceof NDArray) return v;
  const t = typeof v;
  const ok =
    t === 'number' ||
    t === 'bigint' ||
    t === 'boolean' ||
    Array.isArray(v) ||
    ArrayBuffer.isView(v) ||
    isComplexLike(v);
  if (!ok) {
    throw fail(
      'ERR_ARGUMENT',
      name,
      `expected an NDArray, nested arrays or a scalar, got ${t}`,
      routine,
    );
  }
  return array(v);
}

/** x as 1-D in C order: a view when the strides allow (always for 0-d and 1-D), else a copy. */
function flat(x: NDArray): NDArray {
  return x.reshape([x.size]);
}

/**
 * The product summing x's axis `ka` against y's axis `kb` (null: no axis, a
 * plain product), with the result axes x's other axes then y's other axes.
 * x's last free axis becomes m, y's last free axis n, and the remaining
 * free axes are batch axes (each with stride 0 in the other operand).
 */
function tensorProduct(
  routine: string,
  x: NDArray,
  ka: number | null,
  y: NDArray,
  kb: number | null,
  out: NDArray | undefined,
  casting: Casting,
  conjA = false,
): NDArray {
  if (ka !== null && kb !== null && x.shape[ka] !== y.shape[kb]) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'b',
      `shapes ${formatShape(x.shape)} and ${formatShape(y.shape)} not aligned: ${x.shape[ka]} (dim ${ka}) != ${y.shape[kb]} (dim ${kb})`,
      routine,
    );
  }
  const fa = range(0, x.ndim).filter((i) => i !== ka);
  const fb = range(0, y.ndim).filter((i) => i !== kb);
  const [p, q] = [fa.length, fb.length];
  const loop = loopType(routine, x, y);
  const shape = [...fa.map((i) => x.shape[i]), ...fb.map((i) => y.shape[i])];
  const result = resultArray(routine, out, shape, loop, casting);
  const a = pick(x, [...fa.slice(0, -1), ...news(q - 1), p > 0 ? fa[p - 1] : null, ka]);
  const b = pick(y, [...news(p - 1), ...fb.slice(0, -1), kb, q > 0 ? fb[q - 1] : null]);
  const m = p > 0 ? p - 1 : null;
  const n = q > 0 ? p + q - 1 : null;
  const c = pick(result, [...range(0, p - 1), ...range(p, p + q - 1), m, n]);
  contract(a, b, c, loop, conjA);
  return result;
}

/**
 * NumPy's `matmul` (`a @ b`), the gufunc (n?,k),(k,m?)->(n?,m?): the last
 * two axes are matrices and the leading axes broadcast as stacks (batch
 * axes of length 1 repeat with stride 0); a 1-D `a` is a row vector and a
 * 1-D `b` a column vector, and that axis is removed from the result, so two
 * 1-D operands give a 0-d array (NumPy returns a scalar; use `.item()`).
 *
 * The result dtype is NumPy 2's promotion of the inputs, or `options.dtype`
 * (inputs cast to it under 'same_kind'). `options.out` must have the result's
 * shape (or, as a ufunc's out, more leading batch axes the inputs broadcast
 * to) and a dtype the result casts to under 'same_kind'; it may overlap the
 * inputs: the result is what copying the inputs first would give.
 *
 * float32, float64, complex64 and complex128 run on BLAS gemm/gemmBatched
 * on the operands' own strides (any layout: transposed, negative, sliced,
 * broadcast); a native mixed signature is used instead of upcasting
 * (float16 @ float16 -> gemm:f16,f16->f16, computed in float32; float32
 * inputs with a float64 `out` -> gemm:f32,f32->f64). With an `out` wider
 * than the loop dtype, such a signature accumulates and stores in the wider
 * type where NumPy rounds to the loop dtype first: the result is more
 * accurate, not bit-identical. Other mixed inputs are cast to the result
 * dtype first. Integer and bool products are exact with NumPy's wrap-around
 * (bool: OR of ANDs). `a @ a.T` on one real float matrix (same memory) uses
 * syrk and mirrors the triangle. Throws ERR_SHAPE_MISMATCH for a 0-d
 * operand or core dimensions that differ, ERR_BROADCAST for batch axes that
 * do not broadcast, ERR_CASTING for a forbidden `dtype` or `out` dtype.
 */
export function matmul(a: ArrayInput, b: ArrayInput, options: MatmulOptions = {}): NDArray {
  const x = operand(a, 'a', 'matmul');
  const y = operand(b, 'b', 'matmul');
  for (const [v, name] of [
    [x, 'a'],
    [y, 'b'],
  ] as const) {
    if (v.ndim === 0) {
      throw fail(
        'ERR_SHAPE_MISMATCH',
        name,
        'is 0-d, but the signature (n?,k),(k,m?)->(n?,m?) needs at least 1 dimension',
        'matmul',
      );
    }
  }
  const av = x.ndim === 1 ? pick(x, [null, 0]) : x;
  const bv = y.ndim === 1 ? pick(y, [0, null]) : y;
  const [m, k] = av.shape.slice(-2);
  const [kb, n] = bv.shape.slice(-2);
  if (k !== kb) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'b',
      `core dimension 0 has size ${kb}, but k = ${k} from 'a' (signature (n?,k),(k,m?)->(n?,m?))`,
      'matmul',
    );
  }
  const core = [...(x.ndim > 1 ? [m] : []), ...(y.ndim > 1 ? [n] : [])];
  let batch = broadcastShapes([av.shape.slice(0, -2), bv.shape.slice(0, -2)], 'b', 'matmul');
  const { out } = options;
  if (out instanceof NDArray && out.ndim > core.length) {
    batch = broadcastShapes([batch, out.shape.slice(0, out.ndim - core.length)], 'out', 'matmul');
  }
  const loop = loopType('matmul', x, y, options.dtype);
  const result = resultArray('matmul', out, [...batch, ...core], loop, 'same_kind');
  const nb = batch.length;
  const lead = (v: NDArray) => pick(v, [...news(nb + 2 - v.ndim), ...range(0, v.ndim)]);
  const rows = x.ndim > 1 ? nb : null;
  const cols = y.ndim > 1 ? result.ndim - 1 : null;
  contract(lead(av), lead(bv), pick(result, [...range(0, nb), rows, cols]), loop);
  return result;
}

/**
 * NumPy's `dot`: for 1-D operands the inner product (a 0-d array; NumPy
 * returns a scalar), for 2-D the matrix product, with a 0-d operand the
 * elementwise product, and for N-D `a` with M-D `b` the sum over a's last
 * axis and b's second-to-last (its only axis when 1-D):
 * `dot(a, b)[i, j, k, m] = sum(a[i, j, :] * b[k, :, m])`, shape
 * `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`. `options.out` must have
 * exactly that shape and the result dtype (byte order aside), as NumPy
 * requires; unlike NumPy it may have any strides, and it may overlap the inputs.
 */
export function dot(a: ArrayInput, b: ArrayInput, options: OutOption = {}): NDArray {
  const x = operand(a, 'a', 'dot');
  const y = operand(b, 'b', 'dot');
  const scalar = x.ndim === 0 || y.ndim === 0;
  const ka = scalar ? null : x.ndim - 1;
  const kb = scalar ? null : Math.max(0, y.ndim - 2);
  return tensorProduct('dot', x, ka, y, kb, options.out, 'equiv');
}

/**
 * NumPy's `vdot`: both operands flattened in C order (a copy only when the
 * strides cannot be viewed as 1-D), the first conjugated when complex, and
 * their inner product returned as a 0-d array (NumPy returns a scalar).
 * Throws ERR_SHAPE_MISMATCH when the sizes differ.
 */
export function vdot(a: ArrayInput, b: ArrayInput): NDArray {
  const x = flat(operand(a, 'a', 'vdot'));
  const y = flat(operand(b, 'b', 'vdot'));
  if (x.size !== y.size) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'b',
      `has ${y.size} elements, but 'a' has ${x.size}: vectors have different lengths`,
      'vdot',
    );
  }
  return tensorProduct('vdot', x, 0, y, 0, undefined, 'equiv', x.dtype.kind === 'c');
}

/**
 * NumPy's `inner`: the sum over the last axes of both operands, shape
 * `a.shape[:-1] + b.shape[:-1]` (a 0-d array for two 1-D operands; NumPy
 * returns a scalar); with a 0-d operand the elementwise product. No
 * conjugation. `inner(a, a)` of a real float matrix uses syrk.
 */
export function inner(a: ArrayInput, b: ArrayInput): NDArray {
  const x = operand(a, 'a', 'inner');
  const y = operand(b, 'b', 'inner');
  const scalar = x.ndim === 0 || y.ndim === 0;
  return tensorProduct(
    'inner',
    x,
    scalar ? null : x.ndim - 1,
    y,
    scalar ? null : y.ndim - 1,
    undefined,
    'equiv',
  );
}

/**
 * NumPy's `outer`: `out[i, j] = a.flat[i] * b.flat[j]`, shape
 * `(a.size, b.size)`; operands that are not 1-D are flattened in C order (a
 * copy only when their strides cannot be viewed as 1-D). `options.out` must
 * have that shape and a dtype the result casts to under 'same_kind'.
 */
export function outer(a: ArrayInput, b: ArrayInput, options: OutOption = {}): NDArray {
  const x = flat(operand(a, 'a', 'outer'));
  const y = flat(operand(b, 'b', 'outer'));
  return tensorProduct('outer', x, null, y, null, options.out, 'same_kind');
}
