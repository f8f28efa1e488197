// syr2: A = alpha * x y^T + alpha * y x^T + A with A real symmetric: only the
// triangle that uplo names (of A as passed) is read and written. alpha = 0
// returns A untouched without reading x or y. Complex Hermitian: her2.
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

export const syr2Spec: RoutineSpec = {
  name: 'syr2',
  summary: 'A = alpha * (x y^T + y x^T) + A, A symmetric (one triangle updated)',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('syr2', params, PRECISIONS.slice(0, 2), (p) => `${p.prefix}syr2`),
};

export function syr2(
  alpha: BlasScalar,
  x: StridedOperand,
  y: StridedOperand,
  a: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(syr2Spec, [alpha, x, y, a, options]);
}
