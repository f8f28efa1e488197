// What the pool runs: a function over the blocks of a range, known to workers
// by module URL and to the caller directly; its serial form (every block in
// order on the calling thread, the same blocks, so the same results); and the
// ThreadError a failed block becomes, wherever it ran.
import { fail, type NdblasError } from '../../core/errors.js';
import { describe, type FailureReport } from './control.js';
import { type Blocks, blockRange } from './partition.js';

export interface Task<A = unknown> {
  /** Module whose export `name` workers call as (lo, hi, args). */
  readonly url: string;
  readonly name: string;
  /** Module whose `revive(wire)` rebuilds a worker's args (e.g. NDArrays), if any. */
  readonly reviver?: string;
  /** The caller's copy of the function, with the caller's args. */
  run(lo: number, hi: number, args: A): void;
  readonly args: A;
  /** What workers receive (JSON values, SharedArrayBuffers and views of them); default `args`. */
  readonly wire?: unknown;
  readonly blocks: Blocks;
  /** A block may run again after a worker died in it: its writes do not depend on its own writes. */
  readonly restartable: boolean;
  /** The routine named in errors. */
  readonly routine: string;
}

/** ERR_THREAD_TASK for a failure report; `cause` is the error itself when it was thrown here. */
export function taskError(routine: string, r: FailureReport, thrownHere: unknown): NdblasError {
  const where = r.participant === 0 ? 'the calling thread' : `worker ${r.participant}`;
  const what = r.block[0] < 0 ? 'loading the task' : `block [${r.block[0]}, ${r.block[1]})`;
  const detail = `${what} threw on ${where}: ${r.name}: ${r.message}`;
  const err = fail('ERR_THREAD_TASK', 'kernel', detail, routine);
  const { name, stack, code } = r;
  err.cause = thrownHere ?? Object.assign(new Error(r.message), { name, stack, code });
  return err;
}

/** Every block in order on the calling thread. */
export function runSerial<A>(task: Task<A>): void {
  for (let b = 0; b < task.blocks.count; b++) {
    const [lo, hi] = blockRange(task.blocks, b);
    try {
      task.run(lo, hi, task.args);
    } catch (e) {
      throw taskError(task.routine, describe(e, [lo, hi], 0), e);
    }
  }
}
