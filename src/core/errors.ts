// Typed errors: every failure ndblas reports is an NdblasError subclass with a
// stable `code`, the routine that raised it and the argument it blames.
// The code table below is the single list of what can go wrong.

export class NdblasError extends Error {
  override name = 'NdblasError';
  readonly code: ErrorCode;
  readonly argument: string | undefined;
  readonly routine: string | undefined;
  constructor(code: ErrorCode, message: string, argument?: string, routine?: string) {
    super(message);
    this.code = code;
    this.argument = argument;
    this.routine = routine;
  }
}

export class IndexError extends NdblasError {
  override name = 'IndexError';
}
export class ShapeError extends NdblasError {
  override name = 'ShapeError';
}
export class DTypeError extends NdblasError {
  override name = 'DTypeError';
}
export class CastingError extends NdblasError {
  override name = 'CastingError';
}
export class ValueError extends NdblasError {
  override name = 'ValueError';
}
export class BoundsError extends NdblasError {
  override name = 'BoundsError';
}
export class ReadOnlyError extends NdblasError {
  override name = 'ReadOnlyError';
}
export class FormatError extends NdblasError {
  override name = 'FormatError';
}
export class ArgumentError extends NdblasError {
  override name = 'ArgumentError';
}
/** An IEEE exception that `errstate` asked to raise (NumPy's FloatingPointError). */
export class FloatingPointError extends NdblasError {
  override name = 'FloatingPointError';
}
/** A parallel task that failed: a block threw, or a worker died in a block that cannot be re-run. */
export class ThreadError extends NdblasError {
  override name = 'ThreadError';
}

type ErrorClass = new (
  code: ErrorCode,
  message: string,
  argument?: string,
  routine?: string,
) => NdblasError;

type ErrorClassName =
  | 'IndexError'
  | 'ShapeError'
  | 'DTypeError'
  | 'CastingError'
  | 'ValueError'
  | 'BoundsError'
  | 'ReadOnlyError'
  | 'FormatError'
  | 'ArgumentError'
  | 'FloatingPointError'
  | 'ThreadError';

const CLASSES: Readonly<Record<ErrorClassName, ErrorClass>> = {
  IndexError,
  ShapeError,
  DTypeError,
  CastingError,
  ValueError,
  BoundsError,
  ReadOnlyError,
  FormatError,
  ArgumentError,
  FloatingPointError,
  ThreadError,
};

/** Every error code, the class that carries it and what it means. */
export const ERROR_CODES = {
  ERR_INDEX_OUT_OF_BOUNDS: ['IndexError', 'an index is outside its axis'],
  ERR_TOO_MANY_INDICES: ['IndexError', 'more indices than dimensions'],
  ERR_INVALID_INDEX: ['IndexError', 'an index or slice that cannot be parsed'],
  ERR_AXIS: ['IndexError', 'an axis outside the array dimensions, or repeated'],
  ERR_SHAPE: ['ShapeError', 'a dimension that is negative or not an integer'],
  ERR_RESHAPE: ['ShapeError', 'a new shape whose size differs from the array size'],
  ERR_BROADCAST: ['ShapeError', 'shapes that cannot be broadcast together'],
  ERR_SHAPE_MISMATCH: ['ShapeError', 'operands whose shapes do not conform'],
  ERR_DIMENSION: ['ShapeError', 'a dimension argument that is negative or not an integer'],
  ERR_OUTPUT_OVERLAP: [
    'ValueError',
    'an output whose elements share bytes, or two outputs that overlap',
  ],
  ERR_NESTED_SEQUENCE: ['ShapeError', 'a nested sequence that is ragged'],
  ERR_UNKNOWN_DTYPE: ['DTypeError', 'a dtype name that ndblas does not know'],
  ERR_UNSUPPORTED_DTYPE: ['DTypeError', 'a dtype the operation does not support'],
  ERR_UNSUPPORTED_SIGNATURE: ['DTypeError', 'a combination of operand dtypes no routine provides'],
  ERR_CASTING: ['CastingError', 'a cast the casting rule forbids'],
  ERR_VALUE: ['ValueError', 'a value that cannot be stored or used'],
  ERR_OPTION: ['ValueError', 'an unknown option value'],
  ERR_OUT_OF_BUFFER: ['BoundsError', 'a view that reaches outside its buffer'],
  ERR_READ_ONLY: ['ReadOnlyError', 'a write to a read-only array'],
  ERR_NPY_FORMAT: ['FormatError', 'a corrupt or unsupported .npy/.npz file'],
  ERR_ARGUMENT: ['ArgumentError', 'an argument of the wrong type'],
  ERR_FLOATING_POINT: [
    'FloatingPointError',
    'an IEEE exception (divide, over, under, invalid) that errstate set to raise',
  ],
  ERR_NEGATIVE_POWER: ['ValueError', 'an integer raised to a negative integer power'],
  ERR_THREAD_TASK: ['ThreadError', 'a block of a parallel task threw, on a worker or the caller'],
  ERR_THREAD_EXIT: ['ThreadError', 'a worker exited inside a block that cannot be run again'],
} as const satisfies Record<string, readonly [ErrorClassName, string]>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * Builds the error for `code`, naming `argument` (and `routine` when given) in
 * the message: "reshape: argument 'shape': cannot reshape array of size 6 into shape (4,)".
 */
export function fail(
  code: ErrorCode,
  argument: string,
  detail: string,
  routine?: string,
): NdblasError {
  const Cls: ErrorClass = CLASSES[ERROR_CODES[code][0]];
  const where = routine === undefined ? '' : `${routine}: `;
  return new Cls(code, `${where}argument '${argument}': ${detail}`, argument, routine);
}
