// axpy: y = alpha * x + y.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { scalar, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [scalar('alpha'), vector('x', 'in'), vector('y', 'inout')];

export const axpySpec: RoutineSpec = {
  name: 'axpy',
  summary: 'y = alpha * x + y',
  params,
  options: [],
  returns: 'none',
  signatures: uniformSignatures('axpy', params, PRECISIONS, (p) => `${p.prefix}axpy`),
};

export function axpy(alpha: BlasScalar, x: StridedOperand, y: StridedOperand): void {
  invoke(axpySpec, [alpha, x, y]);
}
