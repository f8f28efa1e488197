// The stacked contraction every product reduces to: C[..., m, n] = sum over k
// of A[..., m, k] B[..., k, n], A and B broadcast over C's batch axes. Here
// the output is validated or allocated, and the route chosen: a BLAS
// signature on the operands' own strides (mixed ones included), a BLAS
// signature after casting to the loop dtype, or the exact integer/bool loop.
// An output overlapping an input gives the result of copying the inputs first.

import { hasInternalOverlap } from '../blas/frame/overlap.js';
import { bySignature, gemm, gemmBatched } from '../blas/index.js';
import type { StridedOperand } from '../blas/operand.js';
import { TYPE_ABBREV } from '../blas/spec/types.js';
import {
  type DType,
  type DTypeLike,
  type DTypeName,
  dtypes,
  isInteger,
  toDType,
} from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { resultType } from '../core/promotion.js';
import { formatShape } from '../core/shape.js';
import { mayOverlap } from '../ndarray/assign.js';
import { type Casting, canCast } from '../ndarray/cast.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { exactStack } from './exact.js';
import { gramProduct, isGram } from './gram.js';

/**
 * The dtype the products compute in: NumPy 2's promotion of the two inputs,
 * or the requested `dtype`, which both inputs must reach under 'same_kind'.
 */
export function loopType(routine: string, a: NDArray, b: NDArray, dtype?: DTypeLike): DType {
  if (dtype === undefined) return resultType(a.dtype, b.dtype);
  const d = dtypes[toDType(dtype).name];
  for (const [x, name] of [
    [a, 'a'],
    [b, 'b'],
  ] as const) {
    if (!canCast(x.dtype, d, 'same_kind')) {
      throw fail(
        'ERR_CASTING',
        name,
        `cannot cast the input from ${x.dtype} to ${d} under the rule 'same_kind'`,
        routine,
      );
    }
  }
  return d;
}

/**
 * The array a product writes: a new one of `shape` in the loop dtype, or
 * `out` after checking its shape (exactly `shape`), its dtype (the loop dtype
 * casts to it under `casting`), that it is writeable and that no two of its
 * elements share bytes. Nothing is written when a check fails.
 */
export function resultArray(
  routine: string,
  out: NDArray | undefined,
  shape: readonly number[],
  loop: DType,
  casting: Casting,
): NDArray {
  if (out === undefined) return empty(shape, loop);
  if (!(out instanceof NDArray)) throw fail('ERR_ARGUMENT', 'out', 'expected an NDArray', routine);
  if (out.ndim !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'out',
      `has shape ${formatShape(out.shape)}, the result has shape ${formatShape(shape)}`,
      routine,
    );
  }
  if (!canCast(loop, out.dtype, casting)) {
    throw fail(
      'ERR_CASTING',
      'out',
      `cannot cast the ${loop} result to ${out.dtype} under the rule '${casting}'`,
      routine,
    );
  }
  out.assertWriteable('out', routine);
  const { buffer, byteOffset, shape: dims, strides, dtype } = out;
  if (hasInternalOverlap({ buffer, byteOffset, shape: dims, strides, dtype, writeable: true })) {
    throw fail(
      'ERR_OUTPUT_OVERLAP',
      'out',
      'its strides make distinct elements share bytes',
      routine,
    );
  }
  return out;
}

/** Significand class of each inexact dtype (a complex one by its parts). */
const PRECISION: Readonly<Partial<Record<DTypeName, number>>> = {
  float16: 2,
  float32: 4,
  float64: 8,
  complex64: 4,
  complex128: 8,
};

/** Signatures that accumulate in a wider precision than their output's. */
const ACCUMULATOR: Readonly<Record<string, number>> = { 'gemm:f16,f16->f16': 4 };

const gemmName = (a: DType, b: DType, c: DType) =>
  `gemm:${TYPE_ABBREV[a.name]},${TYPE_ABBREV[b.name]}->${TYPE_ABBREV[c.name]}`;

/**
 * Whether a gemm signature writing `write` gives what NumPy's loop in `loop`
 * gives: floats when it accumulates at least as precisely as the loop dtype
 * (then it is at most more accurate), integers when its wrap-around width is
 * no wider than the loop's (then the values agree modulo the output width).
 */
function reproduces(name: string, loop: DType, write: DType): boolean {
  if (!Object.hasOwn(bySignature, name)) return false;
  const precision = PRECISION[loop.name];
  if (precision !== undefined) {
    return write.kind === loop.kind && (ACCUMULATOR[name] ?? PRECISION[write.name]!) >= precision;
  }
  return isInteger(loop) && isInteger(write) && write.itemsize <= loop.itemsize;
}

