// NumPy indexing with any mix of basic and advanced indices: `a.get(...)`
// (a view when every index is basic, else a copy, exactly as NumPy) and
// `a.set(index, value)` (value broadcast to the indexing result, cast to the
// array's dtype, the last write winning on repeated indices). A lone boolean
// mask is walked in place; integer arrays and other masks become per-index
// byte contributions that are summed over their broadcast shape.
import { fail } from '../core/errors.js';
import { formatShape, sizeOf } from '../core/shape.js';
import { mayOverlap } from '../ndarray/assign.js';
import { array } from '../ndarray/create.js';
import type { Layout } from '../ndarray/layout.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { blockMove, elementMove, linearOffsets, linearStep, moveUnit } from './move.js';
import {
  type AdvancedIndex,
  broadcastShape,
  type IndexPlan,
  type IndexSpec,
  planIndex,
  resultShape,
} from './spec.js';
import { countTrue, listedCopy, maskedCopy, readIntegers, type Visit, walkMask } from './walk.js';

interface Addresses {
  /** The broadcast shape of the advanced indices. */
  readonly shape: readonly number[];
  /** A lone mask and the strides of the axes of V it covers, for the fused copy. */
  readonly mask?: { readonly array: NDArray; readonly strides: readonly number[] };
  /** Every address, as a byte offset from V's, when one index array alone gives them. */
  readonly offsets?: Float64Array;
  /** Calls `visit` for every element of `shape` in C order. */
  walk(visit: Visit): void;
}

/** One broadcast operand of the address sum: byte contributions over an index shape. */
interface Part {
  readonly shape: readonly number[];
  readonly bytes: Float64Array;
}

function intPart(ix: AdvancedIndex, view: Layout): Part {
  const n = view.shape[ix.vAxis];
  const stride = view.strides[ix.vAxis];
  const values = readIntegers(ix.array);
  for (let j = 0; j < values.length; j++) {
    const v = values[j];
    if (v < -n || v >= n) {
      throw fail(
        'ERR_INDEX_OUT_OF_BOUNDS',
        `index[${ix.position}]`,
        `index ${v} is out of bounds for axis ${ix.axis} with size ${n}`,
      );
    }
    values[j] = (v < 0 ? v + n : v) * stride;
  }
  return { shape: ix.array.shape, bytes: values };
}

/**
 * A mask as one part: NumPy turns a k-d mask into k integer arrays of its
 * true coordinates, which always broadcast together, so their byte
 * contributions are summed up front. A 0-d mask indexes its new length-1 axis.
 */
function maskPart(ix: AdvancedIndex, view: Layout): Part {
  const mask = ix.array;
  const strides = view.strides.slice(ix.vAxis, ix.vAxis + mask.ndim);
  const bytes = new Float64Array(countTrue(mask));
  walkMask(mask, strides, 0, (off, i) => {
    bytes[i] = off;
  });
  return { shape: [bytes.length], bytes };
}

function partAddresses(plan: IndexPlan): Addresses {
  const parts = plan.advanced.map((ix) =>
    ix.kind === 'int' ? intPart(ix, plan.view) : maskPart(ix, plan.view),
  );
  const shape = broadcastShape(parts.map((p) => p.shape));
  const nd = shape.length;
  // Element strides of each part over the broadcast shape (0 on broadcast axes).
  const strides = parts.map((p) => {
    const st = new Array<number>(nd).fill(0);
    let s = 1;
    for (let k = p.shape.length - 1; k >= 0; k--) {
      if (p.shape[k] !== 1) st[nd - p.shape.length + k] = s;
      s *= p.shape[k];
    }
    return st;
  });
  const walk = (visit: Visit) => {
    const size = sizeOf(shape);
    const pos = new Array<number>(parts.length).fill(0);
    const counter = new Array<number>(nd).fill(0);
    const base = plan.view.offset;
    for (let i = 0; i < size; i++) {
      let off = base;
      for (let p = 0; p < parts.length; p++) off += parts[p].bytes[pos[p]];
      visit(off, i);
      for (let k = nd - 1; k >= 0; k--) {
        for (let p = 0; p < parts.length; p++) pos[p] += strides[p][k];
        if (++counter[k] < shape[k]) break;
        for (let p = 0; p < parts.length; p++) pos[p] -= strides[p][k] * shape[k];
        counter[k] = 0;
      }
    }
  };
  const offsets = parts.length === 1 && parts[0].shape.length === nd ? parts[0].bytes : undefined;
  return { shape, walk, offsets };
}

