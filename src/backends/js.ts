// The JavaScript backend: the reference kernels, by routine and by real or
// complex scalars. Works everywhere; every signature of every spec has one.
import * as gemm from '../kernels/ref/gemm.js';
import * as l1 from '../kernels/ref/level1.js';
import * as l2 from '../kernels/ref/level2.js';
import * as l3 from '../kernels/ref/level3.js';
import * as l3t from '../kernels/ref/level3-triangular.js';
import * as nrm2 from '../kernels/ref/nrm2.js';
import * as rotation from '../kernels/ref/rotation.js';
import * as tri from '../kernels/ref/triangular.js';
import type { Kernel, KernelCall } from '../kernels/types.js';

export interface KernelPair {
  readonly real?: Kernel;
  readonly complex?: Kernel;
}

const conjX =
  (k: Kernel): Kernel =>
  (c: KernelCall) =>
    k({ ...c, options: { ...c.options, conj: { x: true } } });

/** Kernels by routine name; complex signatures with a real scalar use `real` only where noted. */
export const JS_KERNELS: Readonly<Record<string, KernelPair>> = {
  asum: { real: l1.asumReal, complex: l1.asumComplex },
  axpy: { real: l1.axpyReal, complex: l1.axpyComplex },
  copy: { real: l1.copyReal, complex: l1.copyComplex },
  dot: { real: l1.dotReal, complex: l1.dotComplex },
  dotc: { complex: conjX(l1.dotComplex) },
  sdsdot: { real: l1.dotReal },
  nrm2: { real: nrm2.nrm2Real, complex: nrm2.nrm2Complex },
  scal: { real: l1.scalReal, complex: l1.scalComplex },
  swap: { real: l1.swapReal, complex: l1.swapComplex },
  rot: { real: rotation.rotReal, complex: rotation.rotComplex },
  rotm: { real: rotation.rotmReal },
  iamax: { real: l1.iamaxReal, complex: l1.iamaxComplex },
  iamin: { real: l1.iaminReal, complex: l1.iaminComplex },
  gemv: { real: gemm.gemvReal, complex: gemm.gemvComplex },
  symv: { real: l2.symvReal },
  hemv: { complex: l2.hemvComplex },
  trmv: { real: tri.trmvReal, complex: tri.trmvComplex },
  trsv: { real: tri.trsvReal, complex: tri.trsvComplex },
  ger: { real: l2.gerReal, complex: l2.gerComplex },
  gerc: { complex: l2.gercComplex },
  syr: { real: l2.syrReal },
  her: { complex: l2.herComplex },
  syr2: { real: l2.syr2Real },
  her2: { complex: l2.her2Complex },
  gemm: { real: gemm.gemmReal, complex: gemm.gemmComplex },
  gemmBatched: { real: gemm.gemmBatchedReal, complex: gemm.gemmBatchedComplex },
  symm: { real: l3.symmReal, complex: l3.symmComplex },
  hemm: { complex: l3.hemmComplex },
  syrk: { real: l3.syrkReal, complex: l3.syrkComplex },
  herk: { complex: l3.herkComplex },
  syr2k: { real: l3.syr2kReal, complex: l3.syr2kComplex },
  her2k: { complex: l3.her2kComplex },
  trmm: { real: l3t.trmmReal, complex: l3t.trmmComplex },
  trsm: { real: l3t.trsmReal, complex: l3t.trsmComplex },
};
