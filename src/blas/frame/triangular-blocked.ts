// The triangular Level-3 routines on the GEMM frame, real and complex: trmm
// (B = alpha T B) and trsm (T X = alpha B) by recursive halving of T. The
// off-diagonal block of T multiplies through gemm's packing and wasm
// macro-kernel (B1 += T12 B2 for trmm, B1 -= T12 X2 for trsm; conj(T) a gemm
// option); a diagonal block of order <= DIAGONAL runs a diagonal-block kernel
// (the wasm one: backends/wasm/triangular.ts) that reads and multiplies the
// stored triangle only (a zero-filled triangle multiplied into B would turn
// NaN or Inf in B into NaN where the reference reads nothing). The right
// side runs the left form on transposed views, as the reference kernels do;
// alpha = 0 goes to them (B = 0, nothing read), and so do complex calls
// reading a non-finite value (level3-finite.ts: the complex +-1 of the
// chained products adds zeros).
import { transposed } from '../../kernels/ref/level3.js';
import {
  trmmComplex,
  trmmReal,
  trsmComplex,
  trsmReal,
} from '../../kernels/ref/level3-triangular.js';
import type { Kernel, KernelCall, KernelComplex, KernelOperand } from '../../kernels/types.js';
import {
  type BlockedRoutine,
  block,
  inKind,
  isZero,
  type Multiply,
  multiplier,
  split,
} from './level3-blocked.js';
import { triangularReadsFinite } from './level3-finite.js';

/**
 * Order up to which a diagonal block of T runs the diagonal-block kernel
 * (measured with the wasm kernel, trmm/trsm f64 and c128 at n = 256..1024 on
 * a loaded machine: 16 and 32 within noise, 64 20-30% slower).
 */
export const DIAGONAL = 32;

/**
 * A left-side problem in place: B (m x n) = T B, or T^-1 B when `solve`; T
 * m x m, its `upper` or lower triangle read (not its diagonal when `unit`),
 * conj(T) when `conj` (complex data).
 */
export interface DiagonalProblem {
  readonly t: KernelOperand;
  readonly b: KernelOperand;
  readonly m: number;
  readonly n: number;
  readonly upper: boolean;
  readonly unit: boolean;
  readonly solve: boolean;
  readonly complex: boolean;
  readonly conj: boolean;
}

/**
 * Solves or multiplies a diagonal block (m <= DIAGONAL) as the reference
 * kernels do with alpha = 1: rows in their order, sums from the diagonal
 * term, a solve divides by the diagonal.
 */
export type DiagonalBlock = (p: DiagonalProblem) => void;

/**
 * The diagonal block of order m at (lo, lo), halved: with T's off-diagonal
 * block taking the `source` half of B into the `target` half (T12: B2 into
 * B1 when upper), trmm does the target in place, adds T_ts B_s, then the
 * source; trsm solves the source, subtracts T_ts X_s, then solves the target.
 */
function recurse(
  mul: Multiply,
  diagonal: DiagonalBlock,
  p: DiagonalProblem,
  lo: number,
  m: number,
): void {
  if (m <= DIAGONAL) {
    diagonal({ ...p, t: block(p.t, lo, lo), b: block(p.b, lo, 0), m });
    return;
  }
  const m1 = split(m);
  const top = { at: lo, size: m1 };
  const bottom = { at: lo + m1, size: m - m1 };
  const [target, source] = p.upper ? [top, bottom] : [bottom, top];
  const first = p.solve ? source : target;
  const last = p.solve ? target : source;
  recurse(mul, diagonal, p, first.at, first.size);
  mul(
    target.size,
    p.n,
    source.size,
    inKind(p.solve ? -1 : 1, p.complex),
    block(p.t, target.at, source.at),
    block(p.b, source.at, 0),
    inKind(1, p.complex),
    block(p.b, target.at, 0),
    { a: p.conj },
  );
  recurse(mul, diagonal, p, last.at, last.size);
}

/** B = alpha B over an m x n view (alpha = 1 leaves it as is), real or complex as the reference multiplies. */
function scale(b: KernelOperand, m: number, n: number, alpha: number | KernelComplex): void {
  const [rs, cs] = b.st;
  const d = b.data;
  if (typeof alpha === 'number') {
    if (alpha === 1) return;
    for (let i = 0; i < m; i++) {
      for (let j = 0, bi = b.off + i * rs; j < n; j++, bi += cs) d[bi] *= alpha;
    }
    return;
  }
  if (alpha.re === 1 && alpha.im === 0) return;
  for (let i = 0; i < m; i++) {
    for (let j = 0, bi = b.off + i * rs; j < n; j++, bi += cs) {
      const [x, y] = [d[bi], d[bi + 1]];
      d[bi] = alpha.re * x - alpha.im * y;
      d[bi + 1] = alpha.re * y + alpha.im * x;
    }
  }
}

function triangularWith(
  solve: boolean,
  complex: boolean,
  reference: Kernel,
  diagonal: DiagonalBlock,
) {
  return (gemm: Kernel): Kernel =>
    (call: KernelCall) => {
      const { dims, ops, scalars, options } = call;
      const alpha = scalars.alpha;
      if (isZero(alpha)) return reference(call);
      if (complex && !triangularReadsFinite(call)) return reference(call);
      // B T = (T^T B^T)^T, and T^T stores the opposite triangle.
      const left = options.left;
      const [m, n] = left ? [dims.m, dims.n] : [dims.n, dims.m];
      const p: DiagonalProblem = {
        t: left ? ops.a : transposed(ops.a),
        b: left ? ops.b : transposed(ops.b),
        m,
        n,
        upper: left ? options.upper : !options.upper,
        unit: options.unit,
        solve,
        complex,
        conj: options.conj.a === true,
      };
      // trsm starts from alpha B, trmm multiplies the finished sums by alpha: as the reference.
      if (solve) scale(p.b, m, n, alpha);
      recurse(multiplier(gemm), diagonal, p, 0, m);
      if (!solve) scale(p.b, m, n, alpha);
      return undefined;
    };
}

/** T is m x m (left) or n x n (right), half of it read. */
const triangularWork = ({ dims, options }: KernelCall) =>
  (dims.m * dims.n * (options.left ? dims.m : dims.n)) / 2;

/** trmm and trsm over a diagonal-block kernel, real or complex (then multiply-adds are complex ones). */
export function blockedTriangular(
  diagonal: DiagonalBlock,
  complex: boolean,
): Readonly<Record<'trmm' | 'trsm', BlockedRoutine>> {
  return {
    trmm: {
      make: triangularWith(false, complex, complex ? trmmComplex : trmmReal, diagonal),
      work: triangularWork,
    },
    trsm: {
      make: triangularWith(true, complex, complex ? trsmComplex : trsmReal, diagonal),
      work: triangularWork,
    },
  };
}