function addresses(plan: IndexPlan): Addresses {
  const [only] = plan.advanced;
  if (plan.advanced.length > 1 || only.kind !== 'bool' || only.array.ndim === 0)
    return partAddresses(plan);
  const strides = plan.view.strides.slice(only.vAxis, only.vAxis + only.array.ndim);
  return {
    shape: [countTrue(only.array)],
    walk: (visit) => walkMask(only.array, strides, plan.view.offset, visit),
    mask: { array: only.array, strides },
  };
}

interface Prepared {
  readonly plan: IndexPlan;
  readonly addr: Addresses;
  readonly shape: number[];
  readonly vAxes: number[];
  readonly outAxes: number[];
  readonly bAxes: number[];
}

function prepare(a: NDArray, specs: readonly IndexSpec[]): Prepared | NDArray {
  const layout = { shape: a.shape, strides: a.strides, offset: a.byteOffset };
  const plan = planIndex(layout, specs);
  if (plan.advanced.length === 0) return a.view(plan.view);
  const addr = addresses(plan);
  const { shape, first, vAxes } = resultShape(plan, addr.shape);
  const nb = addr.shape.length;
  const bAxes = addr.shape.map((_, k) => first + k);
  const outAxes = shape.flatMap((_, i) => (i >= first && i < first + nb ? [] : [i]));
  return { plan, addr, shape, vAxes, outAxes, bAxes };
}

/**
 * Moves every addressed element of V (one block of the subspace each) to or
 * from the other array, whose blocks sit at offset + bOffsets(i).
 */
function transfer(
  p: Prepared,
  v: { buffer: ArrayBufferLike; layout: Layout },
  other: { buffer: ArrayBufferLike; offset: number; strides: readonly number[] },
  itemsize: number,
  intoV: boolean,
): void {
  const vl = v.layout;
  const unit = moveUnit(itemsize, vl, other);
  const sub = p.outAxes.map((k) => p.shape[k]);
  const bStrides = p.bAxes.map((k) => other.strides[k]);
  const step = linearStep(p.addr.shape, bStrides);
  if (sizeOf(sub) === 1 && step !== null) {
    // One element per address and a linear other side: the fused loops.
    const run = { buffer: other.buffer, offset: other.offset, step };
    const { mask, offsets } = p.addr;
    if (mask !== undefined) {
      const masked = { buffer: v.buffer, offset: vl.offset, strides: mask.strides };
      maskedCopy(mask.array, masked, run, itemsize, unit, intoV);
      return;
    }
    if (offsets !== undefined) {
      listedCopy(offsets, { buffer: v.buffer, base: vl.offset }, run, itemsize, unit, intoV);
      return;
    }
  }
  const [dst, src] = intoV ? [v.buffer, other.buffer] : [other.buffer, v.buffer];
  const vSub = p.vAxes.map((k) => vl.strides[k]);
  const oSub = p.outAxes.map((k) => other.strides[k]);
  const move = elementMove(dst, src, itemsize, unit);
  const block = intoV ? blockMove(sub, vSub, oSub, move) : blockMove(sub, oSub, vSub, move);
  const at = linearOffsets(p.addr.shape, bStrides);
  if (intoV) p.addr.walk((off, i) => block(off, other.offset + at(i)));
  else p.addr.walk((off, i) => block(other.offset + at(i), off));
}

