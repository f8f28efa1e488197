// The seed's parallel Mandelbrot (../shared/seeds/001_9fc5e63192086102.txt,
// mandelbrot_parallel with multiprocessing.Pool) with ndblas/parallel: no
// processes, no pickling, no vstack — workers write their rows straight into
// one shared escape-time array. Checks that 1 and 2 threads give the same
// array and prints the speed-up. Run after `npm run build`:
//   node examples/mandelbrot-parallel.mjs [threads]
import * as nb from 'ndblas';
import { parallelFor, setNumThreads } from 'ndblas/parallel';

const [width, height, maxIter] = [1000, 1000, 100];
const X = nb.linspace(-2, 1, width);
const Y = nb.linspace(-1.5, 1.5, height);
const kernel = new URL('./mandelbrot-kernel.mjs', import.meta.url);

/** Escape times of the (width, height) grid on `threads` threads. */
async function mandelbrotParallel(threads) {
  setNumThreads(threads);
  const escapeTime = nb.zeros([width, height], { dtype: 'int32' });
  await parallelFor(width, kernel, { X, Y, escapeTime, maxIter });
  return escapeTime;
}

/** The escape times and the median time of 7 runs, after a warm-up that starts the workers. */
async function timed(threads) {
  let escapeTime = await mandelbrotParallel(threads);
  const times = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    escapeTime = await mandelbrotParallel(threads);
    times.push(performance.now() - t0);
  }
  return { times: new Int32Array(escapeTime.buffer), ms: times.sort((a, b) => a - b)[3] };
}

const threads = Number(process.argv[2] ?? 2);
const one = await timed(1);
const many = await timed(threads);
const equal = one.times.every((t, i) => t === many.times[i]);
console.log(`${width} x ${height} grid, ${maxIter} iterations`);
console.log(`1 thread: ${one.ms.toFixed(1)} ms; ${threads} threads: ${many.ms.toFixed(1)} ms`);
console.log(`speed-up ${(one.ms / many.ms).toFixed(2)}x; equal to the 1-thread result: ${equal}`);
if (!equal) process.exitCode = 1;
