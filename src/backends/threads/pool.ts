// The worker pool: threads that share the arrays' SharedArrayBuffers and run
// tasks (task.ts) announced through shared control memory (control.ts), never
// a postMessage per task. The calling thread takes blocks too and then waits
// in Atomics.wait; workers still starting join between the caller's blocks.
// Workers start on first parallel use and never keep a Node process alive. A
// block that throws becomes a ThreadError in the caller; a worker that dies in
// a block has that block run again on the caller (if the task allows it), so
// no failure turns into a hang or a silently missing block.
import { fail } from '../../core/errors.js';
import { BufferIds, type Encoded, encode, Holdings, writeText } from './codec.js';
import * as C from './control.js';
import { blockRange, claimBlocks, partition } from './partition.js';
import { defaultThreads, isPoolWorker, platform, sibling, type WorkerPort } from './platform.js';
import { runSerial, type Task, taskError } from './task.js';

export interface ThreadInfo {
  /** Threads a parallel call uses, the caller included. */
  readonly threads: number;
  /** Workers started and ready now. */
  readonly workers: number;
  readonly platform: string;
  /** Why parallel calls run on the calling thread only, or '' when they need not. */
  readonly serialReason: string;
  /** Blocks workers have finished since the process started (the caller's are not counted). */
  readonly workerBlocks: number;
}

/** What a worker must import for a task. */
type TaskModules = Pick<Task<unknown>, 'url' | 'name' | 'reviver' | 'routine'>;

interface Slot {
  port: WorkerPort | null;
  started: Promise<void>;
  readonly buffers: Holdings;
  /** Task modules the worker has imported. */
  readonly modules: Set<string>;
}

/** Idle spin before sleeping (waking a sleeper costs 12-25 us); none when threads outnumber cores. */
const SPIN_MICROS = 50;
const WORKER_URL = sibling('./worker.js', import.meta.url);

class Pool {
  #threads = defaultThreads(C.MAX_WORKERS + 1);
  readonly #slots: Slot[] = [];
  #ctl: Int32Array | null = null;
  #gen = 0;
  #busy = false;
  #stopping = false;
  readonly #ids = new BufferIds();
  #text = new SharedArrayBuffer(4096);
  /** Set when a worker failed before it was ready: threads stay off. */
  #broken = '';
  #queue: Promise<void> = Promise.resolve();
  /** Slots that ever had a worker. */
  #everStarted = 0;
  /** Task modules every worker imports as it starts. */
  readonly #preloads = new Set<string>();

  get threads(): number {
    return this.#threads;
  }

  set threads(n: number) {
    if (!Number.isSafeInteger(n) || n < 1 || n > C.MAX_WORKERS + 1) {
      throw fail('ERR_VALUE', 'n', `expected an integer in [1, ${C.MAX_WORKERS + 1}], got ${n}`);
    }
    this.#threads = n;
  }

  /** Whether run() would use workers now (else it runs every block on the calling thread). */
  get parallel(): boolean {
    return this.#threads > 1 && platform.canBlock && !this.#busy && this.#serialReason() === '';
  }

  info(): ThreadInfo {
    const ready = this.#ready(this.#slots.length);
    let workerBlocks = 0;
    for (let i = 0; i < this.#everStarted; i++) {
      workerBlocks += Atomics.load(this.#control(), C.slotWord(i, C.FINISHED));
    }
    return {
      threads: this.#threads,
      workers: ready.length,
      platform: platform.name,
      serialReason: this.#serialReason(),
      workerBlocks,
    };
  }

  #serialReason(): string {
    if (platform.spawn === null) return platform.reason;
    if (this.#broken !== '') return `a worker failed to start (${this.#broken})`;
    if (isPoolWorker()) return 'this is a pool worker';
    return '';
  }

  /**
   * Has every worker started from now on import the task module at `url`
   * before it is ready, so that its first task need not wait for the import
   * (the library's own tasks: gemm).
   */
  preload(url: string): void {
    this.#preloads.add(url);
  }

  /**
   * Starts the workers a task would use (threads - 1, or threads when the
   * caller does not compute) and has each import the task's modules; resolves
   * when they are ready (workers that failed are left out). Workers import
   * modules when they first need them anyway: this only takes it off the clock.
   */
  prepare(task: TaskModules, callerComputes: boolean): Promise<void> {
    return this.#serialize(() => this.#prepare(task, callerComputes));
  }

  async #prepare(task: TaskModules, callerComputes: boolean): Promise<void> {
    if (this.#serialReason() !== '' || this.#threads === 1) return;
    const n = callerComputes ? this.#threads - 1 : this.#threads;
    this.#spawn(n);
    const slots = this.#slots.slice(0, n);
    await this.#holding(slots, () => Promise.all(slots.map((s) => s.started)));
    const cold = this.#ready(n).filter((i) => !this.#slots[i].modules.has(task.url));
    if (cold.length === 0 || C.waitAsync === undefined) return;
    const { url, name, reviver, routine } = task;
    const blocks = partition(0, 0, 1);
    await this.#broadcast(
      { url, name, reviver, routine, blocks, args: null, restartable: true, run: () => {} },
      cold,
    );
  }

