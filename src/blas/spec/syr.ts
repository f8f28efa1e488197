// syr: A = alpha * x x^T + A with A real symmetric: only the triangle that
// uplo names (of A as passed) is read and written. alpha = 0 returns A
// untouched without reading x. Complex Hermitian: her.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [scalar('alpha'), vector('x', 'in', 'n'), matrix('a', 'inout', ['n', 'n'])];

export const syrSpec: RoutineSpec = {
  name: 'syr',
  summary: 'A = alpha * x x^T + A, A symmetric (one triangle updated)',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('syr', params, PRECISIONS.slice(0, 2), (p) => `${p.prefix}syr`),
};

export function syr(
  alpha: BlasScalar,
  x: StridedOperand,
  a: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(syrSpec, [alpha, x, a, options]);
}
