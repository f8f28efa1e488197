// The public surface of `ndblas`: arrays, dtypes, creation, errors. Runs in
// browsers as in Node (no Node built-ins here; Node-only parts are in ./node).
export { Complex, type ComplexLike } from './core/complex.js';
export {
  DTYPE_NAMES,
  DType,
  type DTypeKind,
  type DTypeLike,
  type DTypeName,
  dtypes,
  toDType,
} from './core/dtypes.js';
export * from './core/errors.js';
export { fromFloat16Bits, roundFloat16, toFloat16Bits } from './core/float16.js';
export { promoteTypes, promoteWeak, resultType, type WeakKind } from './core/promotion.js';
export { broadcastShapes, type Order } from './core/shape.js';
export { choose, compress, extract, place, putmask } from './indexing/select.js';
export type { IndexList, IndexSpec } from './indexing/spec.js';
export {
  type IndexMode,
  put,
  putAlongAxis,
  take,
  takeAlongAxis,
} from './indexing/take.js';
export { type NpyOptions, type NpyVersion, parseNpy, serializeNpy } from './io/npy.js';
export { type NpzOptions, parseNpz, serializeNpz } from './io/npz.js';
export {
  dot,
  inner,
  type MatmulOptions,
  matmul,
  type OutOption,
  outer,
  vdot,
} from './linalg/products.js';
export {
  atleast1d,
  atleast2d,
  atleast3d,
  broadcastArrays,
  moveaxis,
  rot90,
} from './manip/dims.js';
export {
  deleteItems as delete,
  deleteItems,
  type EditIndex,
  insert,
  trimZeros,
} from './manip/edit.js';
export { type IndicesOptions, indices, type MeshgridOptions, meshgrid } from './manip/grid.js';
export {
  append,
  columnStack,
  concatenate,
  dstack,
  hstack,
  type JoinOptions,
  stack,
  vstack,
} from './manip/join.js';
export { type PadMode, type PadOptions, pad } from './manip/pad.js';
export { arraySplit, dsplit, hsplit, split, vsplit } from './manip/split.js';
export { repeat, resize, roll, tile } from './manip/tile.js';
export { type Casting, canCast } from './ndarray/cast.js';
export * from './ndarray/create.js';
export type { Scalar } from './ndarray/elements.js';
export { forEachRun, type IterPlan, planIteration } from './ndarray/iter.js';
export type { SliceObject, SliceSpec } from './ndarray/layout.js';
export { type ArrayFlags, NDArray, type NestedArray } from './ndarray/ndarray.js';
export * as random from './random/index.js';
export * from './reduce/index.js';
export * from './sort/index.js';
export {
  type ErrAction,
  type ErrState,
  type ErrStateOptions,
  errstate,
  geterr,
  seterr,
} from './ufunc/errstate.js';
export type { UfuncOptions } from './ufunc/execute.js';
export { angle, clip, imag, real, round } from './ufunc/functions.js';
export * from './ufunc/index.js';

import './reduce/methods.js';
import './sort/methods.js';
import './ufunc/methods.js';

export type {
  ArrayOrScalar,
  BinaryUfunc,
  TernaryUfunc,
  UfuncInfo,
  UnaryUfunc,
} from './ufunc/ufunc.js';
