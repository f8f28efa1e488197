// The vocabulary of ufunc definitions: NumPy's one-letter type codes for loop
// signatures, the element operations a loop applies, and the definition record
// (name, arity, loop table, identity, hooks) that the executor runs.
import { type DType, dtypes } from '../core/dtypes.js';
import type { Kernel } from './compile.js';

/** NumPy's type characters, as in `np.add.types` ('dd->d'). */
export type TypeChar =
  | '?'
  | 'b'
  | 'B'
  | 'h'
  | 'H'
  | 'i'
  | 'I'
  | 'q'
  | 'Q'
  | 'e'
  | 'f'
  | 'd'
  | 'F'
  | 'D';

export const CHAR_DTYPE: Readonly<Record<TypeChar, DType>> = {
  '?': dtypes.bool,
  b: dtypes.int8,
  B: dtypes.uint8,
  h: dtypes.int16,
  H: dtypes.uint16,
  i: dtypes.int32,
  I: dtypes.uint32,
  q: dtypes.int64,
  Q: dtypes.uint64,
  e: dtypes.float16,
  f: dtypes.float32,
  d: dtypes.float64,
  F: dtypes.complex64,
  D: dtypes.complex128,
};

/**
 * One element operation. Real operands arrive as numbers (bigint for 64-bit
 * integers), complex ones as two numbers (re, im). A real result is returned;
 * a complex result is written by the operation as `o[k]`, `o[k + 1]` and the
 * operation then takes `(o, k, ...operands)`.
 */
export type ElementOp = (...args: never[]) => unknown;

/**
 * A faster loop computing what the compiled `op` loop computes (within the
 * ufunc's accuracy bound), given that loop; undefined where it cannot run.
 */
export type Accelerate = (compiled: Kernel) => Kernel | undefined;

/** A loop: its signature ('dd->d') and the operation applied per element. */
export interface LoopDef {
  readonly sig: string;
  readonly op: ElementOp;
  /** A kernel used instead of the compiled loop (which stays its reference twin). */
  readonly accelerate?: Accelerate;
}

/** IEEE exception flags, as bits. */
export const FP_DIVIDE = 1;
export const FP_OVERFLOW = 2;
export const FP_UNDERFLOW = 4;
export const FP_INVALID = 8;

export interface UfuncDef {
  /** NumPy's snake_case name (used in messages, as NumPy's are). */
  readonly name: string;
  readonly nin: 1 | 2 | 3;
  /** The value `reduce` starts from (NumPy's `ufunc.identity`); null when there is none. */
  readonly identity: number | boolean | null;
  readonly loops: readonly LoopDef[];
  /** Message of a TypeError NumPy raises for these input kinds instead of resolving a loop. */
  readonly refuse?: (inputs: readonly DType[]) => string | undefined;
  /** True division: integer and bool inputs compute in float64 (NumPy's TrueDivisionTypeResolver). */
  readonly trueDivide?: boolean;
  /** logical_and/or/xor: weak scalars count by their truth value. */
  readonly logical?: boolean;
  /** Comparison: a weak integer outside an integer input's range compares exactly (NumPy 2). */
  readonly comparison?: boolean;
  /**
   * Classifies an element whose result is infinite from finite inputs as a
   * division by zero (else it is an overflow).
   */
  readonly pole?: (...inputs: number[]) => boolean;
  /** Tiny results from nonzero inputs raise the underflow flag. */
  readonly underflows?: boolean;
  /** Flags of an integer loop element (division by zero, overflow). */
  readonly integerFlags?: (...inputs: (number | bigint)[]) => number;
  /** Checks integer inputs before anything is written (power's negative exponents). */
  readonly checkIntegers?: (input: number, value: number | bigint) => string | undefined;
}

/** Parses 'dd->d' into input and output type characters. */
export function parseSig(sig: string): { inputs: TypeChar[]; output: TypeChar } {
  const [ins, out] = sig.split('->');
  return { inputs: [...ins] as TypeChar[], output: out as TypeChar };
}
