// syrk: C = alpha * A A^T + beta * C on the `uplo` triangle of C (n x n) only,
// A n x k as passed (A^T A is syrk on a.T). The other triangle of C is
// neither read nor written.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', ['n', 'k']),
  scalar('beta'),
  // No `read: unlessBetaZero`: a temporary copy of c must carry the triangle
  // the kernel does not write back to the caller unchanged.
  matrix('c', 'inout', ['n', 'n']),
];

export const syrkSpec: RoutineSpec = {
  name: 'syrk',
  summary: 'C = alpha * A A^T + beta * C, one triangle of C',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('syrk', params, PRECISIONS, (p) => `${p.prefix}syrk`),
};

export function syrk(
  alpha: BlasScalar,
  a: StridedOperand,
  beta: BlasScalar,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(syrkSpec, [alpha, a, beta, c, options]);
}
