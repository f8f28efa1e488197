// dotc: conj(x) . y for complex vectors.
import type { Complex } from '../../core/complex.js';
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'in'), vector('y', 'in')];

export const dotcSpec: RoutineSpec = {
  name: 'dotc',
  summary: 'conj(x) . y',
  params,
  options: [],
  returns: 'value',
  signatures: uniformSignatures(
    'dotc',
    params,
    PRECISIONS.slice(2),
    (p) => `${p.prefix}dotc`,
    (p) => p.dtype,
  ),
};

export function dotc(x: StridedOperand, y: StridedOperand): Complex {
  return invoke(dotcSpec, [x, y]) as Complex;
}
