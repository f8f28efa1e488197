// Bad .npy input and bad arguments raise typed errors with stable codes that
// name the argument: wrong magic, unknown versions, truncated or corrupt
// headers, dtypes ndblas does not have, data shorter than the shape needs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ArgumentError,
  arange,
  DTypeError,
  FormatError,
  parseNpy,
  serializeNpy,
  ValueError,
  zeros,
} from '../../src/index.js';
import { expectError, fixture } from './fixtures.js';

/** A version 1.0 (or `major`) file with the given header text and data bytes. */
function npy(header: string, data: number[] = [], major = 1): Buffer {
  const lengthBytes = major === 1 ? 2 : 4;
  const body = Buffer.from(`${header}\n`, major === 3 ? 'utf8' : 'latin1');
  const length = Buffer.alloc(lengthBytes);
  length.writeUIntLE(body.length, 0, lengthBytes);
  return Buffer.concat([
    Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, major, 0]),
    length,
    body,
    Buffer.from(data),
  ]);
}

const header = (descr: string, shape = '(2,)', fortran = 'False') =>
  `{'descr': ${descr}, 'fortran_order': ${fortran}, 'shape': ${shape}, }`;

const formatError = (bytes: Uint8Array | ArrayBufferLike, detail: RegExp) =>
  expectError(() => parseNpy(bytes), FormatError, 'ERR_NPY_FORMAT', 'bytes', detail);

test('a header NumPy would accept parses (the baseline for the cases below)', () => {
  assert.deepEqual(parseNpy(npy(header("'<i2'"), [1, 0, 2, 0])).toArray(), [1, 2]);
  assert.deepEqual(parseNpy(npy(header('"<i2"', '( 2 , )'), [1, 0, 2, 0])).toArray(), [1, 2]);
});

test('wrong magic, unknown versions and truncated prefixes', () => {
  formatError(Buffer.from('PK\x03\x04 not an npy file'), /magic string/);
  formatError(new Uint8Array(0), /magic string/);
  formatError(Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]), /truncated: the format version/);
  formatError(npy(header("'<f8'")).subarray(0, 9), /truncated: the header length/);
  const v4 = npy(header("'<f8'"), [], 3);
  v4[6] = 4;
  formatError(v4, /format version 4\.0 is not supported/);
  const v15 = npy(header("'<f8'"));
  v15[7] = 5;
  formatError(v15, /format version 1\.5/);
});

test('a header cut short, or longer than the file', () => {
  const whole = serializeNpy(arange(3));
  formatError(whole.subarray(0, 40), /truncated: the header needs 118 bytes, 30 remain/);
  const long = npy(header("'<f8'"));
  long.writeUInt16LE(5000, 8);
  formatError(long, /truncated: the header needs 5000 bytes/);
});

test('headers that are not the dictionary NumPy writes', () => {
  const cases: [string, RegExp][] = [
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (2,), ", /not a Python literal/],
    ["{'descr': '<f8' 'fortran_order': False}", /expected ',' or '}'/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} x", /text after the literal/],
    ["{'descr': '<f8, 'fortran_order': False, 'shape': (2,)}", /not a Python literal/],
    ["{'descr': '\\q', 'fortran_order': False, 'shape': (2,)}", /unsupported escape/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,)}", /not a Python literal/],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': __import__('os')}", /unexpected token/],
    ["{1: '<f8'}", /key that is not a string/],
    ["['<f8', False, (2,)]", /not a dictionary/],
    ["{'descr': '<f8', 'shape': (2,)}", /keys are \[descr,shape\]/],
    [`{'descr': '<f8', 'fortran_order': False, 'shape': (), 'extra': 1}`, /keys are/],
    [header("'<f8'", '[2]'), /'shape' is not a tuple of non-negative integers/],
    [header("'<f8'", '(2, -1)'), /'shape' is not a tuple/],
    [header("'<f8'", '2'), /'shape' is not a tuple/],
    [header("'<f8'", "('2',)"), /'shape' is not a tuple/],
    [header("'<f8'", '(99999999999999999999,)'), /'shape' is not a tuple/],
    [header("'<f8'", '(2,)', '0'), /'fortran_order' is not True or False/],
    [header("'<f8'", '(2,)', 'None'), /'fortran_order'/],
    [header('8'), /'descr' is not a dtype descriptor/],
    [header("'<f8'", '(2**60, 2**60)'), /not a Python literal/],
    [`{'descr': ${'['.repeat(1000)}`, /nesting deeper than 64 levels/],
  ];
  for (const [text, detail] of cases) formatError(npy(text, new Array(16).fill(0)), detail);
});

