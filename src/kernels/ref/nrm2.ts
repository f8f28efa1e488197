// Reference Euclidean norm with safe scaling (Blue's algorithm, as LAPACK
// 3.10's dnrm2): no overflow for 1e300, no underflow to 0 for 1e-300, and
// NaN/Inf propagate. Complex vectors count each component as an entry.
import type { KernelCall, KernelResult } from '../types.js';

// Blue's constants for IEEE double: thresholds and scalings by powers of two.
const TSML = 2 ** -511;
const TBIG = 2 ** 486;
const SSML = 2 ** 537;
const SBIG = 2 ** -538;

/** The norm from Blue's three sums: of small values scaled up, medium ones, big ones scaled down. */
export function blueCombine(asml: number, amed: number, abig: number): number {
  const amedSet = amed > 0 || Number.isNaN(amed);
  if (abig > 0 || Number.isNaN(abig)) {
    if (amedSet) abig += amed * SBIG * SBIG;
    return Math.sqrt(abig) / SBIG;
  }
  if (asml > 0) {
    if (!amedSet) return Math.sqrt(asml) / SSML;
    const m = Math.sqrt(amed);
    const s = Math.sqrt(asml) / SSML;
    const [lo, hi] = s > m ? [m, s] : [s, m];
    return hi * Math.sqrt(1 + (lo / hi) ** 2);
  }
  return Math.sqrt(amed);
}

function blue(width: number) {
  return ({ dims, ops }: KernelCall): KernelResult => {
    const { x } = ops;
    let notbig = true;
    let asml = 0;
    let amed = 0;
    let abig = 0;
    for (let i = 0, ix = x.off; i < dims.n; i++, ix += x.st[0]) {
      for (let k = 0; k < width; k++) {
        const ax = Math.abs(x.data[ix + k]);
        if (ax > TBIG) {
          abig += (ax * SBIG) ** 2;
          notbig = false;
        } else if (ax < TSML) {
          if (notbig) asml += (ax * SSML) ** 2;
        } else amed += ax * ax;
      }
    }
    return blueCombine(asml, amed, abig);
  };
}

export const nrm2Real = blue(1);
export const nrm2Complex = blue(2);
