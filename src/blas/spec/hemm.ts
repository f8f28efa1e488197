// hemm: C = alpha * H B + beta * C (side 'left') or alpha * B H + beta * C
// (side 'right'), H Hermitian: only the `uplo` triangle of a (as passed) is
// read, the other is its conjugate mirror, and the imaginary parts of the
// diagonal are not read (taken as zero), as in reference BLAS.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, sideSquare, unlessBetaZero } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', sideSquare),
  matrix('b', 'in', ['m', 'n']),
  scalar('beta'),
  matrix('c', 'inout', ['m', 'n'], { read: unlessBetaZero }),
];

export const hemmSpec: RoutineSpec = {
  name: 'hemm',
  summary: 'C = alpha * H B + beta * C or alpha * B H + beta * C, H Hermitian',
  params,
  options: ['side', 'uplo'],
  returns: 'none',
  signatures: uniformSignatures('hemm', params, PRECISIONS.slice(2), (p) => `${p.prefix}hemm`),
};

export function hemm(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  beta: BlasScalar,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(hemmSpec, [alpha, a, b, beta, c, options]);
}
