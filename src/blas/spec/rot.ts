// rot: applies the plane rotation x, y = c x + s y, c y - conj(s) x, with a
// real c. Complex vectors take a real s (csrot, zdrot) or a complex one
// (LAPACK's crot, zrot); a real s picks the former.
import { invoke } from '../frame/invoke.js';
import type { BlasScalar, StridedOperand } from '../operand.js';
import { scalar, vector } from './params.js';
import { mixedSignature, PRECISIONS, uniformSignatures } from './signatures.js';
import type { RoutineSpec } from './types.js';

const params = [vector('x', 'inout'), vector('y', 'inout'), scalar('c', true), scalar('s')];
const SHORT: Readonly<Record<string, string>> = { s: 'srot', d: 'drot', c: 'crot', z: 'zrot' };

export const rotSpec: RoutineSpec = {
  name: 'rot',
  summary: 'x, y = c x + s y, c y - conj(s) x (real c)',
  params,
  options: [],
  returns: 'none',
  signatures: [
    ...uniformSignatures('rot', params, PRECISIONS.slice(0, 2), (p) => SHORT[p.prefix]),
    mixedSignature(
      'rot',
      params,
      { x: 'complex64', y: 'complex64' },
      { scalarType: 'float32', short: 'csrot' },
    ),
    mixedSignature(
      'rot',
      params,
      { x: 'complex128', y: 'complex128' },
      { scalarType: 'float64', short: 'zdrot' },
    ),
    ...uniformSignatures('rot', params, PRECISIONS.slice(2), (p) => SHORT[p.prefix]),
  ],
};

export function rot(x: StridedOperand, y: StridedOperand, c: number, s: BlasScalar): void {
  invoke(rotSpec, [x, y, c, s]);
}
