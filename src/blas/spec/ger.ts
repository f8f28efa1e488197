// ger: A = alpha * x y^T + A, unconjugated (cgeru/zgeru for complex; gerc
// conjugates y). alpha = 0 returns A untouched without reading x or y.
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
const SHORT: Readonly<Record<string, string>> = { s: 'sger', d: 'dger', c: 'cgeru', z: 'zgeru' };

export const gerSpec: RoutineSpec = {
  name: 'ger',
  summary: 'A = alpha * x y^T + A (unconjugated)',
  params,
  options: [],
  returns: 'none',
  signatures: uniformSignatures('ger', params, PRECISIONS, (p) => SHORT[p.prefix]),
};

export function ger(
  alpha: BlasScalar,
  x: StridedOperand,
  y: StridedOperand,
  a: StridedOperand,
): void {
  invoke(gerSpec, [alpha, x, y, a]);
}
