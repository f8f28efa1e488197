// Shorthands for declaring routine parameters in specs.
import type { ArrayParam, Role, ScalarParam, ScalarValue } from './types.js';

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
