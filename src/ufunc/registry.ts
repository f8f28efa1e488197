// Every ufunc definition of the defs/ tables by NumPy name, so that a pool
// worker finds the definition a call uses (and compiles the same loops) from
// its name alone. Definitions made elsewhere are not here: their calls stay on
// the calling thread.
import * as A from './defs/arith.js';
import * as L from './defs/bits.js';
import * as C from './defs/compare.js';
import * as M from './defs/math.js';
import type { UfuncDef } from './types.js';

const isDef = (v: unknown): v is UfuncDef =>
  typeof v === 'object' && v !== null && 'loops' in v && 'name' in v;

const BY_NAME: ReadonlyMap<string, UfuncDef> = new Map(
  [A, L, C, M].flatMap((m) => Object.values(m).filter(isDef)).map((d) => [d.name, d]),
);

/** The table's definition named `name`, if any. */
export function ufuncDef(name: string): UfuncDef | undefined {
  return BY_NAME.get(name);
}

/** Whether a worker can find `def` by its name. */
export function isRegistered(def: UfuncDef): boolean {
  return BY_NAME.get(def.name) === def;
}
