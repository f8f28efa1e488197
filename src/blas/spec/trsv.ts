// trsv: solves T x = b in place (x holds b on entry) with T triangular: uplo
// names the triangle of T as passed (T^T and T^H are a.T, with conj a), diag
// 'unit' means the diagonal is taken as ones and not read. No singularity
// test: NaN and Inf in T or b reach every solution entry that depends on them.
import { invoke } from '../frame/invoke.js';
import type { StridedOperand } from '../operand.js';
import { matrix, vector } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [matrix('a', 'in', ['n', 'n'], { conjugable: true }), vector('x', 'inout', 'n')];

export const trsvSpec: RoutineSpec = {
  name: 'trsv',
  summary: 'x = T^-1 x (triangular solve)',
  params,
  options: ['uplo', 'diag'],
  returns: 'none',
  signatures: uniformSignatures('trsv', params, PRECISIONS, (p) => `${p.prefix}trsv`),
};

export function trsv(a: StridedOperand, x: StridedOperand, options?: BlasOptions): void {
  invoke(trsvSpec, [a, x, options]);
}
