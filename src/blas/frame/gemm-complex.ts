// Complex GEMM on real macro-kernels: C = alpha A B + beta C becomes one real
// product of the same flop count, Ĉ = Â B̂, with rows and depth interleaved:
// Â row 2i = (re, -im) pairs of A's row i, row 2i+1 = (im, re) pairs; B̂ row
// 2p = re of B's row p, row 2p+1 = im. Then Ĉ rows 2i, 2i+1 are the real and
// imaginary parts of (AB) row i. Conjugation flips the sign of an imaginary part.
import type { Matrix, Problem, Scratch } from './gemm-blocked.js';

interface Cx {
  readonly re: number;
  readonly im: number;
}

/** Packs rows [i0, i0 + rows) x depth [p0, p0 + kc) of Â (all even) into panels of `mr` (even) rows. */
function packAHat(
  dst: Scratch,
  at: number,
  a: Matrix,
  i0: number,
  rows: number,
  p0: number,
  kc: number,
  mr: number,
  sign: number,
): void {
  const { data, rs, cs } = a;
  let d = at;
  const half = mr / 2;
  for (let r0 = 0; r0 < rows; r0 += mr) {
    const first = a.off + ((i0 + r0) / 2) * rs;
    const valid = Math.min(half, (rows - r0) / 2);
    for (let p = p0 / 2; p < (p0 + kc) / 2; p++) {
      // Column 2p of the panel, then column 2p + 1.
      for (let h = 0, s = first + p * cs; h < half; h++, s += rs) {
        dst[d++] = h < valid ? data[s] : 0;
        dst[d++] = h < valid ? sign * data[s + 1] : 0;
      }
      for (let h = 0, s = first + p * cs; h < half; h++, s += rs) {
        dst[d++] = h < valid ? -sign * data[s + 1] : 0;
        dst[d++] = h < valid ? data[s] : 0;
      }
    }
  }
}

/** Packs depth [p0, p0 + kc) (even) x columns [j0, j0 + cols) of B̂ into panels of `nr` columns. */
function packBHat(
  dst: Scratch,
  at: number,
  b: Matrix,
  j0: number,
  cols: number,
  p0: number,
  kc: number,
  nr: number,
  sign: number,
): void {
  const { data, rs, cs } = b;
  let d = at;
  for (let c0 = 0; c0 < cols; c0 += nr) {
    const valid = Math.min(nr, cols - c0);
    for (let p = p0 / 2; p < (p0 + kc) / 2; p++) {
      const row = b.off + p * rs + (j0 + c0) * cs;
      for (let j = 0, s = row; j < nr; j++, s += cs) dst[d++] = j < valid ? data[s] : 0;
      for (let j = 0, s = row; j < nr; j++, s += cs) dst[d++] = j < valid ? sign * data[s + 1] : 0;
    }
  }
}

/**
 * The real problem for a complex product, or null when alpha = 0 or k = 0
 * (then C = beta C has been applied and A, B were not read).
 */
export function complexProblem(
  m: number,
  n: number,
  k: number,
  alpha: Cx,
  a: Matrix,
  b: Matrix,
  beta: Cx,
  c: Matrix,
  conj: Readonly<Record<string, boolean>>,
): Problem | null {
  const betaZero = beta.re === 0 && beta.im === 0;
  const { data, rs, cs } = c;
  if ((alpha.re === 0 && alpha.im === 0) || k === 0) {
    for (let i = 0; i < m; i++) {
      for (let j = 0, ci = c.off + i * rs; j < n; j++, ci += cs) {
        const [xr, xi] = betaZero ? [0, 0] : [data[ci], data[ci + 1]];
        data[ci] = betaZero ? 0 : beta.re * xr - beta.im * xi;
        data[ci + 1] = betaZero ? 0 : beta.re * xi + beta.im * xr;
      }
    }
    return null;
  }
  const sa = conj.a ? -1 : 1;
  const sb = conj.b ? -1 : 1;
  return {
    m: 2 * m,
    n,
    k: 2 * k,
    packA: (dst, at, i0, rows, p0, kc, mr) => packAHat(dst, at, a, i0, rows, p0, kc, mr, sa),
    packB: (dst, at, j0, cols, p0, kc, nr) => packBHat(dst, at, b, j0, cols, p0, kc, nr, sb),
    writeBack: (buf, at, ldc, i0, rows, j0, cols) => {
      for (let i = 0; i < rows / 2; i++) {
        let ci = c.off + (i0 / 2 + i) * rs + j0 * cs;
        let re = at + 2 * i * ldc;
        let im = re + ldc;
        for (let j = 0; j < cols; j++, ci += cs) {
          const xr = buf[re++];
          const xi = buf[im++];
          let or = alpha.re * xr - alpha.im * xi;
          let oi = alpha.re * xi + alpha.im * xr;
          if (!betaZero) {
            const yr = data[ci];
            const yi = data[ci + 1];
            or += beta.re * yr - beta.im * yi;
            oi += beta.re * yi + beta.im * yr;
          }
          data[ci] = or;
          data[ci + 1] = oi;
        }
      }
    },
  };
}
