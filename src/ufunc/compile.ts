// Turns an element operation into a loop over typed arrays. Each (ufunc, loop)
// gets its own compiled function so V8 sees one operation and one typed-array
// class per loop, inlines the operation, and keeps the contiguous path tight
// (views from the run's start, unrolled by eight); a warm-up on every path
// before first use keeps optimised code from deoptimising. Where code
// generation is forbidden (a Content Security Policy without 'unsafe-eval'),
// a generic closure computes the same values.
import type { DType } from '../core/dtypes.js';
import type { AnyTyped } from '../ndarray/typed.js';
import { computeArray } from './convert.js';
import type { ElementOp } from './types.js';

/**
 * A compiled loop: `n` elements; the output first, then each input, each as
 * (typed array, first index, index stride) in typed-array units (a complex
 * element spans two units).
 */
export type Kernel = (n: number, ...operands: (AnyTyped | number)[]) => void;

/** Operand kinds: 'r' real (one unit per element), 'c' complex (two units). */
export type Shape = { readonly inputs: readonly ('r' | 'c')[]; readonly output: 'r' | 'c' };

function element(kind: 'r' | 'c', arr: string, idx: string): string {
  return kind === 'r' ? `${arr}[${idx}]` : `${arr}[${idx}], ${arr}[${idx} + 1]`;
}

function statement(shape: Shape, idx: (k: number | 'o') => string): string {
  const args = shape.inputs.map((kind, k) => element(kind, `a${k}`, idx(k))).join(', ');
  return shape.output === 'r' ? `o[${idx('o')}] = f(${args});` : `f(o, ${idx('o')}, ${args});`;
}

/** Contiguous runs at least this long are indexed through views that start at the run. */
const VIEW_MIN = 32;

function source(shape: Shape, label: string): string {
  const nin = shape.inputs.length;
  const ks = Array.from({ length: nin }, (_, k) => k);
  const params = ['n', 'o', 'io', 'so', ...ks.flatMap((k) => [`a${k}`, `i${k}`, `s${k}`])];
  const unit = (kind: 'r' | 'c') => (kind === 'r' ? 1 : 2);
  const kindOf = (k: number | 'o') => (k === 'o' ? shape.output : shape.inputs[k]);
  const name = (k: number | 'o') => (k === 'o' ? 'o' : `a${k}`);
  const base = (k: number | 'o') => (k === 'o' ? 'io' : `i${k}`);
  const stride = (k: number | 'o') => (k === 'o' ? 'so' : `s${k}`);
  const all: (number | 'o')[] = ['o', ...ks];
  const contiguous = all.map((k) => `${stride(k)} === ${unit(kindOf(k))}`).join(' && ');
  // Views from the run's first element: V8 then indexes them by the loop
  // counter alone, without the per-access offset arithmetic (measured ~1.5x
  // on a float64 add); a view costs ~0.1 us, hence the minimum length.
  const views = all
    .map((k) => {
      const u = unit(kindOf(k));
      return `const v${name(k)} = ${name(k)}.subarray(${base(k)}, ${base(k)} + ${u === 1 ? 'n' : '2 * n'});`;
    })
    .join('\n    ');
  const at = (j: string) => (k: number | 'o') =>
    kindOf(k) === 'r' ? (j === '' ? 'k' : `k + ${j}`) : `2 * (k${j === '' ? '' : ` + ${j}`})`;
  const viewed = (s: string) => s.replace(/\b(o|a\d)\[/g, 'v$1[').replace(/f\(o,/, 'f(vo,');
  const allReal = shape.output === 'r' && shape.inputs.every((x) => x === 'r');
  // Eight statements per iteration: V8 keeps the bounds checks and index
  // arithmetic out of the way of the memory traffic (measured ~1.5x over one).
  const body = Array.from({ length: 8 }, (_, u) =>
    viewed(statement(shape, at(u === 0 ? '' : String(u)))),
  );
  const one = viewed(statement(shape, at('')));
  const loop = allReal
    ? `let k = 0;
    for (; k < n - 7; k += 8) {
      ${body.join('\n      ')}
    }
    for (; k < n; k++) ${one}`
    : `for (let k = 0; k < n; k++) ${one}`;
  const steps = all.map((k) => `${base(k)} += ${stride(k)}`).join(', ');
  // The label keeps sources distinct: V8 shares the code and type feedback of
  // identical sources, and a kernel that met three element operations ran at
  // half speed.
  return `'use strict';
// ${label.replace(/[^\w>,-]/g, ' ')}
return function kernel(${params.join(', ')}) {
  if (n >= ${VIEW_MIN} && ${contiguous}) {
    ${views}
    ${loop}
    return;
  }
  for (let k = 0; k < n; k++, ${steps}) ${statement(shape, base)}
};`;
}

/** The same loop as a closure, for hosts that forbid `new Function`. */
export function closureKernel(f: ElementOp, shape: Shape): Kernel {
  const g = f as (...args: unknown[]) => unknown;
  const nin = shape.inputs.length;
  const args: unknown[] = [];
  return (n, o, io, so, ...rest) => {
    const out = o as AnyTyped;
    let oi = io as number;
    const idx = Array.from({ length: nin }, (_, k) => rest[3 * k + 1] as number);
    for (let e = 0; e < n; e++) {
      args.length = 0;
      if (shape.output === 'c') args.push(out, oi);
      for (let k = 0; k < nin; k++) {
        const a = rest[3 * k] as AnyTyped;
        args.push(a[idx[k]]);
        if (shape.inputs[k] === 'c') args.push(a[idx[k] + 1]);
        idx[k] += rest[3 * k + 2] as number;
      }
      const r = g(...args);
      if (shape.output === 'r') out[oi] = r as never;
      oi += so as number;
    }
  };
}

let codegen: boolean | undefined;

/**
 * Runs a new kernel on each of its paths (a viewed contiguous run with a
 * tail, a strided run) over ones of the loop's dtypes (`types`: output first),
 * so that V8 optimises it with type feedback everywhere: a path first taken
 * by optimised code deoptimises it, and a kernel whose calls never met a tail
 * kept deoptimising at 2/3 of its speed.
 */
function warmUp(kernel: Kernel, shape: Shape, types: readonly DType[]): void {
  const n = VIEW_MIN + 1;
  const kinds = [shape.output, ...shape.inputs];
  const arrays = types.map((d) => {
    const a = computeArray(d, 2 * n);
    return typeof a[0] === 'bigint' ? (a as BigInt64Array).fill(1n) : (a as Float64Array).fill(1);
  });
  const operands = (step: number) =>
    arrays.flatMap((a, k) => [a, 0, step * (kinds[k] === 'r' ? 1 : 2)]);
  try {
    // Repeated: V8 allocates a function's feedback vector only after it has run a while.
    for (let r = 0; r < 16; r++) {
      kernel(n, ...operands(1));
      kernel(2, ...operands(2));
    }
  } catch {
    // An operation that refuses ones only misses the warm-up.
  }
}

/**
 * Compiles `f` for `shape` (see the file comment); with the loop's dtypes
 * (`types`: output first), warms it up on every path. `label` names the loop
 * (ufunc and signature) in the generated source.
 */
export function compileKernel(
  f: ElementOp,
  shape: Shape,
  types?: readonly DType[],
  label = '',
): Kernel {
  if (codegen !== false) {
    try {
      const make = new Function('f', source(shape, label)) as (f: ElementOp) => Kernel;
      codegen = true;
      const kernel = make(f);
      if (types !== undefined) warmUp(kernel, shape, types);
      return kernel;
    } catch {
      codegen = false;
    }
  }
  return closureKernel(f, shape);
}
