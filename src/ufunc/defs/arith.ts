// Arithmetic ufuncs: add, subtract, multiply, divide, floor_divide, remainder,
// power, negative, positive, absolute, sign, reciprocal, square, conjugate.
// Integers wrap as NumPy's do (the typed-array store narrows; 32-bit products
// use Math.imul, 64-bit values are bigints); float16 loops compute in float32.
import {
  BIG_INTS,
  COMPLEX,
  FLOATS,
  into,
  mapped,
  NARROW_INTS,
  SMALL_INTS,
  same,
  WIDE_INTS,
} from '../loops.js';
import {
  csign,
  square as csquare,
  div,
  inverse,
  mul,
  type Out,
  pow,
  unaryPair,
} from '../scalar/complex.js';
import {
  cpow,
  divmod,
  exact,
  floorDivBig,
  floorDivInt,
  modBig,
  modInt,
  powBig,
  powInt,
  type Round,
} from '../scalar/real.js';
import { FP_DIVIDE, type LoopDef, type UfuncDef } from '../types.js';

type N = number;
type B = bigint;
const f32: Round = Math.fround;

/** Per-precision float loops: float16 and float32 round each step to float32. */
function floats(op: (r: Round) => (...x: N[]) => N, nin: number): LoopDef[] {
  return [...same('ef', nin, op(f32)), ...same('d', nin, op(exact))];
}

function complexes(op: (r: Round) => (o: Out, k: N, ...x: N[]) => void, nin: number): LoopDef[] {
  return [...same('F', nin, op(f32)), ...same('D', nin, op(exact))];
}

const cadd = (o: Out, k: N, ar: N, ai: N, br: N, bi: N) => {
  o[k] = ar + br;
  o[k + 1] = ai + bi;
};
const csub = (o: Out, k: N, ar: N, ai: N, br: N, bi: N) => {
  o[k] = ar - br;
  o[k + 1] = ai - bi;
};

const refuseBool = (what: string) => (types: readonly { kind: string }[]) =>
  types.every((t) => t.kind === 'b') ? what : undefined;

export const add: UfuncDef = {
  name: 'add',
  nin: 2,
  identity: 0,
  loops: [
    ...into('?', 2, '?', (a: N, b: N) => (a | b) !== 0),
    ...same(SMALL_INTS, 2, (a: N, b: N) => a + b),
    ...same(BIG_INTS, 2, (a: B, b: B) => a + b),
    ...same(FLOATS, 2, (a: N, b: N) => a + b),
    ...same(COMPLEX, 2, cadd),
  ],
};

export const subtract: UfuncDef = {
  name: 'subtract',
  nin: 2,
  identity: null,
  refuse: refuseBool(
    'numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.',
  ),
  loops: [
    ...same(SMALL_INTS, 2, (a: N, b: N) => a - b),
    ...same(BIG_INTS, 2, (a: B, b: B) => a - b),
    ...same(FLOATS, 2, (a: N, b: N) => a - b),
    ...same(COMPLEX, 2, csub),
  ],
};

export const multiply: UfuncDef = {
  name: 'multiply',
  nin: 2,
  identity: 1,
  underflows: true,
  loops: [
    ...into('?', 2, '?', (a: N, b: N) => a !== 0 && b !== 0),
    ...same(NARROW_INTS, 2, (a: N, b: N) => a * b),
    ...same(WIDE_INTS, 2, Math.imul),
    ...same(BIG_INTS, 2, (a: B, b: B) => a * b),
    ...same(FLOATS, 2, (a: N, b: N) => a * b),
    ...complexes(mul, 2),
  ],
};

export const divide: UfuncDef = {
  name: 'divide',
  nin: 2,
  identity: null,
  trueDivide: true,
  underflows: true,
  pole: (_a, b) => b === 0,
  loops: [...same(FLOATS, 2, (a: N, b: N) => a / b), ...complexes(div, 2)],
};

const intDivFlags = (_a: N | B, b: N | B) => (b === 0 || b === 0n ? FP_DIVIDE : 0);

export const floorDivide: UfuncDef = {
  name: 'floor_divide',
  nin: 2,
  identity: null,
  pole: (_a, b) => b === 0,
  integerFlags: intDivFlags,
  loops: [
    ...same(SMALL_INTS, 2, floorDivInt),
    ...same(BIG_INTS, 2, floorDivBig),
    ...floats((r) => (a: N, b: N) => divmod(a, b, r)[0], 2),
  ],
};

export const remainder: UfuncDef = {
  name: 'remainder',
  nin: 2,
  identity: null,
  integerFlags: intDivFlags,
  loops: [
    ...same(SMALL_INTS, 2, modInt),
    ...same(BIG_INTS, 2, modBig),
    ...floats((r) => (a: N, b: N) => (b === 0 ? r(a % b) : divmod(a, b, r)[1]), 2),
  ],
};

