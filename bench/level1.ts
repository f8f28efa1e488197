// Level-1/2 benchmark: the reference TypeScript kernels against the wasm
// Level-1/2 path (copy-in through scratch included) in every variant this
// engine runs, on contiguous float64/float32 operands, with the public call
// (`ndblas/blas`: validation, dispatch and the cut-over) and NumPy (SciPy's
// BLAS wrappers where present, else NumPy expressions) timed in the same run
// as the anchor. Prints GB/s of operand traffic (dot, axpy, asum, nrm2) or
// GFLOPS (gemv, ger: 2mn flops on an n x n matrix) and ratios; the cut-overs
// in src/blas/dispatch-wasm-level12.ts come from the small sizes here.
// Options: --routines dot,gemv-col --types f64 --sizes 64,4096 (Level 1)
// --sides 32,256 (Level 2) --repeats 5.
//
// Verdict (2-core Zen3, Node 20, load average 6-8 from others' work): every
// routine wins on contiguous data above its cut-over, so all are kept. Best
// variant over the reference kernel at n = 65536 (Level 1) and 256 x 256
// (Level 2): dot 6x f64 / 16x f32, axpy 7x / 10x, asum 7x (complex 2.3-5x),
// nrm2 3.6-5.8x, gemv 5.6-7x f64 / 7.4-8.6x f32, ger 7.4-8.6x / 15-19x.
// NumPy/OpenBLAS stays 3-10x ahead (it copies nothing). None was dropped;
// strided operands are not gathered and stay on the reference kernel.
import { JS_KERNELS } from '../src/backends/js.js';
import { chooseVariant, type Feature, setDisabledFeatures } from '../src/backends/wasm/features.js';
import { WASM_LEVEL12 } from '../src/blas/dispatch-wasm-level12.js';
import { asum, axpy, dot, gemv, ger, nrm2 } from '../src/blas/index.js';
import type { NDArray } from '../src/index.js';
import { random } from '../src/index.js';
import type { Kernel, KernelCall, KernelOperand } from '../src/kernels/types.js';
import { numpyDescription, python, timeJs, timeNumpy } from './numpy.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

type Type = 'f64' | 'f32' | 'c128' | 'c64';
const DTYPE: Readonly<Record<Type, 'float64' | 'float32' | 'complex128' | 'complex64'>> = {
  f64: 'float64',
  f32: 'float32',
  c128: 'complex128',
  c64: 'complex64',
};
const BYTES: Readonly<Record<Type, number>> = { f64: 8, f32: 4, c128: 16, c64: 8 };
/** The real type of a reduction's result (asum, nrm2). */
const REAL: Readonly<Record<Type, Type>> = { f64: 'f64', f32: 'f32', c128: 'f64', c64: 'f32' };
/** SciPy's BLAS prefix (asum and nrm2 of complex: dzasum, scnrm2...). */
const PREFIX: Readonly<Record<Type, string>> = { f64: 'd', f32: 's', c128: 'dz', c64: 'sc' };
const isComplex = (t: Type) => t.startsWith('c');

/** Operands of one benchmark call, as NDArrays (for the public call) and as the kernel sees them. */
interface Case {
  readonly call: KernelCall;
  readonly api: () => void;
  /** Bytes moved (Level 1) or flops (Level 2) per call. */
  readonly amount: number;
}

const OPTIONS = { upper: true, left: true, unit: false, conj: {} };

function view(a: NDArray): KernelOperand {
  const single = a.dtype.name === 'float32' || a.dtype.name === 'complex64';
  const b = single ? 4 : 8;
  const data = single ? new Float32Array(a.buffer) : new Float64Array(a.buffer);
  return { data, off: a.byteOffset / b, st: a.strides.map((s) => s / b) };
}

interface Routine {
  readonly signature: (t: Type) => string;
  readonly kernel: 'dot' | 'axpy' | 'asum' | 'nrm2' | 'gemv' | 'ger';
  readonly unit: 'GB/s' | 'GFLOPS';
  readonly sizes: readonly number[];
  readonly make: (n: number, t: Type) => Case;
  /** NumPy anchor: setup (x, y, A, prefix p = 'd' or 's') and statement. */
  readonly numpy: (scipy: boolean) => string;
  readonly square?: 'row' | 'col';
}

