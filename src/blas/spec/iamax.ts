// iamax: index of the first largest |x_i|: first NaN, else first Inf, else first maximum. 0-based; -1 for an empty vector. Complex uses |re| + |im| as BLAS does.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'in')];

export const iamaxSpec: RoutineSpec = {
  name: 'iamax',
  summary: 'index of the first largest |x_i|: first NaN, else first Inf, else first maximum',
  params,
  options: [],
  returns: 'index',
  signatures: uniformSignatures(
    'iamax',
    params,
    PRECISIONS,
    (p) => `i${p.prefix}amax`,
    () => 'index',
  ),
};

export function iamax(x: StridedOperand): number {
  return invoke(iamaxSpec, [x]) as number;
}
