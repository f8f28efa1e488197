// swap: exchange x and y.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'inout'), vector('y', 'inout')];

export const swapSpec: RoutineSpec = {
  name: 'swap',
  summary: 'x <-> y',
  params,
  options: [],
  returns: 'none',
  signatures: uniformSignatures('swap', params, PRECISIONS, (p) => `${p.prefix}swap`),
};

export function swap(x: StridedOperand, y: StridedOperand): void {
  invoke(swapSpec, [x, y]);
}