test('Python 2 long integers are accepted only before version 3.0', () => {
  const text = header("'|u1'", '(2L,)');
  assert.deepEqual(parseNpy(npy(text, [4, 5], 2)).toArray(), [4, 5]);
  formatError(npy(text, [4, 5], 3), /not a Python literal/);
});

test('a version 3.0 header that is not UTF-8', () => {
  const bytes = npy(header("'<f8'"), [], 3);
  bytes[20] = 0xff;
  formatError(bytes, /not valid UTF-8/);
});

test('dtypes ndblas does not have are unsupported (ERR_UNKNOWN_DTYPE)', () => {
  const cases: [string, RegExp][] = [
    ["'|O'", /'\|O' \(Python objects, stored pickled\) is not supported/],
    ["'<U5'", /unicode strings/],
    ["'|S3'", /byte strings/],
    ["'|V8'", /raw void/],
    ["'<M8[ns]'", /datetime64/],
    ["'<m8[s]'", /timedelta64/],
    ["'<f16'", /float width/],
    ["'<c32'", /complex width/],
    ["'float64'", /'float64' is not a type code NumPy writes/],
    ["'zz'", /not a type code/],
    ["'<f8 '", /not a type code/],
    ["[('x', '<f8'), ('y', '|u1')]", /structured dtype/],
    ["('<f8', (2,))", /subarray dtype/],
  ];
  for (const [descr, detail] of cases) {
    expectError(
      () => parseNpy(npy(header(descr), new Array(64).fill(0))),
      DTypeError,
      'ERR_UNKNOWN_DTYPE',
      'bytes',
      detail,
    );
  }
});

test('data shorter than the shape needs', () => {
  formatError(
    npy(header("'<f8'", '(2, 3)'), new Array(47).fill(0)),
    /shape \(2, 3\) of '<f8' needs 48 bytes of data, 47 remain/,
  );
  const whole = serializeNpy(arange(3));
  formatError(whole.subarray(0, whole.length - 1), /needs 24 bytes of data, 23 remain/);
  formatError(
    npy(header("'<f8'", '(16777216, 16777216)')),
    /needs 2251799813685248 bytes of data, 0 remain/,
  );
  formatError(npy(header("'<f8'", '(4294967296, 4294967296)')), /too large to address/);
  formatError(npy(header("'<f8'", '(0, 4294967296, 4294967296)')), /too large to address/);
  // Empty and 0-d arrays need exactly 0 and one element.
  assert.equal(parseNpy(npy(header("'<f8'", '(0, 5)'))).size, 0);
  formatError(npy(header("'<f8'", '()'), [0, 0]), /needs 8 bytes of data, 2 remain/);
});

test('arguments of the wrong type', () => {
  expectError(() => parseNpy(42 as never), ArgumentError, 'ERR_ARGUMENT', 'bytes', /got number/);
  expectError(() => parseNpy('x' as never), ArgumentError, 'ERR_ARGUMENT', 'bytes');
  expectError(() => serializeNpy({} as never), ArgumentError, 'ERR_ARGUMENT', 'a');
  expectError(
    () => serializeNpy(zeros(2), { version: '4.0' as never }),
    ValueError,
    'ERR_OPTION',
    'version',
  );
  expectError(
    () => serializeNpy(zeros(new Array(22000).fill(1)), { version: '1.0' }),
    ValueError,
    'ERR_VALUE',
    'version',
    /too long for format version 1\.0/,
  );
});

test('every truncation of a NumPy file raises ERR_NPY_FORMAT, never a partial array', () => {
  for (const file of ['float64-v3.npy', 'int16-be-fortran.npy', 'complex64-0d.npy']) {
    const whole = fixture(file);
    for (let n = 0; n < whole.length; n++)
      expectError(() => parseNpy(whole.subarray(0, n)), FormatError, 'ERR_NPY_FORMAT', 'bytes');
  }
});
