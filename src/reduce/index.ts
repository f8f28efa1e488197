// The reductions of `ndblas`: NumPy's sum/prod/mean/var/std, min/max/ptp,
// argmin/argmax, any/all/countNonzero, cumsum/cumprod and the nan* versions,
// plus the order-independent BinnedSum accumulator.
export { type ArgOptions, argmax, argmin, nanargmax, nanargmin } from './arg.js';
export { BinnedSum } from './binned.js';
export { type CumulativeOptions, cumprod, cumsum } from './cumulative.js';
export { all, any, countNonzero, type LogicalOptions } from './logical.js';
export {
  type MinMaxOptions,
  max,
  min,
  nanmax,
  nanmin,
  type PtpOptions,
  ptp,
} from './minmax.js';
export {
  type MeanOptions,
  mean,
  nanmean,
  nanstd,
  nanvar,
  std,
  type VarOptions,
  variance,
  variance as var,
} from './stats.js';
export { nansum, type ProdOptions, prod, type SumOptions, sum } from './sum.js';
