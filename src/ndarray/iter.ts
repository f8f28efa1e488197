// nd-iteration for elementwise loops: drops length-1 axes, orders the rest by
// the first operand's strides (memory order), coalesces axes that are
// contiguous for every operand, then hands out inner runs of (offsets, n, strides).

import type { Shape } from '../core/shape.js';

/** One operand of an elementwise loop: its byte strides and byte offset. */
export interface IterOperand {
  readonly strides: Shape;
  readonly offset: number;
}

/** An iteration over a common shape; axis 0 is outermost, the last axis innermost. */
export interface IterPlan {
  readonly shape: readonly number[];
  /** strides[op][axis] in bytes. */
  readonly strides: readonly (readonly number[])[];
  readonly offsets: readonly number[];
  /** Total number of elements (0 when any axis is empty). */
  readonly size: number;
}

export interface PlanOptions {
  /**
   * 'K' (default) reorders axes by memory order of the first operand, which is
   * right for elementwise work whose result does not depend on visiting order.
   * 'C' keeps the logical row-major order (for code that consumes values in order).
   */
  readonly order?: 'K' | 'C';
}

function sortAxesByStride(axes: number[], ops: readonly IterOperand[]): void {
  // Stable insertion sort, outermost (largest |stride|) first, keyed by the
  // first operand whose strides differ on the two axes.
  for (let i = 1; i < axes.length; i++) {
    const a = axes[i];
    let j = i - 1;
    while (j >= 0 && innerThan(axes[j], a, ops)) {
      axes[j + 1] = axes[j];
      j--;
    }
    axes[j + 1] = a;
  }
}

/** True when axis x should iterate inside axis y. */
function innerThan(x: number, y: number, ops: readonly IterOperand[]): boolean {
  for (const op of ops) {
    const sx = Math.abs(op.strides[x]);
    const sy = Math.abs(op.strides[y]);
    if (sx === 0 || sy === 0 || sx === sy) continue;
    return sx < sy;
  }
  return false;
}

export function planIteration(
  shape: Shape,
  ops: readonly IterOperand[],
  options: PlanOptions = {},
): IterPlan {
  let size = 1;
  for (const d of shape) size *= d;
  const axes: number[] = [];
  for (let i = 0; i < shape.length; i++) if (shape[i] !== 1) axes.push(i);
  if (options.order !== 'C') sortAxesByStride(axes, ops);

  const outShape: number[] = [];
  const outStrides: number[][] = ops.map(() => []);
  for (const ax of axes) {
    const last = outShape.length - 1;
    const mergeable =
      last >= 0 && ops.every((op, k) => outStrides[k][last] === op.strides[ax] * shape[ax]);
    if (mergeable) {
      outShape[last] *= shape[ax];
      for (let k = 0; k < ops.length; k++) outStrides[k][last] = ops[k].strides[ax];
    } else {
      outShape.push(shape[ax]);
      for (let k = 0; k < ops.length; k++) outStrides[k].push(ops[k].strides[ax]);
    }
  }
  return { shape: outShape, strides: outStrides, offsets: ops.map((o) => o.offset), size };
}

/**
 * Calls `run(offsets, n, innerStrides)` once per contiguous inner run; `offsets`
 * are the byte offsets of each operand's first element in the run. The arrays
 * passed in are reused between calls: copy them to keep them.
 */
export function forEachRun(
  plan: IterPlan,
  run: (offsets: readonly number[], n: number, innerStrides: readonly number[]) => void,
): void {
  if (plan.size === 0) return;
  const nops = plan.offsets.length;
  const nd = plan.shape.length;
  const offsets = plan.offsets.slice();
  if (nd === 0) {
    run(offsets, 1, new Array<number>(nops).fill(0));
    return;
  }
  const inner = plan.strides.map((s) => s[nd - 1]);
  const n = plan.shape[nd - 1];
  const counter = new Array<number>(nd - 1).fill(0);
  for (;;) {
    run(offsets, n, inner);
    let axis = nd - 2;
    for (; axis >= 0; axis--) {
      for (let k = 0; k < nops; k++) offsets[k] += plan.strides[k][axis];
      if (++counter[axis] < plan.shape[axis]) break;
      for (let k = 0; k < nops; k++) offsets[k] -= plan.strides[k][axis] * plan.shape[axis];
      counter[axis] = 0;
    }
    if (axis < 0) return;
  }
}
