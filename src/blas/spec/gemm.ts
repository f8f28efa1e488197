// gemm: C = alpha * A B + beta * C. Transposes are views (pass a.T); `conj`
// conjugates A or B when read. Mixed signatures: f16 inputs accumulated and
// stored in f32, f32 inputs in f64, int8 inputs in int32 (fixed point).
import type { DTypeName } from '../../core/dtypes.js';
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { matrix, scalar, unlessBetaZero } from './params.js';
import { mixedSignature, PRECISIONS, uniformSignatures } from './signatures.js';
import type { BlasOptions, RoutineSpec } from './types.js';

const params = [
  scalar('alpha'),
  matrix('a', 'in', ['m', 'k'], { conjugable: true }),
  matrix('b', 'in', ['k', 'n'], { conjugable: true }),
  scalar('beta'),
  matrix('c', 'inout', ['m', 'n'], { read: unlessBetaZero }),
];

/** The mixed-precision gemm signatures (a, b -> c), shared with gemmBatched. */
export const GEMM_MIXED: readonly [Readonly<Record<string, DTypeName>>, string | undefined][] = [
  [{ a: 'float16', b: 'float16', c: 'float32' }, 'shgemm'],
  [{ a: 'float16', b: 'float16', c: 'float16' }, 'hgemm'],
  [{ a: 'float32', b: 'float32', c: 'float64' }, undefined],
  [{ a: 'int8', b: 'int8', c: 'int32' }, undefined],
];

export const gemmSpec: RoutineSpec = {
  name: 'gemm',
  summary: 'C = alpha * A B + beta * C',
  params,
  options: [],
  returns: 'none',
  signatures: [
    ...uniformSignatures('gemm', params, PRECISIONS, (p) => `${p.prefix}gemm`),
    ...GEMM_MIXED.map(([types, short]) => mixedSignature('gemm', params, types, { short })),
  ],
};

export function gemm(
  alpha: BlasScalar,
  a: StridedOperand,
  b: StridedOperand,
  beta: BlasScalar,
  c: StridedOperand,
  options?: BlasOptions,
): void {
  invoke(gemmSpec, [alpha, a, b, beta, c, options]);
}
