// Bitwise ufuncs on integers and bools: bitwise_and/or/xor, invert, and the
// shifts with NumPy's rules for counts outside [0, bit width): a left shift
// gives 0, a right shift gives 0 or -1 by the sign (a negative count acts as a
// huge unsigned one, as NumPy's cast to size_t does).
import { BIG_INTS, into, same } from '../loops.js';
import type { UfuncDef } from '../types.js';

type N = number;
type B = bigint;

function bitwise(
  name: string,
  identity: number,
  f: (a: N, b: N) => N,
  g: (a: B, b: B) => B,
): UfuncDef {
  return {
    name,
    nin: 2,
    identity,
    loops: [
      ...into('?', 2, '?', (a: N, b: N) => f(a !== 0 ? 1 : 0, b !== 0 ? 1 : 0) !== 0),
      ...same('bBhHiI', 2, f),
      ...same(BIG_INTS, 2, g),
    ],
  };
}

export const bitwiseAnd = bitwise(
  'bitwise_and',
  -1,
  (a, b) => a & b,
  (a, b) => a & b,
);
export const bitwiseOr = bitwise(
  'bitwise_or',
  0,
  (a, b) => a | b,
  (a, b) => a | b,
);
export const bitwiseXor = bitwise(
  'bitwise_xor',
  0,
  (a, b) => a ^ b,
  (a, b) => a ^ b,
);

export const invert: UfuncDef = {
  name: 'invert',
  nin: 1,
  identity: null,
  loops: [
    ...into('?', 1, '?', (a: N) => a === 0),
    ...same('bBhHiI', 1, (a: N) => ~a),
    ...same(BIG_INTS, 1, (a: B) => ~a),
  ],
};

/** Counts of 32 or more (or negative) clear every bit a 32-bit shift could keep. */
const inRange32 = (b: N) => b >>> 0 < 32;
const inRange64 = (b: B) => b >= 0n && b < 64n;

export const leftShift: UfuncDef = {
  name: 'left_shift',
  nin: 2,
  identity: null,
  loops: [
    ...same('bBhHiI', 2, (a: N, b: N) => (inRange32(b) ? a << b : 0)),
    ...same(BIG_INTS, 2, (a: B, b: B) => (inRange64(b) ? a << b : 0n)),
  ],
};

export const rightShift: UfuncDef = {
  name: 'right_shift',
  nin: 2,
  identity: null,
  loops: [
    ...same('bBhHi', 2, (a: N, b: N) => (inRange32(b) ? a >> b : a < 0 ? -1 : 0)),
    ...same('I', 2, (a: N, b: N) => (inRange32(b) ? a >>> b : 0)),
    ...same(BIG_INTS, 2, (a: B, b: B) => (inRange64(b) ? a >> b : a < 0n ? -1n : 0n)),
  ],
};
