// The NDArray: a view of a buffer as (byteOffset, shape, byte strides, dtype),
// exactly NumPy's data model. View methods never copy; the layout arithmetic
// lives in layout.ts, copies and casts in assign.ts, printing in format.ts.
import type { Complex } from '../core/complex.js';
import { type DType, type DTypeLike, dtypes, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import {
  broadcastStrides,
  byteExtent,
  checkShape,
  contiguousStrides,
  formatShape,
  isContiguous,
  type Order,
  sizeOf,
} from '../core/shape.js';
import { getIndex, setIndex } from '../indexing/fancy.js';
import { type IndexSpec, isElementIndex } from '../indexing/spec.js';
import { assign, type Casting, copyArray } from './assign.js';
import { allocate as allocateFor } from './buffer.js';
import { coerce, readElement, type Scalar, writeElement } from './elements.js';
import { formatArray } from './format.js';
import {
  diagonalLayout,
  flipLayout,
  type Layout,
  reshapeStrides,
  resolveShape,
  type SliceSpec,
  sliceLayout,
  squeezeLayout,
  swapAxesLayout,
  transposeLayout,
} from './layout.js';

export interface ArrayFlags {
  readonly cContiguous: boolean;
  readonly fContiguous: boolean;
  readonly aligned: boolean;
  readonly writeable: boolean;
  readonly ownData: boolean;
}

export interface NDArrayInit {
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly dtype: DType;
  readonly base?: NDArray | null;
  readonly writeable?: boolean;
  /** False for arrays over memory that ndblas did not allocate (fromBuffer). */
  readonly ownData?: boolean;
}

/** Nested JavaScript arrays as `toArray()` returns them. */
export type NestedArray = Scalar | NestedArray[];

export class NDArray {
  readonly buffer: ArrayBufferLike;
  readonly byteOffset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly dtype: DType;
  /** The array that owns the memory, or null when this one does. */
  readonly base: NDArray | null;
  #writeable: boolean;
  readonly #ownData: boolean;

  /** Refuses layouts that reach outside `buffer` (ERR_OUT_OF_BUFFER). */
  constructor(init: NDArrayInit) {
    const shape = checkShape(init.shape);
    if (init.strides.length !== shape.length || !init.strides.every(Number.isSafeInteger)) {
      throw fail('ERR_SHAPE', 'strides', `expected ${shape.length} integer byte strides`);
    }
    if (!Number.isSafeInteger(init.byteOffset)) {
      throw fail('ERR_OUT_OF_BUFFER', 'byteOffset', 'the byte offset must be an integer');
    }
    const [lo, hi] = byteExtent(shape, init.strides, init.byteOffset, init.dtype.itemsize);
    // An empty view touches no bytes: indexing an empty array may move its
    // offset past the end of the buffer, as NumPy's data pointer does.
    if (sizeOf(shape) > 0 && (lo < 0 || hi > init.buffer.byteLength)) {
      throw fail(
        'ERR_OUT_OF_BUFFER',
        'strides',
        `the view touches bytes [${lo}, ${hi}) outside a buffer of ${init.buffer.byteLength} bytes`,
      );
    }
    this.buffer = init.buffer;
    this.byteOffset = init.byteOffset;
    this.shape = Object.freeze(shape);
    this.strides = Object.freeze(init.strides.slice());
    this.dtype = init.dtype;
    this.base = init.base ?? null;
    this.#writeable = init.writeable ?? true;
    this.#ownData = this.base === null && (init.ownData ?? true);
  }

  get ndim(): number {
    return this.shape.length;
  }
  get size(): number {
    return sizeOf(this.shape);
  }
  get itemsize(): number {
    return this.dtype.itemsize;
  }
  get nbytes(): number {
    return this.size * this.dtype.itemsize;
  }

  get flags(): ArrayFlags {
    const { shape, strides, dtype } = this;
    const a = dtype.alignment;
    const aligned =
      this.byteOffset % a === 0 && strides.every((s, i) => shape[i] <= 1 || s % a === 0);
    return {
      cContiguous: isContiguous(shape, strides, dtype.itemsize, 'C'),
      fContiguous: isContiguous(shape, strides, dtype.itemsize, 'F'),
      aligned,
      writeable: this.#writeable,
      ownData: this.#ownData,
    };
  }

  /** Makes the array read-only (or writeable again, when its base is writeable). */
  setWriteable(writeable: boolean): this {
    if (writeable && this.base !== null && !this.base.flags.writeable) {
      throw fail('ERR_READ_ONLY', 'writeable', 'cannot set WRITEABLE flag to True of this array');
    }
    this.#writeable = writeable;
    return this;
  }

  /** Throws ERR_READ_ONLY naming `argument` unless the array is writeable. */
  assertWriteable(argument = 'a', routine?: string): void {
    if (!this.#writeable)
      throw fail('ERR_READ_ONLY', argument, 'assignment destination is read-only', routine);
  }

  /** A view of the same memory with another layout (and optionally dtype). */
  view(layout: Layout, dtype: DType = this.dtype, writeable = this.#writeable): NDArray {
    return new NDArray({
      buffer: this.buffer,
      byteOffset: layout.offset,
      shape: layout.shape,
      strides: layout.strides,
      dtype,
      base: this.base ?? this,
      writeable,
    });
  }

  get #layout(): Layout {
    return { shape: this.shape, strides: this.strides, offset: this.byteOffset };
  }

  // ---- views -------------------------------------------------------------

  /** NumPy basic indexing: `a.slice(0, '::-1', null, '...')` is `a[0, ::-1, None, ...]`. */
  slice(...specs: SliceSpec[]): NDArray {
    return this.view(sliceLayout(this.#layout, specs));
  }

  get T(): NDArray {
    return this.transpose();
  }

  transpose(axes?: readonly number[]): NDArray {
    return this.view(transposeLayout(this.#layout, axes));
  }

  swapaxes(axis1: number, axis2: number): NDArray {
    return this.view(swapAxesLayout(this.#layout, axis1, axis2));
  }

  flip(axis?: number | readonly number[]): NDArray {
    return this.view(flipLayout(this.#layout, axis));
  }

  squeeze(axis?: number | readonly number[]): NDArray {
    return this.view(squeezeLayout(this.#layout, axis));
  }

  /** Inserts length-1 axes at the given positions of the result (NumPy's expand_dims). */
  expandDims(axis: number | readonly number[]): NDArray {
    const list = typeof axis === 'number' ? [axis] : axis;
    const ndim = this.ndim + list.length;
    const where = new Set(
      list.map((a) => {
        if (!Number.isInteger(a) || a < -ndim || a >= ndim) {
          throw fail(
            'ERR_AXIS',
            'axis',
            `axis ${a} is out of bounds for array of dimension ${ndim}`,
          );
        }
        return a < 0 ? a + ndim : a;
      }),
    );
    if (where.size !== list.length) throw fail('ERR_AXIS', 'axis', 'repeated axis');
    let k = 0;
    const shape = Array.from({ length: ndim }, (_, i) => (where.has(i) ? 1 : this.shape[k++]));
    return this.reshape(shape);
  }

  /** Read-only view of `a` broadcast to `shape` (zero strides), as np.broadcast_to. */
  broadcastTo(shape: readonly number[]): NDArray {
    const target = checkShape(shape);
    const strides = broadcastStrides(this.shape, this.strides, target);
    return this.view({ shape: target, strides, offset: this.byteOffset }, this.dtype, false);
  }

  /** Read-only view of a diagonal, as NumPy's `diagonal` (offset, axis1, axis2). */
  diagonal(offset = 0, axis1 = 0, axis2 = 1): NDArray {
    return this.view(diagonalLayout(this.#layout, offset, axis1, axis2), this.dtype, false);
  }

  /** The real part: a view for complex arrays, the array itself otherwise. */
  get real(): NDArray {
    if (this.dtype.kind !== 'c') return this;
    return this.view(this.#layout, this.#componentType());
  }

  /** The imaginary part: a view for complex arrays, read-only zeros otherwise. */
  get imag(): NDArray {
    if (this.dtype.kind !== 'c') {
      const z = empty(this.shape, this.dtype);
      return z.setWriteable(false);
    }
    const half = this.dtype.itemsize / 2;
    return this.view({ ...this.#layout, offset: this.byteOffset + half }, this.#componentType());
  }

  #componentType(): DType {
    const d = this.dtype.name === 'complex64' ? dtypes.float32 : dtypes.float64;
    return this.dtype.isNative ? d : d.withByteorder('>');
  }

  /**
   * A new shape over the same elements: a view when the strides allow it,
   * else a copy (exactly when NumPy copies). One dimension may be -1.
   */
  reshape(shape: number | readonly number[], order: Order = 'C'): NDArray {
    const newShape = resolveShape(shape, this.size);
    const itemsize = this.dtype.itemsize;
    // NumPy keeps the strides when the requested shape (before resolving -1) is the current one.
    const asked = typeof shape === 'number' ? [shape] : shape;
    if (asked.length === this.ndim && asked.every((d, i) => d === this.shape[i])) {
      return this.view(this.#layout);
    }
    if (isContiguous(this.shape, this.strides, itemsize, order)) {
      const strides = contiguousStrides(newShape, itemsize, order);
      return this.view({ shape: newShape, strides, offset: this.byteOffset });
    }
    const strides = reshapeStrides(this.shape, this.strides, newShape, order, itemsize);
    if (strides !== null) return this.view({ shape: newShape, strides, offset: this.byteOffset });
    return this.copy(order).reshape(newShape, order);
  }

  /** The elements as 1-D: a view when contiguous in `order`, else a copy (as NumPy's ravel). */
  ravel(order: Order = 'C'): NDArray {
    const src = isContiguous(this.shape, this.strides, this.itemsize, order)
      ? this
      : this.copy(order);
    return src.reshape(-1, order);
  }

  // ---- elements ----------------------------------------------------------

  #offsetOf(index: readonly number[], argument: string): number {
    if (index.length !== this.ndim) {
      throw fail(
        'ERR_TOO_MANY_INDICES',
        argument,
        `expected ${this.ndim} indices for a ${this.ndim}-dimensional array, got ${index.length}`,
      );
    }
    let off = this.byteOffset;
    for (let i = 0; i < index.length; i++) {
      const n = this.shape[i];
      const k = index[i];
      if (!Number.isInteger(k) || k < -n || k >= n) {
        throw fail(
          'ERR_INDEX_OUT_OF_BOUNDS',
          argument,
          `index ${k} is out of bounds for axis ${i} with size ${n}`,
        );
      }
      off += (k < 0 ? k + n : k) * this.strides[i];
    }
    return off;
  }

  #flatOffset(flat: number, argument: string): number {
    const n = this.size;
    if (!Number.isInteger(flat) || flat < -n || flat >= n) {
      throw fail(
        'ERR_INDEX_OUT_OF_BOUNDS',
        argument,
        `index ${flat} is out of bounds for size ${n}`,
      );
    }
    let rest = flat < 0 ? flat + n : flat;
    let off = this.byteOffset;
    for (let i = this.ndim - 1; i >= 0; i--) {
      off += (rest % this.shape[i]) * this.strides[i];
      rest = Math.floor(rest / this.shape[i]);
    }
    return off;
  }

  #elementOffset(index: readonly number[], argument: string): number {
    if (index.length === 0) {
      if (this.size !== 1) {
        throw fail('ERR_VALUE', argument, 'can only convert an array of size 1 to a scalar');
      }
      return this.#flatOffset(0, argument);
    }
    if (index.length === 1 && this.ndim !== 1) return this.#flatOffset(index[0], argument);
    return this.#offsetOf(index, argument);
  }

  /**
   * One element as a JavaScript value (NumPy's `item`): no index for a size-1
   * array, one flat C-order index, or one index per axis.
   */
  item(...index: number[]): Scalar {
    return readElement(this.buffer, this.#elementOffset(index, 'index'), this.dtype);
  }

  /**
   * NumPy indexing, `a[...indices]`: a view when every index is basic
   * (integers, slice strings, '...', null), else a copy (integer or boolean
   * NDArrays and JavaScript arrays are advanced indices).
   */
  get(...indices: IndexSpec[]): NDArray {
    return getIndex(this, indices);
  }

  /**
   * Stores a scalar into one element addressed as in `item` (one number: a
   * flat C-order index; or a list of one number per axis); otherwise
   * `a[index] = value` with NumPy's indexing: an NDArray index, or an index
   * tuple (a list of `get` indices: `[0]` is row 0 of a matrix).
   */
  set(index: number | readonly number[] | NDArray | readonly IndexSpec[], value: unknown): this {
    const idx = typeof index === 'number' ? [index] : index;
    if (!isElementIndex(idx, value, this.ndim, typeof index === 'number')) {
      setIndex(this, idx instanceof NDArray ? [idx] : idx, value);
      return this;
    }
    const off = this.#elementOffset(idx, 'index');
    const v = coerce(value, this.dtype, 'value');
    this.assertWriteable('a');
    writeElement(this.buffer, off, this.dtype, v);
    return this;
  }

  /** Copies `value` (an array or scalar, broadcast to this shape) into the view: `a[...] = value`. */
  assign(value: NDArray | unknown, casting: Casting = 'unsafe'): this {
    assign(this, value, casting);
    return this;
  }

  fill(value: unknown): this {
    return this.assign(value);
  }

  /** The elements as nested JavaScript arrays (bigint for 64-bit ints, Complex for complex). */
  toArray(): NestedArray {
    const walk = (axis: number, off: number): NestedArray => {
      if (axis === this.ndim) return readElement(this.buffer, off, this.dtype);
      const out: NestedArray[] = [];
      for (let i = 0; i < this.shape[axis]; i++)
        out.push(walk(axis + 1, off + i * this.strides[axis]));
      return out;
    };
    return walk(0, this.byteOffset);
  }

  /** A new array with its own memory, in C or Fortran order. */
  copy(order: Order = 'C'): NDArray {
    return copyArray(this, this.dtype, order, 'no');
  }

  /** A copy converted to `dtype` under the `casting` rule (default 'unsafe', as NumPy). */
  astype(dtype: DTypeLike, options: { casting?: Casting; order?: Order } = {}): NDArray {
    return copyArray(this, toDType(dtype), options.order ?? 'C', options.casting ?? 'unsafe');
  }

  toString(): string {
    return formatArray(this);
  }

  get [Symbol.toStringTag](): string {
    return `NDArray ${this.dtype.name}${formatShape(this.shape)}`;
  }
}

/** An uninitialised (zero-filled) array; lives here because views need it. */
export function empty(
  shape: number | readonly number[],
  dtype: DTypeLike = 'float64',
  order: Order = 'C',
): NDArray {
  const dims = checkShape(shape);
  const d = toDType(dtype);
  const strides = contiguousStrides(dims, d.itemsize, order);
  const nbytes = sizeOf(dims) * d.itemsize;
  return new NDArray({
    buffer: allocateFor(nbytes),
    byteOffset: 0,
    shape: dims,
    strides,
    dtype: d,
  });
}

export type { Complex };
