// Floating-point error handling as NumPy's np.errstate/np.seterr: each IEEE
// exception class (divide, over, under, invalid) is 'ignore', 'warn'
// (console.warn, once per ufunc call and class) or 'raise' (a typed
// FloatingPointError, code ERR_FLOATING_POINT, with the outputs untouched).
// The default is 'ignore' for all four: results follow IEEE silently, and the
// checks cost nothing until some class is set to 'warn' or 'raise'.
import { fail } from '../core/errors.js';
import { FP_DIVIDE, FP_INVALID, FP_OVERFLOW, FP_UNDERFLOW } from './types.js';

export type ErrAction = 'ignore' | 'warn' | 'raise';

export interface ErrState {
  readonly divide: ErrAction;
  readonly over: ErrAction;
  readonly under: ErrAction;
  readonly invalid: ErrAction;
}

export type ErrStateOptions = Partial<ErrState> & { readonly all?: ErrAction };

const CLASSES = [
  [FP_DIVIDE, 'divide', 'divide by zero'],
  [FP_OVERFLOW, 'over', 'overflow'],
  [FP_UNDERFLOW, 'under', 'underflow'],
  [FP_INVALID, 'invalid', 'invalid value'],
] as const;

const ACTIONS: readonly ErrAction[] = ['ignore', 'warn', 'raise'];

let current: ErrState = { divide: 'ignore', over: 'ignore', under: 'ignore', invalid: 'ignore' };

export function geterr(): ErrState {
  return { ...current };
}

function merged(options: ErrStateOptions): ErrState {
  const next: Record<string, ErrAction> = { ...current };
  for (const key of ['all', 'divide', 'over', 'under', 'invalid'] as const) {
    const v = options[key];
    if (v === undefined) continue;
    if (!ACTIONS.includes(v)) {
      throw fail('ERR_OPTION', key, `expected 'ignore', 'warn' or 'raise', got ${String(v)}`);
    }
    if (key === 'all') for (const [, k] of CLASSES) next[k] = v;
    else next[key] = v;
  }
  return next as unknown as ErrState;
}

/** Sets the error handling (as np.seterr) and returns the previous settings. */
export function seterr(options: ErrStateOptions): ErrState {
  const old = current;
  current = merged(options);
  return old;
}

/** Runs `fn` with the given error handling and restores the previous one (as np.errstate). */
export function errstate<T>(options: ErrStateOptions, fn: () => T): T {
  const old = seterr(options);
  try {
    return fn();
  } finally {
    current = old;
  }
}

/** Flags whose handling is not 'ignore': zero means no checking at all. */
export function watchedFlags(): number {
  let bits = 0;
  for (const [bit, key] of CLASSES) if (current[key] !== 'ignore') bits |= bit;
  return bits;
}

/** True when some class is set to 'raise' (results then go to scratch first). */
export function raising(): boolean {
  return CLASSES.some(([, key]) => current[key] === 'raise');
}

/** Acts on the flags one ufunc call raised: throws for 'raise', warns for 'warn'. */
export function report(flags: number, ufunc: string): void {
  for (const [bit, key, what] of CLASSES) {
    if ((flags & bit) === 0) continue;
    const message = `${what} encountered in ${ufunc}`;
    if (current[key] === 'raise') throw fail('ERR_FLOATING_POINT', key, message, ufunc);
  }
  for (const [bit, key, what] of CLASSES) {
    if ((flags & bit) !== 0 && current[key] === 'warn') {
      console.warn(`RuntimeWarning: ${what} encountered in ${ufunc}`);
    }
  }
}
