// Level-3 benchmark: the routines on the GEMM frame, real (symm, syrk, syr2k,
// trmm, trsm on f64, f32) and complex (also hemm, herk, her2k on c128, c64),
// single threaded, in the wasm variant chosen now (NDBLAS_DISABLE_FEATURES
// lowers it), against OpenBLAS through scipy.linalg.blas (d/s/z/c + routine,
// Fortran-ordered operands) measured in the same run with one BLAS thread;
// gemm of the same order for scale. For trmm and trsm, "diag" is the share
// of the time spent in the diagonal blocks (order DIAGONAL, the wasm
// diagonal-block kernel): the same kernel timed on the n/DIAGONAL diagonal
// problems alone. Options: --sizes 256,512
// --routines syrk,trsm --types f64,c128 --repeats 5.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { chooseVariant } from '../src/backends/wasm/features.js';
import { WASM_GEMM, WASM_LEVEL3 } from '../src/blas/dispatch-wasm.js';
import { DIAGONAL } from '../src/blas/frame/triangular-blocked.js';
import type { KernelCall, KernelOperand, KernelScalar } from '../src/kernels/types.js';
import { numpyDescription, python, timeJs } from './numpy.js';

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

type Type = 'f64' | 'f32' | 'c128' | 'c64';

/** BLAS prefix and NumPy dtype of each type; complex counts 4 real flops per real one. */
const TYPES: Readonly<Record<Type, { prefix: string; dtype: string; complex: boolean }>> = {
  f64: { prefix: 'd', dtype: 'float64', complex: false },
  f32: { prefix: 's', dtype: 'float32', complex: false },
  c128: { prefix: 'z', dtype: 'complex128', complex: true },
  c64: { prefix: 'c', dtype: 'complex64', complex: true },
};

/** Real flops of one call of order n (every operand n x n), as LAPACK counts them; complex: times 4. */
const FLOPS: Readonly<Record<string, (n: number) => number>> = {
  gemm: (n) => 2 * n ** 3,
  symm: (n) => 2 * n ** 3,
  hemm: (n) => 2 * n ** 3,
  syrk: (n) => n ** 3,
  herk: (n) => n ** 3,
  syr2k: (n) => 2 * n ** 3,
  her2k: (n) => 2 * n ** 3,
  trmm: (n) => n ** 3,
  trsm: (n) => n ** 3,
};

const ROUTINES = ['symm', 'hemm', 'syrk', 'herk', 'syr2k', 'her2k', 'trmm', 'trsm'];
const HERMITIAN = new Set(['hemm', 'herk', 'her2k']);

/** The scipy call of a routine, upper triangle, left side, non-unit diagonal (a, b, c defined). */
const SCIPY: Readonly<Record<string, string>> = {
  gemm: 'gemm(1.0, a, b, 0.5, c)',
  symm: 'symm(1.0, a, b, 0.5, c)',
  hemm: 'hemm(1.0, a, b, 0.5, c)',
  syrk: 'syrk(1.0, a, 0.5, c)',
  herk: 'herk(1.0, a, 0.5, c)',
  syr2k: 'syr2k(1.0, a, b, 0.5, c)',
  her2k: 'her2k(1.0, a, b, 0.5, c)',
  trmm: 'trmm(1.0, t, b)',
  trsm: 'trsm(1.0, t, b)',
};

/** Random n x m values in [-1, 1) (and i[-1, 1)) times `scale`, row-major. */
function matrix(n: number, m: number, type: Type, scale = 1): KernelOperand {
  const w = TYPES[type].complex ? 2 : 1;
  const f32 = type === 'f32' || type === 'c64';
  const data = f32 ? new Float32Array(w * n * m) : new Float64Array(w * n * m);
  for (let i = 0; i < data.length; i++) data[i] = (Math.random() * 2 - 1) * scale;
  return { data, off: 0, st: [w * m, w] };
}

/** A matrix near the identity: diagonal 1, other entries below 1/n. */
function nearIdentity(n: number, type: Type): KernelOperand {
  const t = matrix(n, n, type, 1 / n);
  for (let i = 0; i < n; i++) t.data[i * (t.st[0] + t.st[1])] = 1;
  return t;
}

/**
 * One call of `routine` of order n with `cols` columns of B: left side, upper
 * triangle, non-unit diagonal; T near the identity (diagonal 1, off-diagonal
 * entries below 1/n) so repeated in-place products and solves stay finite.
 */
function callOf(routine: string, n: number, type: Type, cols = n): KernelCall {
  const complex = TYPES[type].complex;
  const scalar = (v: number): KernelScalar => (complex ? { re: v, im: 0 } : v);
  const triangular = routine.startsWith('tr');
  const dims: Record<string, number> =
    routine.startsWith('syr') || routine.startsWith('her') ? { n, k: n } : { m: n, n: cols };
  const ops = {
    a: triangular ? nearIdentity(n, type) : matrix(n, n, type),
    b: matrix(n, cols, type),
    c: matrix(n, cols, type),
  };
  const real = routine === 'herk';
  const scalars = {
    alpha: real ? 1 : scalar(1),
    beta: routine.startsWith('her') ? 0.5 : scalar(0.5),
  };
  return { dims, ops, scalars, options: { upper: true, left: true, unit: false, conj: {} } };
}

