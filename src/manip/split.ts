// Splitting an array into views along an axis: split (equal parts or at
// indices), arraySplit (parts that may differ by one), and hsplit, vsplit,
// dsplit. Every part is a view, as in NumPy.
import { fail } from '../core/errors.js';
import { normalizeAxis } from '../core/shape.js';
import { type ArrayLike, asArray } from '../indexing/take.js';
import type { NDArray } from '../ndarray/ndarray.js';

function parts(
  a: NDArray,
  sections: number | readonly number[],
  axis: number,
  routine: string,
): NDArray[] {
  const ax = normalizeAxis(axis, a.ndim, 'axis', routine);
  const n = a.shape[ax];
  let bounds: number[];
  if (typeof sections === 'number') {
    if (!Number.isInteger(sections) || sections <= 0)
      throw fail(
        'ERR_VALUE',
        'indices_or_sections',
        'number sections must be larger than 0.',
        routine,
      );
    const each = Math.floor(n / sections);
    const extras = n % sections;
    bounds = [0];
    for (let i = 0; i < sections; i++) bounds.push(bounds[i] + each + (i < extras ? 1 : 0));
  } else {
    if (!sections.every(Number.isInteger))
      throw fail('ERR_VALUE', 'indices_or_sections', 'split indices must be integers', routine);
    bounds = [0, ...sections, n];
  }
  const lead = new Array<string>(ax).fill(':');
  return bounds.slice(1).map((stop, i) => a.slice(...lead, { start: bounds[i], stop }));
}

/**
 * NumPy's array_split: `sections` parts (the first n % sections one longer)
 * or the parts between the given indices (Python slice bounds).
 */
export function arraySplit(
  ary: ArrayLike,
  indicesOrSections: number | readonly number[],
  axis = 0,
): NDArray[] {
  return parts(asArray(ary), indicesOrSections, axis, 'arraySplit');
}

/** NumPy's split: as arraySplit, but a number of sections must divide the axis. */
export function split(
  ary: ArrayLike,
  indicesOrSections: number | readonly number[],
  axis = 0,
  routine = 'split',
): NDArray[] {
  const a = asArray(ary);
  if (typeof indicesOrSections === 'number') {
    const n = a.shape[normalizeAxis(axis, a.ndim, 'axis', routine)];
    if (indicesOrSections > 0 && n % indicesOrSections !== 0) {
      throw fail(
        'ERR_VALUE',
        'indices_or_sections',
        'array split does not result in an equal division',
        routine,
      );
    }
  }
  return parts(a, indicesOrSections, axis, routine);
}

function needs(a: NDArray, ndim: number, routine: string, what: string): void {
  if (a.ndim < ndim)
    throw fail(
      'ERR_AXIS',
      'ary',
      `${what} only works on arrays of ${ndim} or more dimensions`,
      routine,
    );
}

/** NumPy's hsplit: split along the second axis (the first for 1-D arrays). */
export function hsplit(ary: ArrayLike, indicesOrSections: number | readonly number[]): NDArray[] {
  const a = asArray(ary);
  needs(a, 1, 'hsplit', 'hsplit');
  return split(a, indicesOrSections, a.ndim > 1 ? 1 : 0, 'hsplit');
}

/** NumPy's vsplit: split along the first axis of an array of 2 or more dimensions. */
export function vsplit(ary: ArrayLike, indicesOrSections: number | readonly number[]): NDArray[] {
  const a = asArray(ary);
  needs(a, 2, 'vsplit', 'vsplit');
  return split(a, indicesOrSections, 0, 'vsplit');
}

/** NumPy's dsplit: split along the third axis of an array of 3 or more dimensions. */
export function dsplit(ary: ArrayLike, indicesOrSections: number | readonly number[]): NDArray[] {
  const a = asArray(ary);
  needs(a, 3, 'dsplit', 'dsplit');
  return split(a, indicesOrSections, 2, 'dsplit');
}
