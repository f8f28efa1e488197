// Elementary functions: exponentials and logarithms, roots, trigonometric and
// hyperbolic functions and their inverses, arctan2, hypot, the integer-valued
// roundings (floor, ceil, trunc, rint half to even), copysign and nextafter.
// float32 and float16 loops compute in double and round once (or twice for
// float16, through float32, as NumPy's half loops do).

import { expF64, logF64 } from '../../kernels/ref/math.js';
import { wasmLoop } from '../accelerated.js';
import { COMPLEX, FLOATS, INTS, same } from '../loops.js';
import {
  cacos,
  cacosh,
  casin,
  casinh,
  catan,
  catanh,
  ccos,
  ccosh,
  cexp2,
  cexpm1,
  clog1p,
  clog2,
  clog10,
  csin,
  csinh,
  ctan,
  ctanh,
} from '../scalar/cmath.js';
import { cexp, clog, csqrt, unaryPair } from '../scalar/complex.js';
import {
  copysign as copysignOf,
  nextafter16,
  nextafter32,
  nextafter64,
  rint as rintOf,
} from '../scalar/real.js';
import type { Accelerate, LoopDef, UfuncDef } from '../types.js';

type N = number;
type B = bigint;
type Pair = [number, number];

const isZero = (a: N) => a === 0;

function unary(
  name: string,
  real: (x: N) => N,
  complex?: (x: N, y: N) => Pair,
  extra: Partial<UfuncDef> = {},
  wasm?: Accelerate,
): UfuncDef {
  const loops: LoopDef[] = same(FLOATS, 1, real).map((l) =>
    wasm !== undefined && (l.sig === 'd->d' || l.sig === 'f->f') ? { ...l, accelerate: wasm } : l,
  );
  if (complex !== undefined) loops.push(...same(COMPLEX, 1, unaryPair(complex)));
  return { name, nin: 1, identity: null, loops, ...extra };
}

const logPole = { pole: isZero };
// exp and log: the scalar twin of their wasm kernel everywhere (short runs, 0-d
// operands, engines without WebAssembly), so that an element's bits never
// depend on the layout; the kernel's driver falls back to Math.exp / Math.log
// for the same elements the twin does.
export const exp = unary('exp', expF64, cexp, { underflows: true }, wasmLoop('exp', Math.exp));
export const exp2 = unary('exp2', (x) => 2 ** x, cexp2, { underflows: true });
export const expm1 = unary('expm1', Math.expm1, cexpm1);
export const log = unary('log', logF64, clog, logPole, wasmLoop('log', Math.log));
export const log2 = unary('log2', Math.log2, clog2, logPole);
export const log10 = unary('log10', Math.log10, clog10, logPole);
export const log1p = unary('log1p', Math.log1p, clog1p, { pole: (x) => x === -1 });
export const sqrt = unary('sqrt', Math.sqrt, csqrt);
export const cbrt = unary('cbrt', Math.cbrt);
export const sin = unary('sin', Math.sin, csin);
export const cos = unary('cos', Math.cos, ccos);
export const tan = unary('tan', Math.tan, ctan);
export const arcsin = unary('arcsin', Math.asin, casin);
export const arccos = unary('arccos', Math.acos, cacos);
export const arctan = unary('arctan', Math.atan, catan);
export const sinh = unary('sinh', Math.sinh, csinh);
export const cosh = unary('cosh', Math.cosh, ccosh);
export const tanh = unary('tanh', Math.tanh, ctanh);
export const arcsinh = unary('arcsinh', Math.asinh, casinh);
export const arccosh = unary('arccosh', Math.acosh, cacosh);
export const arctanh = unary('arctanh', Math.atanh, catanh, { pole: (x) => x === 1 || x === -1 });

function binary(name: string, identity: number | null, loops: LoopDef[]): UfuncDef {
  return { name, nin: 2, identity, loops };
}

export const arctan2 = binary('arctan2', null, same(FLOATS, 2, Math.atan2));
export const hypot = binary('hypot', 0, same(FLOATS, 2, Math.hypot));
export const copysign = binary('copysign', null, same(FLOATS, 2, copysignOf));
export const nextafter = binary('nextafter', null, [
  ...same('e', 2, nextafter16),
  ...same('f', 2, nextafter32),
  ...same('d', 2, nextafter64),
]);

/** floor, ceil, trunc: integers and bools are their own value (NumPy 2). */
function rounding(name: string, f: (x: N) => N): UfuncDef {
  return {
    name,
    nin: 1,
    identity: null,
    loops: [
      ...same('?', 1, (a: N) => a !== 0),
      ...same(INTS.slice(0, 6), 1, (a: N) => a),
      ...same('qQ', 1, (a: B) => a),
      ...same(FLOATS, 1, f),
    ],
  };
}

export const floor = rounding('floor', Math.floor);
export const ceil = rounding('ceil', Math.ceil);
export const trunc = rounding('trunc', Math.trunc);

export const rint: UfuncDef = {
  name: 'rint',
  nin: 1,
  identity: null,
  loops: [
    ...same(FLOATS, 1, rintOf),
    ...same(
      COMPLEX,
      1,
      unaryPair((x, y) => [rintOf(x), rintOf(y)]),
    ),
  ],
};
