// Where threads come from: Node's worker_threads, reached through
// process.getBuiltinModule (Node >= 20.16) so that no module of the core
// imports a Node built-in, or the browser's module Workers. Also: how many
// cores there are, and whether this thread may block in Atomics.wait (a
// browser's main thread may not). Both sides of the pool go through here.

/** The caller's handle on one worker. */
export interface WorkerPort {
  post(message: unknown): void;
  terminate(): void;
  /** Whether the worker keeps a Node process alive (true only while the caller awaits it). */
  hold(on: boolean): void;
  onMessage(handler: (message: unknown) => void): void;
  /** Called once when the worker is gone: why (exit code or the error that ended it). */
  onEnd(handler: (reason: string) => void): void;
}

/** A worker's side of its channel to the caller. */
export interface Endpoint {
  post(message: unknown): void;
  onMessage(handler: (message: unknown) => void): void;
  /** Runs `hook` synchronously when this thread ends by exit() or an uncaught error (Node). */
  onExit(hook: () => void): void;
}

export interface Platform {
  readonly name: string;
  readonly cores: number;
  /** Atomics.wait is allowed on this thread. */
  readonly canBlock: boolean;
  /** Starts a worker on the module at `url`, or null when there are none (see `reason`). */
  readonly spawn: ((url: URL) => WorkerPort) | null;
  readonly reason: string;
  readonly env: (name: string) => string | undefined;
  /** This thread's channel to its parent, when it is a worker. */
  readonly endpoint: () => Endpoint;
}

interface NodeWorker {
  postMessage(message: unknown): void;
  terminate(): Promise<number>;
  ref(): void;
  unref(): void;
  on(event: string, handler: (value: never) => void): void;
}

interface NodeWorkerThreads {
  Worker: new (url: URL) => NodeWorker;
  parentPort: { postMessage(m: unknown): void; on(e: 'message', h: (m: unknown) => void): void };
}

interface NodeProcess {
  versions: { node: string };
  env: Record<string, string | undefined>;
  getBuiltinModule?: (id: string) => unknown;
  on(event: 'exit', hook: () => void): void;
}

/**
 * The module a Node worker starts on. Built JavaScript starts directly. A
 * TypeScript source (tests, `node --import tsx`) needs the loader, which Node
 * 20 does not give workers and tsx registers only on the main thread: where
 * tsx is installed, a one-line JavaScript entry registers its hooks in the
 * worker first (elsewhere the worker starts as is and fails if it cannot load
 * TypeScript, which turns threads off).
 */
function nodeEntry(url: URL): URL {
  if (!url.pathname.endsWith('.ts')) return url;
  let loader: string;
  try {
    loader = import.meta.resolve(['tsx', 'esm', 'api'].join('/'));
  } catch {
    return url;
  }
  const code = `const {register}=await import(${JSON.stringify(loader)});register();await import(${JSON.stringify(url.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

function nodePlatform(proc: NodeProcess): Platform {
  const wt = proc.getBuiltinModule?.('node:worker_threads') as NodeWorkerThreads | undefined;
  const os = proc.getBuiltinModule?.('node:os') as
    | { availableParallelism?: () => number; cpus: () => unknown[] }
    | undefined;
  const spawn = (url: URL): WorkerPort => {
    const w = new (wt as NodeWorkerThreads).Worker(nodeEntry(url));
    let held = false;
    // Adding a listener refs the worker again: every change ends with the hold state re-applied.
    const listen = (event: string, h: (value: never) => void) => {
      w.on(event, h);
      if (!held) w.unref();
    };
    w.unref();
    return {
      post: (m) => w.postMessage(m),
      terminate: () => void w.terminate(),
      hold: (on) => {
        held = on;
        if (on) w.ref();
        else w.unref();
      },
      onMessage: (h) => listen('message', h),
      onEnd: (h) => {
        let ended = false;
        const end = (reason: string) => {
          if (!ended) h(reason);
          ended = true;
        };
        listen('error', (e: Error) => end(`error: ${e.message}`));
        listen('exit', (code: number) => end(`exit code ${code}`));
      },
    };
  };
  return {
    name: `Node.js ${proc.versions.node} worker_threads`,
    cores: os?.availableParallelism?.() ?? os?.cpus().length ?? 1,
    canBlock: true,
    spawn: wt === undefined ? null : spawn,
    reason: wt === undefined ? 'process.getBuiltinModule needs Node.js >= 20.16' : '',
    env: (name) => proc.env[name],
    endpoint: () => {
      const port = (wt as NodeWorkerThreads).parentPort;
      return {
        post: (m) => port.postMessage(m),
        onMessage: (h) => port.on('message', h),
        onExit: (hook) => proc.on('exit', hook),
      };
    },
  };
}

interface BrowserScope {
  Worker?: new (
    url: URL,
    options: { type: 'module' },
  ) => {
    postMessage(m: unknown): void;
    terminate(): void;
    addEventListener(e: string, h: (ev: { data?: unknown; message?: string }) => void): void;
  };
  WorkerGlobalScope?: abstract new () => unknown;
  navigator?: { hardwareConcurrency?: number };
  postMessage(m: unknown): void;
  addEventListener(e: 'message', h: (ev: { data: unknown }) => void): void;
}

function browserPlatform(scope: BrowserScope): Platform {
  const canBlock =
    scope.WorkerGlobalScope !== undefined && scope instanceof scope.WorkerGlobalScope;
  const shared = typeof SharedArrayBuffer !== 'undefined';
  const W = scope.Worker;
  const spawn = (url: URL): WorkerPort => {
    const w = new (W as NonNullable<BrowserScope['Worker']>)(url, { type: 'module' });
    return {
      post: (m) => w.postMessage(m),
      terminate: () => w.terminate(),
      hold: () => undefined,
      onMessage: (h) => w.addEventListener('message', (ev) => h(ev.data)),
      onEnd: (h) => w.addEventListener('error', (ev) => h(`error: ${ev.message ?? 'unknown'}`)),
    };
  };
  return {
    name: 'Web Workers',
    cores: scope.navigator?.hardwareConcurrency ?? 1,
    canBlock,
    spawn: W !== undefined && shared ? spawn : null,
    reason: shared
      ? 'no Worker constructor'
      : 'no SharedArrayBuffer (page not cross-origin isolated)',
    env: () => undefined,
    endpoint: () => ({
      post: (m) => scope.postMessage(m),
      onMessage: (h) => scope.addEventListener('message', (ev) => h(ev.data)),
      onExit: () => undefined,
    }),
  };
}

const proc = (globalThis as { process?: NodeProcess }).process;

export const platform: Platform =
  typeof proc?.versions?.node === 'string'
    ? nodePlatform(proc)
    : browserPlatform(globalThis as unknown as BrowserScope);

/** Threads by default: NDBLAS_NUM_THREADS (at most `max`), else the cores, up to 8. */
export function defaultThreads(max: number): number {
  const env = Number(platform.env('NDBLAS_NUM_THREADS'));
  if (Number.isSafeInteger(env) && env >= 1) return Math.min(env, max);
  return Math.max(1, Math.min(platform.cores, 8));
}

let poolWorker = false;

/** Called by the worker entry: a pool worker runs nested parallel work serially. */
export function markPoolWorker(): void {
  poolWorker = true;
}

export const isPoolWorker = (): boolean => poolWorker;

/**
 * The module `path` (written with .js) next to the module at `base`, with
 * base's extension: .ts when running from TypeScript sources.
 */
export function sibling(path: string, base: string): URL {
  const ext = base.slice(base.lastIndexOf('.'));
  return new URL(path.replace(/\.js$/, ext), base);
}
