// syr2k: C = alpha * A B^T + alpha * B A^T + beta * C on the `uplo` triangle
// of C (n x n) only, A and B n x k as passed (the A^T B form is syr2k on a.T
// and b.T). The other triangle of C is neither read nor written.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', ['n', 'k']),
  matrix('b', 'in', ['n', 'k']),
  scalar('beta'),
  // Always copied in: the triangle not written must survive a temporary (see syrk).
  matrix('c', 'inout', ['n', 'n']),
];

export const syr2kSpec: RoutineSpec = {
  name: 'syr2k',
  summary: 'C = alpha * A B^T + alpha * B A^T + beta * C, one triangle of C',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('syr2k', params, PRECISIONS, (p) => `${p.prefix}syr2k`),
};

export function syr2k(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  beta: BlasScalar,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(syr2kSpec, [alpha, a, b, beta, c, options]);
}
