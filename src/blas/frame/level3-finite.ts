// When a complex Level-3 call may run on the frame: the complex gemm
// multiplies in values the reference never multiplies (the zero imaginary
// part of a real scalar such as herk's alpha and beta or the +-1 that chains
// two products, and of a Hermitian diagonal), and 0 * Inf = NaN where the
// reference keeps an Inf. With every value a call reads finite those zeros
// change nothing; otherwise the call goes to the reference kernel, which
// defines how NaN and Inf propagate. The scans are O(n^2) against O(n^3)
// work and read only what the routine reads. (Finite inputs whose sums
// overflow can still give NaN where the reference gives Inf.)
import type { KernelCall, KernelOperand, KernelScalar } from '../../kernels/types.js';

/** Which part of a square operand is read: one triangle, its diagonal whole, real only, or not at all. */
interface Triangle {
  readonly upper: boolean;
  readonly diagonal: 'both' | 'real' | 'none';
}

/** Whether every read component (re, im) of the rows x cols complex operand is finite. */
function finite(op: KernelOperand, rows: number, cols: number, tri?: Triangle): boolean {
  const { data, off } = op;
  const [rs, cs] = op.st;
  for (let i = 0; i < rows; i++) {
    const [lo, hi] = tri === undefined ? [0, cols] : tri.upper ? [i, cols] : [0, i + 1];
    for (let j = lo; j < hi; j++) {
      const p = off + i * rs + j * cs;
      const diagonal = tri !== undefined && i === j ? tri.diagonal : 'both';
      if (diagonal === 'none') continue;
      // x - x is NaN exactly for NaN and +-Inf.
      if (data[p] - data[p] !== 0) return false;
      if (diagonal === 'both' && data[p + 1] - data[p + 1] !== 0) return false;
    }
  }
  return true;
}

const zero = (s: KernelScalar) => (typeof s === 'number' ? s === 0 : s.re === 0 && s.im === 0);
const finiteScalar = (s: KernelScalar) =>
  typeof s === 'number' ? s - s === 0 : s.re - s.re === 0 && s.im - s.im === 0;

/** herk, syr2k, her2k: alpha, beta, A (and B) whole, C's triangle unless beta = 0 (a Hermitian diagonal's imaginary part is not read). */
export function updateReadsFinite(call: KernelCall, two: boolean, herm: boolean): boolean {
  const { dims, ops, scalars, options } = call;
  const { n, k } = dims;
  if (!finiteScalar(scalars.alpha) || !finiteScalar(scalars.beta)) return false;
  if (!finite(ops.a, n, k) || (two && !finite(ops.b, n, k))) return false;
  const tri: Triangle = { upper: options.upper, diagonal: herm ? 'real' : 'both' };
  return zero(scalars.beta) || finite(ops.c, n, n, tri);
}

/** hemm: B whole (what its diagonal's zero imaginary part multiplies). */
export const hemmReadsFinite = ({ dims, ops }: KernelCall): boolean =>
  finite(ops.b, dims.m, dims.n);

/** trmm, trsm: alpha, T's triangle (its diagonal unless unit) and B whole. */
export function triangularReadsFinite({ dims, ops, scalars, options }: KernelCall): boolean {
  const order = options.left ? dims.m : dims.n;
  const tri: Triangle = { upper: options.upper, diagonal: options.unit ? 'none' : 'both' };
  if (!finiteScalar(scalars.alpha)) return false;
  return finite(ops.a, order, order, tri) && finite(ops.b, dims.m, dims.n);
}