/** `a[specs]`: a view for basic indices, else a new array holding the selected elements. */
export function getIndex(a: NDArray, specs: readonly IndexSpec[]): NDArray {
  const p = prepare(a, specs);
  if (p instanceof NDArray) return p;
  const out = empty(p.shape, a.dtype);
  const other = { buffer: out.buffer, offset: out.byteOffset, strides: out.strides };
  transfer(p, { buffer: a.buffer, layout: p.plan.view }, other, a.itemsize, false);
  return out;
}

/** The value of `a[index] = value` as an array of a's dtype that never aliases a. */
function valueArray(a: NDArray, value: unknown): NDArray {
  if (!(value instanceof NDArray)) return array(value, { dtype: a.dtype });
  if (value.dtype !== a.dtype || mayOverlap(a, value)) return value.astype(a.dtype);
  return value;
}

/**
 * `x` without leading length-1 axes beyond `ndim` (NumPy ignores them in
 * assignments), except that one element takes only a 0-d value.
 */
function dropLeadingOnes(x: NDArray, ndim: number): NDArray {
  if (ndim === 0 && x.ndim > 0)
    throw fail('ERR_VALUE', 'value', 'setting an array element with a sequence.');
  let v = x;
  while (v.ndim > ndim && v.shape[0] === 1) v = v.slice(0);
  return v;
}

/** NumPy's own rule for `a[mask] = v` with a single mask over every axis. */
function checkMaskValue(x: NDArray, count: number): void {
  if (x.ndim > 1) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'value',
      `boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${x.ndim} dimensions`,
    );
  }
  if (x.ndim === 1 && x.size !== 1 && x.size !== count) {
    throw fail(
      'ERR_SHAPE_MISMATCH',
      'value',
      `boolean array indexing assignment cannot assign ${x.size} input values to the ${count} output values where the mask is true`,
    );
  }
}

/** Byte strides of `value` broadcast to `target`, as NumPy broadcasts assigned values. */
function valueStrides(value: NDArray, target: readonly number[]): number[] {
  const x = dropLeadingOnes(value, target.length);
  const shape = x.shape;
  const ok =
    shape.length <= target.length &&
    shape.every((d, k) => d === 1 || d === target[target.length - shape.length + k]);
  if (!ok) {
    throw fail(
      'ERR_BROADCAST',
      'value',
      `shape mismatch: value array of shape ${formatShape(value.shape)} could not be broadcast to indexing result of shape ${formatShape(target)}`,
    );
  }
  const strides = x.strides;
  return target.map((_, i) => {
    const k = i - (target.length - shape.length);
    return k < 0 || shape[k] === 1 ? 0 : strides[k];
  });
}

/** `value` viewed (read-only) at `shape` as NumPy broadcasts an assigned value. */
export function broadcastValue(value: NDArray, shape: readonly number[]): NDArray {
  const strides = valueStrides(value, shape);
  return value.view({ shape, strides, offset: value.byteOffset }, value.dtype, false);
}

/** `a[specs] = value`: checks everything (indices, shapes, casts) before writing anything. */
export function setIndex(a: NDArray, specs: readonly IndexSpec[], value: unknown): void {
  a.assertWriteable('a');
  // A mask in a's own memory is walked while a is written: read it from a copy.
  const own = specs.map((s) => (s instanceof NDArray && mayOverlap(a, s) ? s.copy() : s));
  const p = prepare(a, own);
  if (p instanceof NDArray) {
    const scalar = !(value instanceof NDArray || Array.isArray(value) || ArrayBuffer.isView(value));
    p.assign(scalar ? value : dropLeadingOnes(valueArray(a, value), p.ndim));
    return;
  }
  const x = valueArray(a, value);
  const [only] = p.plan.advanced;
  if (own.length === 1 && only.kind === 'bool' && only.array.ndim === a.ndim)
    checkMaskValue(x, p.addr.shape[0]);
  const xs = valueStrides(x, p.shape);
  const other = { buffer: x.buffer, offset: x.byteOffset, strides: xs };
  transfer(p, { buffer: a.buffer, layout: p.plan.view }, other, a.itemsize, true);
}
