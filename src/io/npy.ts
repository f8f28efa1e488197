// The .npy format on any platform (no Node built-ins): parseNpy copies a
// file's array into fresh aligned memory; serializeNpy writes an array byte
// for byte as NumPy's np.save does. Layout: magic '\x93NUMPY', version, a
// little-endian header length, a Python dict literal padded with spaces and a
// newline so that the data starts at a multiple of 64 bytes, then the data.
import { DTYPE_NAMES, type DType, dtypes } from '../core/dtypes.js';
import { type ErrorCode, fail, type NdblasError } from '../core/errors.js';
import { contiguousStrides, formatShape, sizeOf } from '../core/shape.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { PyTuple, type PyValue, parsePyLiteral } from './pyliteral.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
/** Bytes before the header length: the magic string and two version bytes. */
const PREAMBLE = MAGIC.length + 2;
const ALIGN = 64;
/** NumPy leaves room in the header for the growth axis to reach this many digits. */
const GROWTH_AXIS_MAX_DIGITS = 21;

export type NpyVersion = '1.0' | '2.0' | '3.0';

interface VersionRow {
  readonly major: number;
  /** Size of the little-endian header length field. */
  readonly lengthBytes: number;
  /** Header encoding: latin1 up to 2.0, utf8 from 3.0. */
  readonly utf8: boolean;
  /** Files that Python 2 may have written can hold long integers ('3L'). */
  readonly longIntegers: boolean;
}

const VERSIONS: Readonly<Record<NpyVersion, VersionRow>> = {
  '1.0': { major: 1, lengthBytes: 2, utf8: false, longIntegers: true },
  '2.0': { major: 2, lengthBytes: 4, utf8: false, longIntegers: true },
  '3.0': { major: 3, lengthBytes: 4, utf8: true, longIntegers: false },
};

/**
 * Versions tried in turn when none is asked for, as NumPy does. Our headers
 * are ASCII, so 3.0 (which only adds utf8) is never needed.
 */
const AUTO_VERSIONS: readonly NpyVersion[] = ['1.0', '2.0'];

/** Every descr naming one of our dtypes ('<f8', '>c16', '|b1', '=i4'...), from the dtype table. */
const DESCRS: ReadonlyMap<string, DType> = new Map(
  DTYPE_NAMES.flatMap((name): [string, DType][] => {
    const d = dtypes[name];
    const body = `${d.kind}${d.itemsize}`;
    return [
      [`<${body}`, d],
      [`=${body}`, d],
      [`|${body}`, d],
      [`>${body}`, d.withByteorder('>')],
    ];
  }),
);

/** NumPy kinds with no ndblas dtype, by the letter after the byte order. */
const UNSUPPORTED_KINDS: Readonly<Record<string, string>> = {
  O: 'Python objects, stored pickled',
  U: 'unicode strings',
  S: 'byte strings',
  a: 'byte strings',
  V: 'raw void bytes',
  M: 'datetime64',
  m: 'timedelta64',
  f: 'a float width other than 2, 4 or 8 bytes',
  c: 'a complex width other than 8 or 16 bytes',
};

/** A NumPy type code: byte order, kind letter, size, and a datetime unit ('<M8[ns]'). */
const TYPE_CODE = /^[<>|=]?([A-Za-z])\d*(?:\[\w+\])?$/;

const SUPPORTED = `ndblas reads ${DTYPE_NAMES.join(', ')}`;

/** Whose bytes are parsed: the argument and routine errors name, and where in it. */
export interface Source {
  readonly argument: string;
  readonly routine: string;
  /** Prefix locating the bytes, e.g. a file path or an archive member. */
  readonly where?: string;
}

/** The error for bad bytes from `src` (ERR_NPY_FORMAT unless `code` says otherwise). */
export function bad(src: Source, detail: string, code: ErrorCode = 'ERR_NPY_FORMAT'): NdblasError {
  const where = src.where === undefined ? '' : `${src.where}: `;
  return fail(code, src.argument, where + detail, src.routine);
}

/** `src` narrowed to a part of it, e.g. an archive member. */
export function within(src: Source, part: string): Source {
  return { ...src, where: src.where === undefined ? part : `${src.where}: ${part}` };
}

/** The bytes of a typed array, DataView or whole (Shared)ArrayBuffer, without copying. */
export function asBytes(input: unknown, argument: string, routine: string): Uint8Array {
  if (ArrayBuffer.isView(input))
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const isBuffer =
    input instanceof ArrayBuffer ||
    (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer);
  if (isBuffer) return new Uint8Array(input);
  const got = input === null ? 'null' : typeof input;
  throw fail(
    'ERR_ARGUMENT',
    argument,
    `expected a Uint8Array or an ArrayBuffer, got ${got}`,
    routine,
  );
}

