// Helpers that build loop tables: one operation over a run of type codes,
// signatures in NumPy's order ('bb->b', 'hh->h', ...), and the type-code groups.
import type { ElementOp, LoopDef } from './types.js';

/** Integer codes whose values are JavaScript numbers (8 to 32 bits). */
export const SMALL_INTS = 'bBhHiI';
/** 8- and 16-bit codes: products fit a double exactly. */
export const NARROW_INTS = 'bBhH';
export const WIDE_INTS = 'iI';
/** 64-bit integer codes (bigint values). */
export const BIG_INTS = 'qQ';
export const INTS = 'bBhHiIqQ';
export const FLOATS = 'efd';
export const COMPLEX = 'FD';

/** Loops `cc..->c` for each code c in `codes` (nin inputs of the same type). */
export function same(codes: string, nin: number, op: ElementOp): LoopDef[] {
  return [...codes].map((c) => ({ sig: `${c.repeat(nin)}->${c}`, op }));
}

/** Loops `cc..->t` for each code c in `codes`, with output code `t`. */
export function into(codes: string, nin: number, t: string, op: ElementOp): LoopDef[] {
  return [...codes].map((c) => ({ sig: `${c.repeat(nin)}->${t}`, op }));
}

/** Loops of one input type and an output code per input code (complex abs: F->f, D->d). */
export function mapped(
  pairs: Readonly<Record<string, string>>,
  nin: number,
  op: ElementOp,
): LoopDef[] {
  return Object.entries(pairs).map(([c, t]) => ({ sig: `${c.repeat(nin)}->${t}`, op }));
}
