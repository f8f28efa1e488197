// rotm: applies the modified rotation [x; y] = H [x; y] that rotmg builds.
// BLAS passes H as param = [flag, h11, h21, h12, h22]; here those five
// entries are the routine's five real scalars, in that order, so every form
// takes `...param`: rotm(x, y, ...rotmg(d1, d2, x1, y1).param). Not a vector
// operand: param is a fixed-size parameter block, not data, and its length
// of 5 is no dimension the spec can state. Not one array argument either:
// every entry point takes its spec's parameters in order.
// The flag is read as reference BLAS reads it: -2 means H = I (x and y are
// not read), -1 the full H, 0 H = [1 h12; h21 1], 1 H = [h11 1; -1 h22];
// any other negative value counts as -1, anything else (NaN too) as 1.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { scalar, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [
  vector('x', 'inout'),
  vector('y', 'inout'),
  ...['flag', 'h11', 'h21', 'h12', 'h22'].map((name) => scalar(name, true)),
];

export const rotmSpec: RoutineSpec = {
  name: 'rotm',
  summary: '[x; y] = H [x; y], H given as ...param = flag, h11, h21, h12, h22',
  params,
  options: [],
  returns: 'none',
  signatures: uniformSignatures('rotm', params, PRECISIONS.slice(0, 2), (p) => `${p.prefix}rotm`),
};

export function rotm(
  x: StridedOperand,
  y: StridedOperand,
  flag: number,
  h11: number,
  h21: number,
  h12: number,
  h22: number,
): void {
  invoke(rotmSpec, [x, y, flag, h11, h21, h12, h22]);
}
