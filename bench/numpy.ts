// The anchor of every benchmark: NumPy (and the OpenBLAS it links) timed by a
// python3 subprocess on the same machine in the same run, median of repeats.
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['python3', '/usr/bin/python3'];

export const python: string | null =
  CANDIDATES.find((py) => {
    try {
      execFileSync(py, ['-c', 'import numpy'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }) ?? null;

/** Describes the anchor: NumPy version and its BLAS. */
export function numpyDescription(): string {
  if (python === null) return 'no NumPy found';
  return execFileSync(
    python,
    [
      '-c',
      "import numpy as np; c=np.show_config(mode='dicts'); b=c['Build Dependencies']['blas']; print(f\"NumPy {np.__version__} with {b['name']} {b.get('version','')}\")",
    ],
    { env: { ...process.env, OPENBLAS_NUM_THREADS: '1' } },
  )
    .toString()
    .trim();
}

/**
 * What a timing measures: elapsed time, or the process's CPU time (for
 * single-threaded code on a machine shared with other work: time slices
 * given to other processes are not counted).
 */
export type Clock = 'wall' | 'cpu';

/**
 * Runs `setup` then times `stmt` in python (median seconds of `repeats`, each
 * the mean over `number` calls), single-threaded BLAS.
 */
export function timeNumpy(
  setup: string,
  stmt: string,
  number: number,
  repeats = 5,
  clock: Clock = 'wall',
): number {
  if (python === null) throw new Error('no python3 with numpy');
  const code = `
import time, timeit, statistics
import numpy as np
${setup}
t = timeit.repeat(${JSON.stringify(stmt)}, globals=globals(), number=${number}, repeat=${repeats}${clock === 'cpu' ? ', timer=time.process_time' : ''})
print(statistics.median(t) / ${number})
`;
  const env = {
    ...process.env,
    OPENBLAS_NUM_THREADS: '1',
    OMP_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
  };
  return Number(execFileSync(python, ['-c', code], { env }).toString().trim());
}

/** Seconds since some origin on `clock`. */
const NOW: Readonly<Record<Clock, () => number>> = {
  wall: () => performance.now() / 1000,
  cpu: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  },
};

/**
 * Calls `fn` for `seconds` of elapsed time: V8 runs a new wasm module (and
 * new JavaScript) in a baseline tier first and compiles the optimized code in
 * the background, which takes a while on a busy machine. Measured: the first
 * n = 64 gemm timings of a process ran at half the rate of later ones.
 */
export function warmUp(fn: () => void, seconds = 0.5): void {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) fn();
}

/** Median seconds per call of `fn` over `repeats` runs of `number` calls, after one warm-up. */
export function timeJs(fn: () => void, number: number, repeats = 5, clock: Clock = 'wall'): number {
  const now = NOW[clock];
  fn();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = now();
    for (let i = 0; i < number; i++) fn();
    times.push((now() - t0) / number);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
