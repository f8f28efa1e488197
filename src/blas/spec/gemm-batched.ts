// gemmBatched: C[p] = alpha * A[p] B[p] + beta * C[p] over stacks of matrices,
// each operand with its own batch stride (0 shares one matrix across the stack;
// a zero batch stride on C with more than one matrix is refused as overlap).
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { GEMM_MIXED } from './gemm.js';
import { scalar, stack, unlessBetaZero } from './params.js';
import { mixedSignature, PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  stack('a', 'in', ['batch', 'm', 'k'], { conjugable: true }),
  stack('b', 'in', ['batch', 'k', 'n'], { conjugable: true }),
  scalar('beta'),
  stack('c', 'inout', ['batch', 'm', 'n'], { read: unlessBetaZero }),
];

export const gemmBatchedSpec: RoutineSpec = {
  name: 'gemmBatched',
  summary: 'C[p] = alpha * A[p] B[p] + beta * C[p] for every p',
  params,
  options: [],
  returns: 'none',
  signatures: [
    ...uniformSignatures('gemmBatched', params, PRECISIONS, (p) => `${p.prefix}gemm_batch_strided`),
    ...GEMM_MIXED.map(([types]) => mixedSignature('gemmBatched', params, types)),
  ],
};

export function gemmBatched(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  beta: BlasScalar,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(gemmBatchedSpec, [alpha, a, b, beta, c, options]);
}
