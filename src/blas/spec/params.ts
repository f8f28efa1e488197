// Shorthands for declaring routine parameters in specs.
import type { ArrayParam, ResolvedOptions, Role, ScalarParam, ScalarValue } from './types.js';

export function vector(
  name: string,
  role: Role,
  dim = 'n',
  extra: Partial<ArrayParam> = {},
): ArrayParam {
  return { kind: 'array', name, rank: 1, role, dims: [dim], ...extra };
}

export function matrix(
  name: string,
  role: Role,
  dims: ArrayParam['dims'],
  extra: Partial<ArrayParam> = {},
): ArrayParam {
  return { kind: 'array', name, rank: 2, role, dims, ...extra };
}

export function stack(
  name: string,
  role: Role,
  dims: readonly string[],
  extra: Partial<ArrayParam> = {},
): ArrayParam {
  return { kind: 'array', name, rank: 3, role, dims, ...extra };
}

export function scalar(name: string, real = false): ScalarParam {
  return { kind: 'scalar', name, real };
}

const isZero = (s: ScalarValue | undefined) => s !== undefined && s.re === 0 && s.im === 0;

/** An in-out output that is not read when beta = 0 (the zero-scalar shortcut). */
export const unlessBetaZero = (s: Readonly<Record<string, ScalarValue>>) => !isZero(s.beta);

/** An in-out output that is not read when alpha = 0 (trmm, trsm: B is set to zero). */
export const unlessAlphaZero = (s: Readonly<Record<string, ScalarValue>>) => !isZero(s.alpha);

/** The square operand of side-dependent routines: m x m from the left, n x n from the right. */
export const sideSquare = (o: ResolvedOptions): readonly string[] =>
  o.left ? ['m', 'm'] : ['n', 'n'];
