// Packing and write-back of the GEMM frame, inside wasm (imported by
// gemm_f64.ts and gemm_f32.ts; the leading underscore keeps it from being
// built on its own). The frame copies an operand's block into staging memory
// with typed-array `set` (contiguous runs), and these loops do the strided
// reads there: an order of magnitude faster than element loops in JavaScript.
// Strides are in elements and may be negative or zero.

/**
 * Packs `rows` x k values (element (i, p) at src + (i * rs + p * cs) * size)
 * into micro-panels of w rows at dst: panel q holds, for each p, the w values
 * of rows q*w..q*w+w-1; rows past `rows` are zeros.
 */
// @ts-ignore: decorator
@inline
export function packPanels<T>(dst: usize, src: usize, rs: isize, cs: isize, rows: i32, k: i32, w: i32): void {
  const size = <isize>sizeof<T>();
  const rsb = rs * size;
  const csb = cs * size;
  const full = rows - (rows % w);
  let d = dst;
  for (let r0 = 0; r0 < full; r0 += w) {
    let s = <isize>src + <isize>r0 * rsb;
    if (ASC_FEATURE_SIMD && rs == 1 && w * size == 32) {
      // Each step's w values are adjacent (B row-major, A column-major): two vectors.
      for (let p = 0; p < k; p++, s += csb, d += 32) {
        v128.store(d, v128.load(<usize>s));
        v128.store(d, v128.load(<usize>s, 16), 16);
      }
    } else if (ASC_FEATURE_SIMD && rs == 2 && w * size == 32) {
      // Every other value (t[:, :, 0] views): the even lanes of four vectors.
      for (let p = 0; p < k; p++, s += csb, d += 32) {
        const v0 = v128.load(<usize>s);
        const v1 = v128.load(<usize>s, 16);
        const v2 = v128.load(<usize>s, 32);
        const v3 = v128.load(<usize>s, 48);
        if (sizeof<T>() == 8) {
          v128.store(d, v128.shuffle<f64>(v0, v1, 0, 2));
          v128.store(d, v128.shuffle<f64>(v2, v3, 0, 2), 16);
        } else {
          v128.store(d, v128.shuffle<f32>(v0, v1, 0, 2, 4, 6));
          v128.store(d, v128.shuffle<f32>(v2, v3, 0, 2, 4, 6), 16);
        }
      }
    } else if (w == 4) {
      for (let p = 0; p < k; p++, s += csb, d += 4 * size) {
        store<T>(d, load<T>(<usize>s));
        store<T>(d + size, load<T>(<usize>(s + rsb)));
        store<T>(d + 2 * size, load<T>(<usize>(s + 2 * rsb)));
        store<T>(d + 3 * size, load<T>(<usize>(s + 3 * rsb)));
      }
    } else {
      for (let p = 0; p < k; p++, s += csb) {
        for (let i = 0, si = s; i < w; i++, si += rsb, d += size) store<T>(d, load<T>(<usize>si));
      }
    }
  }
  if (full == rows) return;
  for (let p = 0, s = <isize>src + <isize>full * rsb; p < k; p++, s += csb) {
    for (let i = 0, si = s; i < w; i++, si += rsb, d += size) {
      store<T>(d, full + i < rows ? load<T>(<usize>si) : <T>0);
    }
  }
}

/**
 * out(i, j) = alpha * buf(i, j) + beta * out(i, j) for a rows x cols block:
 * buf row-major with row stride ldb elements, out at element strides (rs, cs)
 * from `out`. beta = 0: out is not read (NaN there does not propagate).
 * Arithmetic in f64 for every T, as the frame's JavaScript write-back: both
 * paths give the same bits.
 */
// @ts-ignore: decorator
@inline
export function combine<T>(
  out: usize,
  rs: isize,
  cs: isize,
  buf: usize,
  ldb: i32,
  rows: i32,
  cols: i32,
  alpha: f64,
  beta: f64,
): void {
  const size = <isize>sizeof<T>();
  for (let i = 0; i < rows; i++) {
    let o = <isize>out + <isize>i * rs * size;
    let b = buf + <usize>i * <usize>ldb * <usize>size;
    if (beta == 0) {
      for (let j = 0; j < cols; j++, o += cs * size, b += size) {
        store<T>(<usize>o, <T>(alpha * <f64>load<T>(b)));
      }
    } else {
      for (let j = 0; j < cols; j++, o += cs * size, b += size) {
        store<T>(<usize>o, <T>(alpha * <f64>load<T>(b) + beta * <f64>load<T>(<usize>o)));
      }
    }
  }
}
