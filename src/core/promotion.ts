// NumPy 2 type promotion (NEP 50): the result dtype of an operation on arrays of
// given dtypes, and on an array with a "weak" JavaScript scalar.
import { type DType, type DTypeName, dtypes } from './dtypes.js';
import { fail } from './errors.js';

/** Float width (bytes) that holds every value of each dtype; 0 for bool. */
const FLOAT_WIDTH: Readonly<Record<DTypeName, number>> = {
  bool: 0,
  int8: 2,
  uint8: 2,
  int16: 4,
  uint16: 4,
  int32: 8,
  uint32: 8,
  int64: 8,
  uint64: 8,
  float16: 2,
  float32: 4,
  float64: 8,
  complex64: 4,
  complex128: 8,
};

const FLOAT_BY_WIDTH: Readonly<Record<number, DType>> = {
  2: dtypes.float16,
  4: dtypes.float32,
  8: dtypes.float64,
};
const COMPLEX_BY_WIDTH: Readonly<Record<number, DType>> = {
  2: dtypes.complex64,
  4: dtypes.complex64,
  8: dtypes.complex128,
};
const INT_BY_SIZE: Readonly<Record<string, DType>> = {
  i1: dtypes.int8,
  i2: dtypes.int16,
  i4: dtypes.int32,
  i8: dtypes.int64,
  u1: dtypes.uint8,
  u2: dtypes.uint16,
  u4: dtypes.uint32,
  u8: dtypes.uint64,
};

function promoteIntegers(a: DType, b: DType): DType {
  if (a.kind === b.kind) return INT_BY_SIZE[`${a.kind}${Math.max(a.itemsize, b.itemsize)}`];
  const [u, i] = a.kind === 'u' ? [a, b] : [b, a];
  if (i.itemsize > u.itemsize) return INT_BY_SIZE[`i${i.itemsize}`];
  return u.itemsize < 8 ? INT_BY_SIZE[`i${2 * u.itemsize}`] : dtypes.float64;
}

/** `np.promote_types(a, b)`: always a native-byte-order dtype. */
export function promoteTypes(a: DType, b: DType): DType {
  if (a.name === b.name) return dtypes[a.name];
  if (a.kind === 'b') return dtypes[b.name];
  if (b.kind === 'b') return dtypes[a.name];
  const intA = a.kind === 'i' || a.kind === 'u';
  const intB = b.kind === 'i' || b.kind === 'u';
  if (intA && intB) return promoteIntegers(a, b);
  const width = Math.max(FLOAT_WIDTH[a.name], FLOAT_WIDTH[b.name]);
  return a.kind === 'c' || b.kind === 'c' ? COMPLEX_BY_WIDTH[width] : FLOAT_BY_WIDTH[width];
}

/**
 * NumPy's type numbers (LP64). In a sequence, a builtin dtype defers to any
 * dtype with a higher number (its `__common_dtype__` returns NotImplemented),
 * so the highest number is the "most knowledgeable" one; float16 comes last.
 */
const TYPE_NUM: Readonly<Record<DTypeName, number>> = {
  bool: 0,
  int8: 1,
  uint8: 2,
  int16: 3,
  uint16: 4,
  int32: 5,
  uint32: 6,
  int64: 7,
  uint64: 8,
  float32: 11,
  float64: 12,
  complex64: 14,
  complex128: 15,
  float16: 23,
};

/**
 * NumPy's `reduce_dtypes_to_most_knowledgeable`: a pairwise tournament that
 * moves the highest type number to the front and clears (nulls) any dtype
 * its partner already absorbs. Returns the last pairwise promotion, or null
 * when that pair deferred.
 */
function tournament(ds: (DType | null)[], length: number): DType | null {
  const half = length >> 1;
  let res: DType | null = null;
  for (let low = 0; low < half; low++) {
    const high = length - 1 - low;
    const [a, b] = [ds[low]!, ds[high]!];
    res = TYPE_NUM[b.name] > TYPE_NUM[a.name] ? null : promoteTypes(a, b);
    if (res === null) [ds[low], ds[high]] = [b, a];
    else if (res.name === a.name) ds[high] = null;
  }
  return length === 2 ? res : tournament(ds, length - half);
}

/**
 * `np.result_type(*dtypes)` for one or more dtypes. Not a pairwise fold:
 * NumPy promotes every dtype with the most knowledgeable one first, so
 * (int8, uint8, float16) gives float16 where folding would give float32.
 */
export function resultType(...types: DType[]): DType {
  if (types.length === 0) throw fail('ERR_ARGUMENT', 'dtypes', 'at least one dtype is required');
  if (types.length === 1) return dtypes[types[0].name];
  const ds: (DType | null)[] = types.slice();
  let result = tournament(ds, ds.length);
  const main = ds[0]!;
  // main has the highest type number, so promoting with it never defers.
  for (let i = result === null ? 1 : 2; i < ds.length; i++) {
    const d = ds[i];
    if (d === null) continue;
    const p = promoteTypes(main, d);
    result = result === null ? p : promoteTypes(result, p);
  }
  return result!;
}

/** The kinds of JavaScript scalar that promote weakly (NEP 50 "Python scalars"). */
export type WeakKind = 'bool' | 'int' | 'float' | 'complex';

const WEAK_RANK: Readonly<Record<WeakKind, number>> = { bool: 0, int: 1, float: 2, complex: 3 };
const DTYPE_RANK: Readonly<Record<string, number>> = { b: 0, i: 1, u: 1, f: 2, c: 3 };
const WEAK_DEFAULT: Readonly<Record<WeakKind, DType>> = {
  bool: dtypes.bool,
  int: dtypes.int64,
  float: dtypes.float64,
  complex: dtypes.complex128,
};

/**
 * Result dtype of an array of dtype `d` with a weak scalar: the array's dtype
 * wins unless the scalar is of a higher kind (a float with an int array gives
 * float64, a complex with float32 gives complex64).
 */
export function promoteWeak(d: DType, weak: WeakKind): DType {
  if (DTYPE_RANK[d.kind] >= WEAK_RANK[weak]) return dtypes[d.name];
  if (weak === 'complex' && d.kind === 'f') return COMPLEX_BY_WIDTH[d.itemsize];
  return WEAK_DEFAULT[weak];
}
