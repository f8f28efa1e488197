// A process that uses the pool and then simply ends (no stopThreads): run by
// exit.test.ts, which checks that it exits. The argument picks the scenario.
import { gemm } from '../../src/blas/index.js';
import { zeros } from '../../src/ndarray/create.js';
import { parallelFor, setNumThreads, threadInfo } from '../../src/parallel.js';

const KERNELS = new URL('./kernels/blocks.ts', import.meta.url);
const product = () => gemm(1, zeros([400, 400]), zeros([400, 400]), 0, zeros([400, 400]));
const fill = (block: boolean) =>
  parallelFor(64, KERNELS, { out: zeros([64]), scale: 1 }, { export: 'fill', blockSize: 1, block });

/** What each scenario does before the script ends. */
const SCENARIOS: Readonly<Record<string, () => Promise<void> | void>> = {
  // Workers were just spawned by gemm and are still starting when the script ends.
  starting: () => {
    setNumThreads(3);
    product();
  },
  // Workers ran gemm and parallelFor blocks and are asleep.
  idle: async () => {
    setNumThreads(2);
    await fill(true);
    product();
    product();
  },
  // The caller awaited its workers (they were held) and then let them go.
  awaited: () => {
    setNumThreads(2);
    return fill(false);
  },
};

await SCENARIOS[process.argv[2]]();
console.log(`ok ${threadInfo().workers}`);
