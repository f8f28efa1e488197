// Hands a validated call to a kernel: operands that a kernel can read in place
// (native byte order, aligned to their typed-array unit, a type with a typed
// array) are passed as windows on their own memory; others (unaligned,
// byte-swapped, float16, or an input overlapping an output) go through a
// contiguous temporary, copied back after the kernel for outputs.
import { type DType, type DTypeName, dtypes } from '../../core/dtypes.js';
import type { KernelCall, KernelData, KernelOperand, KernelScalar } from '../../kernels/types.js';
import { empty, NDArray } from '../../ndarray/ndarray.js';
import { typedWindow, unitOf } from '../../ndarray/typed.js';
import type { CheckedOperand } from '../operand.js';
import type { ArrayParam } from '../spec/types.js';
import { extentsOverlap } from './overlap.js';
import type { ValidCall } from './validate.js';

/** The dtype a kernel computes an operand in: float16 has no typed array, so float32. */
const KERNEL_TYPE: Partial<Record<DTypeName, DTypeName>> = { float16: 'float32' };

function kernelType(d: DType): DType {
  return dtypes[KERNEL_TYPE[d.name] ?? d.name];
}

function inPlace(op: CheckedOperand): boolean {
  const d = op.dtype;
  if (!d.isNative || KERNEL_TYPE[d.name] !== undefined) return false;
  const unit = unitOf(d);
  return (
    op.byteOffset % unit === 0 && op.strides.every((s, i) => op.shape[i] <= 1 || s % unit === 0)
  );
}

function asArray(op: CheckedOperand): NDArray {
  return new NDArray({
    buffer: op.buffer,
    byteOffset: op.byteOffset,
    shape: op.shape,
    strides: op.strides,
    dtype: op.dtype,
  });
}

function window(
  buffer: ArrayBufferLike,
  byteOffset: number,
  strides: readonly number[],
  d: DType,
): KernelOperand {
  const unit = unitOf(d);
  return {
    data: typedWindow(buffer, d) as KernelData,
    off: byteOffset / unit,
    st: strides.map((s) => s / unit),
  };
}

export interface PreparedCall {
  readonly call: KernelCall;
  /** Copies temporaries of outputs back into the caller's operands. */
  readonly finish: () => void;
}

export function prepareCall(v: ValidCall): PreparedCall {
  const ops: Record<string, KernelOperand> = {};
  const backs: (() => void)[] = [];
  const params = v.spec.params.filter((p): p is ArrayParam => p.kind === 'array');
  const written = params.filter((p) => p.role !== 'in').map((p) => v.operands[p.name]);
  for (const p of params) {
    const op = v.operands[p.name];
    const aliased = p.role === 'in' && written.some((w) => extentsOverlap(op, w));
    if (inPlace(op) && !aliased) {
      ops[p.name] = window(op.buffer, op.byteOffset, op.strides, op.dtype);
      continue;
    }
    const temp = empty(op.shape, kernelType(op.dtype));
    const reads = p.role !== 'out' && (p.read?.(v.scalars) ?? true);
    if (reads) temp.assign(asArray(op));
    if (p.role !== 'in') backs.push(() => asArray(op).assign(temp));
    ops[p.name] = window(temp.buffer, temp.byteOffset, temp.strides, temp.dtype);
  }
  const scalars: Record<string, KernelScalar> = {};
  for (const p of v.spec.params) {
    if (p.kind !== 'scalar') continue;
    const s = v.scalars[p.name];
    scalars[p.name] = v.signature.complexScalars && !p.real ? s : s.re;
  }
  return {
    call: { dims: v.dims, ops, scalars, options: v.options },
    finish: () => {
      for (const b of backs) b();
    },
  };
}
