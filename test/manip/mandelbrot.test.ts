// The "done when": the seed's naive Mandelbrot (mandelbrot_escape_time in
// ../shared/seeds/001_9fc5e63192086102.txt) translated line by line, with
// newaxis, zerosLike, mask reads and writes and the masked in-place update,
// gives NumPy's escape times bit for bit, and the final Z of the same code
// with np.power bit for bit (NumPy's `** 2` is np.square, fused multiply-adds
// on FMA machines; see scripts/fixtures/mandelbrot.py, which made the fixture).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as nb from '../../src/index.js';
import { hexOf, loadFixture } from '../helpers/operands.js';

interface Fixture {
  readonly args: {
    xmin: number;
    xmax: number;
    ymin: number;
    ymax: number;
    width: number;
    height: number;
    max_iter: number;
  };
  readonly escape_time: { dtype: string; shape: number[]; hex: string };
  readonly Z_power: { dtype: string; shape: number[]; hex: string };
}

/** The seed's function, one ndblas line per NumPy line (it also returns Z). */
function mandelbrotEscapeTime(
  xmin: number,
  xmax: number,
  ymin: number,
  ymax: number,
  width: number,
  height: number,
  maxIter: number,
) {
  const X = nb.linspace(xmin, xmax, width); // X = np.linspace(xmin, xmax, width)
  const Y = nb.linspace(ymin, ymax, height); // Y = np.linspace(ymin, ymax, height)
  const C = nb.add(X.get(':', null), nb.multiply({ re: 0, im: 1 }, Y.get(null, ':'))); // C = X[:, np.newaxis] + 1j * Y[np.newaxis, :]
  const Z = nb.zerosLike(C, { dtype: 'complex128' }); // Z = np.zeros_like(C, dtype=np.complex128)
  const escapeTime = nb.zeros(C.shape, { dtype: 'int32' }); // escape_time = np.zeros(C.shape, dtype=np.int32)
  for (let i = 0; i < maxIter; i++) {
    const mask = nb.lessEqual(nb.abs(Z), 2); // mask = np.abs(Z) <= 2
    Z.set(mask, nb.add(nb.power(Z.get(mask), 2), C.get(mask))); // Z[mask] = Z[mask] ** 2 + C[mask] (as np.power; NumPy's ** 2 is np.square)
    escapeTime.set(mask, nb.add(escapeTime.get(mask), 1)); // escape_time[mask] += 1
  }
  return { escapeTime, Z };
}

test("the seed's naive Mandelbrot gives NumPy's escape times (and Z) bit for bit", () => {
  const f = loadFixture<Fixture>('manip/mandelbrot.json');
  const a = f.args;
  const { escapeTime, Z } = mandelbrotEscapeTime(
    a.xmin,
    a.xmax,
    a.ymin,
    a.ymax,
    a.width,
    a.height,
    a.max_iter,
  );
  assert.equal(escapeTime.dtype.str, f.escape_time.dtype);
  assert.deepEqual(escapeTime.shape, f.escape_time.shape);
  assert.equal(hexOf(escapeTime), f.escape_time.hex, 'escape times');
  assert.equal(Z.dtype.str, f.Z_power.dtype);
  assert.equal(hexOf(Z), f.Z_power.hex, 'final Z (np.power)');
});

test('the augmented assignment through a mask has an in-place form with out', () => {
  const t = nb.arange(6, null, 1, { dtype: 'int32' });
  const mask = nb.greater(t, 2);
  const sel = t.get(mask); // escape_time[mask] += 1, NumPy's way: read, add in place, write back
  nb.add(sel, 1, { out: sel });
  t.set(mask, sel);
  assert.deepEqual(t.toArray(), [0, 1, 2, 4, 5, 6]);
  assert.equal(t.dtype.name, 'int32');
});
