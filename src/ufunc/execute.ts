// The one executor every ufunc call goes through: loop resolution, broadcasting,
// `out` (shape and casting checked, overlap with inputs handled as if the inputs
// were copied first), the `where` mask, then the coalesced nd-iteration that
// hands each run to the compiled loop, staging only the operands that need it
// (other dtype, unaligned, byte-swapped, float16) through small scratch chunks.
import type { DType, DTypeLike } from '../core/dtypes.js';
import { toDType } from '../core/dtypes.js';
import { fail } from '../core/errors.js';
import { broadcastShapes, broadcastStrides, formatShape } from '../core/shape.js';
import { assign, mayOverlap } from '../ndarray/assign.js';
import { CASTINGS, type Casting, canCast } from '../ndarray/cast.js';
import { array } from '../ndarray/create.js';
import { coerce } from '../ndarray/elements.js';
import { empty, NDArray } from '../ndarray/ndarray.js';
import { typedWindow } from '../ndarray/typed.js';
import { compileKernel, type Kernel } from './compile.js';
import { raising, report } from './errstate.js';
import { type Operand, operandType, sameLayout, toOperand } from './operands.js';
import { runUfunc } from './parallel.js';
import { type ResolvedLoop, resolveLoop } from './resolve.js';
import { parseSig, type UfuncDef } from './types.js';

export interface UfuncOptions {
  /** Where to write the result: any writeable view of the broadcast shape. */
  readonly out?: NDArray;
  /** Elements where this (broadcast) mask is false keep `out`'s value (zeros without `out`). */
  readonly where?: NDArray | boolean | readonly unknown[];
  /** The dtype to compute in (selects the loop; inputs cast to it under `casting`). */
  readonly dtype?: DTypeLike;
  /** Casting rule for inputs and outputs (default 'same_kind', as NumPy). */
  readonly casting?: Casting;
}

const ARG_NAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['x'],
  2: ['x1', 'x2'],
  3: ['x1', 'x2', 'x3'],
};

/** A ufunc definition with its loops compiled on first use. */
export class UfuncEngine {
  readonly def: UfuncDef;
  readonly #kernels: (Kernel | undefined)[];
  constructor(def: UfuncDef) {
    this.def = def;
    this.#kernels = def.loops.map(() => undefined);
  }

  kernel(r: ResolvedLoop): Kernel {
    let k = this.#kernels[r.index];
    if (k === undefined) {
      const sig = parseSig(r.loop.sig);
      const kind = (c: string): 'r' | 'c' => (c === 'F' || c === 'D' ? 'c' : 'r');
      const shape = { inputs: sig.inputs.map(kind), output: kind(sig.output) };
      const types = [r.output, ...r.inputs];
      const compiled = compileKernel(r.loop.op, shape, types, `${this.def.name} ${r.loop.sig}`);
      k = r.loop.accelerate?.(compiled) ?? compiled;
      this.#kernels[r.index] = k;
    }
    return k;
  }

  get argNames(): readonly string[] {
    return ARG_NAMES[this.def.nin];
  }
}

function checkOptions(options: UfuncOptions, routine: string): void {
  if (options.casting !== undefined && !CASTINGS.includes(options.casting)) {
    throw fail(
      'ERR_OPTION',
      'casting',
      `unknown casting rule '${String(options.casting)}'`,
      routine,
    );
  }
  if (options.out !== undefined && !(options.out instanceof NDArray)) {
    throw fail('ERR_ARGUMENT', 'out', 'expected an NDArray', routine);
  }
}

function maskOf(where: UfuncOptions['where'], routine: string): NDArray | boolean {
  if (where === undefined || typeof where === 'boolean') return where ?? true;
  const m = where instanceof NDArray ? where : array(where);
  if (m.dtype.kind !== 'b') {
    throw fail('ERR_CASTING', 'where', `the mask must be a bool array, got ${m.dtype}`, routine);
  }
  return m;
}

/** A weak scalar as a 0-d array of dtype `d` (range-checked as NumPy 2). */
function scalarArray(op: Operand, d: DType, argument: string): NDArray {
  const a = empty([], d);
  a.set([], coerce((op as { value: unknown }).value, d, argument));
  return a;
}

/**
 * NumPy 2 compares integer arrays with out-of-range Python ints exactly. Against
 * every value of the array such an int behaves as an infinity of its sign, so
 * it becomes a weak ±Infinity (the float64 loop then compares exactly).
 */
function widenComparison(ops: Operand[], types: readonly DType[], def: UfuncDef): Operand[] {
  const integerArray = ops.some(
    (op) => op instanceof NDArray && (op.dtype.kind === 'i' || op.dtype.kind === 'u'),
  );
  if (def.comparison !== true || !integerArray) return ops;
  return ops.map((op, k) => {
    if (op instanceof NDArray || op.kind !== 'int') return op;
    const d = types[k];
    if (d.kind !== 'i' && d.kind !== 'u') return op;
    const v = BigInt(op.value as number | bigint);
    const bits = BigInt(8 * d.itemsize);
    const lo = d.kind === 'u' ? 0n : -(1n << (bits - 1n));
    const hi = d.kind === 'u' ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n;
    if (v >= lo && v <= hi) return op;
    return { kind: 'float', value: v > hi ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY };
  });
}

/** `a` viewed with the broadcast shape (zero strides on broadcast axes). */
function broadcastView(
  a: NDArray,
  shape: readonly number[],
  argument: string,
  routine: string,
): NDArray {
  const strides = broadcastStrides(a.shape, a.strides, shape, argument, routine);
  return new NDArray({ ...a, shape, strides, base: a.base ?? a });
}

