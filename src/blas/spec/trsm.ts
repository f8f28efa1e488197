// trsm: solves T X = alpha * B (side 'left') or X T = alpha * B (side
// 'right') for X, which overwrites B; T triangular: only the `uplo` triangle
// of a (as passed) is read, and not its diagonal when diag is 'unit'. T^T is
// trsm on a.T; T^H adds conj {a: true}. Singularity is not checked: a zero
// pivot gives Inf or NaN, and NaN or Inf in T reaches every entry of X that
// depends on it. alpha = 0 sets B to zero without reading A or B.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, sideSquare, unlessAlphaZero } from './params.js';
import { PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', sideSquare, { conjugable: true }),
  matrix('b', 'inout', ['m', 'n'], { read: unlessAlphaZero }),
];

export const trsmSpec: RoutineSpec = {
  name: 'trsm',
  summary: 'B = alpha * T^-1 B or alpha * B T^-1, T triangular',
  params,
  options: ['side', 'uplo', 'diag'],
  returns: 'none',
  signatures: uniformSignatures('trsm', params, PRECISIONS, (p) => `${p.prefix}trsm`),
};

export function trsm(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(trsmSpec, [alpha, a, b, options]);
}
