// hemv: y = alpha * A x + beta * y with A Hermitian, read only from the
// triangle that uplo names (of A as passed); the imaginary part of the
// diagonal is taken as zero, as reference BLAS does.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, unlessBetaZero, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', ['n', 'n']),
  vector('x', 'in', 'n'),
  scalar('beta'),
  vector('y', 'inout', 'n', { read: unlessBetaZero }),
];

export const hemvSpec: RoutineSpec = {
  name: 'hemv',
  summary: 'y = alpha * A x + beta * y, A Hermitian (one triangle read)',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('hemv', params, PRECISIONS.slice(2), (p) => `${p.prefix}hemv`),
};

export function hemv(
  alpha: BlasScalar,
  a: StridedOperand,
  x: StridedOperand,
  beta: BlasScalar,
  y: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(hemvSpec, [alpha, a, x, beta, y, options]);
}
