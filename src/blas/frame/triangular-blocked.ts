// The triangular Level-3 routines on the GEMM frame, real and complex: trmm
// (B = alpha T B) and trsm (T X = alpha B) by recursive halving of T. The
// off-diagonal block of T multiplies through gemm's packing and wasm
// macro-kernel (B1 += T12 B2 for trmm, B1 -= T12 X2 for trsm; conj(T) a gemm
// option); a diagonal block of order <= DIAGONAL runs a JavaScript kernel
// that reads and multiplies the stored triangle only (a zero-filled triangle
// multiplied into B would turn NaN or Inf in B into NaN where the reference
// reads nothing): for real data one on packed copies, for complex data the
// reference kernel with alpha = 1. The right side runs the left form on
// transposed views, as the reference kernels do; alpha = 0 goes to them
// (B = 0, nothing read), and so do complex calls reading a non-finite value
// (level3-finite.ts: the complex +-1 of the chained products adds zeros).
import { transposed } from '../../kernels/ref/level3.js';
import {
  trmmComplex,
  trmmReal,
  trsmComplex,
  trsmReal,
} from '../../kernels/ref/level3-triangular.js';
import { rowAt } from '../../kernels/ref/triangular.js';
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
 * Order up to which a diagonal block of T runs the JavaScript kernel (1-2
 * GFLOPS; measured at n = 256, 512: 16 beats 32 and 64, 8 gains nothing).
 */
const DIAGONAL = 16;

/** Columns of B the diagonal kernel carries at once: independent sums the JIT keeps in registers. */
const W = 4;

/** The left-side problem: T m x m (its `upper` or lower triangle, `unit` diagonal), B m x n. */
interface Triangular {
  readonly t: KernelOperand;
  readonly upper: boolean;
  readonly unit: boolean;
  readonly b: KernelOperand;
  readonly n: number;
  /** trsm (else trmm). */
  readonly solve: boolean;
  /** Complex data, read as conj(T) when `conj`. */
  readonly complex: boolean;
  readonly conj: boolean;
}

/** Scratch of the diagonal kernel, sized for the largest diagonal block. */
interface Work {
  /** The strictly triangular part, row-major, negated for a solve. */
  readonly t: Float64Array;
  readonly d: Float64Array;
  /** W columns of B, interleaved: x[l * W + c] is row l of column c. */
  readonly x: Float64Array;
}

const workFor = (m: number): Work => ({
  t: new Float64Array(m * m),
  d: new Float64Array(m),
  x: new Float64Array(m * W),
});

/**
 * T B or T^-1 B for the diagonal block of order m at (lo, lo), in place, in
 * float64 (as the reference computes). Rows are visited as the reference
 * visits them; a solve adds (-t) x, which is exactly x - t y.
 */
function diagonal(p: Triangular, lo: number, m: number, w: Work): void {
  const { upper, unit, solve } = p;
  const t = block(p.t, lo, lo);
  const b = block(p.b, lo, 0);
  const [ts, tc] = t.st;
  const sign = solve ? -1 : 1;
  for (let i = 0; i < m; i++) {
    const [l0, l1] = upper ? [i + 1, m] : [0, i];
    for (let l = l0; l < l1; l++) w.t[i * m + l] = sign * t.data[t.off + i * ts + l * tc];
    w.d[i] = unit ? 1 : t.data[t.off + i * (ts + tc)];
  }
  const scaled = !solve && !unit;
  const divided = solve && !unit;
  const [bs, bc] = b.st;
  const x = w.x;
  for (let j0 = 0; j0 < p.n; j0 += W) {
    const cols = Math.min(W, p.n - j0);
    for (let l = 0; l < m; l++) {
      for (let c = 0; c < W; c++)
        x[l * W + c] = c < cols ? b.data[b.off + l * bs + (j0 + c) * bc] : 0;
    }
    for (let step = 0; step < m; step++) {
      const [i, l0, l1] = rowAt(upper, solve, step, m);
      const d = w.d[i];
      const q = i * W;
      let s0 = scaled ? d * x[q] : x[q];
      let s1 = scaled ? d * x[q + 1] : x[q + 1];
      let s2 = scaled ? d * x[q + 2] : x[q + 2];
      let s3 = scaled ? d * x[q + 3] : x[q + 3];
      for (let l = l0, r = i * m + l0, y = l0 * W; l < l1; l++, r++, y += W) {
        const v = w.t[r];
        s0 += v * x[y];
        s1 += v * x[y + 1];
        s2 += v * x[y + 2];
        s3 += v * x[y + 3];
      }
      x[q] = divided ? s0 / d : s0;
      x[q + 1] = divided ? s1 / d : s1;
      x[q + 2] = divided ? s2 / d : s2;
      x[q + 3] = divided ? s3 / d : s3;
    }
    for (let l = 0; l < m; l++) {
      for (let c = 0; c < cols; c++) b.data[b.off + l * bs + (j0 + c) * bc] = x[l * W + c];
    }
  }
}

