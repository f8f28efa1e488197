// iamin: index of the first smallest |x_i| (extension): first NaN, else first minimum. 0-based; -1 for an empty vector. Complex uses |re| + |im| as BLAS does.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'in')];

export const iaminSpec: RoutineSpec = {
  name: 'iamin',
  summary: 'index of the first smallest |x_i| (extension): first NaN, else first minimum',
  params,
  options: [],
  returns: 'index',
  signatures: uniformSignatures(
    'iamin',
    params,
    PRECISIONS,
    () => undefined,
    () => 'index',
  ),
};

export function iamin(x: StridedOperand): number {
  return invoke(iaminSpec, [x]) as number;
}
