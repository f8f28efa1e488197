// asum: sum of |x_i| (|re| + |im| for complex); complex vectors give a real result.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'in')];
const SHORT: Readonly<Record<string, string>> = {
  s: 'sasum',
  d: 'dasum',
  c: 'scasum',
  z: 'dzasum',
};

export const asumSpec: RoutineSpec = {
  name: 'asum',
  summary: 'sum of |x_i| (|re| + |im| for complex)',
  params,
  options: [],
  returns: 'value',
  signatures: uniformSignatures(
    'asum',
    params,
    PRECISIONS,
    (p) => SHORT[p.prefix],
    (p) => p.real,
  ),
};

export function asum(x: StridedOperand): number {
  return invoke(asumSpec, [x]) as number;
}
