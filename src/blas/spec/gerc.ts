// gerc: A = alpha * x y^H + A for complex vectors. alpha = 0 returns A
// untouched without reading x or y.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  vector('x', 'in', 'm'),
  vector('y', 'in', 'n'),
  matrix('a', 'inout', ['m', 'n']),
];

export const gercSpec: RoutineSpec = {
  name: 'gerc',
  summary: 'A = alpha * x y^H + A',
  params,
  options: [],
  returns: 'none',
  signatures: uniformSignatures('gerc', params, PRECISIONS.slice(2), (p) => `${p.prefix}gerc`),
};

export function gerc(
  alpha: BlasScalar,
  x: StridedOperand,
  y: StridedOperand,
  a: StridedOperand,
): void {
  invoke(gercSpec, [alpha, x, y, a]);
}
