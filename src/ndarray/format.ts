// NumPy 2's repr of arrays, `array([1., 2.], dtype=float32)`, with its default
// print options: precision 8 ('maxprec'), threshold 1000, edgeitems 3,
// linewidth 75. Elements are printed by format/elements.ts, laid out by
// format/layout.ts; this file adds the prefix and the shape/dtype extras.
import type { DType, DTypeName } from '../core/dtypes.js';
import { readElement } from './elements.js';
import { elementFormatter } from './format/elements.js';
import { type LayoutOptions, layout, shownOffsets } from './format/layout.js';
import type { NDArray } from './ndarray.js';

const LINE_WIDTH = 75;
/** Arrays with more elements than this are summarised with '...'. */
const THRESHOLD = 1000;
const EDGE_ITEMS = 3;
const PREFIX = 'array(';
const SUFFIX = ')';

/** Types whose printed values already say what they are (NumPy's dtype_is_implied). */
const IMPLIED: ReadonlySet<DTypeName> = new Set(['bool', 'int64', 'float64', 'complex128']);

function impliedType(d: DType): boolean {
  return d.isNative && IMPLIED.has(d.name);
}

/** A Python tuple: `(3,)`, `(0, 3)`. */
function pyTuple(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

function body(a: NDArray, summarise: boolean): string {
  if (a.size === 0) return '[]';
  const grid = { shape: a.shape, strides: a.strides, offset: a.byteOffset };
  const options: LayoutOptions = {
    lineWidth: LINE_WIDTH - SUFFIX.length,
    indent: ' '.repeat(PREFIX.length + 1),
    edgeItems: EDGE_ITEMS,
    summarise,
  };
  const read = (offset: number) => readElement(a.buffer, offset, a.dtype);
  const values = shownOffsets(grid, options).map(read);
  const format = elementFormatter(a.dtype, values, a.ndim === 0);
  return layout(grid, (offset) => format(read(offset)), options);
}

/** `repr(a)` as NumPy 2 prints it with default print options. */
export function formatArray(a: NDArray): string {
  const summarise = a.size > THRESHOLD;
  const text = PREFIX + body(a, summarise);
  const extras: string[] = [];
  if ((a.size === 0 && a.ndim !== 1) || summarise) extras.push(`shape=${pyTuple(a.shape)}`);
  if (a.size === 0 || !impliedType(a.dtype)) extras.push(`dtype=${a.dtype}`);
  if (extras.length === 0) return text + SUFFIX;
  const head = text + ',';
  const extra = extras.join(', ') + SUFFIX;
  // The extras go on their own line when they would pass the line width.
  const lastLine = head.length - (head.lastIndexOf('\n') + 1);
  const spacer = lastLine + extra.length + 1 > LINE_WIDTH ? '\n' + ' '.repeat(PREFIX.length) : ' ';
  return head + spacer + extra;
}
