// The seed's naive NumPy Mandelbrot (../shared/seeds/001_9fc5e63192086102.txt,
// mandelbrot_escape_time) translated line by line: newaxis, zerosLike, a
// boolean mask read with get(mask) and written with set(mask, values), and the
// masked in-place update. Run after `npm run build`: node examples/mandelbrot-naive.mjs
import * as nb from 'ndblas';

/** Computes Mandelbrot escape times for a grid of complex numbers. */
function mandelbrotEscapeTime(xmin, xmax, ymin, ymax, width, height, maxIter) {
  // Make the grid of complex numbers
  const X = nb.linspace(xmin, xmax, width); // X = np.linspace(xmin, xmax, width)
  const Y = nb.linspace(ymin, ymax, height); // Y = np.linspace(ymin, ymax, height)
  const C = nb.add(X.get(':', null), nb.multiply({ re: 0, im: 1 }, Y.get(null, ':'))); // C = X[:, np.newaxis] + 1j * Y[np.newaxis, :]
  const Z = nb.zerosLike(C, { dtype: 'complex128' }); // Z = np.zeros_like(C, dtype=np.complex128)
  const escapeTime = nb.zeros(C.shape, { dtype: 'int32' }); // escape_time = np.zeros(C.shape, dtype=np.int32)

  // Calculate the escape times
  for (let i = 0; i < maxIter; i++) {
    const mask = nb.lessEqual(nb.abs(Z), 2); // mask = np.abs(Z) <= 2
    Z.set(mask, nb.add(nb.power(Z.get(mask), 2), C.get(mask))); // Z[mask] = Z[mask] ** 2 + C[mask]
    escapeTime.set(mask, nb.add(escapeTime.get(mask), 1)); // escape_time[mask] += 1
  }
  return escapeTime;
}

const [width, height, maxIter] = [60, 24, 30];
const start = performance.now();
const times = mandelbrotEscapeTime(-2, 1, -1.2, 1.2, width, height, maxIter);
const ms = performance.now() - start;

// Rows of the picture are Y, columns X: times is (width, height), so walk it transposed.
const shades = ' .:-=+*#%@';
const rows = times.T.toArray();
for (const row of rows) {
  console.log(
    row
      .map(
        (t) => shades[Math.min(shades.length - 1, Math.floor((t * shades.length) / (maxIter + 1)))],
      )
      .join(''),
  );
}
console.log(`\n${width} x ${height} grid, ${maxIter} iterations: ${ms.toFixed(1)} ms`);
