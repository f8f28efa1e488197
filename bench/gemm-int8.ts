// int8 GEMM benchmark (gemm:i8,i8->i32): GOPS (2 n^3 integer operations,
// n^3 multiply-adds, per second) of ndblas per wasm variant at n = 64..2048, with
// ratios against two NumPy anchors measured in the same run: NumPy's own
// int8 -> int32 product `np.matmul(a, b, dtype=np.int32)` (its integer loop:
// NumPy has no integer BLAS), and the fastest exact route through NumPy,
// float64 OpenBLAS `(a.astype(f8) @ b.astype(f8)).astype(np.int32)` (exact
// while |sums| < 2^31, i.e. k < 131072). Also A and B as t[:, :, 0] views.
// Options: --sizes 64,256 --repeats 5 --threads 1 (ndblas threads; NumPy's BLAS stays on one)
// --clock cpu (process CPU time instead of elapsed: for a loaded machine).
import { loadavg } from 'node:os';
import { chooseVariant, type Feature, setDisabledFeatures } from '../src/backends/wasm/features.js';
import { bySignature } from '../src/blas/index.js';
import { type NDArray, random, zeros } from '../src/index.js';
import { setNumThreads } from '../src/parallel.js';
import { type Clock, numpyDescription, python, timeJs, timeNumpy } from './numpy.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

/** The NumPy anchors: statement on int8 a, b; expected GOPS (sets the calls per repeat); largest n timed. */
const ANCHORS: readonly { name: string; stmt: string; gops: number; maxN: number }[] = [
  { name: 'NumPy int', stmt: 'np.matmul(a, b, dtype=np.int32)', gops: 1.5, maxN: 1024 },
  {
    name: 'NumPy f64',
    stmt: '(a.astype(np.float64) @ b.astype(np.float64)).astype(np.int32)',
    gops: 30,
    maxN: 4096,
  },
];

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const callsFor = (n: number, gops: number) =>
  Math.max(1, Math.round((gops * 0.1e9) / (2 * n ** 3)));

function operands(n: number, strided: boolean): [NDArray, NDArray, NDArray] {
  const rng = random.defaultRng(42);
  const make = () => {
    if (!strided) return rng.integers(-128, 128, [n, n], { dtype: 'int8' });
    return rng.integers(-128, 128, [n, n, 2], { dtype: 'int8' }).slice(':', ':', 0);
  };
  return [make(), make(), zeros([n, n], { dtype: 'int32' })];
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

function numpyGops(
  stmt: string,
  n: number,
  strided: boolean,
  repeats: number,
  gops: number,
  clock: Clock,
) {
  const shape = strided ? `(${n}, ${n}, 2)` : `(${n}, ${n})`;
  const view = strided ? '[:, :, 0]' : '';
  const draw = `rng.integers(-128, 128, ${shape}, dtype=np.int8)${view}`;
  const setup = `rng = np.random.default_rng(42)\na = ${draw}\nb = ${draw}`;
  const t = timeNumpy(setup, stmt, callsFor(n, gops), repeats, clock);
  return (2 * n ** 3) / t / 1e9;
}

export async function main(args: string[]): Promise<void> {
  const sizes = option(args, 'sizes', '64,128,256,512,1024,2048').split(',').map(Number);
  const repeats = Number(option(args, 'repeats', '5'));
  const threads = Number(option(args, 'threads', '1'));
  const clock = option(args, 'clock', 'wall') as Clock;
  if (clock !== 'wall' && clock !== 'cpu') throw new Error('--clock is wall or cpu');
  setNumThreads(threads);
  console.log(`anchor: ${numpyDescription()} via ${python ?? 'nothing'} (OPENBLAS_NUM_THREADS=1)`);
  for (const a of ANCHORS) console.log(`  ${a.name}: ${a.stmt}`);
  console.log(
    `ndblas on ${threads} thread(s), NumPy on one; GOPS = 2 n^3 / median time; ratios = ndblas / anchor in this run`,
  );
  console.log(`clock: ${clock}; load average at start: ${load()}\n`);
  for (const strided of [false, true]) {
    console.log(strided ? 'int8, A and B as t[:, :, 0] views' : 'int8, contiguous');
    const head = ANCHORS.map((a) => a.name.padStart(10)).join(' ');
    const ratios = ANCHORS.map((a) => `/${a.name.split(' ')[1]}`.padStart(6)).join('');
    console.log(
      `${'n'.padStart(6)} ${head} ${VARIANTS.map((v) => `${v.name.padStart(9)}${ratios}`).join(' ')}`,
    );
    for (const n of strided ? sizes.filter((s) => s <= 1024) : sizes) {
      const anchors = ANCHORS.map((a) =>
        python === null || n > a.maxN
          ? Number.NaN
          : numpyGops(a.stmt, n, strided, repeats, a.gops, clock),
      );
      const cells: string[] = [];
      for (const v of VARIANTS) {
        setDisabledFeatures(v.disable);
        if (chooseVariant().variant !== v.name) {
          cells.push(`${'n/a'.padStart(9)}${' '.repeat(6 * ANCHORS.length)}`);
          continue;
        }
        const [a, b, c] = operands(n, strided);
        const gemm = bySignature['gemm:i8,i8->i32'];
        const t = timeJs(() => gemm(1, a, b, 0, c), callsFor(n, 30), repeats, clock);
        const g = (2 * n ** 3) / t / 1e9;
        const rs = anchors.map((x) => (g / x).toFixed(1).padStart(6)).join('');
        cells.push(`${g.toFixed(2).padStart(9)}${rs}`);
      }
      const shown = anchors.map((x) => x.toFixed(2).padStart(10)).join(' ');
      console.log(`${String(n).padStart(6)} ${shown} ${cells.join(' ')}`);
    }
    console.log();
  }
  setDisabledFeatures([]);
  console.log(`load average at end: ${load()}`);
}
