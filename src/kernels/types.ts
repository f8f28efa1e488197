// The contract between the BLAS frame and every kernel: operands arrive as a
// typed array plus an offset and strides in typed-array units (components for
// complex), already aligned and native-endian; scalars arrive converted.
// Kernels do arithmetic only: no validation, no allocation of operands.

export type KernelData =
  | Float64Array
  | Float32Array
  | Int8Array
  | Int16Array
  | Int32Array
  | Uint8Array;

/** A vector or matrix (or stack of matrices) as a kernel sees it. */
export interface KernelOperand {
  readonly data: KernelData;
  /** Index of element 0 (its real part for complex) in `data`. */
  readonly off: number;
  /** Stride per axis in units of `data` (components for complex). */
  readonly st: readonly number[];
}

/** Complex scalar as kernels see it. */
export interface KernelComplex {
  readonly re: number;
  readonly im: number;
}

export type KernelScalar = number | KernelComplex;

/** Options a routine's spec declares, resolved to their values. */
export interface KernelOptions {
  /** uplo: the stored triangle is the upper one. */
  readonly upper: boolean;
  /** side: the special matrix multiplies from the left. */
  readonly left: boolean;
  /** diag: the triangular matrix has an implicit unit diagonal. */
  readonly unit: boolean;
  /** Operands (by name) whose elements are conjugated when read. */
  readonly conj: Readonly<Record<string, boolean>>;
}

/** Everything one call hands its kernel. */
export interface KernelCall {
  /** Dimension symbols of the routine (m, n, k, batch), resolved. */
  readonly dims: Readonly<Record<string, number>>;
  readonly ops: Readonly<Record<string, KernelOperand>>;
  readonly scalars: Readonly<Record<string, KernelScalar>>;
  readonly options: KernelOptions;
}

/** What a kernel returns: nothing (results written to operands) or a reduction value. */
export type KernelResult = undefined | number | KernelComplex;

export type Kernel = (call: KernelCall) => KernelResult;
