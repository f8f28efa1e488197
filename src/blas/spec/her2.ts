// her2: A = alpha * x y^H + conj(alpha) * y x^H + A with A Hermitian: only the
// triangle that uplo names (of A as passed) is read and written; the
// imaginary part of the diagonal is taken as zero and written as zero, as
// reference BLAS does. alpha = 0 returns A untouched without reading x or y.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  vector('x', 'in', 'n'),
  vector('y', 'in', 'n'),
  matrix('a', 'inout', ['n', 'n']),
];

export const her2Spec: RoutineSpec = {
  name: 'her2',
  summary: 'A = alpha * x y^H + conj(alpha) * y x^H + A, A Hermitian (one triangle updated)',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('her2', params, PRECISIONS.slice(2), (p) => `${p.prefix}her2`),
};

export function her2(
  alpha: BlasScalar,
  x: StridedOperand,
  y: StridedOperand,
  a: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(her2Spec, [alpha, x, y, a, options]);
}
