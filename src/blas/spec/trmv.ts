// trmv: x = T x with T triangular: uplo names the triangle of T as passed
// (T^T x is trmv on a.T with the other uplo, T^H x adds conj a), diag 'unit'
// means the diagonal is taken as ones and not read.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { matrix, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [matrix('a', 'in', ['n', 'n'], { conjugable: true }), vector('x', 'inout', 'n')];

export const trmvSpec: RoutineSpec = {
  name: 'trmv',
  summary: 'x = T x, T triangular',
  params,
  options: ['uplo', 'diag'],
  returns: 'none',
  signatures: uniformSignatures('trmv', params, PRECISIONS, (p) => `${p.prefix}trmv`),
};

export function trmv(a: StridedOperand, x: StridedOperand, options?: BlasOptions): void {
  invoke(trmvSpec, [a, x, options]);
}
