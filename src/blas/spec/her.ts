// her: A = alpha * x x^H + A with A Hermitian and alpha real: only the
// triangle that uplo names (of A as passed) is read and written; the
// imaginary part of the diagonal is taken as zero and written as zero, as
// reference BLAS does. alpha = 0 returns A untouched without reading x.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { matrix, scalar, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [scalar('alpha', true), vector('x', 'in', 'n'), matrix('a', 'inout', ['n', 'n'])];

export const herSpec: RoutineSpec = {
  name: 'her',
  summary: 'A = alpha * x x^H + A, A Hermitian, alpha real (one triangle updated)',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('her', params, PRECISIONS.slice(2), (p) => `${p.prefix}her`),
};

export function her(
  alpha: number,
  x: StridedOperand,
  a: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(herSpec, [alpha, x, a, options]);
}
