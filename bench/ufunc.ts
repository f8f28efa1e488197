// `npm run bench -- ufunc [--rounds 5]`: the single-threaded ufunc targets of
// issue 5 against NumPy timed in the same run: add into an existing output for
// 10M float64 (GB/s counting two reads and one write; target >= 0.7 of NumPy),
// the same add of a flipped (2500, 4000) view and a broadcast row (target:
// within 3x of the contiguous add), and exp/log/sin of 1M float64 (Melem/s;
// target >= 0.5 of NumPy). Each round times ndblas then NumPy (medians of 7
// repeats each, by wall clock and by process CPU time); the rates and ratios
// printed are medians over the rounds, so that load from other processes hits
// both sides alike, and the CPU-time ratio discounts time spent descheduled.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { chooseVariant } from '../src/backends/wasm/features.js';
import { getNumThreads, setNumThreads } from '../src/config.js';
import { add, arange, empty, exp, log, sin } from '../src/index.js';
import { numpyDescription, python } from './numpy.js';

interface Row {
  readonly name: string;
  readonly unit: string;
  /** Units (GB or Melem) moved by one call. */
  readonly amount: number;
  readonly js: () => void;
  readonly stmt: string;
  readonly number: number;
}

const N = 10_000_000;
const M = 1_000_000;
const ROWS = 2500;
const COLS = 4000;

const SETUP = `a = np.arange(${N}) * 1e-7; b = np.arange(${N}) * 2e-7; c = np.empty(${N})
x = np.arange(${M}) * 1e-5 + 0.5; y = np.empty(${M})
g = (np.arange(${N}) * 1e-7).reshape(${ROWS}, ${COLS}); f = g[::-1]; r = np.arange(${COLS}) * 1e-3; o = np.empty((${ROWS}, ${COLS}))`;

function rows(): Row[] {
  const a = arange(N).multiply(1e-7);
  const b = arange(N).multiply(2e-7);
  const c = empty([N]);
  const x = arange(M).multiply(1e-5).add(0.5);
  const y = empty([M]);
  const flipped = arange(N).multiply(1e-7).reshape([ROWS, COLS]).flip(0);
  const row = arange(COLS).multiply(1e-3);
  const o = empty([ROWS, COLS]);
  const gb = (3 * 8 * N) / 1e9;
  const melem = M / 1e6;
  return [
    {
      name: 'add f64 10M contiguous, out=',
      unit: 'GB/s',
      amount: gb,
      js: () => add(a, b, { out: c }),
      stmt: 'np.add(a, b, out=c)',
      number: 5,
    },
    {
      name: 'add f64 flipped (2500,4000) + row, out=',
      unit: 'GB/s',
      amount: gb,
      js: () => add(flipped, row, { out: o }),
      stmt: 'np.add(f, r, out=o)',
      number: 5,
    },
    ...(
      [
        ['exp', exp],
        ['log', log],
        ['sin', sin],
      ] as const
    ).map(([name, f]) => ({
      name: `${name} f64 1M, out=`,
      unit: 'Melem/s',
      amount: melem,
      js: () => f(x, { out: y }),
      stmt: `np.${name}(x, out=y)`,
      number: 20,
    })),
  ];
}

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const median = (xs: readonly number[]) => [...xs].sort((p, q) => p - q)[xs.length >> 1];

/** Seconds per call, [wall, CPU], medians of `repeats` runs of `number` calls. */
type Times = readonly [number, number];

function timeJs(fn: () => void, number: number, repeats: number): Times {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < number; i++) fn();
    wall.push((performance.now() - t0) / 1e3 / number);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1e6 / number);
  }
  return [median(wall), median(cpu)];
}

function timeNumpy(stmt: string, number: number, repeats: number): Times {
  const code = `
import time, statistics
import numpy as np
${SETUP}
wall, cpu = [], []
for _ in range(${repeats}):
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(${number}):
        ${stmt}
    wall.append((time.perf_counter() - t0) / ${number}); cpu.append((time.process_time() - c0) / ${number})
print(statistics.median(wall), statistics.median(cpu))
`;
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  const out = execFileSync(python!, ['-c', code], { env }).toString().trim().split(' ');
  return [Number(out[0]), Number(out[1])];
}

export async function main(args: string[]): Promise<void> {
  const rounds = Number(option(args, 'rounds', '5'));
  const threads = getNumThreads();
  setNumThreads(1);
  console.log(`ufunc bench; anchor: ${numpyDescription()}; wasm ${chooseVariant().variant}`);
  console.log(
    `single thread; medians over ${rounds} rounds of (ndblas, NumPy) x 7 repeats; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const rates: number[] = [];
  for (const r of rows()) {
    for (let w = 0; w < 3; w++) r.js(); // past the JIT tiers before timing
    const mine: number[] = [];
    const theirs: number[] = [];
    const ratios: number[] = [];
    const cpuRatios: number[] = [];
    for (let k = 0; k < rounds; k++) {
      const [wall, cpu] = timeJs(r.js, r.number, 7);
      mine.push(r.amount / wall);
      if (python !== null) {
        const [refWall, refCpu] = timeNumpy(r.stmt, r.number, 7);
        theirs.push(r.amount / refWall);
        ratios.push(refWall / wall);
        cpuRatios.push(refCpu / cpu);
      }
    }
    rates.push(median(mine));
    let line = `${r.name.padEnd(40)} ndblas ${median(mine).toFixed(2).padStart(7)} ${r.unit}`;
    if (python !== null) {
      line += `  NumPy ${median(theirs).toFixed(2).padStart(7)} ${r.unit}  ratio ${median(ratios).toFixed(2)} (cpu ${median(cpuRatios).toFixed(2)}; rounds ${ratios.map((q) => q.toFixed(2)).join(' ')})`;
    }
    console.log(line);
  }
  console.log(`contiguous / strided add (target <= 3): ${(rates[0] / rates[1]).toFixed(2)}`);
  setNumThreads(threads);
}
