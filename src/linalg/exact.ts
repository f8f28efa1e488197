// The exact product loop for integer and bool dtypes (NumPy's non-BLAS matmul
// loops): every sum wraps around in the dtype's own width exactly as NumPy's
// C loops do. Widths up to 32 bits accumulate through Math.imul modulo 2^32
// (the store narrows to 8 or 16 bits), int64 and uint64 through
// BigInt.asIntN / asUintN, and bool is an OR of ANDs.
import type { DTypeName } from '../core/dtypes.js';
import { forEachRun, planIteration } from '../ndarray/iter.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { type AnyTyped, typedWindow } from '../ndarray/typed.js';

type NumData = Exclude<AnyTyped, BigInt64Array | BigUint64Array>;
type BigData = BigInt64Array | BigUint64Array;

/** One matrix of a stack: its typed array, element offset and element strides. */
interface Matrix {
  readonly data: AnyTyped;
  readonly off: number;
  readonly rs: number;
  readonly cs: number;
}

/** C = A B for one m x n matrix with inner dimension k. */
type Product = (a: Matrix, b: Matrix, c: Matrix, m: number, n: number, k: number) => void;

const modulo32: Product = (a, b, c, m, n, k) => {
  const [A, B, C] = [a.data as NumData, b.data as NumData, c.data as NumData];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0, ai = a.off + i * a.rs, bi = b.off + j * b.cs; l < k; l++) {
        s = (s + Math.imul(A[ai], B[bi])) | 0;
        ai += a.cs;
        bi += b.rs;
      }
      C[c.off + i * c.rs + j * c.cs] = s;
    }
  }
};

const modulo64 =
  (wrap: (bits: number, x: bigint) => bigint): Product =>
  (a, b, c, m, n, k) => {
    const [A, B, C] = [a.data as BigData, b.data as BigData, c.data as BigData];
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0n;
        for (let l = 0, ai = a.off + i * a.rs, bi = b.off + j * b.cs; l < k; l++) {
          s = wrap(64, s + A[ai] * B[bi]);
          ai += a.cs;
          bi += b.rs;
        }
        C[c.off + i * c.rs + j * c.cs] = s;
      }
    }
  };

/** Stops at the first pair of true values: the OR cannot change after it. */
const anyAnd: Product = (a, b, c, m, n, k) => {
  const [A, B, C] = [a.data as NumData, b.data as NumData, c.data as NumData];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0, ai = a.off + i * a.rs, bi = b.off + j * b.cs; l < k && s === 0; l++) {
        if (A[ai] !== 0 && B[bi] !== 0) s = 1;
        ai += a.cs;
        bi += b.rs;
      }
      C[c.off + i * c.rs + j * c.cs] = s;
    }
  }
};

const PRODUCTS: Readonly<Partial<Record<DTypeName, Product>>> = {
  bool: anyAnd,
  int8: modulo32,
  int16: modulo32,
  int32: modulo32,
  uint8: modulo32,
  uint16: modulo32,
  uint32: modulo32,
  int64: modulo64(BigInt.asIntN),
  uint64: modulo64(BigInt.asUintN),
};

/**
 * C[..., m, n] = A[..., m, k] B[..., k, n] in the exact integer or bool
 * arithmetic. The caller guarantees one native dtype for all three, strides
 * and offsets aligned to the item size, equal batch shapes (broadcast axes
 * with stride 0) and a C that overlaps neither input.
 */
export function exactStack(a: NDArray, b: NDArray, c: NDArray): void {
  const product = PRODUCTS[c.dtype.name]!;
  const nb = c.ndim - 2;
  const [m, n] = c.shape.slice(nb);
  const k = a.shape[nb + 1];
  const unit = c.itemsize;
  const ops = [a, b, c];
  const data = ops.map((x) => typedWindow(x.buffer, x.dtype));
  const plan = planIteration(
    c.shape.slice(0, nb),
    ops.map((x) => ({ strides: x.strides.slice(0, nb), offset: x.byteOffset })),
  );
  const matrix = (i: number, byte: number): Matrix => ({
    data: data[i],
    off: byte / unit,
    rs: ops[i].strides[nb] / unit,
    cs: ops[i].strides[nb + 1] / unit,
  });
  forEachRun(plan, (off, count, st) => {
    for (let p = 0; p < count; p++) {
      product(
        matrix(0, off[0] + p * st[0]),
        matrix(1, off[1] + p * st[1]),
        matrix(2, off[2] + p * st[2]),
        m,
        n,
        k,
      );
    }
  });
}
