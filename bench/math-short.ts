// `npm run bench -- math-short [--rounds 5]`: exp and log on tiny arrays
// (1..32 elements), where runs under 16 elements stay on the compiled loop.
// Per length: the compiled float64/float32 loop over Math.exp/Math.log (the
// loop before the twin) and over the wasm kernel's scalar twin
// (src/kernels/ref/math.ts), the wasm run itself (its cut-over), and the
// whole ufunc call into an existing output against NumPy's np.exp(x, out=y)
// timed in the same round. ns per call; medians over rounds of 7 repeats.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { chooseVariant } from '../src/backends/wasm/features.js';
import { wasmUnaryF64 } from '../src/backends/wasm/math.js';
import { type DType, dtypes } from '../src/core/dtypes.js';
import { array, empty, exp, log, type NDArray } from '../src/index.js';
import { expF64, logF64 } from '../src/kernels/ref/math.js';
import { compileKernel, type Kernel } from '../src/ufunc/compile.js';
import { numpyDescription, python, timeJs, warmUp } from './numpy.js';

const LENGTHS = [1, 2, 4, 8, 12, 15, 16, 24, 32];
const CALLS = 20_000;

const FUNCTIONS = [
  { name: 'exp', math: Math.exp, twin: expF64, ufunc: exp, x: (i: number) => 0.37 * i - 3 },
  { name: 'log', math: Math.log, twin: logF64, ufunc: log, x: (i: number) => 0.37 * i + 0.2 },
] as const;

const DTYPES: readonly [string, DType, (n: number) => Float64Array | Float32Array][] = [
  ['float64', dtypes.float64, (n) => new Float64Array(n)],
  ['float32', dtypes.float32, (n) => new Float32Array(n)],
];

const median = (xs: readonly number[]) => [...xs].sort((p, q) => p - q)[xs.length >> 1];

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}

/** NumPy's ns per np.<f>(x, out=y) call for every (function, dtype, length), one process. */
function numpyRound(): Map<string, number> {
  const code = `
import timeit, statistics, json
import numpy as np
out = {}
for name, f, off in (('exp', np.exp, -3), ('log', np.log, 0.2)):
    for dt in ('float64', 'float32'):
        for n in ${JSON.stringify(LENGTHS)}:
            x = (np.arange(n) * 0.37 + off).astype(dt); y = np.empty(n, dt)
            t = timeit.repeat(lambda: f(x, out=y), number=${CALLS}, repeat=7)
            out[f'{name} {dt} {n}'] = statistics.median(t) / ${CALLS} * 1e9
print(json.dumps(out))
`;
  const env = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  const parsed = JSON.parse(execFileSync(python!, ['-c', code], { env }).toString());
  return new Map(Object.entries(parsed as Record<string, number>));
}

interface Row {
  readonly key: string;
  readonly timers: Readonly<Record<'math' | 'twin' | 'wasm' | 'ufunc', () => void>>;
}

function rows(): Row[] {
  const out: Row[] = [];
  for (const f of FUNCTIONS) {
    for (const [dname, d, alloc] of DTYPES) {
      const shape = { inputs: ['r' as const], output: 'r' as const };
      const loop = (op: (x: number) => number, label: string): Kernel =>
        compileKernel(op as never, shape, [d, d], `${f.name} ${dname} ${label}`);
      const math = loop(f.math, 'math');
      const twin = loop(f.twin, 'twin');
      const run = wasmUnaryF64(f.name, f.math)!;
      for (const n of LENGTHS) {
        const a = alloc(n).map((_, i) => f.x(i));
        const o = alloc(n);
        const x: NDArray = array(Array.from(a), { dtype: dname });
        const y: NDArray = empty([n], dname);
        out.push({
          key: `${f.name} ${dname} ${n}`,
          timers: {
            math: () => math(n, o, 0, 1, a, 0, 1),
            twin: () => twin(n, o, 0, 1, a, 0, 1),
            wasm: () => run(n, o, 0, 1, a, 0, 1),
            ufunc: () => f.ufunc(x, { out: y }),
          },
        });
      }
    }
  }
  return out;
}

export async function main(args: string[]): Promise<void> {
  const rounds = Number(option(args, 'rounds', '5'));
  console.log(`math-short bench; anchor: ${numpyDescription()}; wasm ${chooseVariant().variant}`);
  console.log(
    `ns per call, medians over ${rounds} rounds x 7 repeats x ${CALLS} calls; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const all = rows();
  for (const r of all) for (const t of Object.values(r.timers)) warmUp(t, 0.05);
  const ns: Map<string, Record<string, number[]>> = new Map(
    all.map((r) => [r.key, { math: [], twin: [], wasm: [], ufunc: [], numpy: [] }]),
  );
  for (let k = 0; k < rounds; k++) {
    for (const r of all) {
      const into = ns.get(r.key)!;
      for (const [label, t] of Object.entries(r.timers)) {
        into[label].push(timeJs(t, CALLS, 7) * 1e9);
      }
    }
    if (python !== null) for (const [key, t] of numpyRound()) ns.get(key)?.numpy.push(t);
  }
  console.log(
    'function dtype n'.padEnd(18) +
      'Math loop  twin loop  Math/twin   wasm run   ufunc  NumPy  NumPy/ufunc',
  );
  for (const r of all) {
    const m = ns.get(r.key)!;
    const med = (label: string) => median(m[label]);
    const np = m.numpy.length > 0 ? med('numpy') : Number.NaN;
    const ratio = median(m.math.map((t, i) => t / m.twin[i]));
    console.log(
      r.key.padEnd(18) +
        [med('math'), med('twin')].map((t) => t.toFixed(1).padStart(9)).join('  ') +
        ratio.toFixed(2).padStart(11) +
        med('wasm').toFixed(1).padStart(11) +
        med('ufunc').toFixed(0).padStart(8) +
        np.toFixed(0).padStart(7) +
        (np / med('ufunc')).toFixed(2).padStart(13),
    );
  }
}
