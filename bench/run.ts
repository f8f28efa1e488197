// `npm run bench -- <name> [options]`: runs one benchmark of bench/ (never a
// test). Each prints its rates and the ratio against the anchor measured in
// the same run (NumPy/OpenBLAS through python3).
const BENCHES: Record<string, () => Promise<{ main: (args: string[]) => Promise<void> }>> = {
  gemm: () => import('./gemm.js'),
  'gemm-int8': () => import('./gemm-int8.js'),
  peers: () => import('./peers.js'),
  level1: () => import('./level1.js'),
  level3: () => import('./level3.js'),
  ufunc: () => import('./ufunc.js'),
  'math-short': () => import('./math-short.js'),
  reduce: () => import('./reduce.js'),
  parallel: () => import('./parallel.js'),
};

const [name, ...args] = process.argv.slice(2);
const load = name === undefined ? undefined : BENCHES[name];
if (load === undefined) {
  console.error(`usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> [options]`);
  process.exit(2);
}
await (await load()).main(args);
