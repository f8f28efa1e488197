// The task module pool workers import for split ufunc calls (parallel.ts):
// rebuilds the call from its wire form (the definition by name, the loop by
// index, the operands as NDArrays on the caller's shared buffers), compiles
// the loop once per thread as the caller did, and runs the blocks it is given.
import { type DTypeName, dtypes } from '../core/dtypes.js';
import type { NDArray } from '../ndarray/ndarray.js';
import { UfuncEngine } from './execute.js';
import { ufuncDef } from './registry.js';
import { type BlockCall, loopOf, runBlocks, type Split } from './split.js';

/** A split call as workers receive it (after the NDArray reviver). */
export interface WireCall {
  readonly name: string;
  readonly index: number;
  /** Loop input dtypes, then the output dtype. */
  readonly types: readonly DTypeName[];
  readonly arrays: readonly NDArray[];
  readonly masked: boolean;
  readonly split: Split;
  readonly watched: number;
  readonly flags: Int32Array;
}

const engines = new Map<string, UfuncEngine>();

function engine(name: string): UfuncEngine {
  let e = engines.get(name);
  if (e === undefined) {
    const def = ufuncDef(name);
    if (def === undefined) throw new Error(`no ufunc definition named '${name}'`);
    e = new UfuncEngine(def);
    engines.set(name, e);
  }
  return e;
}

/** The task function: blocks [lo, hi) of a split ufunc call. */
export function ufuncBlocks(lo: number, hi: number, w: WireCall): void {
  const e = engine(w.name);
  const loop = loopOf(
    e.def,
    w.index,
    w.types.map((t) => dtypes[t]),
  );
  const call: BlockCall = { ...w, def: e.def, kernel: e.kernel(loop), loop };
  runBlocks(lo, hi, call);
}
