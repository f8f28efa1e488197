// The nested-bracket layout of NumPy's _formatArray: elements separated by
// ', ', rows wrapped at the line width under a hanging indent, one newline
// between rows and one more per further axis, and '...' standing for the
// middle of every axis longer than 2 * edgeItems when the array is summarised.

/** Where the elements are: shape, byte strides and the first element's byte. */
export interface Grid {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

export interface LayoutOptions {
  /** Characters a line may hold, the closing suffix excluded. */
  readonly lineWidth: number;
  /** What continuation lines start with (the width of the opening prefix, plus '['). */
  readonly indent: string;
  readonly edgeItems: number;
  readonly summarise: boolean;
}

/** Indices shown along an axis of length `n`, with -1 where '...' goes. */
function shown(n: number, o: LayoutOptions): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (!o.summarise || n <= 2 * o.edgeItems) return all;
  return [...all.slice(0, o.edgeItems), -1, ...all.slice(n - o.edgeItems)];
}

/** Byte positions of every shown element, in C order (NumPy's _leading_trailing). */
export function shownOffsets(g: Grid, o: LayoutOptions): number[] {
  let offsets = [g.offset];
  g.shape.forEach((n, axis) => {
    const idx = shown(n, o).filter((i) => i >= 0);
    offsets = offsets.flatMap((base) => idx.map((i) => base + i * g.strides[axis]));
  });
  return offsets;
}

/** Appends `word` to `line`, first breaking the line if it would pass `width`. */
function extend(out: string[], line: string, word: string, width: number, indent: string): string {
  if (line.length + word.length > width && line.length > indent.length) {
    out.push(line.trimEnd());
    return indent + word;
  }
  return line + word;
}

/** The bracketed text of the elements in `g`, each printed by `element(byteOffset)`. */
export function layout(g: Grid, element: (offset: number) => string, o: LayoutOptions): string {
  const ndim = g.shape.length;
  const recurse = (axis: number, offset: number, indent: string, width: number): string => {
    if (axis === ndim) return element(offset);
    const items = shown(g.shape[axis], o);
    const stride = g.strides[axis];
    const nested = (i: number): string =>
      i < 0 ? '...' : recurse(axis + 1, offset + i * stride, indent + ' ', width - 1);
    let body: string;
    if (axis === ndim - 1) {
      const lines: string[] = [];
      let line = indent;
      items.forEach((i, k) => {
        line = extend(lines, line, nested(i), width - 1, indent);
        if (k < items.length - 1) line += ', ';
      });
      lines.push(line);
      body = lines.join('\n');
    } else {
      const separator = ',' + '\n'.repeat(ndim - axis - 1);
      body = items.map((i) => indent + nested(i)).join(separator);
    }
    return '[' + body.slice(indent.length) + ']';
  };
  return recurse(0, g.offset, o.indent, o.lineWidth);
}
