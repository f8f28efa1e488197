// trmm: B = alpha * T B (side 'left') or alpha * B T (side 'right'), T
// triangular: only the `uplo` triangle of a (as passed) is read, and not its
// diagonal when diag is 'unit'. T^T is trmm on a.T; T^H adds conj {a: true}.
// alpha = 0 sets B to zero without reading A or B.
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

export const trmmSpec: RoutineSpec = {
  name: 'trmm',
  summary: 'B = alpha * T B or alpha * B T, T triangular',
  params,
  options: ['side', 'uplo', 'diag'],
  returns: 'none',
  signatures: uniformSignatures('trmm', params, PRECISIONS, (p) => `${p.prefix}trmm`),
};

export function trmm(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(trmmSpec, [alpha, a, b, options]);
}