/** The header's bytes as text: latin1 (one char per byte) or strict utf8. */
function decodeHeader(bytes: Uint8Array, utf8: boolean, src: Source): string {
  if (!utf8) return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  try {
    // slice(): TextDecoder refuses views of shared memory.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice());
  } catch {
    throw bad(src, 'the version 3.0 header is not valid UTF-8');
  }
}

function readDescr(v: PyValue | undefined, src: Source): DType {
  if (typeof v !== 'string') {
    const what = Array.isArray(v)
      ? 'a structured dtype (a list of fields)'
      : v instanceof PyTuple
        ? 'a subarray dtype'
        : undefined;
    if (what === undefined) throw bad(src, "the header's 'descr' is not a dtype descriptor");
    throw bad(src, `descr is ${what}, which is not supported; ${SUPPORTED}`, 'ERR_UNKNOWN_DTYPE');
  }
  const d = DESCRS.get(v);
  if (d !== undefined) return d;
  const letter = TYPE_CODE.exec(v)?.[1] ?? '';
  const kind = Object.hasOwn(UNSUPPORTED_KINDS, letter) ? UNSUPPORTED_KINDS[letter] : undefined;
  const why =
    kind === undefined
      ? "is not a type code NumPy writes (such as '<f8')"
      : `(${kind}) is not supported`;
  throw bad(src, `descr '${v}' ${why}; ${SUPPORTED}`, 'ERR_UNKNOWN_DTYPE');
}

interface Header {
  readonly dtype: DType;
  readonly shape: number[];
  readonly fortranOrder: boolean;
  readonly dataStart: number;
}

const KEYS = 'descr,fortran_order,shape';

const isDimension = (n: PyValue): boolean =>
  typeof n === 'bigint' && n >= 0n && n <= BigInt(Number.MAX_SAFE_INTEGER);

function readHeader(bytes: Uint8Array, src: Source): Header {
  if (MAGIC.some((b, i) => bytes[i] !== b))
    throw bad(src, 'not a .npy file: it does not start with the magic string \\x93NUMPY');
  if (bytes.length < PREAMBLE) throw bad(src, 'truncated: the format version is missing');
  const version = `${bytes[MAGIC.length]}.${bytes[MAGIC.length + 1]}`;
  const row = Object.hasOwn(VERSIONS, version) ? VERSIONS[version as NpyVersion] : undefined;
  if (row === undefined)
    throw bad(src, `format version ${version} is not supported (1.0, 2.0 and 3.0 are)`);
  const start = PREAMBLE + row.lengthBytes;
  if (bytes.length < start) throw bad(src, 'truncated: the header length is missing');
  let length = 0;
  for (let i = 0; i < row.lengthBytes; i++) length += bytes[PREAMBLE + i] * 2 ** (8 * i);
  if (bytes.length < start + length) {
    throw bad(src, `truncated: the header needs ${length} bytes, ${bytes.length - start} remain`);
  }
  const text = decodeHeader(bytes.subarray(start, start + length), row.utf8, src);
  const quoted = JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}...` : text);
  const dict = parsePyLiteral(text, { longSuffix: row.longIntegers }, (d) => bad(src, d));
  if (!(dict instanceof Map)) throw bad(src, `the header is not a dictionary: ${quoted}`);
  const keys = [...dict.keys()].sort().join();
  if (keys !== KEYS)
    throw bad(src, `the header's keys are [${keys}], expected [${KEYS}]: ${quoted}`);
  const shape = dict.get('shape');
  if (!(shape instanceof PyTuple && shape.items.every(isDimension)))
    throw bad(src, `the header's 'shape' is not a tuple of non-negative integers: ${quoted}`);
  const fortranOrder = dict.get('fortran_order');
  if (typeof fortranOrder !== 'boolean')
    throw bad(src, `the header's 'fortran_order' is not True or False: ${quoted}`);
  return {
    dtype: readDescr(dict.get('descr'), src),
    shape: shape.items.map(Number),
    fortranOrder,
    dataStart: start + length,
  };
}

