// dot: x . y without conjugation (dotu for complex); `dot:f32,f32->f64` is
// dsdot, accumulating and returning in double.
import type { Complex } from '../../core/complex.js';
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { mixedSignature, PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'in'), vector('y', 'in')];
const SHORT: Readonly<Record<string, string>> = { s: 'sdot', d: 'ddot', c: 'cdotu', z: 'zdotu' };

export const dotSpec: RoutineSpec = {
  name: 'dot',
  summary: 'x . y (unconjugated)',
  params,
  options: [],
  returns: 'value',
  signatures: [
    ...uniformSignatures(
      'dot',
      params,
      PRECISIONS,
      (p) => SHORT[p.prefix],
      (p) => p.dtype,
    ),
    mixedSignature(
      'dot',
      params,
      { x: 'float32', y: 'float32' },
      { result: 'float64', short: 'dsdot' },
    ),
  ],
};

export function dot(x: StridedOperand, y: StridedOperand): number | Complex {
  return invoke(dotSpec, [x, y]) as number | Complex;
}
