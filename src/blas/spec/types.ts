// The shape of a routine spec: its parameters (arrays with dimension symbols
// and roles, scalars), its options and its type signatures. Validation, error
// messages, signature names, the raw positional form and the capability table
// are all derived from specs.
import type { DTypeName } from '../../core/dtypes.js';

export type Role = 'in' | 'out' | 'inout';

/** Options as the caller spells them. */
export interface BlasOptions {
  readonly uplo?: 'upper' | 'lower';
  readonly side?: 'left' | 'right';
  readonly diag?: 'unit' | 'nonunit';
  /** Conjugate these operands when reading them (by parameter name). */
  readonly conj?: Readonly<Record<string, boolean>>;
}

export type OptionName = 'uplo' | 'side' | 'diag';

export const OPTION_VALUES: Readonly<Record<OptionName, readonly [string, string]>> = {
  uplo: ['upper', 'lower'],
  side: ['left', 'right'],
  diag: ['nonunit', 'unit'],
};

/** Options after defaults: first value of each pair is the default. */
export interface ResolvedOptions {
  readonly upper: boolean;
  readonly left: boolean;
  readonly unit: boolean;
  readonly conj: Readonly<Record<string, boolean>>;
}

export interface ArrayParam {
  readonly kind: 'array';
  readonly name: string;
  /** 1 = vector, 2 = matrix, 3 = stack of matrices. */
  readonly rank: 1 | 2 | 3;
  readonly role: Role;
  /** Dimension symbol of each axis (may depend on options, e.g. side). */
  readonly dims: readonly string[] | ((o: ResolvedOptions) => readonly string[]);
  /** May the caller ask for this operand to be conjugated? */
  readonly conjugable?: boolean;
  /** Whether the operand's values are read, given the scalars (beta = 0: C not read). */
  readonly read?: (scalars: Readonly<Record<string, ScalarValue>>) => boolean;
}

export interface ScalarParam {
  readonly kind: 'scalar';
  readonly name: string;
  /** Real even in complex signatures (herk's alpha and beta, rot's c). */
  readonly real?: boolean;
}

export type Param = ArrayParam | ScalarParam;

export interface ScalarValue {
  readonly re: number;
  readonly im: number;
}

/** One concrete type signature of a routine. */
export interface Signature {
  /** Full unambiguous name, e.g. 'gemm:f16,f16->f32'. */
  readonly name: string;
  /** Classic BLAS name when one exists, e.g. 'sgemm'. */
  readonly short?: string;
  /** dtype of every array parameter. */
  readonly types: Readonly<Record<string, DTypeName>>;
  /** Scalars are complex (c/z routines) or real. */
  readonly complexScalars: boolean;
  /** dtype of a reduction's result (dot, nrm2, iamax). */
  readonly result?: DTypeName | 'index';
}

export interface RoutineSpec {
  readonly name: string;
  readonly params: readonly Param[];
  readonly options: readonly OptionName[];
  readonly signatures: readonly Signature[];
  /** What the routine returns: nothing, a scalar value, or an index. */
  readonly returns: 'none' | 'value' | 'index';
  /** One line for the capability table. */
  readonly summary: string;
}

export const TYPE_ABBREV: Readonly<Record<DTypeName, string>> = {
  bool: 'b',
  int8: 'i8',
  int16: 'i16',
  int32: 'i32',
  int64: 'i64',
  uint8: 'u8',
  uint16: 'u16',
  uint32: 'u32',
  uint64: 'u64',
  float16: 'f16',
  float32: 'f32',
  float64: 'f64',
  complex64: 'c64',
  complex128: 'c128',
};
