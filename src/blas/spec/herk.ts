// herk: C = alpha * A A^H + beta * C with real alpha and beta, on the `uplo`
// triangle of C (n x n) only, A n x k as passed. A^H A is herk on a.T with
// conj {a: true}. The diagonal of C is real: its imaginary parts are not read
// and are set to zero (always, also when alpha = 0 or k = 0).
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { matrix, scalar } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha', true),
  matrix('a', 'in', ['n', 'k'], { conjugable: true }),
  scalar('beta', true),
  // Always copied in: the triangle not written must survive a temporary (see syrk).
  matrix('c', 'inout', ['n', 'n']),
];

export const herkSpec: RoutineSpec = {
  name: 'herk',
  summary: 'C = alpha * A A^H + beta * C (alpha, beta real), one triangle of C',
  params,
  options: ['uplo'],
  returns: 'none',
  signatures: uniformSignatures('herk', params, PRECISIONS.slice(2), (p) => `${p.prefix}herk`),
};

export function herk(
  alpha: number,
  a: StridedOperand,
  beta: number,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(herkSpec, [alpha, a, beta, c, options]);
}
