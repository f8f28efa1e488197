// NumPy's loop selection for a ufunc call: NEP 50 promotion of weak JavaScript
// scalars against the array dtypes, then the first loop of the table that every
// input can be cast to safely (or, with `dtype`, the first loop computing in
// that dtype whose inputs cast under `casting`).
import { type DType, dtypes } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { promoteWeak, resultType, type WeakKind } from '../core/promotion.js';
import { type Casting, canCast } from '../ndarray/cast.js';
import { CHAR_DTYPE, type LoopDef, parseSig, type UfuncDef } from './types.js';

export interface ResolvedLoop {
  readonly loop: LoopDef;
  readonly index: number;
  /** The loop's input dtypes, then its output dtype. */
  readonly inputs: readonly DType[];
  readonly output: DType;
  /** The dtype NEP 50 gave each input (weak scalars are range-checked against it). */
  readonly effective: readonly DType[];
}

/** An input as the resolver sees it: an array's dtype, or the kind of a weak scalar. */
export type InputType = DType | WeakKind;

const WEAK_ORDER: readonly WeakKind[] = ['bool', 'int', 'float', 'complex'];
const WEAK_DEFAULT: Readonly<Record<WeakKind, DType>> = {
  bool: dtypes.bool,
  int: dtypes.int64,
  float: dtypes.float64,
  complex: dtypes.complex128,
};

/**
 * The dtype each input takes part in loop selection with: arrays keep theirs,
 * weak scalars take the dtype NEP 50 gives them next to the arrays (next to
 * the strongest weak kind when every input is a scalar).
 */
export function effectiveTypes(inputs: readonly InputType[]): DType[] {
  const strong = inputs.filter((t): t is DType => typeof t !== 'string');
  let common: DType;
  if (strong.length > 0) common = resultType(...strong);
  else {
    const top = Math.max(...inputs.map((t) => WEAK_ORDER.indexOf(t as WeakKind)));
    common = WEAK_DEFAULT[WEAK_ORDER[top]];
  }
  return inputs.map((t) => (typeof t === 'string' ? promoteWeak(common, t) : t));
}

const isIntegral = (d: DType) => d.kind === 'b' || d.kind === 'i' || d.kind === 'u';

function describe(types: readonly DType[]): string {
  return `(${types.map((t) => t.name).join(', ')})`;
}

export function resolveLoop(
  def: UfuncDef,
  inputs: readonly InputType[],
  dtype: DType | undefined,
  casting: Casting,
  names: readonly string[],
): ResolvedLoop {
  const types = effectiveTypes(inputs);
  const refused = def.refuse?.(types);
  if (refused !== undefined) throw fail('ERR_UNSUPPORTED_SIGNATURE', names[0], refused, def.name);
  const wanted =
    dtype === undefined && def.trueDivide === true && types.every(isIntegral)
      ? dtypes.float64
      : dtype;
  for (let index = 0; index < def.loops.length; index++) {
    const loop = def.loops[index];
    const sig = parseSig(loop.sig);
    const loopIn = sig.inputs.map((c) => CHAR_DTYPE[c]);
    const output = CHAR_DTYPE[sig.output];
    if (wanted !== undefined && output.name !== wanted.name) continue;
    const rule: Casting = dtype === undefined ? 'safe' : casting;
    if (types.every((t, k) => canCast(t, loopIn[k], rule))) {
      return { loop, index, inputs: loopIn, output, effective: types };
    }
  }
  const detail =
    dtype === undefined
      ? `ufunc '${def.name}' not supported for the input types ${describe(types)}, and the inputs could not be safely coerced to any supported types`
      : `ufunc '${def.name}' has no loop computing in ${dtype.name} for the input types ${describe(types)} under casting '${casting}'`;
  throw fail(
    'ERR_UNSUPPORTED_SIGNATURE',
    dtype === undefined ? names[0] : 'dtype',
    detail,
    def.name,
  );
}
