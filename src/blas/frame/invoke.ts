// Runs one BLAS call: validate against the spec, pick the implementation of
// the signature, prepare operands, run the kernel, write temporaries back,
// and round a reduction's result to its declared type.
import { Complex } from '../../core/complex.js';
import { fail } from '../../core/errors.js';
import type { KernelComplex, KernelResult } from '../../kernels/types.js';
import { implementationOf } from '../registry.js';
import type { RoutineSpec, Signature } from '../spec/types.js';
import { prepareCall } from './prepare.js';
import { validateCall } from './validate.js';

export type BlasResult = undefined | number | Complex;

const ROUND: Readonly<Record<string, (x: number) => number>> = {
  float32: Math.fround,
  complex64: Math.fround,
};

function convert(r: KernelResult, sig: Signature): BlasResult {
  if (r === undefined) return undefined;
  const round = (sig.result !== undefined && ROUND[sig.result]) || ((x: number) => x);
  if (typeof r === 'number') return round(r);
  const c = r as KernelComplex;
  return new Complex(round(c.re), round(c.im));
}

export function invoke(spec: RoutineSpec, args: readonly unknown[], fixed?: Signature): BlasResult {
  const v = validateCall(spec, args, undefined, fixed);
  const impl = implementationOf(v.signature.name);
  if (impl === undefined) {
    throw fail(
      'ERR_UNSUPPORTED_SIGNATURE',
      spec.params[0].name,
      `no backend implements ${v.signature.name}`,
      spec.name,
    );
  }
  const p = prepareCall(v);
  const result = impl.kernel(p.call);
  p.finish();
  return convert(result, v.signature);
}