/** Reads one .npy image into a new array; `src` names the culprit in errors. */
export function decodeNpy(bytes: Uint8Array, src: Source): NDArray {
  const { dtype, shape, fortranOrder, dataStart } = readHeader(bytes, src);
  // Every stride (the product of the other dimensions) must stay an exact integer.
  if (sizeOf(shape.map((n) => Math.max(n, 1))) * dtype.itemsize > Number.MAX_SAFE_INTEGER)
    throw bad(src, `shape ${formatShape(shape)} is too large to address`);
  const nbytes = sizeOf(shape) * dtype.itemsize;
  const held = bytes.length - dataStart;
  if (held < nbytes) {
    throw bad(
      src,
      `truncated: shape ${formatShape(shape)} of '${dtype.str}' needs ${nbytes} bytes of data, ${held} remain`,
    );
  }
  const out = empty(shape, dtype, fortranOrder ? 'F' : 'C');
  new Uint8Array(out.buffer, 0, nbytes).set(bytes.subarray(dataStart, dataStart + nbytes));
  return out;
}

/**
 * Reads a .npy file's bytes into a new array (aligned, writeable, its own
 * memory). A '>' descr gives the big-endian dtype; fortran_order True gives
 * an F-contiguous array. Bad input raises ERR_NPY_FORMAT or ERR_UNKNOWN_DTYPE.
 */
export function parseNpy(bytes: Uint8Array | ArrayBufferLike): NDArray {
  const src = { argument: 'bytes', routine: 'parseNpy' };
  return decodeNpy(asBytes(bytes, src.argument, src.routine), src);
}

export interface NpyOptions {
  /** Format version; by default the lowest that fits, as NumPy chooses. */
  readonly version?: NpyVersion;
}

/** Magic, version, length and padded header, or null when the length field is too small. */
function wrapHeader(header: string, version: NpyVersion): Uint8Array | null {
  const row = VERSIONS[version];
  const text = new TextEncoder().encode(header);
  const start = PREAMBLE + row.lengthBytes;
  const length = text.length + 1 + ALIGN - ((start + text.length + 1) % ALIGN);
  if (length >= 2 ** (8 * row.lengthBytes)) return null;
  const out = new Uint8Array(start + length).fill(0x20);
  out.set(MAGIC);
  out[MAGIC.length] = row.major;
  out[MAGIC.length + 1] = 0;
  for (let i = 0; i < row.lengthBytes; i++) out[PREAMBLE + i] = (length / 2 ** (8 * i)) & 0xff;
  out.set(text, start);
  out[out.length - 1] = 0x0a;
  return out;
}

/** The header NumPy writes: sorted keys, a trailing ', ', then room for the growth axis. */
function headerText(a: NDArray, fortran: boolean): string {
  const { shape } = a;
  const order = fortran ? 'True' : 'False';
  const dict = `{'descr': '${a.dtype.str}', 'fortran_order': ${order}, 'shape': ${formatShape(shape)}, }`;
  // The growth axis is the first in C order, the last in Fortran order.
  const growth = shape[fortran ? shape.length - 1 : 0];
  return dict + ' '.repeat(shape.length === 0 ? 0 : GROWTH_AXIS_MAX_DIGITS - String(growth).length);
}

/**
 * The .npy bytes of `a`, identical to what NumPy writes for the same array.
 * A view that is neither C- nor F-contiguous is written in C order; an
 * F-contiguous one that is not C-contiguous is written in Fortran order.
 */
export function serializeNpy(a: NDArray, options: NpyOptions = {}): Uint8Array {
  if (!(a instanceof NDArray))
    throw fail('ERR_ARGUMENT', 'a', `expected an NDArray, got ${typeof a}`, 'serializeNpy');
  const { version } = options;
  if (version !== undefined && !Object.hasOwn(VERSIONS, version)) {
    throw fail(
      'ERR_OPTION',
      'version',
      `format version '${version}' is not one of ${Object.keys(VERSIONS).join(', ')}`,
      'serializeNpy',
    );
  }
  const { cContiguous, fContiguous } = a.flags;
  const fortran = fContiguous && !cContiguous;
  const header = headerText(a, fortran);
  const prefix = (version === undefined ? AUTO_VERSIONS : [version])
    .map((v) => wrapHeader(header, v))
    .find((p) => p !== null);
  if (prefix === undefined) {
    throw fail(
      'ERR_VALUE',
      'version',
      `the header (${header.length} bytes) is too long for format version ${version}`,
      'serializeNpy',
    );
  }
  const out = new Uint8Array(prefix.length + a.nbytes);
  out.set(prefix);
  // The elements go straight into the file image, bit for bit, in the header's order.
  new NDArray({
    buffer: out.buffer,
    byteOffset: prefix.length,
    shape: a.shape,
    strides: contiguousStrides(a.shape, a.itemsize, fortran ? 'F' : 'C'),
    dtype: a.dtype,
  }).assign(a);
  return out;
}
