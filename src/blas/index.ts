// `ndblas/blas`: the next-generation strided BLAS. Operands are strided
// descriptors with byte strides of any value (an NDArray qualifies); every
// invalid argument raises a typed error; capabilities() lists what exists.
import './dispatch.js';
import './dispatch-wasm.js';
import './dispatch-wasm-level12.js';
import { type BlasResult, invoke } from './frame/invoke.js';
import { type CapabilityRow, capabilityRows } from './registry.js';
import { ABSENT, SCALAR_SPECS, SPECS } from './spec/index.js';
import type { ComplexRotation, RealRotation } from './spec/rotg.js';
import type { ModifiedRotation } from './spec/rotmg.js';

export type { BlasResult } from './frame/invoke.js';
export type { BlasScalar, StridedOperand } from './operand.js';
export { type RawRoutine, raw } from './raw.js';
export type { CapabilityRow } from './registry.js';
export { asum } from './spec/asum.js';
export { axpy } from './spec/axpy.js';
export { copy } from './spec/copy.js';
export { dot } from './spec/dot.js';
export { dotc } from './spec/dotc.js';
export { gemm } from './spec/gemm.js';
export { gemmBatched } from './spec/gemm-batched.js';
export { gemv } from './spec/gemv.js';
export { ger } from './spec/ger.js';
export { gerc } from './spec/gerc.js';
export { hemm } from './spec/hemm.js';
export { hemv } from './spec/hemv.js';
export { her } from './spec/her.js';
export { her2 } from './spec/her2.js';
export { her2k } from './spec/her2k.js';
export { herk } from './spec/herk.js';
export { iamax } from './spec/iamax.js';
export { iamin } from './spec/iamin.js';
export { SCALAR_SPECS, SPECS } from './spec/index.js';
export { nrm2 } from './spec/nrm2.js';
export { rot } from './spec/rot.js';
export { type ComplexRotation, type RealRotation, rotg } from './spec/rotg.js';
export { rotm } from './spec/rotm.js';
export { type ModifiedRotation, rotmg } from './spec/rotmg.js';
export { scal } from './spec/scal.js';
export type { ScalarRoutineSpec, ScalarSignature } from './spec/scalar.js';
export { sdsdot } from './spec/sdsdot.js';
export { swap } from './spec/swap.js';
export { symm } from './spec/symm.js';
export { symv } from './spec/symv.js';
export { syr } from './spec/syr.js';
export { syr2 } from './spec/syr2.js';
export { syr2k } from './spec/syr2k.js';
export { syrk } from './spec/syrk.js';
export { trmm } from './spec/trmm.js';
export { trmv } from './spec/trmv.js';
export { trsm } from './spec/trsm.js';
export { trsv } from './spec/trsv.js';
export type { ArrayParam, BlasOptions, Param, RoutineSpec, Signature } from './spec/types.js';

export type Routine = (
  ...args: unknown[]
) => BlasResult | RealRotation | ComplexRotation | ModifiedRotation;

/** Every signature by its full name, e.g. bySignature['gemm:f16,f16->f32'](alpha, a, b, beta, c). */
export const bySignature: Readonly<Record<string, Routine>> = Object.fromEntries([
  ...SPECS.flatMap((spec) =>
    spec.signatures.map((sig) => [sig.name, (...args: unknown[]) => invoke(spec, args, sig)]),
  ),
  ...SCALAR_SPECS.flatMap((spec) => spec.signatures.map((sig) => [sig.name, sig.call])),
]);

/** The classic names (dgemm, zdotc, isamax...) as a thin shim over full signatures. */
export const byShortName: Readonly<Record<string, Routine>> = Object.fromEntries(
  [...SPECS, ...SCALAR_SPECS].flatMap((spec) =>
    spec.signatures.flatMap((sig: { name: string; short?: string }) =>
      sig.short === undefined ? [] : [[sig.short, bySignature[sig.name]]],
    ),
  ),
);

/** Which routines and signatures this build provides, and on which backend. */
export function capabilities(): CapabilityRow[] {
  return capabilityRows(SPECS, ABSENT, SCALAR_SPECS);
}
