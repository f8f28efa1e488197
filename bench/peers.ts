// The JavaScript peers on the same GEMM: stdlib-js dgemm and ml-matrix mmul
// (float64), tfjs-backend-wasm matMul (float32, one thread), against ndblas in
// the same run. Peers are devDependencies, never runtime ones. Options:
// --sizes 64,256,512 --repeats 5 --clock cpu (process CPU time: a loaded machine).
import { createRequire } from 'node:module';
import { gemm } from '../src/blas/index.js';
import { random, zeros } from '../src/index.js';
import { setNumThreads } from '../src/parallel.js';
import { type Clock, timeJs, warmUp } from './numpy.js';

const require = createRequire(import.meta.url);

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

const callsFor = (n: number) => Math.max(1, Math.round(2e8 / (2 * n ** 3)));
const gflops = (n: number, seconds: number) => (2 * n ** 3) / seconds / 1e9;

type Dgemm = (
  order: string,
  ta: string,
  tb: string,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  lda: number,
  b: Float64Array,
  ldb: number,
  beta: number,
  c: Float64Array,
  ldc: number,
) => void;

interface TfLike {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor2d(values: Float32Array, shape: [number, number]): { dispose(): void };
  matMul(a: unknown, b: unknown): { dataSync(): Float32Array; dispose(): void };
}

export async function main(args: string[]): Promise<void> {
  const sizes = option(args, 'sizes', '64,256,512').split(',').map(Number);
  const repeats = Number(option(args, 'repeats', '5'));
  const clock = option(args, 'clock', 'wall') as Clock;
  if (clock !== 'wall' && clock !== 'cpu') throw new Error('--clock is wall or cpu');
  const time = (fn: () => void, calls: number, times: number) => {
    warmUp(fn);
    return timeJs(fn, calls, times, clock);
  };
  const dgemm = require('@stdlib/blas-base-dgemm') as Dgemm;
  const { Matrix } = require('ml-matrix') as {
    Matrix: new (rows: number[][]) => { mmul(o: unknown): unknown };
  };
  const tf = require('@tensorflow/tfjs-core') as TfLike;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as { setThreadsCount(n: number): void };
  wasm.setThreadsCount(1);
  setNumThreads(1);
  await tf.setBackend('wasm');
  await tf.ready();
  console.log(
    `single thread; GFLOPS = 2 n^3 / median ${clock === 'cpu' ? 'process CPU' : 'elapsed'} time; ratio = ndblas / peer\n`,
  );
  console.log(
    `${'n'.padStart(5)} ${'ndblas f64'.padStart(11)} ${'stdlib'.padStart(8)} ${'x'.padStart(6)} ${'ml-matrix'.padStart(10)} ${'x'.padStart(6)}  ${'ndblas f32'.padStart(11)} ${'tfjs-wasm'.padStart(10)} ${'x'.padStart(6)}`,
  );
  for (const n of sizes) {
    const rng = random.defaultRng(7);
    const a = rng.random([n, n]);
    const b = rng.random([n, n]);
    const c = zeros([n, n]);
    const calls = callsFor(n);
    const ours = gflops(
      n,
      time(() => gemm(1, a, b, 0, c), calls, repeats),
    );
    const [fa, fb, fc] = [a, b, c].map((x) => new Float64Array(x.buffer, x.byteOffset, n * n));
    const std = gflops(
      n,
      time(
        () =>
          dgemm('row-major', 'no-transpose', 'no-transpose', n, n, n, 1, fa, n, fb, n, 0, fc, n),
        Math.max(1, calls / 20),
        3,
      ),
    );
    const ma = new Matrix(a.toArray() as number[][]);
    const mb = new Matrix(b.toArray() as number[][]);
    const ml = gflops(
      n,
      time(() => ma.mmul(mb), Math.max(1, calls / 20), 3),
    );
    const a32 = a.astype('float32');
    const b32 = b.astype('float32');
    const c32 = zeros([n, n], { dtype: 'float32' });
    const ours32 = gflops(
      n,
      time(() => gemm(1, a32, b32, 0, c32), calls, repeats),
    );
    const ta = tf.tensor2d(new Float32Array(a32.buffer, a32.byteOffset, n * n), [n, n]);
    const tb = tf.tensor2d(new Float32Array(b32.buffer, b32.byteOffset, n * n), [n, n]);
    const tfjs = gflops(
      n,
      time(
        () => {
          const r = tf.matMul(ta, tb);
          r.dataSync();
          r.dispose();
        },
        calls,
        repeats,
      ),
    );
    ta.dispose();
    tb.dispose();
    const f = (x: number) => x.toFixed(2);
    console.log(
      `${String(n).padStart(5)} ${f(ours).padStart(11)} ${f(std).padStart(8)} ${f(ours / std).padStart(6)} ${f(ml).padStart(10)} ${f(ours / ml).padStart(6)}  ${f(ours32).padStart(11)} ${f(tfjs).padStart(10)} ${f(ours32 / tfjs).padStart(6)}`,
    );
  }
}
