// GEMM benchmark (issue 4): single-threaded GFLOPS of ndblas per wasm variant
// for f64 and f32 at n = 64..2048, with the ratio against NumPy/OpenBLAS
// (OPENBLAS_NUM_THREADS=1) measured in the same run; the strided case (A and B
// as t[:, :, 0] views of (n, n, 2) arrays) against NumPy on the same views;
// then the issue's targets checked on these numbers. Each rate is 2 n^3 over
// the median of `repeats` timed runs. Options: --sizes 64,256 --repeats 5
// --clock cpu (process CPU time instead of elapsed: for a loaded machine).
import { loadavg } from 'node:os';
import { chooseVariant, type Feature, setDisabledFeatures } from '../src/backends/wasm/features.js';
import { gemm } from '../src/blas/index.js';
import { type NDArray, random, zeros } from '../src/index.js';
import { setNumThreads } from '../src/parallel.js';
import { type Clock, numpyDescription, python, timeJs, timeNumpy, warmUp } from './numpy.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];
const DTYPES = ['float64', 'float32'] as const;
type DType = (typeof DTYPES)[number];

/** Issue 4's ratios against OpenBLAS at n = 1024, per type and variant. */
const OPENBLAS_TARGETS: Readonly<Record<DType, Readonly<Record<string, number>>>> = {
  float64: { simd128: 0.33, relaxed: 0.48 },
  float32: { simd128: 0.3, relaxed: 0.45 },
};
/** n = 256 against n = 1024, and strided views against contiguous operands (n = 1024). */
const SMALL_TARGET = 0.85;
const STRIDED_TARGET = 0.9;

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const callsFor = (n: number) => Math.max(1, Math.round(4e8 / (2 * n ** 3)));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function operands(n: number, dtype: DType, strided: boolean): [NDArray, NDArray, NDArray] {
  const rng = random.defaultRng(42);
  const make = () => {
    if (!strided) return rng.random([n, n], { dtype });
    return rng.random([n, n, 2], { dtype }).slice(':', ':', 0);
  };
  return [make(), make(), zeros([n, n], { dtype })];
}

function numpyGflops(
  n: number,
  dtype: DType,
  strided: boolean,
  repeats: number,
  clock: Clock,
): number {
  const shape = strided ? `(${n}, ${n}, 2)` : `(${n}, ${n})`;
  const view = strided ? '[:, :, 0]' : '';
  const setup = `rng = np.random.default_rng(42)\na = rng.random(${shape}).astype(np.${dtype})${view}\nb = rng.random(${shape}).astype(np.${dtype})${view}\nc = np.empty((${n}, ${n}), np.${dtype})`;
  const t = timeNumpy(setup, 'np.matmul(a, b, out=c)', callsFor(n), repeats, clock);
  return (2 * n ** 3) / t / 1e9;
}

/** GFLOPS by `${dtype}:${strided}:${variant}:${n}` ('numpy' as the variant for the anchor). */
type Rates = Map<string, number>;
const key = (dtype: DType, strided: boolean, variant: string, n: number) =>
  `${dtype}:${strided}:${variant}:${n}`;

interface Run {
  readonly sizes: number[];
  readonly repeats: number;
  readonly clock: Clock;
}

function table(dtype: DType, strided: boolean, run: Run, rates: Rates) {
  const { sizes, repeats, clock } = run;
  console.log(strided ? `${dtype}, A and B as t[:, :, 0] views` : `${dtype}, contiguous`);
  console.log(
    `${'n'.padStart(6)} ${'NumPy'.padStart(8)} ${VARIANTS.map((v) => `${v.name.padStart(9)} ratio`).join(' ')}`,
  );
  for (const n of sizes) {
    const anchor = python === null ? Number.NaN : numpyGflops(n, dtype, strided, repeats, clock);
    rates.set(key(dtype, strided, 'numpy', n), anchor);
    const cells: string[] = [];
    for (const v of VARIANTS) {
      setDisabledFeatures(v.disable);
      if (chooseVariant().variant !== v.name) {
        cells.push(`${'n/a'.padStart(9)}      `);
        continue;
      }
      const [a, b, c] = operands(n, dtype, strided);
      const product = () => gemm(1, a, b, 0, c);
      warmUp(product);
      const t = timeJs(product, callsFor(n), repeats, clock);
      const g = (2 * n ** 3) / t / 1e9;
      rates.set(key(dtype, strided, v.name, n), g);
      cells.push(`${g.toFixed(2).padStart(9)} ${(g / anchor).toFixed(2).padStart(5)}`);
    }
    console.log(`${String(n).padStart(6)} ${anchor.toFixed(2).padStart(8)} ${cells.join(' ')}`);
  }
  console.log();
}

/** One line per target: the measured value, the target, and whether it holds. */
function targets(rates: Rates): void {
  console.log('targets (n = 1024 unless stated)');
  const line = (what: string, value: number | undefined, target: number) => {
    if (value === undefined || Number.isNaN(value)) return;
    const verdict = value >= target ? 'met' : 'MISSED';
    console.log(
      `  ${what.padEnd(44)} ${value.toFixed(2).padStart(5)} >= ${target.toFixed(2)}  ${verdict}`,
    );
  };
  const at = (d: DType, s: boolean, v: string, n: number) => rates.get(key(d, s, v, n));
  for (const d of DTYPES) {
    for (const v of ['simd128', 'relaxed']) {
      const ours = at(d, false, v, 1024);
      const blas = at(d, false, 'numpy', 1024);
      if (ours !== undefined && blas !== undefined)
        line(`${d} ${v} / OpenBLAS`, ours / blas, OPENBLAS_TARGETS[d][v]);
      const small = at(d, false, v, 256);
      if (ours !== undefined && small !== undefined)
        line(`${d} ${v} n = 256 / n = 1024`, small / ours, SMALL_TARGET);
      const strided = at(d, true, v, 1024);
      if (ours !== undefined && strided !== undefined)
        line(`${d} ${v} t[:, :, 0] views / contiguous`, strided / ours, STRIDED_TARGET);
    }
  }
}

export async function main(args: string[]): Promise<void> {
  const sizes = option(args, 'sizes', '64,128,256,512,1024,2048').split(',').map(Number);
  const repeats = Number(option(args, 'repeats', '5'));
  const clock = option(args, 'clock', 'wall') as Clock;
  if (clock !== 'wall' && clock !== 'cpu') throw new Error('--clock is wall or cpu');
  const run: Run = { sizes, repeats, clock };
  setNumThreads(1);
  console.log(`anchor: ${numpyDescription()} via ${python ?? 'nothing'} (OPENBLAS_NUM_THREADS=1)`);
  console.log(
    `single thread; GFLOPS = 2 n^3 / median ${clock === 'cpu' ? 'process CPU' : 'elapsed'} time; ratio = ndblas / NumPy in this run`,
  );
  console.log(`load average at start: ${load()}\n`);
  const rates: Rates = new Map();
  for (const dtype of DTYPES) {
    table(dtype, false, run, rates);
    table(dtype, true, run, rates);
  }
  setDisabledFeatures([]);
  targets(rates);
  console.log(`\nload average at end: ${load()}`);
}
