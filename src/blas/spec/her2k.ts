// her2k: C = alpha * A B^H + conj(alpha) * B A^H + beta * C with real beta,
// on the `uplo` triangle of C (n x n) only, A and B n x k as passed (the
// A^H B form is her2k on a.T and b.T with conj on both). The diagonal of C is
// real: its imaginary parts are not read and are set to zero.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', ['n', 'k'], { conjugable: true }),
  matrix('b', 'in', ['n', 'k'], { conjugable: true }),
  scalar('beta', true),
  // Always copied in: the triangle not written must survive a temporary (see syrk).
  matrix('c', 'inout', ['n', 'n']),
];

export const her2kSpec: RoutineSpec = {
  name: 'her2k',
  summary: 'C = alpha * A B^H + conj(alpha) * B A^H + beta * C (beta real), one triangle of C',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('her2k', params, PRECISIONS.slice(2), (p) => `${p.prefix}her2k`),
};

export function her2k(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  beta: number,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(her2kSpec, [alpha, a, b, beta, c, options]);
}
