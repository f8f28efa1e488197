// A pool worker: waits on its STATE word for a task generation, reads the
// task's descriptor from shared memory, takes blocks from the shared counter
// and runs the task module's function on each, then reports its completion.
// Buffers arrive by message, once each; the worker yields to its event loop
// only when a task names a buffer or module it does not hold yet. If the
// thread ends inside a task (exit(), an uncaught error) its exit hook still
// reports, so the caller never waits for a dead worker.
import { readText, revive } from './codec.js';
import {
  ARGS_ID,
  ARGS_LEN,
  BLOCK,
  COUNT,
  DEAD,
  DONE,
  describe,
  FINISHED,
  LIFE,
  NEXT,
  READY,
  release,
  reportFailure,
  SPIN,
  STATE,
  slotWord,
  waitChange,
} from './control.js';
import { type Blocks, blockRange, claimBlocks } from './partition.js';
import { markPoolWorker, platform } from './platform.js';

/** What the caller writes for a task (see pool.ts). */
export interface Descriptor {
  readonly url: string;
  readonly name: string;
  readonly reviver: string | null;
  readonly blocks: Blocks;
  readonly args: unknown;
}

type BlockFn = (lo: number, hi: number, args: unknown) => void;
type Revive = (args: unknown) => unknown;

const endpoint = platform.endpoint();
const buffers = new Map<number, SharedArrayBuffer>();
const modules = new Map<string, Record<string, unknown>>();
let arrived: () => void = () => undefined;

/** Resolves when the next message has been handled. */
const nextMessage = () =>
  new Promise<void>((resolve) => {
    arrived = resolve;
  });

async function load(url: string): Promise<Record<string, unknown>> {
  let m = modules.get(url);
  if (m === undefined) {
    m = (await import(url)) as Record<string, unknown>;
    modules.set(url, m);
  }
  return m;
}

function exported<T>(m: Record<string, unknown>, name: string, url: string): T {
  if (typeof m[name] !== 'function') throw new TypeError(`${url} exports no function '${name}'`);
  return m[name] as T;
}

/** The buffer `id`, once its message (posted before the task was announced) has been read. */
async function buffer(id: number): Promise<SharedArrayBuffer> {
  for (let b = buffers.get(id); ; b = buffers.get(id)) {
    if (b !== undefined) return b;
    await nextMessage();
  }
}

async function reviveTree(tree: unknown): Promise<unknown> {
  for (;;) {
    const missing: number[] = [];
    const value = revive(tree, buffers, missing);
    if (missing.length === 0) return value;
    await nextMessage();
  }
}

async function runTask(ctl: Int32Array, slot: number): Promise<void> {
  const text = readText(await buffer(Atomics.load(ctl, ARGS_ID)), Atomics.load(ctl, ARGS_LEN));
  const d = (await reviveTree(JSON.parse(text))) as Descriptor;
  const fn = exported<BlockFn>(await load(d.url), d.name, d.url);
  const args =
    d.reviver === null
      ? d.args
      : exported<Revive>(await load(d.reviver), 'revive', d.reviver)(d.args);
  const blockWord = slotWord(slot, BLOCK);
  const finished = slotWord(slot, FINISHED);
  claimBlocks(ctl, NEXT, Atomics.load(ctl, COUNT), (b) => {
    const [lo, hi] = blockRange(d.blocks, b);
    Atomics.store(ctl, blockWord, b);
    try {
      fn(lo, hi, args);
      Atomics.add(ctl, DONE, 1);
      Atomics.add(ctl, finished, 1);
    } catch (e) {
      reportFailure(ctl, describe(e, [lo, hi], slot + 1));
    }
    Atomics.store(ctl, blockWord, -1);
  });
}

async function serve(ctl: Int32Array, slot: number): Promise<void> {
  const state = slotWord(slot, STATE);
  let seen = Atomics.load(ctl, state);
  endpoint.onExit(() => {
    Atomics.store(ctl, slotWord(slot, LIFE), DEAD);
    release(ctl, slot);
  });
  Atomics.store(ctl, slotWord(slot, LIFE), READY);
  endpoint.post({ type: 'ready' });
  for (;;) {
    seen = waitChange(ctl, state, seen, Atomics.load(ctl, SPIN));
    try {
      await runTask(ctl, slot);
    } catch (e) {
      reportFailure(ctl, describe(e, [-1, -1], slot + 1));
    }
    release(ctl, slot);
  }
}

interface Message {
  type: 'init' | 'buffers';
  control?: SharedArrayBuffer;
  slot?: number;
  /** Modules to import before reporting ready (a failure shows when a task needs one). */
  preloads?: string[];
  add?: [number, SharedArrayBuffer][];
  drop?: number[];
}

markPoolWorker();
endpoint.onMessage((message) => {
  const m = message as Message;
  for (const [id, b] of m.add ?? []) buffers.set(id, b);
  for (const id of m.drop ?? []) buffers.delete(id);
  arrived();
  if (m.type !== 'init') return;
  const ctl = new Int32Array(m.control as SharedArrayBuffer);
  void Promise.allSettled((m.preloads ?? []).map(load)).then(() => serve(ctl, m.slot ?? 0));
});
