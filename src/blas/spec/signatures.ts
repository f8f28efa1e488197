// Building a routine's signature list: full names derived from the parameter
// roles (pure inputs before '->', written operands or the result after), and
// the four classic precisions s, d, c, z with their short names.
import type { DTypeName } from '../../core/dtypes.js';
import { type Param, type Signature, TYPE_ABBREV } from './types.js';

const abbrev = (t: DTypeName | 'index') => (t === 'index' ? 'i64' : TYPE_ABBREV[t]);

/**
 * The full name: inputs are the arrays with role 'in' (or, when there are
 * none, the scalars' type, then the in-out arrays); outputs are the written
 * arrays, or the result type for reductions.
 */
export function signatureName(
  routine: string,
  params: readonly Param[],
  types: Readonly<Record<string, DTypeName>>,
  scalarType: DTypeName,
  result?: DTypeName | 'index',
): string {
  const arrays = params.filter((p) => p.kind === 'array');
  let ins = arrays.filter((p) => p.role === 'in').map((p) => abbrev(types[p.name]));
  const outs = arrays.filter((p) => p.role !== 'in').map((p) => abbrev(types[p.name]));
  if (ins.length === 0 && params.some((p) => p.kind === 'scalar')) ins = [abbrev(scalarType)];
  if (ins.length === 0) ins = outs;
  const right = result === undefined ? outs : [abbrev(result)];
  return `${routine}:${ins.join(',')}->${right.join(',')}`;
}

export interface Precision {
  readonly dtype: DTypeName;
  /** BLAS prefix letter. */
  readonly prefix: 's' | 'd' | 'c' | 'z';
  readonly complex: boolean;
  /** The real type of the same width (float32 for complex64). */
  readonly real: DTypeName;
}

export const PRECISIONS: readonly Precision[] = [
  { dtype: 'float32', prefix: 's', complex: false, real: 'float32' },
  { dtype: 'float64', prefix: 'd', complex: false, real: 'float64' },
  { dtype: 'complex64', prefix: 'c', complex: true, real: 'float32' },
  { dtype: 'complex128', prefix: 'z', complex: true, real: 'float64' },
];

/**
 * Signatures where every array has the precision's type, for the given
 * precisions; `short(p)` names the classic routine (or undefined),
 * `result(p)` gives a reduction's result type.
 */
export function uniformSignatures(
  routine: string,
  params: readonly Param[],
  precisions: readonly Precision[],
  short: (p: Precision) => string | undefined,
  result?: (p: Precision) => DTypeName | 'index',
): Signature[] {
  return precisions.map((p) => {
    const types = Object.fromEntries(
      params.filter((q) => q.kind === 'array').map((q) => [q.name, p.dtype]),
    );
    const res = result?.(p);
    return {
      name: signatureName(routine, params, types, p.dtype, res),
      short: short(p),
      types,
      complexScalars: p.complex,
      result: res,
    };
  });
}

/** A mixed-type signature given the dtype of every array parameter. */
export function mixedSignature(
  routine: string,
  params: readonly Param[],
  types: Readonly<Record<string, DTypeName>>,
  options: {
    complexScalars?: boolean;
    result?: DTypeName | 'index';
    short?: string;
    scalarType?: DTypeName;
  } = {},
): Signature {
  const scalarType = options.scalarType ?? Object.values(types)[0];
  return {
    name: signatureName(routine, params, types, scalarType, options.result),
    short: options.short,
    types,
    complexScalars: options.complexScalars ?? false,
    result: options.result,
  };
}
