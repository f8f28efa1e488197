// nrm2: Euclidean norm with safe scaling; complex vectors give a real result.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'in')];
const SHORT: Readonly<Record<string, string>> = {
  s: 'snrm2',
  d: 'dnrm2',
  c: 'scnrm2',
  z: 'dznrm2',
};

export const nrm2Spec: RoutineSpec = {
  name: 'nrm2',
  summary: 'Euclidean norm with safe scaling',
  params,
  options: [],
  returns: 'value',
  signatures: uniformSignatures(
    'nrm2',
    params,
    PRECISIONS,
    (p) => SHORT[p.prefix],
    (p) => p.real,
  ),
};

export function nrm2(x: StridedOperand): number {
  return invoke(nrm2Spec, [x]) as number;
}
