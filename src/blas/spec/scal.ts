// scal: x = alpha * x (complex vectors also by a real alpha: csscal, zdscal).
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { scalar, vector } from './params.js';
import { mixedSignature, PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [scalar('alpha'), vector('x', 'inout')];

export const scalSpec: RoutineSpec = {
  name: 'scal',
  summary: 'x = alpha * x',
  params,
  options: [],
  returns: 'none',
  signatures: [
    ...uniformSignatures('scal', params, PRECISIONS.slice(0, 2), (p) => `${p.prefix}scal`),
    mixedSignature('scal', params, { x: 'complex64' }, { scalarType: 'float32', short: 'csscal' }),
    mixedSignature('scal', params, { x: 'complex128' }, { scalarType: 'float64', short: 'zdscal' }),
    ...uniformSignatures('scal', params, PRECISIONS.slice(2), (p) => `${p.prefix}scal`),
  ],
};

export function scal(alpha: BlasScalar, x: StridedOperand): void {
  invoke(scalSpec, [alpha, x]);
}
