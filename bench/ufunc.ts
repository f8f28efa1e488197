// `npm run bench -- ufunc`: elementwise throughput against NumPy in the same
// run (median of repeats): add into an existing output for 10M float64
// (GB/s counting two reads and one write), exp/log/sin of 1M float64
// (Melem/s), and the strided case (a flipped view plus a broadcast row).
import { add, arange, empty, exp, log, sin } from '../src/index.js';
import { numpyDescription, python, timeJs, timeNumpy } from './numpy.js';

interface Row {
  readonly name: string;
  readonly unit: string;
  readonly amount: number;
  readonly js: () => void;
  readonly setup: string;
  readonly stmt: string;
  readonly number: number;
}

function rows(): Row[] {
  const n = 10_000_000;
  const a = arange(n).multiply(1e-7);
  const b = arange(n).multiply(2e-7);
  const c = empty([n]);
  const m = 1_000_000;
  const x = arange(m).multiply(1e-5).add(0.5);
  const y = empty([m]);
  const rowsN = 2500;
  const cols = 4000;
  const grid = arange(rowsN * cols)
    .multiply(1e-7)
    .reshape([rowsN, cols]);
  const flipped = grid.flip(0);
  const row = arange(cols).multiply(1e-3);
  const out2 = empty([rowsN, cols]);
  const gb = 3 * 8 * n;
  const setup = `a = np.arange(${n}) * 1e-7; b = np.arange(${n}) * 2e-7; c = np.empty(${n})
x = np.arange(${m}) * 1e-5 + 0.5; y = np.empty(${m})
g = (np.arange(${rowsN * cols}) * 1e-7).reshape(${rowsN}, ${cols}); f = g[::-1]; r = np.arange(${cols}) * 1e-3; o = np.empty((${rowsN}, ${cols}))`;
  return [
    {
      name: 'add f64 10M contiguous, out=',
      unit: 'GB/s',
      amount: gb / 1e9,
      js: () => add(a, b, { out: c }),
      setup,
      stmt: 'np.add(a, b, out=c)',
      number: 5,
    },
    {
      name: 'add f64 flipped view + broadcast row (10M)',
      unit: 'GB/s',
      amount: gb / 1e9,
      js: () => add(flipped, row, { out: out2 }),
      setup,
      stmt: 'np.add(f, r, out=o)',
      number: 5,
    },
    {
      name: 'exp f64 1M',
      unit: 'Melem/s',
      amount: m / 1e6,
      js: () => exp(x, { out: y }),
      setup,
      stmt: 'np.exp(x, out=y)',
      number: 10,
    },
    {
      name: 'log f64 1M',
      unit: 'Melem/s',
      amount: m / 1e6,
      js: () => log(x, { out: y }),
      setup,
      stmt: 'np.log(x, out=y)',
      number: 10,
    },
    {
      name: 'sin f64 1M',
      unit: 'Melem/s',
      amount: m / 1e6,
      js: () => sin(x, { out: y }),
      setup,
      stmt: 'np.sin(x, out=y)',
      number: 10,
    },
  ];
}

export async function main(_args: string[]): Promise<void> {
  console.log(`ufunc bench; anchor: ${numpyDescription()}`);
  const contiguous: number[] = [];
  for (const r of rows()) {
    const tj = timeJs(r.js, r.number, 7);
    const rate = r.amount / tj;
    contiguous.push(rate);
    let line = `${r.name.padEnd(44)} ndblas ${rate.toFixed(2).padStart(8)} ${r.unit}`;
    if (python !== null) {
      const tn = timeNumpy(r.setup, r.stmt, r.number, 7);
      const ref = r.amount / tn;
      line += `  NumPy ${ref.toFixed(2).padStart(8)} ${r.unit}  ratio ${(rate / ref).toFixed(2)}`;
    }
    console.log(line);
  }
  console.log(`strided / contiguous add: ${(contiguous[1] / contiguous[0]).toFixed(2)}`);
}
