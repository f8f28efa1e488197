// rotg: constructs the Givens rotation [c s; -conj(s) c] [a; b] = [r; 0] from
// two scalars (srotg, drotg, crotg, zrotg), with Anderson's safe scaling as in
// reference BLAS 3.10+ (zrotg as refined in 3.12): no overflow or underflow
// for finite a, b whose r is representable. Real signatures also return z,
// which encodes c and s in one number. NaN and Inf go through the reference
// formulas without throwing: NaN gives a NaN r (and NaN c, s unless the other
// input is 0); Inf gives an infinite r and NaN where Inf/Inf is formed.
import { Complex, type ComplexLike } from '../../core/complex.js';
import { rotgComplex, rotgReal } from '../../kernels/ref/rotation.js';
import type { BlasScalar } from '../operand.js';
import { roundOf, scalarRoutine, signatureFor } from './scalar.js';
import { PRECISIONS } from './signatures.js';

export interface RealRotation {
  readonly r: number;
  /** s if |a| > |b|, else 1/c, or 1 when c = 0: decodes back to c and s. */
  readonly z: number;
  readonly c: number;
  readonly s: number;
}

export interface ComplexRotation {
  readonly r: Complex;
  /** Real, in [0, 1]. */
  readonly c: number;
  readonly s: Complex;
}

export const rotgSpec = scalarRoutine(
  'rotg',
  'Givens rotation from scalars a, b: {r, z, c, s}; complex {r, c, s}',
  ['a', 'b'],
  PRECISIONS,
  ([a, b], p): RealRotation | ComplexRotation => {
    const round = roundOf(p);
    if (!p.complex) return rotgReal(a.re, b.re, round);
    const g = rotgComplex(a, b, round);
    return { r: new Complex(g.r.re, g.r.im), c: g.c, s: new Complex(g.s.re, g.s.im) };
  },
);

type RealDType = 'float32' | 'float64';
type ComplexDType = 'complex64' | 'complex128';

/**
 * The precision is options.dtype, else complex128 when a or b is {re, im},
 * else float64; float32 and complex64 round a and b to float32 first.
 */
export function rotg(a: number, b: number, options?: { dtype?: RealDType }): RealRotation;
export function rotg(
  a: BlasScalar,
  b: BlasScalar,
  options: { dtype: ComplexDType },
): ComplexRotation;
export function rotg(
  a: ComplexLike,
  b: BlasScalar,
  options?: { dtype?: ComplexDType },
): ComplexRotation;
export function rotg(
  a: BlasScalar,
  b: ComplexLike,
  options?: { dtype?: ComplexDType },
): ComplexRotation;
export function rotg(
  a: BlasScalar,
  b: BlasScalar,
  options?: { dtype?: RealDType | ComplexDType },
): RealRotation | ComplexRotation;
export function rotg(a: unknown, b: unknown, options?: unknown): RealRotation | ComplexRotation {
  return signatureFor(rotgSpec, [a, b], options).call(a, b);
}
