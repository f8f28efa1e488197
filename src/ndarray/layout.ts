// View arithmetic on (shape, byte strides, byte offset): slicing, transposes,
// flips, squeezes, diagonals and NumPy's no-copy reshape. Pure functions; the
// NDArray methods wrap them.
import { fail } from '../core/errors.js';
import {
  checkShape,
  formatShape,
  normalizeAxes,
  normalizeAxis,
  type Order,
  type Shape,
  sizeOf,
} from '../core/shape.js';

export interface Layout {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

/** A Python-style slice with optional bounds. */
export interface SliceObject {
  readonly start?: number | null;
  readonly stop?: number | null;
  readonly step?: number | null;
}

/**
 * One index of `slice(...)`: an integer, a slice string ('1:5', '::-1', ':'),
 * '...' for the ellipsis, 'newaxis' or null for a new axis, or a SliceObject.
 */
export type SliceSpec = number | string | null | SliceObject;

type Parsed =
  | { kind: 'int'; index: number }
  | { kind: 'slice'; start: number | null; stop: number | null; step: number | null }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' };

const SLICE_RE = /^\s*(-?\d+)?\s*:\s*(-?\d+)?\s*(?::\s*(-?\d+)?\s*)?$/;

function parseSpec(spec: SliceSpec, position: number): Parsed {
  const arg = `index[${position}]`;
  if (spec === null || spec === 'newaxis') return { kind: 'newaxis' };
  if (spec === '...') return { kind: 'ellipsis' };
  if (typeof spec === 'number') {
    if (!Number.isInteger(spec))
      throw fail('ERR_INVALID_INDEX', arg, `index ${spec} is not an integer`);
    return { kind: 'int', index: spec };
  }
  if (typeof spec === 'string') {
    if (/^\s*-?\d+\s*$/.test(spec)) return { kind: 'int', index: Number(spec) };
    const m = SLICE_RE.exec(spec);
    if (m === null) throw fail('ERR_INVALID_INDEX', arg, `cannot parse slice '${spec}'`);
    const num = (s: string | undefined) => (s === undefined ? null : Number(s));
    return { kind: 'slice', start: num(m[1]), stop: num(m[2]), step: num(m[3]) };
  }
  if (typeof spec === 'object') {
    for (const v of [spec.start, spec.stop, spec.step]) {
      if (v !== undefined && v !== null && !Number.isInteger(v)) {
        throw fail('ERR_INVALID_INDEX', arg, `slice bound ${v} is not an integer`);
      }
    }
    return {
      kind: 'slice',
      start: spec.start ?? null,
      stop: spec.stop ?? null,
      step: spec.step ?? null,
    };
  }
  throw fail('ERR_INVALID_INDEX', arg, `unsupported index of type ${typeof spec}`);
}

/** Python's slice.indices(n): the first index, step and length of the selection. */
export function sliceIndices(
  n: number,
  start: number | null,
  stop: number | null,
  step: number | null,
  argument = 'index',
): { first: number; step: number; length: number } {
  const st = step ?? 1;
  if (st === 0) throw fail('ERR_INVALID_INDEX', argument, 'slice step cannot be zero');
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const norm = (v: number) => (v < 0 ? v + n : v);
  let b: number;
  let e: number;
  if (st > 0) {
    b = start === null ? 0 : clamp(norm(start), 0, n);
    e = stop === null ? n : clamp(norm(stop), 0, n);
  } else {
    b = start === null ? n - 1 : clamp(norm(start), -1, n - 1);
    e = stop === null ? -1 : clamp(norm(stop), -1, n - 1);
  }
  const length = Math.max(0, Math.ceil((e - b) / st));
  return { first: b, step: st, length };
}

/** NumPy basic indexing: integers drop an axis, slices keep it, newaxis adds one. */
export function sliceLayout(l: Layout, specs: readonly SliceSpec[]): Layout {
  const parsed = specs.map(parseSpec);
  const ellipses = parsed.filter((p) => p.kind === 'ellipsis').length;
  if (ellipses > 1)
    throw fail('ERR_INVALID_INDEX', 'index', "an index can only have a single ellipsis ('...')");
  const consumed = parsed.filter((p) => p.kind === 'int' || p.kind === 'slice').length;
  const ndim = l.shape.length;
  if (consumed > ndim) {
    throw fail(
      'ERR_TOO_MANY_INDICES',
      'index',
      `too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed`,
    );
  }
  const shape: number[] = [];
  const strides: number[] = [];
  let offset = l.offset;
  let axis = 0;
  const keepAxis = () => {
    shape.push(l.shape[axis]);
    strides.push(l.strides[axis]);
    axis++;
  };
  for (let position = 0; position < parsed.length; position++) {
    const p = parsed[position];
    switch (p.kind) {
      case 'ellipsis':
        for (let k = 0; k < ndim - consumed; k++) keepAxis();
        continue;
      case 'newaxis':
        shape.push(1);
        strides.push(0);
        continue;
      case 'int': {
        const n = l.shape[axis];
        if (p.index < -n || p.index >= n) {
          throw fail(
            'ERR_INDEX_OUT_OF_BOUNDS',
            `index[${position}]`,
            `index ${p.index} is out of bounds for axis ${axis} with size ${n}`,
          );
        }
        offset += (p.index < 0 ? p.index + n : p.index) * l.strides[axis];
        axis++;
        continue;
      }
      case 'slice': {
        const s = sliceIndices(l.shape[axis], p.start, p.stop, p.step, `index[${position}]`);
        if (s.length > 0) offset += s.first * l.strides[axis];
        shape.push(s.length);
        strides.push(s.step * l.strides[axis] + 0); // + 0 turns -0 into 0
        axis++;
        continue;
      }
      default:
        throw p satisfies never;
    }
  }
  while (axis < ndim) keepAxis();
  return { shape, strides, offset };
}

export function transposeLayout(l: Layout, axes?: readonly number[]): Layout {
  const ndim = l.shape.length;
  const perm =
    axes === undefined ? l.shape.map((_, i) => ndim - 1 - i) : normalizeAxes(axes, ndim, 'axes');
  if (perm.length !== ndim) throw fail('ERR_AXIS', 'axes', "axes don't match array");
  return {
    shape: perm.map((a) => l.shape[a]),
    strides: perm.map((a) => l.strides[a]),
    offset: l.offset,
  };
}

export function swapAxesLayout(l: Layout, axis1: number, axis2: number): Layout {
  const ndim = l.shape.length;
  const a = normalizeAxis(axis1, ndim, 'axis1');
  const b = normalizeAxis(axis2, ndim, 'axis2');
  const perm = l.shape.map((_, i) => (i === a ? b : i === b ? a : i));
  return transposeLayout(l, perm);
}

/** Reverses the given axes (all when omitted) by negating strides. */
export function flipLayout(l: Layout, axis?: number | readonly number[]): Layout {
  const ndim = l.shape.length;
  const list =
    axis === undefined ? l.shape.map((_, i) => i) : typeof axis === 'number' ? [axis] : axis;
  const flip = new Set(normalizeAxes(list, ndim));
  let offset = l.offset;
  const strides = l.strides.map((s, i) => {
    if (!flip.has(i)) return s;
    if (l.shape[i] > 0) offset += (l.shape[i] - 1) * s;
    return 0 - s;
  });
  return { shape: l.shape.slice(), strides, offset };
}

export function squeezeLayout(l: Layout, axis?: number | readonly number[]): Layout {
  const ndim = l.shape.length;
  const list =
    axis === undefined
      ? l.shape.flatMap((d, i) => (d === 1 ? [i] : []))
      : normalizeAxes(typeof axis === 'number' ? [axis] : axis, ndim);
  for (const a of list) {
    if (l.shape[a] !== 1) {
      throw fail(
        'ERR_AXIS',
        'axis',
        'cannot select an axis to squeeze out which has size not equal to one',
      );
    }
  }
  const drop = new Set(list);
  const keep = l.shape.map((_, i) => i).filter((i) => !drop.has(i));
  return {
    shape: keep.map((i) => l.shape[i]),
    strides: keep.map((i) => l.strides[i]),
    offset: l.offset,
  };
}

/** The diagonal as a view: axes axis1 and axis2 removed, the diagonal appended last. */
export function diagonalLayout(l: Layout, k = 0, axis1 = 0, axis2 = 1): Layout {
  const ndim = l.shape.length;
  if (ndim < 2) throw fail('ERR_AXIS', 'a', 'diag requires an array of at least two dimensions');
  const a = normalizeAxis(axis1, ndim, 'axis1');
  const b = normalizeAxis(axis2, ndim, 'axis2');
  if (a === b) throw fail('ERR_AXIS', 'axis2', 'axis1 and axis2 cannot be the same');
  if (!Number.isInteger(k))
    throw fail('ERR_ARGUMENT', 'offset', 'the diagonal offset must be an integer');
  const rows = l.shape[a];
  const cols = l.shape[b];
  const length = Math.max(0, k >= 0 ? Math.min(rows, cols - k) : Math.min(rows + k, cols));
  let offset = l.offset;
  if (length > 0) offset += k >= 0 ? k * l.strides[b] : -k * l.strides[a];
  const rest = l.shape.map((_, i) => i).filter((i) => i !== a && i !== b);
  return {
    shape: [...rest.map((i) => l.shape[i]), length],
    strides: [...rest.map((i) => l.strides[i]), l.strides[a] + l.strides[b]],
    offset,
  };
}

/** Replaces one -1 in `shape` by the size it must have; checks the total. */
export function resolveShape(shape: unknown, size: number): number[] {
  const dims = typeof shape === 'number' ? [shape] : shape;
  if (!Array.isArray(dims))
    throw fail('ERR_SHAPE', 'shape', 'expected an integer or a list of integers');
  const unknown = dims.flatMap((d, i) => (d === -1 ? [i] : []));
  if (unknown.length > 1)
    throw fail('ERR_RESHAPE', 'shape', 'can only specify one unknown dimension');
  const known = checkShape(dims.map((d) => (d === -1 ? 1 : d)));
  const knownSize = sizeOf(known);
  if (unknown.length === 1) {
    if (knownSize === 0 || size % knownSize !== 0) {
      throw fail(
        'ERR_RESHAPE',
        'shape',
        `cannot reshape array of size ${size} into shape ${formatShape(dims)}`,
      );
    }
    known[unknown[0]] = size / knownSize;
  } else if (knownSize !== size) {
    throw fail(
      'ERR_RESHAPE',
      'shape',
      `cannot reshape array of size ${size} into shape ${formatShape(dims)}`,
    );
  }
  return known;
}

/**
 * NumPy's no-copy reshape (_attempt_nocopy_reshape): the strides that give
 * `newShape` over the same elements in `order`, or null when a copy is needed.
 */
export function reshapeStrides(
  shape: Shape,
  strides: Shape,
  newShape: Shape,
  order: Order,
  itemsize: number,
): number[] | null {
  const od: number[] = [];
  const os: number[] = [];
  shape.forEach((d, i) => {
    if (d !== 1) {
      od.push(d);
      os.push(strides[i]);
    }
  });
  const ns = new Array<number>(newShape.length).fill(0);
  const f = order === 'F';
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newShape.length && oi < od.length) {
    let np = newShape[ni];
    let op = od[oi];
    while (np !== op) {
      if (np < op) np *= newShape[nj++];
      else op *= od[oj++];
    }
    for (let ok = oi; ok < oj - 1; ok++) {
      const ok1 = f ? os[ok + 1] !== od[ok] * os[ok] : os[ok] !== od[ok + 1] * os[ok + 1];
      if (ok1) return null;
    }
    if (f) {
      ns[ni] = os[oi];
      for (let nk = ni + 1; nk < nj; nk++) ns[nk] = ns[nk - 1] * newShape[nk - 1];
    } else {
      ns[nj - 1] = os[oj - 1];
      for (let nk = nj - 1; nk > ni; nk--) ns[nk - 1] = ns[nk] * newShape[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  let last = ni >= 1 ? ns[ni - 1] : itemsize;
  if (f && ni >= 1) last *= newShape[ni - 1];
  for (let nk = ni; nk < newShape.length; nk++) ns[nk] = last;
  return ns;
}