  /** Runs the task, the calling thread included, and returns when every block is done. */
  run<A>(task: Task<A>): void {
    const encoded = this.parallel && task.blocks.count > 1 ? this.#encode(task) : null;
    if (encoded === null) {
      runSerial(task);
      return;
    }
    this.#busy = true;
    try {
      this.#runBlocking(task, encoded);
    } finally {
      this.#settle();
    }
  }

  /**
   * Runs the task on workers while the calling thread stays free (for threads
   * that must not block); on the caller alone where that is impossible.
   * Asynchronous tasks run one after another.
   */
  runAsync<A>(task: Task<A>): Promise<void> {
    return this.#serialize(async () => {
      const usable = this.#threads > 1 && C.waitAsync !== undefined;
      if (usable) await this.#prepare(task, false);
      const ready = usable ? this.#ready(this.#threads) : [];
      if (ready.length === 0) return runSerial(task);
      await this.#broadcast(task, ready);
    });
  }

  /**
   * Ends every worker (after the current task); the next parallel call starts
   * them again. Idle workers sleep and do not keep a process alive, so this
   * only returns their memory.
   */
  stop(): void {
    this.#stopping = this.#busy;
    if (this.#busy) return;
    for (let i = 0; i < this.#slots.length; i++) this.#retire(i);
    this.#slots.length = 0;
  }

  #serialize(f: () => Promise<void>): Promise<void> {
    const turn = this.#queue.then(f);
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** Awaits `f` with the slots' workers keeping a Node process alive meanwhile. */
  async #holding<T>(slots: readonly Slot[], f: () => Promise<T>): Promise<T> {
    const ports = slots.flatMap((s) => (s.port === null ? [] : [s.port]));
    for (const p of ports) p.hold(true);
    try {
      return await f();
    } finally {
      for (const p of ports) p.hold(false);
    }
  }

  /** Hands the task to the given workers only (the caller computes nothing) and awaits them. */
  async #broadcast<A>(task: Task<A>, workers: readonly number[]): Promise<void> {
    const encoded = this.#encode(task);
    if (encoded === null) return runSerial(task);
    this.#busy = true;
    try {
      const gen = this.#announce(task, encoded);
      for (const i of workers) this.#dispatch(i, gen, encoded, task.url);
      const slots = workers.map((i) => this.#slots[i]);
      await this.#holding(slots, () => C.waitZeroAsync(this.#control(), C.ACTIVE));
      this.#conclude(task, workers, undefined);
    } finally {
      this.#settle();
    }
  }

  #runBlocking(task: Task<unknown>, encoded: Encoded): void {
    const ctl = this.#control();
    const gen = this.#announce(task, encoded);
    const workers = this.#threads - 1;
    this.#spawn(workers);
    const joined: number[] = [];
    const join = () => {
      for (let i = 0; i < workers && joined.length < workers; i++) {
        if (!joined.includes(i) && this.#isReady(i)) {
          this.#dispatch(i, gen, encoded, task.url);
          joined.push(i);
        }
      }
    };
    join();
    let thrownHere: unknown;
    claimBlocks(ctl, C.NEXT, task.blocks.count, (b) => {
      const [lo, hi] = blockRange(task.blocks, b);
      try {
        task.run(lo, hi, task.args);
        Atomics.add(ctl, C.DONE, 1);
      } catch (e) {
        if (C.reportFailure(ctl, C.describe(e, [lo, hi], 0))) thrownHere = e;
      }
      if (joined.length < workers) join();
    });
    C.waitZero(ctl, C.ACTIVE, Atomics.load(ctl, C.SPIN));
    this.#conclude(task, joined, thrownHere);
  }

  #settle(): void {
    this.#busy = false;
    if (this.#stopping) this.stop();
  }

  #encode(task: Task<unknown>): Encoded | null {
    const { url, name, reviver = null, blocks, wire = task.args } = task;
    return encode({ url, name, reviver, blocks, args: wire }, this.#ids, task.routine);
  }

  #control(): Int32Array {
    this.#ctl ??= new Int32Array(new SharedArrayBuffer(C.controlBytes));
    Atomics.store(this.#ctl, C.SPIN, this.#threads <= platform.cores ? SPIN_MICROS : 0);
    return this.#ctl;
  }

  #life(i: number): number {
    return Atomics.load(this.#control(), C.slotWord(i, C.LIFE));
  }

  /** Whether worker i exists and waits for tasks. */
  #isReady(i: number): boolean {
    const slot = this.#slots[i];
    return slot !== undefined && slot.port !== null && this.#life(i) === C.READY;
  }

  /** Workers among the first n that are ready. */
  #ready(n: number): number[] {
    return [...Array(Math.min(n, this.#slots.length)).keys()].filter((i) => this.#isReady(i));
  }

  /** Writes the task's descriptor and resets the task words; returns the new generation. */
  #announce(task: Task<unknown>, encoded: Encoded): number {
    const ctl = this.#control();
    let length = writeText(this.#text, encoded.text);
    if (length < 0) {
      this.#text = new SharedArrayBuffer(2 * encoded.text.length + 4096);
      length = writeText(this.#text, encoded.text);
    }
    this.#gen = this.#gen >= 0x3fffffff ? 1 : this.#gen + 1;
    for (const [word, value] of [
      [C.ARGS_ID, this.#ids.id(this.#text)],
      [C.ARGS_LEN, length],
      [C.COUNT, task.blocks.count],
      [C.NEXT, 0],
      [C.DONE, 0],
      [C.FAILED, 0],
      [C.ERROR_LEN, 0],
      [C.ACTIVE, 0],
    ] as const) {
      Atomics.store(ctl, word, value);
    }
    return this.#gen;
  }

  /** Hands worker i the buffers it lacks (one message at most) and wakes it for `gen`. */
  #dispatch(i: number, gen: number, encoded: Encoded, url: string): void {
    const ctl = this.#control();
    const slot = this.#slots[i];
    const needed = new Map(encoded.buffers).set(this.#ids.id(this.#text), this.#text);
    for (const id of this.#ids.takeCollected()) for (const s of this.#slots) s.buffers.forget(id);
    const message = slot.buffers.handOver(needed, gen);
    if (message !== null) slot.port?.post(message);
    slot.modules.add(url);
    Atomics.store(ctl, C.slotWord(i, C.BUSY), 1);
    Atomics.add(ctl, C.ACTIVE, 1);
    Atomics.store(ctl, C.slotWord(i, C.STATE), gen);
    Atomics.notify(ctl, C.slotWord(i, C.STATE));
    // A worker that died just now may have missed its BUSY word: release it here (once, either way).
    if (this.#life(i) === C.DEAD) C.release(ctl, i);
  }

  /** After the last worker left: blocks of dead workers run again here, then errors are raised. */
  #conclude(task: Task<unknown>, joined: readonly number[], thrownHere: unknown): void {
    const ctl = this.#control();
    for (const i of joined) {
      if (this.#life(i) !== C.DEAD) continue;
      const b = Atomics.load(ctl, C.slotWord(i, C.BLOCK));
      this.#retire(i);
      if (b < 0 || Atomics.load(ctl, C.FAILED) !== 0) continue;
      const [lo, hi] = blockRange(task.blocks, b);
      if (!task.restartable) {
        const detail = `a worker exited inside block [${lo}, ${hi}), which cannot run twice`;
        throw fail('ERR_THREAD_EXIT', 'kernel', detail, task.routine);
      }
      try {
        task.run(lo, hi, task.args);
        Atomics.add(ctl, C.DONE, 1);
      } catch (e) {
        if (C.reportFailure(ctl, C.describe(e, [lo, hi], 0))) thrownHere = e;
      }
    }
    if (Atomics.load(ctl, C.FAILED) !== 0) {
      throw taskError(task.routine, C.readFailure(ctl), thrownHere);
    }
    const lost = Atomics.load(ctl, C.COUNT) - Atomics.load(ctl, C.DONE);
    if (lost !== 0) {
      const detail = `${lost} blocks were lost with a worker that exited`;
      throw fail('ERR_THREAD_EXIT', 'kernel', detail, task.routine);
    }
  }

  /** Starts workers 0..n-1 where missing or dead. */
  #spawn(n: number): void {
    const ctl = this.#control();
    for (let i = 0; i < n && this.#broken === '' && platform.spawn !== null; i++) {
      const slot = this.#slots[i];
      if (slot !== undefined && slot.port !== null && this.#life(i) !== C.DEAD) continue;
      if (slot !== undefined) this.#retire(i);
      for (const [w, v] of [
        [C.LIFE, C.STARTING],
        [C.BUSY, 0],
        [C.BLOCK, -1],
      ] as const) {
        Atomics.store(ctl, C.slotWord(i, w), v);
      }
      let port: WorkerPort;
      try {
        port = platform.spawn(WORKER_URL);
      } catch (e) {
        this.#broken = String(e);
        return;
      }
      const started = new Promise<void>((resolve) => {
        port.onMessage(() => resolve());
        port.onEnd((reason) => {
          this.#ended(i, port, reason);
          resolve();
        });
      });
      const modules = new Set(this.#preloads);
      this.#slots[i] = { port, started, buffers: new Holdings(), modules };
      this.#everStarted = Math.max(this.#everStarted, i + 1);
      port.post({ type: 'init', control: ctl.buffer, slot: i, preloads: [...modules] });
    }
  }

  /** A worker ended (its exit or error event): release what it owed, once, if still current. */
  #ended(i: number, port: WorkerPort, reason: string): void {
    if (this.#slots[i]?.port !== port) return;
    const ctl = this.#control();
    if (this.#life(i) === C.STARTING) this.#broken = reason;
    Atomics.store(ctl, C.slotWord(i, C.LIFE), C.DEAD);
    C.release(ctl, i);
  }

  /** Ends worker i; its slot reads DEAD until a new worker starts there. */
  #retire(i: number): void {
    const slot = this.#slots[i];
    slot.port?.terminate();
    slot.port = null;
    Atomics.store(this.#control(), C.slotWord(i, C.LIFE), C.DEAD);
  }
}

/** The process's one pool. */
export const pool = new Pool();
