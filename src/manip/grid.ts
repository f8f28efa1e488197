// Coordinate grids: meshgrid (xy or ij indexing, dense or sparse, copies or
// broadcast views) and indices (the index of every position, per axis).
import { type DTypeLike, toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { checkShape } from '../core/shape.js';
import { type ArrayLike, asArray } from '../indexing/take.js';
import { arange } from '../ndarray/create.js';
import { empty, type NDArray } from '../ndarray/ndarray.js';
import { broadcastArrays } from './dims.js';

export interface MeshgridOptions {
  /** 'xy' (default): the first two outputs have shape (len(y), len(x), ...); 'ij': matrix order. */
  readonly indexing?: 'xy' | 'ij';
  /** Keep each output's length-1 axes instead of broadcasting (default false). */
  readonly sparse?: boolean;
  /** Copy the outputs (default true); false returns read-only broadcast views. */
  readonly copy?: boolean;
}

/** NumPy's meshgrid: coordinate arrays from 1-D coordinate vectors (inputs are flattened). */
export function meshgrid(xi: readonly ArrayLike[], options: MeshgridOptions = {}): NDArray[] {
  const indexing = options.indexing ?? 'xy';
  if (indexing !== 'xy' && indexing !== 'ij')
    throw fail(
      'ERR_OPTION',
      'indexing',
      "Valid values for `indexing` are 'xy' and 'ij'.",
      'meshgrid',
    );
  const ndim = xi.length;
  let out = xi.map((x, i) => {
    const shape = new Array<number>(ndim).fill(1);
    shape[i] = -1;
    if (indexing === 'xy' && ndim > 1 && i < 2) [shape[0], shape[1]] = [shape[1], shape[0]];
    return asArray(x).reshape(shape);
  });
  if (!options.sparse) out = broadcastArrays(...out);
  return (options.copy ?? true) ? out.map((a) => a.copy()) : out;
}

export interface IndicesOptions {
  /** The index dtype (default int64). */
  readonly dtype?: DTypeLike;
  /** One array per axis with length-1 axes elsewhere, instead of one dense array. */
  readonly sparse?: boolean;
}

/**
 * NumPy's indices: an array of shape (N, ...dimensions) whose [i] holds each
 * position's index along axis i (or, sparse, N arrays broadcastable to it).
 */
export function indices(
  dimensions: readonly number[],
  options: IndicesOptions = {},
): NDArray | NDArray[] {
  const dims = checkShape(dimensions, 'dimensions', 'indices');
  const dtype = toDType(options.dtype ?? 'int64');
  const axes = dims.map((n, i) => {
    const shape = dims.map((_, k) => (k === i ? n : 1));
    return arange(n, null, 1, { dtype }).reshape(shape);
  });
  if (options.sparse) return axes;
  const out = empty([dims.length, ...dims], dtype);
  axes.forEach((a, i) => {
    out.slice(i).assign(a);
  });
  return out;
}
