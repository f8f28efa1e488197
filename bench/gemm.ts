// GEMM benchmark: single-threaded GFLOPS of ndblas per wasm variant for f32 and
// f64 at n = 64..2048, with the ratio against NumPy/OpenBLAS measured in the
// same run; plus the strided case (A and B as t[:, :, 0] views of (n, n, 2)
// arrays) against NumPy on the same views. Options: --sizes 64,256 --repeats 5.
import { chooseVariant, type Feature, setDisabledFeatures } from '../src/backends/wasm/features.js';
import { gemm } from '../src/blas/index.js';
import { type NDArray, random, zeros } from '../src/index.js';
import { numpyDescription, python, timeJs, timeNumpy } from './numpy.js';

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const callsFor = (n: number) => Math.max(1, Math.round(4e8 / (2 * n ** 3)));

function operands(
  n: number,
  dtype: 'float32' | 'float64',
  strided: boolean,
): [NDArray, NDArray, NDArray] {
  const rng = random.defaultRng(42);
  const make = () => {
    if (!strided) return rng.random([n, n], { dtype });
    return rng.random([n, n, 2], { dtype }).slice(':', ':', 0);
  };
  return [make(), make(), zeros([n, n], { dtype })];
}

function numpyGflops(n: number, dtype: string, strided: boolean, repeats: number): number {
  const shape = strided ? `(${n}, ${n}, 2)` : `(${n}, ${n})`;
  const view = strided ? '[:, :, 0]' : '';
  const setup = `rng = np.random.default_rng(42)\na = rng.random(${shape}).astype(np.${dtype})${view}\nb = rng.random(${shape}).astype(np.${dtype})${view}\nc = np.empty((${n}, ${n}), np.${dtype})`;
  const t = timeNumpy(setup, 'np.matmul(a, b, out=c)', callsFor(n), repeats);
  return (2 * n ** 3) / t / 1e9;
}

export async function main(args: string[]): Promise<void> {
  const sizes = option(args, 'sizes', '64,128,256,512,1024,2048').split(',').map(Number);
  const repeats = Number(option(args, 'repeats', '5'));
  console.log(`anchor: ${numpyDescription()} via ${python ?? 'nothing'} (OPENBLAS_NUM_THREADS=1)`);
  console.log('single thread; GFLOPS = 2 n^3 / median time; ratio = ndblas / NumPy in this run\n');
  for (const dtype of ['float64', 'float32'] as const) {
    for (const strided of [false, true]) {
      const label = strided ? `${dtype}, A and B as t[:, :, 0] views` : `${dtype}, contiguous`;
      console.log(label);
      console.log(
        `${'n'.padStart(6)} ${'NumPy'.padStart(8)} ${VARIANTS.map((v) => `${v.name.padStart(9)} ratio`).join(' ')}`,
      );
      for (const n of strided ? sizes.filter((s) => s <= 1024) : sizes) {
        const anchor = python === null ? Number.NaN : numpyGflops(n, dtype, strided, repeats);
        const cells: string[] = [];
        for (const v of VARIANTS) {
          setDisabledFeatures(v.disable);
          if (chooseVariant().variant !== v.name) {
            cells.push(`${'n/a'.padStart(9)}      `);
            continue;
          }
          const [a, b, c] = operands(n, dtype, strided);
          const t = timeJs(() => gemm(1, a, b, 0, c), callsFor(n), repeats);
          const g = (2 * n ** 3) / t / 1e9;
          cells.push(`${g.toFixed(2).padStart(9)} ${(g / anchor).toFixed(2).padStart(5)}`);
        }
        console.log(`${String(n).padStart(6)} ${anchor.toFixed(2).padStart(8)} ${cells.join(' ')}`);
      }
      console.log();
    }
  }
  setDisabledFeatures([]);
}
