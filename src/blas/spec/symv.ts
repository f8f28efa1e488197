// symv: y = alpha * A x + beta * y with A real symmetric, read only from the
// triangle that uplo names (of A as passed). Complex Hermitian: hemv.
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

export const symvSpec: RoutineSpec = {
  name: 'symv',
  summary: 'y = alpha * A x + beta * y, A symmetric (one triangle read)',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('symv', params, PRECISIONS.slice(0, 2), (p) => `${p.prefix}symv`),
};

export function symv(
  alpha: BlasScalar,
  a: StridedOperand,
  x: StridedOperand,
  beta: BlasScalar,
  y: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(symvSpec, [alpha, a, x, beta, y, options]);
}