const rng = random.defaultRng(3);
const vec = (n: number, t: Type) => rng.random([n]).astype(DTYPE[t]);
/** An n x n matrix, C order (row) or Fortran order (col). */
const mat = (n: number, t: Type, layout: 'row' | 'col') =>
  layout === 'row' ? rng.random([n, n]).astype(DTYPE[t]) : rng.random([n, n]).astype(DTYPE[t]).T;

const LEVEL1 = [16, 64, 256, 1024, 4096, 65536, 1 << 20];
const LEVEL2 = [4, 8, 16, 32, 64, 256, 1024];

function level2(kernel: 'gemv' | 'ger', layout: 'row' | 'col'): Routine {
  return {
    signature: (t) => `${kernel}:${t},${t}->${t}`,
    kernel,
    unit: 'GFLOPS',
    sizes: LEVEL2,
    square: layout,
    make: (n, t) => {
      const a = mat(n, t, layout);
      const [x, y] = [vec(n, t), vec(n, t)];
      const ops = { a: view(a), x: view(x), y: view(y) };
      const scalars: Record<string, number> =
        kernel === 'gemv' ? { alpha: 1, beta: 0.5 } : { alpha: 1e-9 };
      return {
        call: { dims: { m: n, n }, ops, scalars, options: OPTIONS },
        api: kernel === 'gemv' ? () => gemv(1, a, x, 0.5, y) : () => ger(1e-9, x, y, a),
        amount: 2 * n * n,
      };
    },
    numpy: (scipy) => {
      if (kernel === 'gemv') return 'np.matmul(A, x, out=y)';
      if (!scipy) return 'A += 1e-9 * np.outer(x, y)';
      return layout === 'col'
        ? 'getattr(blas, p + "ger")(1e-9, x, y, a=A, overwrite_a=1)'
        : 'getattr(blas, p + "ger")(1e-9, y, x, a=A.T, overwrite_a=1)';
    },
  };
}

function level1(kernel: 'dot' | 'axpy' | 'asum' | 'nrm2', reads: number): Routine {
  const api: Record<typeof kernel, (x: NDArray, y: NDArray) => void> = {
    dot: (x, y) => dot(x, y),
    axpy: (x, y) => axpy(1e-9, x, y),
    asum: (x) => asum(x),
    nrm2: (x) => nrm2(x),
  };
  const numpy: Record<typeof kernel, [string, string]> = {
    dot: ['getattr(blas, p + "dot")(x, y)', 'np.dot(x, y)'],
    axpy: ['getattr(blas, p + "axpy")(x, y, a=1e-9)', 'np.add(y, 1e-9 * x, out=y)'],
    asum: ['getattr(blas, p + "asum")(x)', 'np.abs(x).sum()'],
    nrm2: ['getattr(blas, p + "nrm2")(x)', 'np.linalg.norm(x)'],
  };
  return {
    signature: (t) =>
      ({
        dot: `dot:${t},${t}->${t}`,
        axpy: `axpy:${t}->${t}`,
        asum: `asum:${t}->${REAL[t]}`,
        nrm2: `nrm2:${t}->${REAL[t]}`,
      })[kernel],
    kernel,
    unit: 'GB/s',
    sizes: LEVEL1,
    make: (n, t) => {
      const [x, y] = [vec(n, t), vec(n, t)];
      return {
        call: {
          dims: { n },
          ops: { x: view(x), y: view(y) },
          scalars: { alpha: 1e-9 },
          options: OPTIONS,
        },
        api: () => api[kernel](x, y),
        amount: reads * n * BYTES[t],
      };
    },
    numpy: (scipy) => numpy[kernel][scipy ? 0 : 1],
  };
}

const ROUTINES: Readonly<Record<string, Routine>> = {
  dot: level1('dot', 2),
  axpy: level1('axpy', 3),
  asum: level1('asum', 1),
  nrm2: level1('nrm2', 1),
  'gemv-row': level2('gemv', 'row'),
  'gemv-col': level2('gemv', 'col'),
  'ger-row': level2('ger', 'row'),
  'ger-col': level2('ger', 'col'),
};

