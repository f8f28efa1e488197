// rotmg: constructs the modified Givens rotation (srotmg, drotmg): H with
// H [x1; y1] = [x1'; 0] and H^T diag(d1', d2') H = diag(d1, d2), returned as
// {d1, d2, x1, param}, param = [flag, h11, h21, h12, h22] ready for rotm.
// Reference BLAS semantics: d1 < 0, or no such H, gives flag -1 with H = 0
// and d1 = d2 = x1 = 0; d2 y1 = 0 gives flag -2 (H = I); d1, d2 are rescaled
// into [2^-24, 2^24] by powers of 4096, making H explicit (flag -1). Unlike
// the reference, param always spells H out (entries a flag leaves implicit
// hold their implied values), and a non-finite d1 or d2 is returned unscaled
// instead of looping forever. NaN propagates; nothing throws but bad types.
import { rotmg as rotmgKernel } from '../../kernels/ref/rotation.js';
import { roundOf, scalarRoutine, signatureFor } from './scalar.js';
import { PRECISIONS } from './signatures.js';

export interface ModifiedRotation {
  readonly d1: number;
  readonly d2: number;
  readonly x1: number;
  /** [flag, h11, h21, h12, h22]. */
  readonly param: readonly [number, number, number, number, number];
}

export const rotmgSpec = scalarRoutine(
  'rotmg',
  'modified Givens rotation from d1, d2, x1, y1: {d1, d2, x1, param}',
  ['d1', 'd2', 'x1', 'y1'],
  PRECISIONS.slice(0, 2),
  ([d1, d2, x1, y1], p): ModifiedRotation => rotmgKernel(d1.re, d2.re, x1.re, y1.re, roundOf(p)),
);

/** The precision is options.dtype (float32 rounds the arguments first), else float64. */
export function rotmg(
  d1: number,
  d2: number,
  x1: number,
  y1: number,
  options?: { dtype?: 'float32' | 'float64' },
): ModifiedRotation {
  return signatureFor(rotmgSpec, [d1, d2, x1, y1], options).call(d1, d2, x1, y1);
}
