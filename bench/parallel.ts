// Thread-pool benchmark for ufuncs and reductions on 10M float64: add into an
// existing output (24 bytes moved per element), exp (compute-bound, 16 bytes),
// the whole-array sum and the axis-0 sum of (n/1000, 1000) (8 bytes read), on
// one thread and on N (default: the pool's default, the core count), in GB/s
// with ratios against NumPy (single-threaded, timed by python3 in the same
// run). 1-thread and N-thread runs alternate so that load changes hit both;
// medians of repeats; the load average is printed before and after.
// Options: --repeats 15 --size 10000000 --threads N; --sweep prints instead
// the N-thread speed-up of add and sum from 2^14 to 2^22 elements (where the
// cut-overs in src/ufunc/parallel.ts and src/reduce/parallel.ts come from).
import { loadavg } from 'node:os';
import { add, exp, random, sum, zeros } from '../src/index.js';
import { getNumThreads, setNumThreads, threadInfo } from '../src/parallel.js';
import { numpyDescription, python, timeNumpy } from './numpy.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

interface Row {
  readonly label: string;
  readonly js: () => void;
  readonly numpy: string;
  /** Bytes moved per element. */
  readonly bytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median seconds of `fn` on 1 and on `threads` threads, runs alternating. */
function timeBoth(fn: () => void, threads: number, repeats: number): [number, number] {
  const runs: [number[], number[]] = [[], []];
  for (let r = 0; r < repeats; r++) {
    for (const [k, t] of [1, threads].entries()) {
      setNumThreads(t);
      const t0 = performance.now();
      fn();
      runs[k].push((performance.now() - t0) / 1000);
    }
  }
  return [median(runs[0]), median(runs[1])];
}

async function warmWorkers(threads: number, fn: () => void): Promise<void> {
  setNumThreads(threads);
  fn();
  for (let i = 0; i < 200 && threadInfo().workers < threads - 1; i++) {
    await new Promise((r) => setTimeout(r, 50));
    fn();
  }
}

/** The N-thread speed-up of add and sum by size (the cut-overs). */
async function sweep(threads: number, repeats: number): Promise<void> {
  const rng = random.defaultRng(2);
  console.log(
    `${'elements'.padStart(9)} ${'add x'.padStart(7)} ${'sum x'.padStart(7)}   (${threads} threads over 1)`,
  );
  for (let log = 14; log <= 22; log++) {
    const n = 2 ** log;
    const [a, b, c] = [rng.standardNormal([n]), rng.standardNormal([n]), zeros([n])];
    const cases = [() => add(a, b, { out: c }), () => sum(a)];
    await warmWorkers(threads, cases[0]);
    const number = Math.max(1, Math.round(2 ** 22 / n));
    const gains = cases.map((f) => {
      const many = () => {
        for (let i = 0; i < number; i++) f();
      };
      for (let w = 0; w < 3; w++) many();
      const [t1, tn] = timeBoth(many, threads, repeats);
      return (t1 / tn).toFixed(2).padStart(7);
    });
    console.log(`${`2^${log}`.padStart(9)} ${gains.join(' ')}`);
  }
}

export async function main(args: string[]): Promise<void> {
  const repeats = Number(option(args, 'repeats', '15'));
  const n = Number(option(args, 'size', '10000000'));
  const threads = Number(option(args, 'threads', String(Math.max(2, getNumThreads()))));
  if (args.includes('--sweep')) return sweep(threads, repeats);
  const cols = 1000;
  const load = () =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`anchor: ${numpyDescription()} via ${python ?? 'nothing'} (single thread)`);
  console.log(`${n} float64; 1 vs ${threads} threads; median of ${repeats}; load ${load()}\n`);
  const rng = random.defaultRng(1);
  const a = rng.standardNormal([n]);
  const b = rng.standardNormal([n]);
  const c = zeros([n]);
  const m = a.reshape([n / cols, cols]);
  const rows: Row[] = [
    {
      label: 'add(a, b, out=c)',
      js: () => add(a, b, { out: c }),
      numpy: 'np.add(a, b, out=c)',
      bytes: 24,
    },
    { label: 'exp(a, out=c)', js: () => exp(a, { out: c }), numpy: 'np.exp(a, out=c)', bytes: 16 },
    { label: 'a.sum()', js: () => sum(a), numpy: 'a.sum()', bytes: 8 },
    { label: 'm.sum(axis=0)', js: () => sum(m, { axis: 0 }), numpy: 'm.sum(axis=0)', bytes: 8 },
  ];
  const setup = `rng = np.random.default_rng(1)
a = rng.standard_normal(${n})
b = rng.standard_normal(${n})
c = np.zeros(${n})
m = a.reshape(${n / cols}, ${cols})`;
  await warmWorkers(threads, rows[0].js);
  const gb = (r: Row, s: number) => ((n * r.bytes) / s / 1e9).toFixed(2).padStart(8);
  const ratio = (x: number) => x.toFixed(2).padStart(7);
  console.log(
    `${'case'.padEnd(18)} ${'1 thr'.padStart(8)} ${`${threads} thr`.padStart(8)} ${'NumPy'.padStart(8)}  GB/s | ${'1/NumPy'.padStart(7)} ${`${threads}/NumPy`.padStart(7)} ${`${threads}/1`.padStart(7)}`,
  );
  for (const r of rows) {
    for (let w = 0; w < 3; w++) r.js(); // past the JIT tiers before timing
    const [t1, tn] = timeBoth(r.js, threads, repeats);
    const np = python === null ? Number.NaN : timeNumpy(setup, r.numpy, 1, repeats);
    console.log(
      `${r.label.padEnd(18)} ${gb(r, t1)} ${gb(r, tn)} ${gb(r, np)}       | ${ratio(np / t1)} ${ratio(np / tn)} ${ratio(t1 / tn)}`,
    );
  }
  console.log(`\nload ${load()}; worker blocks ${threadInfo().workerBlocks}`);
}
