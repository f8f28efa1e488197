// The kernel module of examples/mandelbrot-parallel.mjs: escape times of the
// grid rows [start, end) (rows are X values: escapeTime is (width, height) as in
// the seed's mandelbrot_escape_time). Workers import it by URL; X, Y and
// escapeTime arrive as NDArrays on the caller's shared memory.

/** The typed-array index of the element `bytes` bytes past an NDArray's first one (any strides). */
const element = (a, bytes) => (a.byteOffset + bytes) / a.itemsize;

export default function escapeRows(start, end, { X, Y, escapeTime, maxIter }) {
  const [x, y, out] = [
    new Float64Array(X.buffer),
    new Float64Array(Y.buffer),
    new Int32Array(escapeTime.buffer),
  ];
  for (let i = start; i < end; i++) {
    const cr = x[element(X, i * X.strides[0])];
    for (let j = 0; j < Y.shape[0]; j++) {
      const ci = y[element(Y, j * Y.strides[0])];
      let [zr, zi, t] = [0, 0, 0];
      // Count the updates while |z| <= 2, as the seed's masked loop does.
      for (; t < maxIter && zr * zr + zi * zi <= 4; t++) {
        const re = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = re;
      }
      out[element(escapeTime, i * escapeTime.strides[0] + j * escapeTime.strides[1])] = t;
    }
  }
}