const signature = (routine: string, t: Type) =>
  ['syrk', 'herk', 'trmm', 'trsm'].includes(routine)
    ? `${routine}:${t}->${t}`
    : `${routine}:${t},${t}->${t}`;

const callsFor = (flops: number) => Math.max(1, Math.round(1e9 / flops));

/** Median seconds per call of each routine in OpenBLAS through scipy.linalg.blas, one process per type and order. */
function openblasSeconds(
  routines: string[],
  n: number,
  type: Type,
  repeats: number,
): Record<string, number> {
  if (python === null) return {};
  const { prefix, dtype, complex } = TYPES[type];
  const calls = Object.fromEntries(
    routines.map((r) => [
      r,
      [`blas.${prefix}${SCIPY[r]}`, callsFor((complex ? 4 : 1) * FLOPS[r](n))],
    ]),
  );
  const code = `
import json, statistics, timeit
import numpy as np
from scipy.linalg import blas
rng = np.random.default_rng(1)
def m():
    x = rng.random((${n}, ${n})) * 2 - 1
    if ${complex ? 'True' : 'False'}: x = x + 1j * (rng.random((${n}, ${n})) * 2 - 1)
    return np.asfortranarray(x.astype(np.${dtype}))
a, b, c = m(), m(), m()
t = np.asfortranarray(np.triu(m()) / ${n} + np.eye(${n}, dtype=np.${dtype}))
out = {}
for name, (stmt, number) in json.loads(${JSON.stringify(JSON.stringify(calls))}).items():
    out[name] = statistics.median(timeit.repeat(stmt, globals=globals(), number=number, repeat=${repeats})) / number
print(json.dumps(out))
`;
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  return JSON.parse(execFileSync(python, ['-c', code], { env }).toString());
}

/** Share of a triangular call's time in its n/DIAGONAL diagonal blocks: the kernel on order-DIAGONAL problems alone. */
function diagonalShare(
  routine: string,
  n: number,
  type: Type,
  total: number,
  repeats: number,
): number {
  const kernel = WASM_LEVEL3[signature(routine, type)];
  const small = callOf(routine, DIAGONAL, type, n);
  return ((n / DIAGONAL) * timeJs(() => kernel(small), 4, repeats)) / total;
}

export async function main(args: string[]): Promise<void> {
  const sizes = option(args, 'sizes', '256,512').split(',').map(Number);
  const types = option(args, 'types', 'f64,f32,c128,c64').split(',') as Type[];
  const wanted = option(args, 'routines', ROUTINES.join(',')).split(',');
  const repeats = Number(option(args, 'repeats', '5'));
  const v = chooseVariant();
  console.log(
    `wasm variant ${v.variant} (${v.reasons.join('; ')}), 1 thread, median of ${repeats}`,
  );
  console.log(`anchor: ${numpyDescription()}, scipy.linalg.blas, OPENBLAS_NUM_THREADS=1`);
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  console.log(`load average at start: ${load()} (a loaded machine: compare ratios, not rates)`);
  console.log('routine type     n  ndblas GFLOPS  OpenBLAS GFLOPS  ratio   diag');
  for (const type of types) {
    const routines = wanted.filter((r) => TYPES[type].complex || !HERMITIAN.has(r));
    const factor = TYPES[type].complex ? 4 : 1;
    for (const n of sizes) {
      const anchor = openblasSeconds(['gemm', ...routines], n, type, repeats);
      for (const routine of ['gemm', ...routines]) {
        const flops = factor * FLOPS[routine](n);
        const call = callOf(routine, n, type);
        const kernel =
          routine === 'gemm'
            ? WASM_GEMM[`gemm:${type},${type}->${type}`]
            : WASM_LEVEL3[signature(routine, type)];
        const gemmCall = { ...call, dims: { m: n, n, k: n } };
        const ours = timeJs(
          () => kernel(routine === 'gemm' ? gemmCall : call),
          callsFor(flops),
          repeats,
        );
        const theirs = anchor[routine];
        const rate = (t: number | undefined) =>
          t === undefined ? '-' : (flops / t / 1e9).toFixed(2);
        const ratio = theirs === undefined ? '-' : (theirs / ours).toFixed(2);
        const diag = routine.startsWith('tr')
          ? `${(100 * diagonalShare(routine, n, type, ours, repeats)).toFixed(0)}%`
          : '';
        console.log(
          `${routine.padEnd(7)} ${type.padEnd(4)} ${String(n).padStart(5)} ${rate(ours).padStart(14)} ${rate(theirs).padStart(16)} ${ratio.padStart(6)} ${diag.padStart(6)}`,
        );
      }
    }
  }
  console.log(`load average at end: ${load()}`);
}
