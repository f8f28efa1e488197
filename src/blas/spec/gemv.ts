// gemv: y = alpha * A x + beta * y (A^T x is gemv on a.T; A^H x adds conj a).
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, unlessBetaZero, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', ['m', 'n'], { conjugable: true }),
  vector('x', 'in', 'n', { conjugable: true }),
  scalar('beta'),
  vector('y', 'inout', 'm', { read: unlessBetaZero }),
];

export const gemvSpec: RoutineSpec = {
  name: 'gemv',
  summary: 'y = alpha * A x + beta * y',
  params,
  options: [],
  returns: 'none',
  signatures: uniformSignatures('gemv', params, PRECISIONS, (p) => `${p.prefix}gemv`),
};

export function gemv(
  alpha: BlasScalar,
  a: StridedOperand,
  x: StridedOperand,
  beta: BlasScalar,
  y: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(gemvSpec, [alpha, a, x, beta, y, options]);
}
