// The pool's shared control memory: one SharedArrayBuffer of Int32 words that
// the caller and every worker see. A task is announced by writing its
// descriptor and storing a new generation into each chosen worker's STATE
// word (Atomics.notify wakes it); blocks are claimed from NEXT; a worker that
// leaves the task clears its BUSY word and decrements ACTIVE, whose last
// decrement wakes the caller. Waiting spins briefly, then Atomics.wait:
// waking a spinning thread costs ~0.3 us, a sleeping one 12-25 us.

/** Task words. */
export const NEXT = 0;
export const COUNT = 1;
/** Workers that still owe the caller a completion for the current task. */
export const ACTIVE = 2;
/** 0, or 1 + the participant that failed first (participant 0 is the caller). */
export const FAILED = 3;
/** Buffer id and byte length of the current task's descriptor text. */
export const ARGS_ID = 4;
export const ARGS_LEN = 5;
/** How long an idle worker spins before it sleeps, in microseconds. */
export const SPIN = 6;
export const ERROR_LEN = 7;
/** Blocks completed (by anyone): the caller checks that no block was lost with a dead worker. */
export const DONE = 8;

/** Per-worker words, one cache line (16 words) per worker against false sharing. */
const SLOT_BASE = 16;
const SLOT_WORDS = 16;
/** The task generation the worker must run next. */
export const STATE = 0;
/** A worker's life: STARTING, READY or DEAD. */
export const LIFE = 1;
/** 1 while the worker owes a completion (cleared once, by whoever wins the exchange). */
export const BUSY = 2;
/** The block the worker is running, or -1. */
export const BLOCK = 3;
/** Blocks this worker slot has finished, ever (kept across restarts). */
export const FINISHED = 4;

export const STARTING = 0;
export const READY = 1;
export const DEAD = 2;

export const MAX_WORKERS = 255;
const ERROR_BYTES = 8192;
const ERROR_AT = 4 * (SLOT_BASE + SLOT_WORDS * MAX_WORKERS);

export const controlBytes = ERROR_AT + ERROR_BYTES;

/** Index of word `w` of worker `i`. */
export const slotWord = (i: number, w: number) => SLOT_BASE + SLOT_WORDS * i + w;

const now = () => performance.now();

/**
 * Waits until ctl[index] differs from `value` and returns the new value:
 * spins up to `spinMicros`, then sleeps in Atomics.wait.
 */
export function waitChange(ctl: Int32Array, index: number, value: number, spinMicros: number) {
  if (spinMicros > 0) {
    const end = now() + spinMicros / 1000;
    do {
      for (let i = 0; i < 64; i++) {
        const v = Atomics.load(ctl, index);
        if (v !== value) return v;
      }
    } while (now() < end);
  }
  for (;;) {
    Atomics.wait(ctl, index, value);
    const v = Atomics.load(ctl, index);
    if (v !== value) return v;
  }
}

/** Waits until ctl[index] is 0 (the count of workers still in a task). */
export function waitZero(ctl: Int32Array, index: number, spinMicros: number): void {
  for (let v = Atomics.load(ctl, index); v !== 0; v = Atomics.load(ctl, index)) {
    waitChange(ctl, index, v, spinMicros);
  }
}

type WaitAsync = (
  ctl: Int32Array,
  index: number,
  value: number,
) => { async: boolean; value: Promise<string> | string };

/** Atomics.waitAsync (ES2024) where the engine has it: Node, Chromium, Safari; not Firefox. */
export const waitAsync = (Atomics as unknown as { waitAsync?: WaitAsync }).waitAsync;

/** The asynchronous form of waitZero, for threads that must not block (needs waitAsync). */
export async function waitZeroAsync(ctl: Int32Array, index: number): Promise<void> {
  for (let v = Atomics.load(ctl, index); v !== 0; v = Atomics.load(ctl, index)) {
    const w = (waitAsync as WaitAsync)(ctl, index, v);
    if (w.async) await w.value;
  }
}

/** Clears a worker's BUSY word; whoever clears it reports the completion. */
export function release(ctl: Int32Array, worker: number): void {
  if (Atomics.compareExchange(ctl, slotWord(worker, BUSY), 1, 0) !== 1) return;
  if (Atomics.sub(ctl, ACTIVE, 1) === 1) Atomics.notify(ctl, ACTIVE);
}

/** What a failed block reports across threads. */
export interface FailureReport {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: string;
  readonly block: readonly [number, number];
  readonly participant: number;
}

/** Records the first failure of a task (later ones are dropped) and stops further claims. */
export function reportFailure(ctl: Int32Array, report: FailureReport): boolean {
  if (Atomics.compareExchange(ctl, FAILED, 0, report.participant + 1) !== 0) return false;
  const bytes = new TextEncoder().encode(JSON.stringify(report)).subarray(0, ERROR_BYTES);
  new Uint8Array(ctl.buffer, ERROR_AT, bytes.length).set(bytes);
  Atomics.store(ctl, ERROR_LEN, bytes.length);
  Atomics.store(ctl, NEXT, Atomics.load(ctl, COUNT));
  return true;
}

/** The failure another participant recorded (a truncated report keeps its message's start). */
export function readFailure(ctl: Int32Array): FailureReport {
  const bytes = new Uint8Array(ctl.buffer, ERROR_AT, Atomics.load(ctl, ERROR_LEN)).slice();
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text) as FailureReport;
  } catch {
    const participant = Atomics.load(ctl, FAILED) - 1;
    return { name: 'Error', message: text, block: [-1, -1], participant };
  }
}

/** A failure as a report: the error's name, message, stack and code when it has them. */
export function describe(
  e: unknown,
  block: readonly [number, number],
  participant: number,
): FailureReport {
  const err = e as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown };
  const isObj = typeof e === 'object' && e !== null;
  return {
    name: isObj && typeof err.name === 'string' ? err.name : 'Error',
    message: isObj && typeof err.message === 'string' ? err.message : String(e),
    ...(isObj && typeof err.stack === 'string' ? { stack: err.stack } : {}),
    ...(isObj && typeof err.code === 'string' ? { code: err.code } : {}),
    block,
    participant,
  };
}
