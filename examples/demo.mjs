// `npm start`: the configuration, a small worked example, the seed's Mandelbrot
// (naive NumPy translation, then parallel on all cores) and a float64 matmul rate.
import * as nb from 'ndblas';
import { showConfig } from 'ndblas/config';

showConfig();
console.log();

const t = nb.arange(10 * 9 * 8).reshape([10, 9, 8]);
const mat = t.slice(':', ':', 0);
console.log('t = arange(720).reshape(10, 9, 8); mat = t[:, :, 0]');
console.log('mat.shape   =', mat.shape, ' mat.strides =', mat.strides, '(bytes, no copy)');
console.log('mat[::-1, 0] =', mat.slice('::-1', 0).toArray().join(' '));
console.log('float16(0.1) =', nb.array([0.1], { dtype: 'float16' }).item(0));
console.log(
  `buffers are ${nb.array([1]).buffer.constructor.name}s: shared with workers, no dispose()`,
);

console.log("\nThe seed's naive Mandelbrot, line by line (examples/mandelbrot-naive.mjs):\n");
await import('./mandelbrot-naive.mjs');
console.log(
  "\nThe seed's parallel Mandelbrot on worker threads (examples/mandelbrot-parallel.mjs):\n",
);
await import('./mandelbrot-parallel.mjs');

const n = 1024;
const rng = nb.random.defaultRng(0);
const [a, b] = [rng.random([n, n]), rng.random([n, n])];
nb.matmul(a, b);
const start = performance.now();
nb.matmul(a, b);
const seconds = (performance.now() - start) / 1000;
console.log(
  `\nmatmul of two ${n} x ${n} float64 arrays: ${((2 * n ** 3) / seconds / 1e9).toFixed(1)} GFLOPS`,
);