const VARIANTS: readonly { name: string; disable: Feature[] }[] = [
  { name: 'scalar', disable: ['simd', 'relaxed-simd'] },
  { name: 'simd128', disable: ['relaxed-simd'] },
  { name: 'relaxed', disable: [] },
];

/** Calls per timed repeat: about 20 ms of work at a few GB/s, at least one. */
const callsFor = (amount: number) => Math.max(1, Math.min(20000, Math.round(4e7 / amount)));

function numpySetup(r: Routine, n: number, t: Type, scipy: boolean): string {
  const dt = DTYPE[t];
  const order = r.square === 'col' ? 'F' : 'C';
  return [
    scipy ? 'from scipy.linalg import blas' : '',
    `p = "${PREFIX[t]}"`,
    'rng = np.random.default_rng(3)',
    `x = (rng.random(${n}) + ${isComplex(t) ? '0.5j' : '0'}).astype(np.${dt})`,
    `y = (rng.random(${n}) + ${isComplex(t) ? '0.5j' : '0'}).astype(np.${dt})`,
    r.square === undefined
      ? ''
      : `A = np.asarray(rng.random((${n}, ${n})), dtype=np.${dt}, order="${order}")`,
  ].join('\n');
}

export async function main(args: string[]): Promise<void> {
  const names = option(args, 'routines', Object.keys(ROUTINES).join(',')).split(',');
  const types = option(args, 'types', 'f64,f32,c128,c64').split(',') as Type[];
  const sizesOpt = option(args, 'sizes', '');
  const sidesOpt = option(args, 'sides', '');
  const repeats = Number(option(args, 'repeats', '5'));
  const scipy = python !== null && timeNumpyOk('from scipy.linalg import blas');
  const variants = VARIANTS.filter((v) => {
    setDisabledFeatures(v.disable);
    return chooseVariant().variant === v.name;
  });
  setDisabledFeatures([]);
  console.log(`anchor: ${numpyDescription()}${scipy ? ' (scipy.linalg.blas)' : ''}, 1 thread`);
  console.log(`wasm: ${chooseVariant().reasons.join('; ')}; median of ${repeats} repeats`);
  const head = ['ref', ...variants.map((v) => v.name), 'ndblas', 'numpy'];
  console.log(
    `${'routine'.padEnd(9)} type ${'n'.padStart(8)} unit   ${head.map((h) => h.padStart(8)).join('')}  best/ref  ndblas/numpy`,
  );
  for (const name of names) {
    const r = ROUTINES[name];
    for (const t of types.filter((t) => WASM_LEVEL12[r.signature(t)] !== undefined)) {
      const given = r.square === undefined ? sizesOpt : sidesOpt;
      const sizes = given === '' ? r.sizes : given.split(',').map(Number);
      for (const n of sizes) {
        const c = r.make(n, t);
        const calls = callsFor(c.amount);
        const rate = (seconds: number) => c.amount / seconds / 1e9;
        const time = (k: Kernel) => rate(timeJs(() => k(c.call), calls, repeats));
        const pair = JS_KERNELS[r.kernel];
        const ref = time((isComplex(t) ? pair.complex : pair.real)!);
        const wasm = variants.map((v) => {
          setDisabledFeatures(v.disable);
          return time(WASM_LEVEL12[r.signature(t)]);
        });
        setDisabledFeatures([]);
        const api = rate(timeJs(c.api, calls, repeats));
        const np =
          python === null
            ? Number.NaN
            : rate(timeNumpy(numpySetup(r, n, t, scipy), r.numpy(scipy), calls, repeats));
        const cells = [ref, ...wasm, api, np].map((v) => v.toFixed(2).padStart(8)).join('');
        console.log(
          `${name.padEnd(9)} ${t}  ${String(n).padStart(8)} ${r.unit.padEnd(6)} ${cells}  ${(Math.max(...wasm) / ref).toFixed(2).padStart(7)}x  ${(api / np).toFixed(2).padStart(11)}x`,
        );
      }
    }
  }
}

function timeNumpyOk(setup: string): boolean {
  try {
    timeNumpy(setup, 'pass', 1, 1);
    return true;
  } catch {
    return false;
  }
}
