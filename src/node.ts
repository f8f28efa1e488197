// The Node-only entry `ndblas/node`: np.load / np.save / np.savez on file
// paths, over the platform-neutral .npy/.npz code in ./io. The only module
// allowed to import Node built-ins.
import { readFileSync, writeFileSync } from 'node:fs';
import { bad, decodeNpy, type NpyOptions, type Source, serializeNpy } from './io/npy.js';
import { decodeNpz, type NpzOptions, serializeNpz } from './io/npz.js';
import type { NDArray } from './ndarray/ndarray.js';

export type { NpyOptions, NpzOptions };

/** How load() tells the formats apart: by the first bytes, as np.load does. */
const FORMATS: readonly {
  readonly magic: readonly number[];
  readonly decode: (bytes: Uint8Array, src: Source) => NDArray | Record<string, NDArray>;
}[] = [
  { magic: [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59], decode: decodeNpy }, // \x93NUMPY
  { magic: [0x50, 0x4b, 0x03, 0x04], decode: decodeNpz }, // zip local file header
  { magic: [0x50, 0x4b, 0x05, 0x06], decode: decodeNpz }, // zip with no members
];

/**
 * Reads a .npy file (an array) or a .npz archive (a record of arrays by name),
 * told apart by content as np.load does. Bad files raise ERR_NPY_FORMAT or
 * ERR_UNKNOWN_DTYPE naming 'path'. Narrow the result with `instanceof NDArray`.
 */
export function load(path: string): NDArray | Record<string, NDArray> {
  const bytes = new Uint8Array(readFileSync(path));
  const src = { argument: 'path', routine: 'load', where: path };
  const format = FORMATS.find((f) => f.magic.every((b, i) => bytes[i] === b));
  if (format === undefined) throw bad(src, 'neither a .npy file nor a .npz archive');
  return format.decode(bytes, src);
}

/** Adds `ext` unless the path already ends in it, as NumPy's save and savez do. */
function withExtension(path: string, ext: string): string {
  return path.endsWith(ext) ? path : path + ext;
}

/** Writes `a` as a .npy file (appending '.npy' when missing); returns the path written. */
export function save(path: string, a: NDArray, options: NpyOptions = {}): string {
  const target = withExtension(path, '.npy');
  writeFileSync(target, serializeNpy(a, options));
  return target;
}

/**
 * Writes the arrays as a .npz archive (appending '.npz' when missing), each as
 * member '<name>.npy', deflated when `compress`; returns the path written.
 */
export function savez(
  path: string,
  arrays: Record<string, NDArray>,
  options: NpzOptions = {},
): string {
  const target = withExtension(path, '.npz');
  writeFileSync(target, serializeNpz(arrays, options));
  return target;
}
