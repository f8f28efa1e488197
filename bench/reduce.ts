// Reduction benchmark: sum of 10M float64 single-threaded, contiguous, as an
// axis-0 reduction of a (10000, 1000) array (rows accumulated in memory order)
// and in reproducible (binned) mode, in GB/s of input read, with the ratio
// against NumPy's `a.sum()` (resp. `a.sum(axis=0)`) timed in the same run
// (median of repeats). Options: --repeats 9 --size 10000000.
import { random, sum } from '../src/index.js';
import { numpyDescription, python, timeJs, timeNumpy } from './numpy.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

interface Row {
  readonly label: string;
  readonly js: () => void;
  readonly numpy: string;
}

export async function main(args: string[]): Promise<void> {
  const repeats = Number(option(args, 'repeats', '9'));
  const n = Number(option(args, 'size', '10000000'));
  const cols = 1000;
  console.log(`anchor: ${numpyDescription()} via ${python ?? 'nothing'}`);
  console.log(`single thread; ${n} float64 (${(n * 8) / 1e6} MB); median of ${repeats} runs\n`);
  const a = random.defaultRng(1).standardNormal([n]);
  const m = a.reshape([n / cols, cols]);
  const rows: Row[] = [
    { label: 'sum, contiguous', js: () => sum(a), numpy: 'a.sum()' },
    {
      label: 'sum axis 0 of (n/1000, 1000)',
      js: () => sum(m, { axis: 0 }),
      numpy: 'm.sum(axis=0)',
    },
    { label: 'sum, reproducible', js: () => sum(a, { reproducible: true }), numpy: 'a.sum()' },
  ];
  const setup = `a = np.random.default_rng(1).standard_normal(${n})\nm = a.reshape(${n / cols}, ${cols})`;
  console.log(
    `${'case'.padEnd(30)} ${'ndblas GB/s'.padStart(12)} ${'NumPy GB/s'.padStart(11)} ${'ratio'.padStart(6)}  (NumPy)`,
  );
  for (const r of rows) {
    for (let w = 0; w < 5; w++) r.js(); // past the JIT tiers before timing
    const t = timeJs(r.js, 1, repeats);
    const tn = python === null ? Number.NaN : timeNumpy(setup, r.numpy, 1, repeats);
    const gb = (s: number) => (n * 8) / s / 1e9;
    console.log(
      `${r.label.padEnd(30)} ${gb(t).toFixed(2).padStart(12)} ${gb(tn).toFixed(2).padStart(11)} ${(tn / t).toFixed(2).padStart(6)}  (${r.numpy})`,
    );
  }
}
