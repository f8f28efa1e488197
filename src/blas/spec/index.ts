// Every routine spec, in the order the capability table lists them, the
// scalar-only routines (rotg, rotmg: no operands, see scalar.ts), and the
// routines the interface does not provide yet (listed as absent).
import { asumSpec } from './asum.js';
import { axpySpec } from './axpy.js';
import { copySpec } from './copy.js';
import { dotSpec } from './dot.js';
import { dotcSpec } from './dotc.js';
import { gemmSpec } from './gemm.js';
import { gemmBatchedSpec } from './gemm-batched.js';
import { gemvSpec } from './gemv.js';
import { gerSpec } from './ger.js';
import { gercSpec } from './gerc.js';
import { hemmSpec } from './hemm.js';
import { hemvSpec } from './hemv.js';
import { herSpec } from './her.js';
import { her2Spec } from './her2.js';
import { her2kSpec } from './her2k.js';
import { herkSpec } from './herk.js';
import { iamaxSpec } from './iamax.js';
import { iaminSpec } from './iamin.js';
import { nrm2Spec } from './nrm2.js';
import { rotSpec } from './rot.js';
import { rotgSpec } from './rotg.js';
import { rotmSpec } from './rotm.js';
import { rotmgSpec } from './rotmg.js';
import { scalSpec } from './scal.js';
import type { ScalarRoutineSpec } from './scalar.js';
import { sdsdotSpec } from './sdsdot.js';
import { swapSpec } from './swap.js';
import { symmSpec } from './symm.js';
import { symvSpec } from './symv.js';
import { syrSpec } from './syr.js';
import { syr2Spec } from './syr2.js';
import { syr2kSpec } from './syr2k.js';
import { syrkSpec } from './syrk.js';
import { trmmSpec } from './trmm.js';
import { trmvSpec } from './trmv.js';
import { trsmSpec } from './trsm.js';
import { trsvSpec } from './trsv.js';
import type { RoutineSpec } from './types.js';

export const SPECS: readonly RoutineSpec[] = [
  asumSpec,
  axpySpec,
  copySpec,
  dotSpec,
  dotcSpec,
  sdsdotSpec,
  nrm2Spec,
  scalSpec,
  swapSpec,
  rotSpec,
  rotmSpec,
  iamaxSpec,
  iaminSpec,
  gemvSpec,
  symvSpec,
  hemvSpec,
  trmvSpec,
  trsvSpec,
  gerSpec,
  gercSpec,
  syrSpec,
  herSpec,
  syr2Spec,
  her2Spec,
  gemmSpec,
  gemmBatchedSpec,
  symmSpec,
  hemmSpec,
  syrkSpec,
  herkSpec,
  syr2kSpec,
  her2kSpec,
  trmmSpec,
  trsmSpec,
];

export const SCALAR_SPECS: readonly ScalarRoutineSpec[] = [rotgSpec, rotmgSpec];

export const ABSENT: readonly { routine: string; notes: string }[] = [
  { routine: 'gbmv', notes: 'banded forms are not provided yet' },
  { routine: 'sbmv/hbmv', notes: 'banded forms are not provided yet' },
  { routine: 'tbmv/tbsv', notes: 'banded forms are not provided yet' },
  { routine: 'spmv/hpmv', notes: 'packed forms are not provided yet' },
  { routine: 'tpmv/tpsv', notes: 'packed forms are not provided yet' },
  { routine: 'spr/hpr/spr2/hpr2', notes: 'packed forms are not provided yet' },
];
