// Drives the wasm diagonal-block kernel of trmm and trsm
// (src/kernels/assembly/triangular.ts): the block of T (its stored triangle,
// conjugated and negated as the call needs, the diagonal apart) and column
// chunks of the rows of B are packed into this thread's scratch as float64,
// solved or multiplied there, and the chunk written back. Reads and
// multiplies the stored triangle only (a unit diagonal is not read), as the
// reference kernels do.
import type { DiagonalBlock, DiagonalProblem } from '../../blas/frame/triangular-blocked.js';
import { SCRATCH_BASE, wasmInstance } from './instance.js';

type Ptr = number;
interface Exports {
  tri_f64(
    m: number,
    ldb: number,
    pt: Ptr,
    pd: Ptr,
    pb: Ptr,
    upper: 0 | 1,
    solve: 0 | 1,
    unit: 0 | 1,
  ): void;
  tri_c128(
    m: number,
    ldb: number,
    pt: Ptr,
    pd: Ptr,
    pb: Ptr,
    upper: 0 | 1,
    solve: 0 | 1,
    unit: 0 | 1,
  ): void;
}

/** Columns of B per chunk: 64 rows of 128 complex values is 128 KiB, inside L2. */
const CHUNK = 128;

/** float64 values per entry of packed T: complex entries are (tr, tr, -ti, ti). */
const T_WIDTH = { real: 1, complex: 4 } as const;

/** Packs T's stored triangle (negated for a solve, conjugated on request) at f[at..] and its diagonal at f[dAt..]. */
function packT(f: Float64Array, at: number, dAt: number, p: DiagonalProblem): void {
  const { t, m, upper, unit, complex } = p;
  const [rs, cs] = t.st;
  const sign = p.solve ? -1 : 1;
  const im = p.conj ? -1 : 1;
  const w = complex ? T_WIDTH.complex : T_WIDTH.real;
  for (let i = 0; i < m; i++) {
    const [l0, l1] = upper ? [i + 1, m] : [0, i];
    for (
      let l = l0, s = t.off + i * rs + l0 * cs, d = at + w * (i * m + l0);
      l < l1;
      l++, s += cs, d += w
    ) {
      if (!complex) {
        f[d] = sign * t.data[s];
        continue;
      }
      const [tr, ti] = [sign * t.data[s], sign * im * t.data[s + 1]];
      f[d] = tr;
      f[d + 1] = tr;
      f[d + 2] = -ti;
      f[d + 3] = ti;
    }
    const s = t.off + i * (rs + cs);
    if (!complex) f[dAt + i] = unit ? 1 : t.data[s];
    else {
      f[dAt + 2 * i] = unit ? 1 : t.data[s];
      f[dAt + 2 * i + 1] = unit ? 0 : im * t.data[s + 1];
    }
  }
}

/** Copies columns [j0, j0 + cols) of B's m rows into f at `at` (row stride ldb elements, padding zero), or back. */
function moveB(
  f: Float64Array,
  at: number,
  ldb: number,
  p: DiagonalProblem,
  j0: number,
  cols: number,
  out: boolean,
): void {
  const { b, m, complex } = p;
  const [rs, cs] = b.st;
  const w = complex ? 2 : 1;
  for (let i = 0; i < m; i++) {
    let d = at + i * ldb * w;
    let s = b.off + i * rs + j0 * cs;
    for (let j = 0; j < cols; j++, s += cs, d += w) {
      if (out) {
        b.data[s] = f[d];
        if (complex) b.data[s + 1] = f[d + 1];
      } else {
        f[d] = b.data[s];
        if (complex) f[d + 1] = b.data[s + 1];
      }
    }
    if (!out) f.fill(0, d, at + (i + 1) * ldb * w);
  }
}

/** The diagonal-block kernel on wasm, for the variant chosen now. */
export const wasmDiagonal: DiagonalBlock = (p) => {
  const { m, n, complex } = p;
  const inst = wasmInstance('triangular');
  const e = inst.exports as unknown as Exports;
  const w = complex ? 2 : 1;
  // Vectors of the kernel span 4 real or 2 complex columns.
  const ldb = Math.ceil(Math.min(n, CHUNK) / (complex ? 2 : 4)) * (complex ? 2 : 4);
  const tAt = SCRATCH_BASE / 8;
  const dAt = tAt + m * m * (complex ? T_WIDTH.complex : T_WIDTH.real);
  const bAt = dAt + m * w;
  inst.ensure(8 * (bAt + m * ldb * w));
  const f = new Float64Array(inst.memory.buffer);
  packT(f, tAt, dAt, p);
  const run = complex ? e.tri_c128 : e.tri_f64;
  const [upper, solve, unit] = [p.upper, p.solve, p.unit].map((x) => (x ? 1 : 0)) as (0 | 1)[];
  for (let j0 = 0; j0 < n; j0 += CHUNK) {
    const cols = Math.min(CHUNK, n - j0);
    moveB(f, bAt, ldb, p, j0, cols, false);
    run(m, ldb, 8 * tAt, 8 * dAt, 8 * bAt, upper, solve, unit);
    moveB(f, bAt, ldb, p, j0, cols, true);
  }
};
