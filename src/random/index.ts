// The `random` namespace of ndblas: defaultRng(seed) and the Generator it
// returns, plus the bit generator for those who want to build their own.
export type { BitGenerator, Seed } from './bitgen.js';
export { Xoshiro128StarStar } from './bitgen.js';
export {
  defaultRng,
  type FloatOptions,
  Generator,
  type IntegersOptions,
  type Size,
} from './generator.js';