/** Runs the definition's integer-input check (power's negative exponents) before any write. */
function checkIntegerInputs(def: UfuncDef, r: ResolvedLoop, inputs: readonly NDArray[]): void {
  const probe = def.checkIntegers;
  if (probe === undefined || !r.inputs.every((d) => d.kind === 'i' || d.kind === 'u')) return;
  inputs.forEach((a, k) => {
    const values = a.astype(r.inputs[k]).ravel();
    const typed = typedWindow(values.buffer, values.dtype);
    const first = values.byteOffset / values.itemsize;
    for (let i = 0; i < values.size; i++) {
      const message = probe(k, typed[first + i]);
      if (message !== undefined)
        throw fail('ERR_NEGATIVE_POWER', ARG_NAMES[def.nin][k], message, def.name);
    }
  });
}

/**
 * Logical ufuncs take a weak scalar for its truth value; NumPy range-checks
 * only that an integer is a C long.
 */
function truthOf(op: Operand, k: number, names: readonly string[]): Operand {
  if (op instanceof NDArray || op.kind === 'bool') return op;
  const v = op.value;
  if (typeof v === 'bigint' && BigInt.asIntN(64, v) !== v) {
    throw fail('ERR_VALUE', names[k], `Python integer ${v} out of bounds for int64`);
  }
  const truth = typeof v === 'object' ? v.re !== 0 || v.im !== 0 : v !== 0 && v !== 0n;
  return { kind: 'bool', value: truth };
}

export function execute(
  engine: UfuncEngine,
  args: readonly unknown[],
  options: UfuncOptions = {},
): NDArray {
  const def = engine.def;
  const routine = def.name;
  checkOptions(options, routine);
  const names = engine.argNames;
  if (args.length !== def.nin) {
    throw fail(
      'ERR_ARGUMENT',
      names[0],
      `${routine} takes ${def.nin} inputs, got ${args.length}`,
      routine,
    );
  }
  let ops = args.map((v, k) => toOperand(v, names[k], routine));
  if (def.logical === true) ops = ops.map((op, k) => truthOf(op, k, names));
  const dtype = options.dtype === undefined ? undefined : toDType(options.dtype, 'dtype');
  const casting = options.casting ?? 'same_kind';
  let resolved = resolveLoop(def, ops.map(operandType), dtype, casting, names);
  const widened = widenComparison(ops, resolved.effective, def);
  if (widened.some((op, k) => op !== ops[k])) {
    ops = widened;
    resolved = resolveLoop(def, ops.map(operandType), dtype, casting, names);
  }
  // A weak scalar is converted to the loop's input dtype: out of its range it is
  // an error (NumPy 2's OverflowError), as in uint8 + 300, but not in int8 / 300.
  const inputs = ops.map((op, k) =>
    op instanceof NDArray ? op : scalarArray(op, resolved.inputs[k], names[k]),
  );
  inputs.forEach((a, k) => {
    if (ops[k] instanceof NDArray && !canCast(a.dtype, resolved.inputs[k], casting)) {
      throw fail(
        'ERR_CASTING',
        names[k],
        `cannot cast ufunc '${routine}' input ${k} from ${a.dtype} to ${resolved.inputs[k]} with casting rule '${casting}'`,
        routine,
      );
    }
  });
  const mask = maskOf(options.where, routine);
  const out = options.out;
  const shapes = inputs.map((a) => a.shape);
  if (mask instanceof NDArray) shapes.push(mask.shape);
  const operandShape = broadcastShapes(shapes, names.join(', '), routine);
  let shape = operandShape;
  if (out !== undefined) {
    const mismatch = () =>
      fail(
        'ERR_SHAPE_MISMATCH',
        'out',
        `non-broadcastable output operand with shape ${formatShape(out.shape)} doesn't match the broadcast shape ${formatShape(operandShape)}`,
        routine,
      );
    try {
      shape = broadcastShapes([operandShape, out.shape], 'out', routine);
    } catch {
      throw mismatch();
    }
    if (shape.length !== out.ndim || shape.some((d, i) => d !== out.shape[i])) throw mismatch();
    out.assertWriteable('out', routine);
    if (!canCast(resolved.output, out.dtype, casting)) {
      throw fail(
        'ERR_CASTING',
        'out',
        `cannot cast ufunc '${routine}' output from ${resolved.output} to ${out.dtype} with casting rule '${casting}'`,
        routine,
      );
    }
  }
  checkIntegerInputs(def, resolved, inputs);
  const result = out ?? empty(shape, resolved.output);
  if (mask === false || result.size === 0) return result;
  // With 'raise' set, compute into a copy so that a raised error leaves `out` untouched.
  const target = out !== undefined && raising() ? out.copy() : result;
  const views = inputs.map((a, k) => {
    const v = broadcastView(a, shape, names[k], routine);
    if (!mayOverlap(target, v) || sameLayout(target, v)) return v;
    return broadcastView(a.copy(), shape, names[k], routine);
  });
  let maskView: NDArray | undefined;
  if (mask instanceof NDArray) {
    maskView = broadcastView(mask, shape, 'where', routine);
    if (mayOverlap(target, maskView))
      maskView = broadcastView(mask.copy(), shape, 'where', routine);
  }
  const flags = runUfunc(engine.def, engine.kernel(resolved), resolved, target, views, maskView);
  if (flags !== 0) report(flags, routine);
  if (target !== result) assign(result, target);
  return result;
}
