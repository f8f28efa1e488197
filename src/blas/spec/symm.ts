// symm: C = alpha * S B + beta * C (side 'left') or alpha * B S + beta * C
// (side 'right'), S symmetric: only the `uplo` triangle of a (as passed) is
// read, the other is taken as its mirror image.
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

export const symmSpec: RoutineSpec = {
  name: 'symm',
  summary: 'C = alpha * S B + beta * C or alpha * B S + beta * C, S symmetric',
  params,
  options: ['side', 'uplo'],
  returns: 'none',
  signatures: uniformSignatures('symm', params, PRECISIONS, (p) => `${p.prefix}symm`),
};

export function symm(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  beta: BlasScalar,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(symmSpec, [alpha, a, b, beta, c, options]);
}
