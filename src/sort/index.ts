// The sorting, searching, set and histogram routines of the public surface.
export { bincount } from './bincount.js';
export { type HistogramOptions, histogram } from './histogram.js';
export { argwhere, flatnonzero, nonzero, where } from './nonzero.js';
export { argpartition, type PartitionKind, partition } from './partition.js';
export { digitize, type SearchOptions, type Side, searchsorted } from './search.js';
export {
  type IntersectOptions,
  type IsinOptions,
  intersect1d,
  isin,
  setdiff1d,
  setxor1d,
  union1d,
} from './sets.js';
export { argsort, lexsort, type SortKind, sort } from './sort.js';
export { type UniqueOptions, type UniqueResult, unique } from './unique.js';