/**
 * The diagonal block of order m at (lo, lo), halved: with T's off-diagonal
 * block taking the `source` half of B into the `target` half (T12: B2 into
 * B1 when upper), trmm does the target in place, adds T_ts B_s, then the
 * source; trsm solves the source, subtracts T_ts X_s, then solves the target.
 */
function recurse(mul: Multiply, p: Triangular, lo: number, m: number, w: Work): void {
  if (m <= DIAGONAL) {
    if (p.complex) diagonalComplex(p, lo, m);
    else diagonal(p, lo, m, w);
    return;
  }
  const m1 = split(m);
  const top = { at: lo, size: m1 };
  const bottom = { at: lo + m1, size: m - m1 };
  const [target, source] = p.upper ? [top, bottom] : [bottom, top];
  const first = p.solve ? source : target;
  const last = p.solve ? target : source;
  recurse(mul, p, first.at, first.size, w);
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
  recurse(mul, p, last.at, last.size, w);
}

const ONE: KernelComplex = { re: 1, im: 0 };

/** The complex diagonal block of order m at (lo, lo): the reference kernel, alpha = 1 (exact on finite values). */
function diagonalComplex(p: Triangular, lo: number, m: number): void {
  (p.solve ? trsmComplex : trmmComplex)({
    dims: { m, n: p.n },
    ops: { a: block(p.t, lo, lo), b: block(p.b, lo, 0) },
    scalars: { alpha: ONE },
    options: { upper: p.upper, left: true, unit: p.unit, conj: { a: p.conj } },
  });
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

function triangularWith(solve: boolean, complex: boolean, reference: Kernel) {
  return (gemm: Kernel): Kernel =>
    (call: KernelCall) => {
      const { dims, ops, scalars, options } = call;
      const alpha = scalars.alpha;
      if (isZero(alpha)) return reference(call);
      if (complex && !triangularReadsFinite(call)) return reference(call);
      // B T = (T^T B^T)^T, and T^T stores the opposite triangle.
      const [m, n] = options.left ? [dims.m, dims.n] : [dims.n, dims.m];
      const left = options.left;
      const t = left ? ops.a : transposed(ops.a);
      const b = left ? ops.b : transposed(ops.b);
      const upper = left ? options.upper : !options.upper;
      const conj = options.conj.a === true;
      const p: Triangular = { t, upper, unit: options.unit, b, n, solve, complex, conj };
      // trsm starts from alpha B, trmm multiplies the finished sums by alpha: as the reference.
      if (solve) scale(b, m, n, alpha);
      recurse(multiplier(gemm), p, 0, m, workFor(complex ? 0 : Math.min(m, DIAGONAL)));
      if (!solve) scale(b, m, n, alpha);
      return undefined;
    };
}

/** T is m x m (left) or n x n (right), half of it read. */
const triangularWork = ({ dims, options }: KernelCall) =>
  (dims.m * dims.n * (options.left ? dims.m : dims.n)) / 2;

export const BLOCKED_TRIANGULAR: Readonly<Record<'trmm' | 'trsm', BlockedRoutine>> = {
  trmm: { make: triangularWith(false, false, trmmReal), work: triangularWork },
  trsm: { make: triangularWith(true, false, trsmReal), work: triangularWork },
};

/** The complex routines (complex64, complex128); multiply-adds are complex ones. */
export const BLOCKED_TRIANGULAR_COMPLEX: Readonly<Record<'trmm' | 'trsm', BlockedRoutine>> = {
  trmm: { make: triangularWith(false, true, trmmComplex), work: triangularWork },
  trsm: { make: triangularWith(true, true, trsmComplex), work: triangularWork },
};
