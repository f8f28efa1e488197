// The .npz format on any platform: a zip archive of .npy members, one per
// named array, read and written through the fflate zip library (stored, or
// deflated with `compress`), laid out as NumPy's savez/savez_compressed do.
import { unzipSync, zipSync } from 'fflate';
import { fail } from '../core/errors.js';
import { NDArray } from '../ndarray/ndarray.js';
import { asBytes, bad, decodeNpy, type Source, serializeNpy, within } from './npy.js';

const MEMBER_SUFFIX = '.npy';

/** NumPy's savez leaves zipfile's default member time, 1980-01-01 00:00 (local). */
const MEMBER_TIME = new Date(1980, 0, 1);

/** Deflate level of savez_compressed (zipfile's default); 0 stores. */
const DEFLATE_LEVEL = 6;

/** Reads a .npz archive's bytes; `src` names the culprit in errors. */
export function decodeNpz(bytes: Uint8Array, src: Source): Record<string, NDArray> {
  let members: Record<string, Uint8Array>;
  try {
    members = unzipSync(bytes);
  } catch (e) {
    throw bad(src, `not a readable .npz (zip) archive: ${(e as Error).message}`);
  }
  return Object.fromEntries(
    Object.entries(members).map(([name, data]) => {
      const key = name.endsWith(MEMBER_SUFFIX) ? name.slice(0, -MEMBER_SUFFIX.length) : name;
      return [key, decodeNpy(data, within(src, `member '${name}'`))];
    }),
  );
}

/**
 * Reads a .npz archive (compressed or not) into a record of new arrays, keyed
 * by member name without '.npy' as NumPy's NpzFile does.
 */
export function parseNpz(bytes: Uint8Array | ArrayBufferLike): Record<string, NDArray> {
  const src = { argument: 'bytes', routine: 'parseNpz' };
  return decodeNpz(asBytes(bytes, src.argument, src.routine), src);
}

export interface NpzOptions {
  /** Deflate the members, as np.savez_compressed; stored otherwise, as np.savez. */
  readonly compress?: boolean;
}

/** The .npz bytes holding each array as member '<name>.npy'. */
export function serializeNpz(
  arrays: Record<string, NDArray>,
  options: NpzOptions = {},
): Uint8Array {
  if (typeof arrays !== 'object' || arrays === null || arrays instanceof NDArray) {
    throw fail(
      'ERR_ARGUMENT',
      'arrays',
      'expected a record of arrays by name, e.g. {x: a}',
      'serializeNpz',
    );
  }
  const files = Object.entries(arrays).map(([name, a]): [string, Uint8Array] => {
    if (!(a instanceof NDArray)) {
      throw fail(
        'ERR_ARGUMENT',
        `arrays.${name}`,
        `expected an NDArray, got ${typeof a}`,
        'serializeNpz',
      );
    }
    return [name + MEMBER_SUFFIX, serializeNpy(a)];
  });
  return zipSync(Object.fromEntries(files), {
    level: options.compress ? DEFLATE_LEVEL : 0,
    mtime: MEMBER_TIME,
  });
}