export const power: UfuncDef = {
  name: 'power',
  nin: 2,
  identity: null,
  underflows: true,
  pole: (a, b) => a === 0 && b < 0,
  checkIntegers: (k, v) =>
    k === 1 && v < 0 ? 'Integers to negative integer powers are not allowed.' : undefined,
  loops: [
    ...same(SMALL_INTS, 2, powInt),
    ...same(BIG_INTS, 2, powBig),
    ...same(FLOATS, 2, cpow),
    ...complexes((r) => pow(r), 2),
  ],
};

export const negative: UfuncDef = {
  name: 'negative',
  nin: 1,
  identity: null,
  refuse: refuseBool(
    'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.',
  ),
  loops: [
    ...same(SMALL_INTS, 1, (a: N) => -a),
    ...same(BIG_INTS, 1, (a: B) => -a),
    ...same(FLOATS, 1, (a: N) => -a),
    ...same(COMPLEX, 1, (o: Out, k: N, x: N, y: N) => {
      o[k] = -x;
      o[k + 1] = -y;
    }),
  ],
};

const noBoolLoop = (name: string) => (types: readonly { kind: string; name: string }[]) =>
  types[0].kind === 'b'
    ? `ufunc '${name}' did not contain a loop with signature matching types bool -> None`
    : undefined;

const copyComplex = (o: Out, k: N, x: N, y: N) => {
  o[k] = x;
  o[k + 1] = y;
};

export const positive: UfuncDef = {
  name: 'positive',
  nin: 1,
  identity: null,
  refuse: noBoolLoop('positive'),
  loops: [
    ...same(SMALL_INTS, 1, (a: N) => a),
    ...same(BIG_INTS, 1, (a: B) => a),
    ...same(FLOATS, 1, (a: N) => a),
    ...same(COMPLEX, 1, copyComplex),
  ],
};

export const absolute: UfuncDef = {
  name: 'absolute',
  nin: 1,
  identity: null,
  loops: [
    ...same('?', 1, (a: N) => a !== 0),
    ...same(SMALL_INTS, 1, Math.abs),
    ...same(BIG_INTS, 1, (a: B) => (a < 0n ? -a : a)),
    ...same(FLOATS, 1, Math.abs),
    ...mapped({ F: 'f', D: 'd' }, 1, Math.hypot),
  ],
};

export const sign: UfuncDef = {
  name: 'sign',
  nin: 1,
  identity: null,
  refuse: noBoolLoop('sign'),
  loops: [
    ...same(SMALL_INTS, 1, Math.sign),
    ...same(BIG_INTS, 1, (a: B) => (a > 0n ? 1n : a < 0n ? -1n : 0n)),
    ...same(FLOATS, 1, (a: N) => (a > 0 ? 1 : a < 0 ? -1 : a === 0 ? 0 : a)),
    ...same(COMPLEX, 1, unaryPair(csign)),
  ],
};

/** C's (int)(1.0 / x): an infinity converts to the x86 "integer indefinite" pattern. */
const reciprocalInt = (indefinite: N) => (a: N) => (a === 0 ? indefinite : Math.trunc(1 / a));

export const reciprocal: UfuncDef = {
  name: 'reciprocal',
  nin: 1,
  identity: null,
  pole: (a) => a === 0,
  loops: [
    ...same('bBhH', 1, reciprocalInt(0)),
    ...same('i', 1, reciprocalInt(-2147483648)),
    ...same('I', 1, reciprocalInt(0)),
    ...same('q', 1, (a: B) => (a === 0n ? -(2n ** 63n) : a === 1n || a === -1n ? a : 0n)),
    ...same('Q', 1, (a: B) => (a === 1n ? 1n : 0n)),
    ...same(FLOATS, 1, (a: N) => 1 / a),
    ...complexes(inverse, 1),
  ],
};

export const square: UfuncDef = {
  name: 'square',
  nin: 1,
  identity: null,
  underflows: true,
  loops: [
    ...same(NARROW_INTS, 1, (a: N) => a * a),
    ...same(WIDE_INTS, 1, (a: N) => Math.imul(a, a)),
    ...same(BIG_INTS, 1, (a: B) => a * a),
    ...same(FLOATS, 1, (a: N) => a * a),
    ...complexes(csquare, 1),
  ],
};

export const conjugate: UfuncDef = {
  name: 'conjugate',
  nin: 1,
  identity: null,
  loops: [
    ...same(SMALL_INTS, 1, (a: N) => a),
    ...same(BIG_INTS, 1, (a: B) => a),
    ...same(FLOATS, 1, (a: N) => a),
    ...same(COMPLEX, 1, (o: Out, k: N, x: N, y: N) => {
      o[k] = x;
      o[k + 1] = -y;
    }),
  ],
};
