// The raw positional form of every signature, for library authors without
// NDArrays: dimensions first, then each parameter in spec order, an array as
// (buffer, byteOffset, ...byte strides), and the options object last, e.g.
// raw['axpy:f64->f64'](n, alpha, xBuf, xOff, xStride, yBuf, yOff, yStride).
import { fail } from '../core/errors.js';
import { type BlasResult, invoke } from './frame/invoke.js';
import { dimsOf, resolveOptions } from './frame/validate.js';
import { SPECS } from './spec/index.js';
import type { RoutineSpec, Signature } from './spec/types.js';

export type RawRoutine = (...args: unknown[]) => BlasResult;

/** Dimension symbols in the order the raw form takes them. */
export function rawDims(spec: RoutineSpec): string[] {
  const o = resolveOptions(spec, undefined);
  const out: string[] = [];
  for (const p of spec.params) {
    if (p.kind === 'array') for (const s of dimsOf(p, o)) if (!out.includes(s)) out.push(s);
  }
  return out;
}

function rawForm(spec: RoutineSpec, sig: Signature): RawRoutine {
  const syms = rawDims(spec);
  return (...args: unknown[]) => {
    const dims: Record<string, number> = {};
    syms.forEach((s, i) => {
      const d = args[i];
      if (!Number.isSafeInteger(d) || (d as number) < 0) {
        throw fail(
          'ERR_DIMENSION',
          s,
          `must be a non-negative integer, got ${String(d)}`,
          spec.name,
        );
      }
      dims[s] = d as number;
    });
    let i = syms.length;
    const call: unknown[] = [];
    const arrays = spec.params.filter((p) => p.kind === 'array');
    const trailing =
      arrays.reduce((n, p) => n + 2 + p.rank, 0) + spec.params.length - arrays.length + i;
    const options = args[trailing];
    const o = resolveOptions(spec, options);
    for (const p of spec.params) {
      if (p.kind === 'scalar') {
        call.push(args[i++]);
        continue;
      }
      const [buffer, byteOffset] = [args[i], args[i + 1]];
      const strides = args.slice(i + 2, i + 2 + p.rank);
      i += 2 + p.rank;
      call.push({
        buffer,
        byteOffset,
        strides,
        shape: dimsOf(p, o).map((s) => dims[s]),
        dtype: sig.types[p.name],
      });
    }
    return invoke(spec, [...call, options], sig);
  };
}

/** raw[fullSignatureName] for every signature of every routine. */
export const raw: Readonly<Record<string, RawRoutine>> = Object.fromEntries(
  SPECS.flatMap((spec) => spec.signatures.map((sig) => [sig.name, rawForm(spec, sig)])),
);