interface Route {
  /** A gemm signature, else the exact loop. */
  readonly blas: boolean;
  /** Whether inputs of another dtype are cast to the loop dtype first. */
  readonly cast: boolean;
  /** The dtype the kernel writes; C receives a cast copy when its dtype differs. */
  readonly write: DType;
}

/**
 * The first route that reproduces NumPy's loop: a native signature for the
 * inputs as they are (f16,f16->f32, f32,f32->f64, i8,i8->i32...), then one
 * for inputs cast to the loop dtype writing C's dtype, then the loop dtype's
 * own signature; integer and bool loops without one take the exact loop.
 */
function chooseRoute(a: DType, b: DType, loop: DType, target: DType): Route {
  const tries: readonly [DType, DType, DType, boolean][] = [
    [a, b, target, false],
    [loop, loop, target, true],
    [loop, loop, loop, true],
  ];
  for (const [x, y, write, cast] of tries) {
    const exact = canCast(x, loop, 'safe') && canCast(y, loop, 'safe');
    if (exact && reproduces(gemmName(x, y, write), loop, write)) return { blas: true, cast, write };
  }
  return { blas: false, cast: true, write: loop };
}

function aligned(x: NDArray): boolean {
  const u = x.itemsize;
  return x.byteOffset % u === 0 && x.strides.every((s) => s % u === 0);
}

/** x with its length-1 batch axes broadcast (stride 0) to c's batch shape. */
function spread(x: NDArray, c: NDArray): NDArray {
  const nb = c.ndim - 2;
  const shape = [...c.shape.slice(0, nb), ...x.shape.slice(nb)];
  const strides = x.strides.map((s, i) => (i < nb && x.shape[i] !== c.shape[i] ? 0 : s));
  return x.view({ shape, strides, offset: x.byteOffset }, x.dtype, false);
}

/**
 * gemm per matrix or gemmBatched per run of matrices, on the operands' own
 * strides: the batch axes are walked as an elementwise loop (length-1 axes
 * dropped, uniformly stepping axes merged), each inner run one batched call.
 */
function gemmStack(a: NDArray, b: NDArray, c: NDArray, conjA: boolean): void {
  const nb = c.ndim - 2;
  const ops = [a, b, c];
  const options = conjA ? { conj: { a: true } } : undefined;
  const plan = planIteration(
    c.shape.slice(0, nb),
    ops.map((x) => ({ strides: x.strides.slice(0, nb), offset: x.byteOffset })),
  );
  forEachRun(plan, (off, count, st) => {
    const [x, y, z] = ops.map(
      (op, i): StridedOperand => ({
        buffer: op.buffer,
        byteOffset: off[i],
        dtype: op.dtype,
        shape: count === 1 ? op.shape.slice(nb) : [count, ...op.shape.slice(nb)],
        strides: count === 1 ? op.strides.slice(nb) : [st[i], ...op.strides.slice(nb)],
      }),
    );
    (count === 1 ? gemm : gemmBatched)(1, x, y, 0, z, options);
  });
}

/**
 * C = A B over stacks: a (..., m, k), b (..., k, n) and c (..., m, n) of one
 * rank, the batch axes of a and b equal to c's or 1. `conjA` conjugates A
 * (vdot). The caller has checked the shapes and c (see resultArray).
 */
export function contract(a: NDArray, b: NDArray, c: NDArray, loop: DType, conjA = false): void {
  if (c.size === 0) return;
  if (a.size === 0 || b.size === 0) {
    // k = 0: empty sums. Empty operands never reach a kernel (their offsets may lie anywhere).
    c.fill(0);
    return;
  }
  if (!conjA && isGram(a, b, c, loop)) {
    gramProduct(a, c);
    return;
  }
  const route = chooseRoute(a.dtype, b.dtype, loop, c.dtype);
  const direct = route.blas ? route.write.name === c.dtype.name : c.dtype === loop && aligned(c);
  const target = direct ? c : empty(c.shape, route.write);
  const ready = (x: NDArray): boolean =>
    route.blas ? x.dtype.name === loop.name : x.dtype === loop && aligned(x);
  const prepare = (x: NDArray): NDArray => {
    const cast = route.cast && !ready(x) ? x.astype(loop) : x;
    // BLAS calls would copy an overlapping input per call; copying it once
    // here also covers stacks that take several calls, and the exact loop.
    return spread(direct && mayOverlap(cast, c) ? cast.copy() : cast, c);
  };
  const [x, y] = [prepare(a), prepare(b)];
  if (route.blas) gemmStack(x, y, target, conjA);
  else exactStack(x, y, target);
  if (target !== c) c.assign(target);
}
