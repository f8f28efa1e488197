// Detection of IEEE exceptions for errstate, from a chunk's operands and result
// (JavaScript exposes no FPU flags): NaN from non-NaN inputs is invalid, an
// infinity from finite inputs is a division by zero at the ufunc's poles and an
// overflow elsewhere, a zero or subnormal result of an underflowing ufunc from
// finite nonzero inputs is an underflow. Runs only while errstate watches a class.
import { roundFloat16 } from '../core/float16.js';
import type { AnyTyped } from '../ndarray/typed.js';
import type { ResolvedLoop } from './resolve.js';
import { FP_DIVIDE, FP_INVALID, FP_OVERFLOW, FP_UNDERFLOW, type UfuncDef } from './types.js';

/** (typed array, first index, stride) of one operand of a chunk. */
export type Run = readonly [AnyTyped, number, number];

const MIN_NORMAL: Readonly<Record<string, number>> = {
  float16: 2 ** -14,
  float32: 2 ** -126,
  float64: 2 ** -1022,
  complex64: 2 ** -126,
  complex128: 2 ** -1022,
};

function floatFlags(
  def: UfuncDef,
  ins: readonly number[],
  out: readonly number[],
  tiny: number,
  reals: readonly number[],
): number {
  const inNaN = ins.some(Number.isNaN);
  if (out.some(Number.isNaN)) return inNaN ? 0 : FP_INVALID;
  const inFinite = ins.every(Number.isFinite);
  if (!out.every(Number.isFinite)) {
    if (!inFinite) return 0;
    return def.pole?.(...reals) === true ? FP_DIVIDE : FP_OVERFLOW;
  }
  if (def.underflows === true && inFinite && ins.every((x) => x !== 0)) {
    if (out.some((x) => Math.abs(x) < tiny)) return FP_UNDERFLOW;
  }
  return 0;
}

/** The exception flags of `m` computed elements (those whose mask byte is set, if any). */
export function chunkFlags(
  def: UfuncDef,
  r: ResolvedLoop,
  m: number,
  out: Run,
  ins: readonly Run[],
  mask: Run | undefined,
): number {
  const complexIn = r.inputs.map((d) => d.kind === 'c');
  const complexOut = r.output.kind === 'c';
  const float = [...r.inputs, r.output].some((d) => d.kind === 'f' || d.kind === 'c');
  if (!float && def.integerFlags === undefined) return 0;
  const half = r.output.name === 'float16';
  const tiny = MIN_NORMAL[r.output.name] ?? 0;
  let flags = 0;
  for (let j = 0; j < m; j++) {
    if (mask !== undefined && mask[0][mask[1] + j * mask[2]] === 0) continue;
    const re: (number | bigint)[] = [];
    const all: number[] = [];
    ins.forEach(([a, i, s], k) => {
      const at = i + j * s;
      re.push(a[at]);
      all.push(Number(a[at]));
      if (complexIn[k]) all.push(a[at + 1] as number);
    });
    const o = out[0];
    const at = out[1] + j * out[2];
    if (!float) {
      flags |= def.integerFlags!(...re);
      continue;
    }
    const value = half ? roundFloat16(o[at] as number) : Number(o[at]);
    const res = complexOut ? [value, o[at + 1] as number] : [value];
    flags |= floatFlags(def, all, res, tiny, re.map(Number));
  }
  return flags;
}
