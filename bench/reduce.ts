// Reduction benchmark on one thread (setNumThreads(1): issue 5 compares with
// NumPy's single-threaded a.sum()): sum of 10M float64 contiguous (the wasm
// pairwise kernel where WebAssembly runs, up to the shared-memory limit in
// src/reduce/pairwise.ts), the same sum by the TypeScript twin alone
// (pairwiseF64Ref, no array layer), by the wasm path on an ArrayBuffer copy
// of the data (as browsers without cross-origin isolation have), an axis-0
// reduction of a (n/1000, 1000) array (rows in memory order) and the
// reproducible (binned) sum, in GB/s of input read, with the ratio against
// NumPy timed in the same run. ndblas and NumPy alternate for `rounds` rounds
// (each the median of `repeats` runs); the medians over rounds are printed,
// with the load average before and after. Options: --repeats 9 --rounds 3
// --size 10000000; --cutover sweeps contiguous sums by size (wasm vs twin).
import { loadavg } from 'node:os';
import { random, sum } from '../src/index.js';
import { typedWindow } from '../src/ndarray/typed.js';
import { setNumThreads } from '../src/parallel.js';
import { pairwiseF64, pairwiseF64Ref } from '../src/reduce/pairwise.js';
import { numpyDescription, python, timeJs, timeNumpy, warmUp } from './numpy.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

interface Row {
  readonly label: string;
  readonly js: () => void;
  readonly numpy: string;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** Contiguous sums of n elements: wasm over twin, in ArrayBuffer and SharedArrayBuffer memory. */
function cutover(repeats: number): void {
  console.log(
    `${'n'.padStart(8)} ${'ArrayBuffer'.padStart(12)} ${'Shared'.padStart(8)}  (twin ns / wasm ns)`,
  );
  const fill = (b: ArrayBufferLike) => new Float64Array(b).map((_, k) => Math.sin(k));
  const plain = fill(new ArrayBuffer(8e7));
  const shared = fill(new SharedArrayBuffer(8e7));
  const ratio = (x: Float64Array, n: number) => {
    const calls = Math.ceil(2e6 / n);
    const time = (f: typeof pairwiseF64) => {
      const run = () => {
        for (let c = 0; c < calls; c++) f(x, 0, n, 1);
      };
      warmUp(run, 0.2);
      return timeJs(run, 1, repeats);
    };
    return (time(pairwiseF64Ref) / time(pairwiseF64)).toFixed(2);
  };
  for (const n of [128, 256, 512, 1024, 8192, 1 << 16, 1 << 20, 1 << 21, 1 << 22, 1e7]) {
    console.log(
      `${String(n).padStart(8)} ${ratio(plain, n).padStart(12)} ${ratio(shared, n).padStart(8)}`,
    );
  }
}

export async function main(args: string[]): Promise<void> {
  const repeats = Number(option(args, 'repeats', '9'));
  const rounds = Number(option(args, 'rounds', '3'));
  const n = Number(option(args, 'size', '10000000'));
  setNumThreads(1);
  console.log(`anchor: ${numpyDescription()} via ${python ?? 'nothing'}`);
  console.log(`load average before: ${load()}`);
  if (args.includes('--cutover')) {
    cutover(repeats);
    return;
  }
  const cols = 1000;
  console.log(
    `one thread; ${n} float64 (${(n * 8) / 1e6} MB); median of ${rounds} rounds of median of ${repeats} runs\n`,
  );
  const a = random.defaultRng(1).standardNormal([n]);
  const m = a.reshape([n / cols, cols]);
  const raw = typedWindow(a.buffer, a.dtype) as Float64Array;
  const at = a.byteOffset / 8;
  const plain = raw.slice(at, at + n);
  const rows: Row[] = [
    { label: 'sum, contiguous', js: () => sum(a), numpy: 'a.sum()' },
    { label: 'TypeScript twin alone', js: () => pairwiseF64Ref(raw, at, n, 1), numpy: 'a.sum()' },
    { label: 'wasm, ArrayBuffer copy', js: () => pairwiseF64(plain, 0, n, 1), numpy: 'a.sum()' },
    {
      label: 'sum axis 0 of (n/1000, 1000)',
      js: () => sum(m, { axis: 0 }),
      numpy: 'm.sum(axis=0)',
    },
    { label: 'sum, reproducible', js: () => sum(a, { reproducible: true }), numpy: 'a.sum()' },
  ];
  const setup = `a = np.random.default_rng(1).standard_normal(${n})\nm = a.reshape(${n / cols}, ${cols})`;
  console.log(
    `${'case'.padEnd(30)} ${'ndblas GB/s'.padStart(12)} ${'NumPy GB/s'.padStart(11)} ${'ratio'.padStart(6)}  rounds' ratios  (NumPy)`,
  );
  const gb = (s: number) => (n * 8) / s / 1e9;
  for (const r of rows) {
    warmUp(r.js); // past the JIT tiers before timing
    const js: number[] = [];
    const np: number[] = [];
    for (let k = 0; k < rounds; k++) {
      js.push(timeJs(r.js, 1, repeats));
      np.push(python === null ? Number.NaN : timeNumpy(setup, r.numpy, 1, repeats));
    }
    const ratios = js.map((t, k) => (np[k] / t).toFixed(2)).join(' ');
    const t = median(js);
    const tn = median(np);
    console.log(
      `${r.label.padEnd(30)} ${gb(t).toFixed(2).padStart(12)} ${gb(tn).toFixed(2).padStart(11)} ${(tn / t).toFixed(2).padStart(6)}  ${ratios.padEnd(15)} (${r.numpy})`,
    );
  }
  console.log(`\nload average after: ${load()}`);
}
