// The test-side reference BLAS, by routine: what the conformance suite checks
// every signature against, the input preconditions per routine, and which
// routines the generic NaN/Inf placement suite covers.
import type { Adjuster, Reference } from '../harness.js';
import { GEMM } from './gemm.js';
import { LEVEL1 } from './level1.js';
import { LEVEL2, LEVEL2_INPUTS, LEVEL2_PRODUCTS } from './level2.js';
import { LEVEL3, LEVEL3_INPUTS } from './level3.js';
import { ROTATION, ROTATION_INPUTS } from './rotation.js';

export const REFERENCES: Partial<Record<string, Reference>> = {
  ...LEVEL1,
  ...GEMM,
  ...LEVEL2,
  ...LEVEL3,
  ...ROTATION,
};

/** Per-routine input preconditions (well-conditioned solves, NaN where nothing may read). */
export const ADJUSTERS: Partial<Record<string, Adjuster>> = {
  ...LEVEL2_INPUTS,
  ...LEVEL3_INPUTS,
  ...ROTATION_INPUTS,
};

/**
 * References precise enough to predict NaN/Inf entry by entry under default
 * options. Solves (checked by residual) and Level 3 (every side/uplo/diag/conj)
 * have their own files: level2-nan.test.ts and level3-nan.test.ts.
 */
export const PLACEMENT_REFERENCES: Partial<Record<string, Reference>> = {
  ...LEVEL1,
  ...GEMM,
  ...LEVEL2_PRODUCTS,
  ...ROTATION,
};

/** Routines whose NaN/Inf behaviour is tested in a dedicated file instead. */
export const NAN_TESTED_ELSEWHERE: Readonly<Record<string, string>> = {
  trsv: 'level2-nan.test.ts',
  ...Object.fromEntries(Object.keys(LEVEL3).map((name) => [name, 'level3-nan.test.ts'])),
};
