// sdsdot: sb + x . y for float32 vectors, accumulated in double, rounded to float32.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { scalar, vector } from './params.js';
import { mixedSignature } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [scalar('sb'), vector('x', 'in'), vector('y', 'in')];

export const sdsdotSpec: RoutineSpec = {
  name: 'sdsdot',
  summary: 'sb + x . y, accumulated in double',
  params,
  options: [],
  returns: 'value',
  signatures: [
    mixedSignature(
      'sdsdot',
      params,
      { x: 'float32', y: 'float32' },
      { result: 'float32', short: 'sdsdot' },
    ),
  ],
};

export function sdsdot(sb: number, x: StridedOperand, y: StridedOperand): number {
  return invoke(sdsdotSpec, [sb, x, y]) as number;
}
