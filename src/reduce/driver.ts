// The iteration every reduction runs on: the input's axes in memory order
// (NumPy's iterator order, strides never negated), an accumulator laid out
// like the input's kept axes, and inner runs handed to a kernel either as a
// reduction of one run into one slot (the reduced axis is innermost) or as a
// row combined elementwise into a row of slots (a kept axis is innermost),
// exactly the two inner-loop shapes NumPy's reductions call. The two
// innermost axes go to the kernel together, so kernels can loop over many
// short runs, or add several rows per pass, without changing the order in
// which any result element accumulates.
import type { DType } from '../core/dtypes.js';
import { forEachRun, type IterPlan, planIteration } from '../ndarray/iter.js';
import { NDArray } from '../ndarray/ndarray.js';
import { rawWindow } from '../ndarray/typed.js';

/** Where each result element lives in a flat accumulator. */
export interface AccLayout {
  /** Accumulator element stride per input axis (0 on reduced axes). */
  readonly strides: readonly number[];
  /** The result shape with reduced axes kept as 1. */
  readonly shape: readonly number[];
  /** Number of result elements. */
  readonly size: number;
}

/** The kernel side of a reduction; indices and strides count typed-array elements. */
export interface Body {
  /** Reduces the n elements x[xi + k*xs] into accumulator slot ai. */
  run(ai: number, xi: number, n: number, xs: number): void;
  /** Combines x[xi + k*xs] into slot ai + k*as for k < n. */
  row(ai: number, as: number, xi: number, xs: number, n: number): void;
  /** `row` for m rows in order, row r starting at xi + r*os (an optional faster form). */
  block?(ai: number, as: number, xi: number, xs: number, n: number, os: number, m: number): void;
  /** `run` for m runs, run r starting at xi + r*os into slot ai + r*aos (an optional faster form). */
  runs?(ai: number, aos: number, xi: number, xs: number, n: number, os: number, m: number): void;
}

/**
 * The two innermost axes of an iteration: m lines of n elements, line r at
 * x index xi + r*os and accumulator slot ai + r*aos, handed to the body's
 * fastest fitting form.
 */
function plane(
  body: Body,
  ai: number,
  as: number,
  xi: number,
  xs: number,
  n: number,
  aos: number,
  os: number,
  m: number,
) {
  if (as === 0 && aos !== 0 && body.runs !== undefined) body.runs(ai, aos, xi, xs, n, os, m);
  else if (as === 0) for (let r = 0; r < m; r++) body.run(ai + r * aos, xi + r * os, n, xs);
  else if (aos === 0 && body.block !== undefined) body.block(ai, as, xi, xs, n, os, m);
  else for (let r = 0; r < m; r++) body.row(ai + r * aos, as, xi + r * os, xs, n);
}

/** An accumulator layout following the input's memory order, as NumPy allocates results. */
export function accLayout(x: NDArray, reduced: readonly boolean[]): AccLayout {
  const kept = x.shape
    .map((_, i) => i)
    .filter((i) => !reduced[i])
    .sort((a, b) => Math.abs(x.strides[a]) - Math.abs(x.strides[b]) || b - a);
  const strides = new Array<number>(x.ndim).fill(0);
  let size = 1;
  for (const i of kept) {
    strides[i] = size;
    size *= x.shape[i];
  }
  return { strides, shape: x.shape.map((d, i) => (reduced[i] ? 1 : d)), size };
}

/** The accumulator memory as an NDArray of `dtype` (keepdims shape), for casting out of it. */
export function accView(layout: AccLayout, buffer: ArrayBufferLike, dtype: DType): NDArray {
  return new NDArray({
    buffer,
    byteOffset: 0,
    shape: layout.shape,
    strides: layout.strides.map((s) => s * dtype.itemsize),
    dtype,
  });
}

/** Iterates the plan's outer axes, handing the two innermost to `plane`. */
function planes(plan: IterPlan, unit: number, body: Body): void {
  if (plan.size === 0) return;
  const nd = plan.shape.length;
  const [x, acc] = plan.strides;
  const n = nd > 0 ? plan.shape[nd - 1] : 1;
  const xs = nd > 0 ? x[nd - 1] / unit : 0;
  const as = nd > 0 ? acc[nd - 1] : 0;
  if (nd < 2) {
    plane(body, plan.offsets[1], as, plan.offsets[0] / unit, xs, n, 0, 0, 1);
    return;
  }
  const outer: IterPlan = {
    shape: plan.shape.slice(0, -2),
    strides: plan.strides.map((st) => st.slice(0, -2)),
    offsets: plan.offsets,
    size: plan.size,
  };
  const [m, aos, os] = [plan.shape[nd - 2], acc[nd - 2], x[nd - 2] / unit];
  forEachRun(outer, (off, count, st) => {
    for (let k = 0; k < count; k++) {
      const xi = (off[0] + k * st[0]) / unit;
      plane(body, off[1] + k * st[1], as, xi, xs, n, aos, os, m);
    }
  });
}

/**
 * Visits every element of `x` (a native, aligned array read through typed
 * arrays of `unit` bytes per element) once, in memory order, calling the
 * body per inner run. With a mask, runs are split into their stretches of
 * true elements, as NumPy's masked inner loops do. `accOffset` is the
 * accumulator slot of x's first element (for a part of a larger reduction).
 */
export function drive(
  x: NDArray,
  unit: number,
  layout: AccLayout,
  where: NDArray | null,
  body: Body,
  accOffset = 0,
): void {
  const ops = [
    { strides: x.strides, offset: x.byteOffset },
    { strides: layout.strides, offset: accOffset },
  ];
  if (where !== null) ops.push({ strides: where.strides, offset: where.byteOffset });
  const plan = planIteration(x.shape, ops);
  if (where === null) {
    planes(plan, unit, body);
    return;
  }
  const call = (xo: number, ai: number, n: number, xs: number, as: number) => {
    if (as === 0) body.run(ai, xo / unit, n, xs / unit);
    else body.row(ai, as, xo / unit, xs / unit, n);
  };
  const mask = rawWindow(where.buffer, 1);
  forEachRun(plan, (off, n, st) => {
    let k = 0;
    while (k < n) {
      while (k < n && mask[off[2] + k * st[2]] === 0) k++;
      const start = k;
      while (k < n && mask[off[2] + k * st[2]] !== 0) k++;
      if (k > start) call(off[0] + start * st[0], off[1] + start * st[1], k - start, st[0], st[1]);
    }
  });
}
