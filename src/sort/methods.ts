// NDArray method forms of the sorting routines, added to the prototype (and
// to the class type by declaration merging): a.sort() sorts in place as
// NumPy's ndarray.sort, the others return new arrays. Imported for its side
// effect by the package entry point.
import { NDArray } from '../ndarray/ndarray.js';
import { nonzero } from './nonzero.js';
import { argpartition, type PartitionKind, partition } from './partition.js';
import { type SearchOptions, searchsorted } from './search.js';
import { argsort, type SortKind, sort } from './sort.js';

declare module '../ndarray/ndarray.js' {
  interface NDArray {
    /** Sorts the array in place along `axis` (default -1); returns the array. */
    sort(axis?: number, kind?: SortKind | null): this;
    /** The int64 indices that sort the array along `axis` (null: flattened). */
    argsort(axis?: number | null, kind?: SortKind | null): NDArray;
    /** Partitions the array in place around the kth positions along `axis`; returns the array. */
    partition(kth: number | readonly number[], axis?: number, kind?: PartitionKind | null): this;
    /** The int64 indices that partition the array around the kth positions. */
    argpartition(
      kth: number | readonly number[],
      axis?: number | null,
      kind?: PartitionKind | null,
    ): NDArray;
    /** One int64 index array per axis for the nonzero elements. */
    nonzero(): NDArray[];
    /** Where the elements of `v` would be inserted into this sorted 1-D array. */
    searchsorted(v: unknown, options?: SearchOptions): NDArray;
  }
}

NDArray.prototype.sort = function (this: NDArray, axis = -1, kind?: SortKind | null) {
  this.assertWriteable('a', 'sort');
  return this.assign(sort(this, axis, kind));
};

NDArray.prototype.argsort = function (this: NDArray, axis = -1, kind?: SortKind | null) {
  return argsort(this, axis, kind);
};

NDArray.prototype.partition = function (
  this: NDArray,
  kth: number | readonly number[],
  axis = -1,
  kind?: PartitionKind | null,
) {
  this.assertWriteable('a', 'partition');
  return this.assign(partition(this, kth, axis, kind));
};

NDArray.prototype.argpartition = function (
  this: NDArray,
  kth: number | readonly number[],
  axis: number | null = -1,
  kind?: PartitionKind | null,
) {
  return argpartition(this, kth, axis, kind);
};

NDArray.prototype.nonzero = function (this: NDArray) {
  return nonzero(this);
};

NDArray.prototype.searchsorted = function (this: NDArray, v: unknown, options?: SearchOptions) {
  return searchsorted(this, v, options);
};
