// The dtype table: every element type ndblas knows, its size, kind, NumPy
// type code and byte order, and the parser for NumPy's dtype spellings.
import { fail } from './errors.js';

export type DTypeName =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'int32'
  | 'int64'
  | 'uint8'
  | 'uint16'
  | 'uint32'
  | 'uint64'
  | 'float16'
  | 'float32'
  | 'float64'
  | 'complex64'
  | 'complex128';

/** NumPy's kind letters: boolean, signed, unsigned, floating, complex. */
export type DTypeKind = 'b' | 'i' | 'u' | 'f' | 'c';
export type ByteOrder = '<' | '>' | '|';

interface DTypeRow {
  readonly kind: DTypeKind;
  readonly itemsize: number;
  /** NumPy's one-letter type code (`np.dtype(x).char`). */
  readonly char: string;
  /** Alignment NumPy requires for an aligned array (complex aligns per component). */
  readonly alignment: number;
}

const ROWS: Readonly<Record<DTypeName, DTypeRow>> = {
  bool: { kind: 'b', itemsize: 1, char: '?', alignment: 1 },
  int8: { kind: 'i', itemsize: 1, char: 'b', alignment: 1 },
  int16: { kind: 'i', itemsize: 2, char: 'h', alignment: 2 },
  int32: { kind: 'i', itemsize: 4, char: 'i', alignment: 4 },
  int64: { kind: 'i', itemsize: 8, char: 'q', alignment: 8 },
  uint8: { kind: 'u', itemsize: 1, char: 'B', alignment: 1 },
  uint16: { kind: 'u', itemsize: 2, char: 'H', alignment: 2 },
  uint32: { kind: 'u', itemsize: 4, char: 'I', alignment: 4 },
  uint64: { kind: 'u', itemsize: 8, char: 'Q', alignment: 8 },
  float16: { kind: 'f', itemsize: 2, char: 'e', alignment: 2 },
  float32: { kind: 'f', itemsize: 4, char: 'f', alignment: 4 },
  float64: { kind: 'f', itemsize: 8, char: 'd', alignment: 8 },
  complex64: { kind: 'c', itemsize: 8, char: 'F', alignment: 4 },
  complex128: { kind: 'c', itemsize: 16, char: 'D', alignment: 8 },
};

export const DTYPE_NAMES = Object.keys(ROWS) as readonly DTypeName[];

export class DType {
  readonly name: DTypeName;
  readonly kind: DTypeKind;
  readonly itemsize: number;
  readonly char: string;
  readonly alignment: number;
  /** '|' for one-byte types, else '<' (little-endian, native here) or '>'. */
  readonly byteorder: ByteOrder;

  constructor(name: DTypeName, byteorder: ByteOrder) {
    const row = ROWS[name];
    this.name = name;
    this.kind = row.kind;
    this.itemsize = row.itemsize;
    this.char = row.char;
    this.alignment = row.alignment;
    this.byteorder = row.itemsize === 1 ? '|' : byteorder;
  }

  /** True when elements are stored little-endian (or are single bytes). */
  get isNative(): boolean {
    return this.byteorder !== '>';
  }

  /** NumPy's `dtype.str`, e.g. '<f8', '>i4', '|b1'. */
  get str(): string {
    const letter = this.kind === 'b' ? 'b' : this.kind;
    return `${this.byteorder}${letter}${this.itemsize}`;
  }

  /** The same type with the given byte order. */
  withByteorder(order: '<' | '>'): DType {
    return order === '<' ? NATIVE[this.name] : SWAPPED[this.name];
  }

  toString(): string {
    return this.isNative ? this.name : `'${this.str}'`;
  }
}

function table(order: ByteOrder, native?: Readonly<Record<DTypeName, DType>>) {
  const row = (n: DTypeName) =>
    native !== undefined && ROWS[n].itemsize === 1 ? native[n] : new DType(n, order);
  return Object.fromEntries(DTYPE_NAMES.map((n) => [n, row(n)])) as Readonly<
    Record<DTypeName, DType>
  >;
}

const NATIVE = table('<');
/** Byte-swapped dtypes; one-byte types have no byte order and stay the native objects. */
const SWAPPED = table('>', NATIVE);

/** The native (little-endian) dtype singletons, by name. */
export const dtypes: Readonly<Record<DTypeName, DType>> = NATIVE;

/**
 * NumPy's type codes: one letter, or kind and size. Only these take a
 * byte-order prefix ('<f8', '>i', '=?'); NumPy rejects '<float64'.
 */
const CODES: Readonly<Record<string, DTypeName>> = {
  b1: 'bool',
  i1: 'int8',
  i2: 'int16',
  i4: 'int32',
  i8: 'int64',
  u1: 'uint8',
  u2: 'uint16',
  u4: 'uint32',
  u8: 'uint64',
  f2: 'float16',
  f4: 'float32',
  f8: 'float64',
  c8: 'complex64',
  c16: 'complex128',
  // C long and intptr_t are 64-bit on the LP64 platforms NumPy's results come from.
  l: 'int64',
  L: 'uint64',
  p: 'int64',
  P: 'uint64',
  ...Object.fromEntries(DTYPE_NAMES.map((n) => [ROWS[n].char, n])),
};

/** Names NumPy 2 accepts, without a byte-order prefix. */
const NAMES: Readonly<Record<string, DTypeName>> = {
  bool_: 'bool',
  byte: 'int8',
  ubyte: 'uint8',
  short: 'int16',
  ushort: 'uint16',
  intc: 'int32',
  uintc: 'uint32',
  int: 'int64',
  int_: 'int64',
  intp: 'int64',
  uint: 'uint64',
  uintp: 'uint64',
  long: 'int64',
  ulong: 'uint64',
  longlong: 'int64',
  ulonglong: 'uint64',
  half: 'float16',
  single: 'float32',
  double: 'float64',
  float: 'float64',
  csingle: 'complex64',
  cdouble: 'complex128',
  complex: 'complex128',
  ...Object.fromEntries(DTYPE_NAMES.map((n) => [n, n])),
};

export type DTypeLike = DType | DTypeName | string;

/**
 * Resolves a dtype spelling as NumPy does: 'float64', 'f8', '<f8', '>i4', 'd',
 * 'complex', 'bool'... Throws ERR_UNKNOWN_DTYPE naming `argument`.
 */
export function toDType(spec: DTypeLike, argument = 'dtype'): DType {
  if (spec instanceof DType) return spec;
  if (typeof spec !== 'string') {
    throw fail('ERR_UNKNOWN_DTYPE', argument, `expected a dtype or its name, got ${typeof spec}`);
  }
  const first = spec[0];
  const hasOrder = first === '<' || first === '>' || first === '=' || first === '|';
  const code = spec.slice(hasOrder ? 1 : 0);
  const name = Object.hasOwn(CODES, code)
    ? CODES[code]
    : !hasOrder && Object.hasOwn(NAMES, spec)
      ? NAMES[spec]
      : undefined;
  if (name === undefined)
    throw fail('ERR_UNKNOWN_DTYPE', argument, `data type '${spec}' not understood`);
  return first === '>' ? SWAPPED[name] : NATIVE[name];
}

export function isComplex(d: DType): boolean {
  return d.kind === 'c';
}

export function isInteger(d: DType): boolean {
  return d.kind === 'i' || d.kind === 'u';
}

/** int64 and uint64 surface as bigint. */
export function isBigInt(d: DType): boolean {
  return (d.kind === 'i' || d.kind === 'u') && d.itemsize === 8;
}
