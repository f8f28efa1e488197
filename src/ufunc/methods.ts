// NDArray method forms of the ufuncs (`a.add(b)`, `a.sqrt()`, `a.round(2)`),
// added to the class by declaration merging and prototype assignment so that
// ndarray.ts stays free of ufunc code. Imported for its effect by src/index.ts.
import { NDArray } from '../ndarray/ndarray.js';
import type { UfuncOptions } from './execute.js';
import { clip, round } from './functions.js';
import * as U from './index.js';
import type { ArrayOrScalar } from './ufunc.js';

const BINARY = {
  add: U.add,
  subtract: U.subtract,
  multiply: U.multiply,
  divide: U.divide,
  floorDivide: U.floorDivide,
  remainder: U.remainder,
  mod: U.mod,
  power: U.power,
  equal: U.equal,
  notEqual: U.notEqual,
  less: U.less,
  lessEqual: U.lessEqual,
  greater: U.greater,
  greaterEqual: U.greaterEqual,
  logicalAnd: U.logicalAnd,
  logicalOr: U.logicalOr,
  logicalXor: U.logicalXor,
  bitwiseAnd: U.bitwiseAnd,
  bitwiseOr: U.bitwiseOr,
  bitwiseXor: U.bitwiseXor,
  leftShift: U.leftShift,
  rightShift: U.rightShift,
  maximum: U.maximum,
  minimum: U.minimum,
  fmax: U.fmax,
  fmin: U.fmin,
  arctan2: U.arctan2,
  hypot: U.hypot,
  copysign: U.copysign,
  nextafter: U.nextafter,
} as const;

const UNARY = {
  negative: U.negative,
  positive: U.positive,
  abs: U.absolute,
  absolute: U.absolute,
  sign: U.sign,
  reciprocal: U.reciprocal,
  square: U.square,
  sqrt: U.sqrt,
  cbrt: U.cbrt,
  exp: U.exp,
  exp2: U.exp2,
  expm1: U.expm1,
  log: U.log,
  log2: U.log2,
  log10: U.log10,
  log1p: U.log1p,
  sin: U.sin,
  cos: U.cos,
  tan: U.tan,
  arcsin: U.arcsin,
  arccos: U.arccos,
  arctan: U.arctan,
  sinh: U.sinh,
  cosh: U.cosh,
  tanh: U.tanh,
  arcsinh: U.arcsinh,
  arccosh: U.arccosh,
  arctanh: U.arctanh,
  floor: U.floor,
  ceil: U.ceil,
  trunc: U.trunc,
  rint: U.rint,
  conj: U.conjugate,
  conjugate: U.conjugate,
  logicalNot: U.logicalNot,
  invert: U.invert,
  isnan: U.isnan,
  isinf: U.isinf,
  isfinite: U.isfinite,
  signbit: U.signbit,
} as const;

type BinaryMethods = {
  [K in keyof typeof BINARY]: (other: ArrayOrScalar, options?: UfuncOptions) => NDArray;
};
type UnaryMethods = { [K in keyof typeof UNARY]: (options?: UfuncOptions) => NDArray };

interface OtherMethods {
  /** np.round(a, decimals): half to even. */
  round(decimals?: number, options?: UfuncOptions): NDArray;
  /** np.clip(a, min, max); either bound may be null. */
  clip(min: ArrayOrScalar | null, max: ArrayOrScalar | null, options?: UfuncOptions): NDArray;
}

declare module '../ndarray/ndarray.js' {
  interface NDArray extends BinaryMethods, UnaryMethods, OtherMethods {}
}

const proto = NDArray.prototype as unknown as Record<string, unknown>;
for (const [name, f] of Object.entries(BINARY)) {
  proto[name] = function (this: NDArray, other: ArrayOrScalar, options?: UfuncOptions) {
    return f(this, other, options);
  };
}
for (const [name, f] of Object.entries(UNARY)) {
  proto[name] = function (this: NDArray, options?: UfuncOptions) {
    return f(this, options);
  };
}
proto.round = function (this: NDArray, decimals?: number, options?: UfuncOptions) {
  return round(this, decimals, options);
};
proto.clip = function (
  this: NDArray,
  min: ArrayOrScalar | null,
  max: ArrayOrScalar | null,
  options?: UfuncOptions,
) {
  return clip(this, min, max, options);
};
