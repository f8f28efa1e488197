// copy: y = x, element for element (bit-exact: NaN payloads survive).
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'in'), vector('y', 'out')];

export const copySpec: RoutineSpec = {
  name: 'copy',
  summary: 'y = x',
  params,
  options: [],
  returns: 'none',
  signatures: uniformSignatures('copy', params, PRECISIONS, (p) => `${p.prefix}copy`),
};

export function copy(x: StridedOperand, y: StridedOperand): void {
  invoke(copySpec, [x, y]);
}
