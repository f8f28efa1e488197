// Do Level-1/2 routines gain from wasm SIMD? Array data lives outside wasm
// memory, so a wasm kernel must first copy its operands in. This measures, on
// contiguous float64 data: the reference TypeScript loop (what ndblas runs),
// a 4-accumulator TypeScript loop, and a simd128 wasm kernel including the
// copy-in (and copy-out for axpy), with NumPy in the same run as the anchor.
import asc from 'assemblyscript/asc';
import { axpy, dot } from '../src/blas/index.js';
import { random } from '../src/index.js';
import { timeJs, timeNumpy } from './numpy.js';

const SOURCE = `
export function dot(n: i32, x: usize, y: usize): f64 {
  let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 = f64x2.add(s0, f64x2.mul(v128.load(x + (<usize>i << 3)), v128.load(y + (<usize>i << 3))));
    s1 = f64x2.add(s1, f64x2.mul(v128.load(x + (<usize>i << 3), 16), v128.load(y + (<usize>i << 3), 16)));
  }
  const s = f64x2.add(s0, s1);
  let r = f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
  for (; i < n; i++) r += load<f64>(x + (<usize>i << 3)) * load<f64>(y + (<usize>i << 3));
  return r;
}
export function axpy(n: i32, a: f64, x: usize, y: usize): void {
  const va = f64x2.splat(a);
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const p = y + (<usize>i << 3);
    v128.store(p, f64x2.add(v128.load(p), f64x2.mul(va, v128.load(x + (<usize>i << 3)))));
  }
  for (; i < n; i++) store<f64>(y + (<usize>i << 3), load<f64>(y + (<usize>i << 3)) + a * load<f64>(x + (<usize>i << 3)));
}
`;

function dot4(x: Float64Array, y: Float64Array): number {
  let [s0, s1, s2, s3] = [0, 0, 0, 0];
  let i = 0;
  for (; i + 4 <= x.length; i += 4) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
    s2 += x[i + 2] * y[i + 2];
    s3 += x[i + 3] * y[i + 3];
  }
  for (; i < x.length; i++) s0 += x[i] * y[i];
  return s0 + s1 + (s2 + s3);
}

export async function main(args: string[]): Promise<void> {
  const n = Number(args[args.indexOf('--n') + 1] || 1_000_000);
  const { binary, stderr } = await asc.compileString(SOURCE, {
    optimizeLevel: 3,
    runtime: 'stub',
    enable: ['simd'],
    initialMemory: Math.ceil((16 * n) / 65536) + 2,
  } as never);
  if (!binary) throw new Error(String(stderr));
  const inst = new WebAssembly.Instance(new WebAssembly.Module(binary as Uint8Array<ArrayBuffer>), {
    env: { abort: () => undefined },
  });
  const mem = new Float64Array((inst.exports.memory as WebAssembly.Memory).buffer);
  const [wdot, waxpy] = [
    inst.exports.dot as (n: number, x: number, y: number) => number,
    inst.exports.axpy as (n: number, a: number, x: number, y: number) => void,
  ];
  const rng = random.defaultRng(3);
  const x = rng.random([n]);
  const y = rng.random([n]);
  const xs = new Float64Array(x.buffer, x.byteOffset, n);
  const ys = new Float64Array(y.buffer, y.byteOffset, n);
  const base = 8192;
  const gbs = (bytes: number, t: number) => (bytes / t / 1e9).toFixed(2);
  const rows: [string, number, number][] = [];
  rows.push(['dot: ndblas (reference TS loop)', 16 * n, timeJs(() => dot(x, y), 20)]);
  rows.push(['dot: TS, 4 accumulators', 16 * n, timeJs(() => dot4(xs, ys), 20)]);
  rows.push([
    'dot: wasm simd128 incl. copy-in',
    16 * n,
    timeJs(() => {
      mem.set(xs, base);
      mem.set(ys, base + n);
      wdot(n, base * 8, (base + n) * 8);
    }, 20),
  ]);
  rows.push([
    'dot: wasm simd128 kernel alone',
    16 * n,
    timeJs(() => wdot(n, base * 8, (base + n) * 8), 20),
  ]);
  rows.push(['axpy: ndblas (reference TS loop)', 24 * n, timeJs(() => axpy(0.5, x, y), 20)]);
  rows.push([
    'axpy: wasm simd128 incl. copy in/out',
    24 * n,
    timeJs(() => {
      mem.set(xs, base);
      mem.set(ys, base + n);
      waxpy(n, 0.5, base * 8, (base + n) * 8);
      ys.set(mem.subarray(base + n, base + 2 * n));
    }, 20),
  ]);
  const setup = `rng = np.random.default_rng(3)\nx = rng.random(${n})\ny = rng.random(${n})`;
  rows.push(['dot: NumPy (anchor)', 16 * n, timeNumpy(setup, 'np.dot(x, y)', 20)]);
  rows.push([
    'axpy: NumPy np.add(y, 0.5 * x, out=y) (anchor)',
    24 * n,
    timeNumpy(setup, 'np.add(y, 0.5 * x, out=y)', 20),
  ]);
  console.log(`contiguous float64, n = ${n}; GB/s of operand traffic (median of 5)`);
  for (const [name, bytes, t] of rows)
    console.log(
      `${name.padEnd(46)} ${gbs(bytes, t).padStart(7)} GB/s  ${(t * 1e6).toFixed(0).padStart(7)} us`,
    );
}
