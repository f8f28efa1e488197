// Routines whose arguments are all scalars (rotg, rotmg). Without operands
// none of the frame applies (no operand dtype to dispatch on, no layout, no
// kernel table, and a record for a result), so they are not RoutineSpecs:
// each precision is a full signature name with its classic short name and a
// call that checks its arguments with the frame's typed errors; capabilities()
// lists them. float32 signatures take their arguments rounded to float32,
// compute in float64 and round the results.
import { isComplexLike } from '../../core/complex.js';
import { fail } from '../../core/errors.js';
import { scalar } from './params.js';
import { type Precision, signatureName } from './signatures.js';
import type { ScalarValue } from './types.js';

export interface ScalarSignature<R = unknown> {
  /** Full name, e.g. 'rotg:f32->f32'. */
  readonly name: string;
  /** Classic BLAS name, e.g. 'srotg'. */
  readonly short: string;
  readonly precision: Precision;
  /** Checks the arguments (typed errors naming them), then computes. */
  readonly call: (...args: unknown[]) => R;
}

export interface ScalarRoutineSpec<R = unknown> {
  readonly name: string;
  readonly summary: string;
  readonly signatures: readonly ScalarSignature<R>[];
}

/** Rounding of float64 results to the precision's real type. */
export const roundOf = (p: Precision): ((v: number) => number) =>
  p.real === 'float32' ? Math.fround : (v) => v;

function checkArgs(
  routine: string,
  signature: string,
  names: readonly string[],
  p: Precision,
  args: readonly unknown[],
): ScalarValue[] {
  if (args.length !== names.length) {
    throw fail(
      'ERR_ARGUMENT',
      'arguments',
      `expected ${names.length} arguments (${names.join(', ')}), got ${args.length}`,
      routine,
    );
  }
  const round = roundOf(p);
  return names.map((name, i) => {
    const v = args[i];
    const s = typeof v === 'number' ? { re: v, im: 0 } : isComplexLike(v) ? v : undefined;
    if (s === undefined) {
      throw fail('ERR_ARGUMENT', name, `expected a number or {re, im}, got ${typeof v}`, routine);
    }
    if (!p.complex && s.im !== 0) {
      throw fail('ERR_ARGUMENT', name, `must be real for ${signature}`, routine);
    }
    return { re: round(s.re), im: round(s.im) };
  });
}

/** One signature per precision; `compute` gets the checked arguments at that precision. */
export function scalarRoutine<R>(
  name: string,
  summary: string,
  argNames: readonly string[],
  precisions: readonly Precision[],
  compute: (args: ScalarValue[], p: Precision) => R,
): ScalarRoutineSpec<R> {
  const params = argNames.map((n) => scalar(n));
  return {
    name,
    summary,
    signatures: precisions.map((p) => {
      const signature = signatureName(name, params, {}, p.dtype, p.dtype);
      return {
        name: signature,
        short: `${p.prefix}${name}`,
        precision: p,
        call: (...args: unknown[]) => compute(checkArgs(name, signature, argNames, p, args), p),
      };
    }),
  };
}

/**
 * The signature a generic call means: options.dtype; else complex128 when an
 * argument is {re, im} and the routine has complex signatures; else float64.
 */
export function signatureFor<R>(
  spec: ScalarRoutineSpec<R>,
  args: readonly unknown[],
  options: unknown,
): ScalarSignature<R> {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw fail('ERR_OPTION', 'options', 'options must be an object', spec.name);
  }
  const { dtype, ...rest } = (options ?? {}) as Record<string, unknown>;
  const extra = Object.keys(rest).find((k) => rest[k] !== undefined);
  if (extra !== undefined) {
    throw fail('ERR_OPTION', extra, `${spec.name} has no option '${extra}'`, spec.name);
  }
  const complex = args.some(isComplexLike) && spec.signatures.some((s) => s.precision.complex);
  const wanted = dtype ?? (complex ? 'complex128' : 'float64');
  const sig = spec.signatures.find((s) => s.precision.dtype === wanted);
  if (sig === undefined) {
    const have = spec.signatures.map((s) => s.precision.dtype).join(', ');
    throw fail(
      'ERR_UNSUPPORTED_DTYPE',
      'dtype',
      `${spec.name} is provided for ${have}; got ${JSON.stringify(dtype)}`,
      spec.name,
    );
  }
  return sig;
}
