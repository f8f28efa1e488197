// Ufunc objects: a callable per definition (`add(x1, x2, {out, where, dtype,
// casting})`) carrying NumPy's introspection (`nin`, `nout`, `identity`,
// `types`), all running through the one executor.
import type { ComplexLike } from '../core/complex.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { execute, UfuncEngine, type UfuncOptions } from './execute.js';
import type { UfuncDef } from './types.js';

/** What a ufunc accepts as an operand: an array, nested arrays, a typed array or a scalar. */
export type ArrayOrScalar =
  | NDArray
  | number
  | bigint
  | boolean
  | ComplexLike
  | readonly unknown[]
  | ArrayBufferView;

export interface UfuncInfo {
  /** NumPy's name of the ufunc ('floor_divide'). */
  readonly ufuncName: string;
  readonly nin: number;
  readonly nout: 1;
  /** The reduction identity (NumPy's `ufunc.identity`), or null. */
  readonly identity: number | boolean | null;
  /** The loop signatures in resolution order, as NumPy's `ufunc.types` ('dd->d'). */
  readonly types: readonly string[];
}

export type UnaryUfunc = ((x: ArrayOrScalar, options?: UfuncOptions) => NDArray) & UfuncInfo;
export type BinaryUfunc = ((
  x1: ArrayOrScalar,
  x2: ArrayOrScalar,
  options?: UfuncOptions,
) => NDArray) &
  UfuncInfo;
export type TernaryUfunc = ((
  x1: ArrayOrScalar,
  x2: ArrayOrScalar,
  x3: ArrayOrScalar,
  options?: UfuncOptions,
) => NDArray) &
  UfuncInfo;

function info(def: UfuncDef): UfuncInfo {
  return {
    ufuncName: def.name,
    nin: def.nin,
    nout: 1,
    identity: def.identity,
    types: Object.freeze(def.loops.map((l) => l.sig)),
  };
}

export function unaryUfunc(def: UfuncDef): UnaryUfunc {
  const engine = new UfuncEngine(def);
  const f = (x: ArrayOrScalar, options?: UfuncOptions) => execute(engine, [x], options);
  return Object.assign(f, info(def));
}

export function binaryUfunc(def: UfuncDef): BinaryUfunc {
  const engine = new UfuncEngine(def);
  const f = (x1: ArrayOrScalar, x2: ArrayOrScalar, options?: UfuncOptions) =>
    execute(engine, [x1, x2], options);
  return Object.assign(f, info(def));
}

export function ternaryUfunc(def: UfuncDef): TernaryUfunc {
  const engine = new UfuncEngine(def);
  const f = (x1: ArrayOrScalar, x2: ArrayOrScalar, x3: ArrayOrScalar, options?: UfuncOptions) =>
    execute(engine, [x1, x2, x3], options);
  return Object.assign(f, info(def));
}
