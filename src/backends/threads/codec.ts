// Task arguments across threads without a postMessage per task: the caller
// writes them as JSON text into shared memory, with each SharedArrayBuffer
// (bare, or under a typed array) replaced by an id. A worker is handed each
// buffer once by postMessage and keeps it by id until the caller says to drop
// it (the caller's buffer was collected, or the worker holds too many).
// Numbers JSON cannot carry (NaN, +-Infinity, -0) and bigints are tagged.
import { fail } from '../../core/errors.js';

type ViewCtor = new (buffer: SharedArrayBuffer, byteOffset: number, length: number) => object;

/** Views that can travel, by constructor name (the name is what goes on the wire). */
const VIEWS: Readonly<Record<string, ViewCtor>> = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
};

/** Numbers JSON would turn into null or 0. */
const SPECIAL: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

function specialName(x: number): string | undefined {
  if (Number.isFinite(x)) return Object.is(x, -0) ? '-0' : undefined;
  return String(x);
}

const isShared = (b: unknown): b is SharedArrayBuffer =>
  typeof SharedArrayBuffer !== 'undefined' && b instanceof SharedArrayBuffer;

/** Ids of the caller's buffers; ids of collected buffers are queued to be dropped by workers. */
export class BufferIds {
  readonly #ids = new WeakMap<SharedArrayBuffer, number>();
  #next = 1;
  #collected: number[] = [];
  readonly #registry = new FinalizationRegistry<number>((id) => this.#collected.push(id));

  id(b: SharedArrayBuffer): number {
    let id = this.#ids.get(b);
    if (id === undefined) {
      id = this.#next++;
      this.#ids.set(b, id);
      this.#registry.register(b, id);
    }
    return id;
  }

  /** Ids collected since the last call. */
  takeCollected(): readonly number[] {
    const out = this.#collected;
    this.#collected = [];
    return out;
  }
}

/** Buffers a worker keeps beyond those of the current task. */
const MAX_HELD = 64;

/** The caller's record of the buffers one worker holds, and of those it should drop. */
export class Holdings {
  /** Buffer id -> the task generation that last used it. */
  readonly #held = new Map<number, number>();
  #drops: number[] = [];

  /** Forgets a buffer the caller no longer has; the worker drops it with the next message. */
  forget(id: number): void {
    if (this.#held.delete(id)) this.#drops.push(id);
  }

  /**
   * The message that gives the worker what `needed` lacks and drops what it
   * should not keep (least recently used beyond MAX_HELD), or null if none.
   */
  handOver(needed: ReadonlyMap<number, SharedArrayBuffer>, gen: number): object | null {
    const add = [...needed].filter(([id]) => !this.#held.has(id));
    for (const id of needed.keys()) this.#held.set(id, gen);
    const stale = [...this.#held].filter(([id]) => !needed.has(id)).sort((x, y) => x[1] - y[1]);
    for (const [id] of stale.slice(0, Math.max(0, stale.length - MAX_HELD))) this.forget(id);
    if (add.length === 0 && this.#drops.length === 0) return null;
    const drop = this.#drops;
    this.#drops = [];
    return { type: 'buffers', add, drop };
  }
}

export interface Encoded {
  readonly text: string;
  /** The buffers the text refers to, by id. */
  readonly buffers: ReadonlyMap<number, SharedArrayBuffer>;
}

/**
 * JSON text for `value` with buffers as ids; null when something in it lives
 * in memory other threads cannot see (an ArrayBuffer, a view of one).
 */
export function encode(value: unknown, ids: BufferIds, routine: string): Encoded | null {
  const buffers = new Map<number, SharedArrayBuffer>();
  let local = false;
  const ref = (b: SharedArrayBuffer) => {
    const id = ids.id(b);
    buffers.set(id, b);
    return id;
  };
  const text = JSON.stringify(value, (_key, v: unknown) => {
    switch (typeof v) {
      case 'number': {
        const name = specialName(v);
        return name === undefined ? v : { $num: name };
      }
      case 'bigint':
        return { $big: v.toString() };
      case 'function':
      case 'symbol':
        throw fail('ERR_ARGUMENT', 'args', `a ${typeof v} cannot be passed to a worker`, routine);
      case 'object':
        if (v === null) return v;
        if (isShared(v)) return { $sab: ref(v) };
        if (ArrayBuffer.isView(v)) {
          const ctor = v.constructor.name;
          if (VIEWS[ctor] === undefined || !isShared(v.buffer)) {
            local = true;
            return null;
          }
          const length = v instanceof DataView ? v.byteLength : (v as Uint8Array).length;
          return { $view: ctor, $sab: ref(v.buffer), at: v.byteOffset, length };
        }
        if (v instanceof ArrayBuffer) local = true;
        return v;
      default:
        return v;
    }
  });
  return local ? null : { text: text ?? 'null', buffers };
}

interface Tagged {
  $num?: string;
  $big?: string;
  $sab?: number;
  $view?: string;
  at?: number;
  length?: number;
}

/**
 * Rebuilds a decoded JSON tree in place of its tags, using the worker's
 * buffers; ids it does not hold yet are added to `missing` (then the result
 * is incomplete and must be rebuilt once they arrive).
 */
export function revive(
  tree: unknown,
  buffers: ReadonlyMap<number, SharedArrayBuffer>,
  missing: number[],
): unknown {
  if (typeof tree !== 'object' || tree === null) return tree;
  if (Array.isArray(tree)) return tree.map((x) => revive(x, buffers, missing));
  const t = tree as Tagged;
  if (t.$num !== undefined) return SPECIAL[t.$num];
  if (t.$big !== undefined) return BigInt(t.$big);
  if (t.$sab !== undefined) {
    const b = buffers.get(t.$sab);
    if (b === undefined) {
      missing.push(t.$sab);
      return null;
    }
    return t.$view === undefined ? b : new VIEWS[t.$view](b, t.at ?? 0, t.length ?? 0);
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tree)) out[k] = revive(v, buffers, missing);
  return out;
}

/** Writes `text` as UTF-8 into `target` from byte 0 if it fits; returns the byte length or -1. */
export function writeText(target: SharedArrayBuffer, text: string): number {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length > target.byteLength) return -1;
  new Uint8Array(target, 0, bytes.length).set(bytes);
  return bytes.length;
}

export function readText(source: SharedArrayBuffer, length: number): string {
  // Decoders refuse shared views: copy out first.
  return new TextDecoder().decode(new Uint8Array(source, 0, length).slice());
}
