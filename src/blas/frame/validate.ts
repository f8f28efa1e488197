// Validation of one BLAS call, derived entirely from the routine's spec:
// operands, scalars, options, dimension agreement, signature, writeability
// and output overlap. Every failure names the routine and the parameter;
// nothing is written before all checks pass.
import { isComplexLike } from '../../core/complex.js';
import { fail } from '../../core/errors.js';
import { type CheckedOperand, checkOperand } from '../operand.js';
import {
  type ArrayParam,
  type BlasOptions,
  OPTION_VALUES,
  type ResolvedOptions,
  type RoutineSpec,
  type ScalarValue,
  type Signature,
} from '../spec/types.js';
import { extentsOverlap, hasInternalOverlap } from './overlap.js';

const INTEGER_TYPES: ReadonlySet<string> = new Set([
  'int8',
  'int16',
  'int32',
  'int64',
  'uint8',
  'uint16',
  'uint32',
  'uint64',
]);

export interface ValidCall {
  readonly spec: RoutineSpec;
  readonly signature: Signature;
  readonly dims: Readonly<Record<string, number>>;
  readonly operands: Readonly<Record<string, CheckedOperand>>;
  readonly scalars: Readonly<Record<string, ScalarValue>>;
  readonly options: ResolvedOptions;
}

export function resolveOptions(spec: RoutineSpec, raw: unknown): ResolvedOptions {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null)) {
    throw fail('ERR_OPTION', 'options', 'options must be an object', spec.name);
  }
  const o = (raw ?? {}) as Record<string, unknown>;
  const conjugable = spec.params
    .filter((p) => p.kind === 'array' && p.conjugable)
    .map((p) => p.name);
  for (const key of Object.keys(o)) {
    const known =
      (spec.options as readonly string[]).includes(key) ||
      (key === 'conj' && conjugable.length > 0);
    if (!known && o[key] !== undefined) {
      throw fail('ERR_OPTION', key, `${spec.name} has no option '${key}'`, spec.name);
    }
  }
  const pick = (name: 'uplo' | 'side' | 'diag'): boolean => {
    const values = OPTION_VALUES[name];
    const v = o[name] ?? values[0];
    if (!values.includes(v as string)) {
      throw fail(
        'ERR_OPTION',
        name,
        `expected '${values[0]}' or '${values[1]}', got ${JSON.stringify(v)}`,
        spec.name,
      );
    }
    return v === values[0];
  };
  const conjRaw = (o.conj ?? {}) as BlasOptions['conj'];
  const conj: Record<string, boolean> = {};
  for (const [k, v] of Object.entries(conjRaw ?? {})) {
    if (!conjugable.includes(k) || typeof v !== 'boolean') {
      throw fail(
        'ERR_OPTION',
        'conj',
        `can conjugate ${conjugable.join(', ') || 'nothing'}; got ${k}: ${String(v)}`,
        spec.name,
      );
    }
    conj[k] = v;
  }
  return { upper: pick('uplo'), left: pick('side'), unit: !pick('diag'), conj };
}

function checkScalar(value: unknown, name: string, routine: string): ScalarValue {
  if (typeof value === 'number') return { re: value, im: 0 };
  if (isComplexLike(value)) return { re: value.re, im: value.im };
  throw fail('ERR_ARGUMENT', name, `expected a number or {re, im}, got ${typeof value}`, routine);
}

export function dimsOf(p: ArrayParam, o: ResolvedOptions): readonly string[] {
  return typeof p.dims === 'function' ? p.dims(o) : p.dims;
}

function unifyDims(
  spec: RoutineSpec,
  operands: Record<string, CheckedOperand>,
  o: ResolvedOptions,
): Record<string, number> {
  const dims: Record<string, number> = {};
  const from: Record<string, string> = {};
  for (const p of spec.params) {
    if (p.kind !== 'array') continue;
    const shape = operands[p.name].shape;
    dimsOf(p, o).forEach((sym, axis) => {
      if (dims[sym] === undefined) {
        dims[sym] = shape[axis];
        from[sym] = p.name;
      } else if (dims[sym] !== shape[axis]) {
        throw fail(
          'ERR_SHAPE_MISMATCH',
          p.name,
          `axis ${axis} has length ${shape[axis]}, but ${sym} = ${dims[sym]} from '${from[sym]}'`,
          spec.name,
        );
      }
    });
  }
  return dims;
}

function scalarsFit(
  sig: Signature,
  spec: RoutineSpec,
  scalars: Record<string, ScalarValue>,
): boolean {
  return spec.params.every(
    (p) => p.kind !== 'scalar' || (sig.complexScalars && !p.real) || scalars[p.name].im === 0,
  );
}

function chooseSignature(
  spec: RoutineSpec,
  operands: Record<string, CheckedOperand>,
  scalars: Record<string, ScalarValue>,
  fixed: Signature | undefined,
): Signature {
  const arrays = spec.params.filter((p) => p.kind === 'array');
  const matches = (s: Signature) =>
    arrays.every((p) => s.types[p.name] === operands[p.name].dtype.name);
  if (fixed !== undefined) {
    const bad = arrays.find((p) => fixed.types[p.name] !== operands[p.name].dtype.name);
    if (bad) {
      throw fail(
        'ERR_UNSUPPORTED_DTYPE',
        bad.name,
        `${fixed.name} needs ${fixed.types[bad.name]}, got ${operands[bad.name].dtype.name}`,
        spec.name,
      );
    }
    return fixed;
  }
  const candidates = spec.signatures.filter(matches);
  const sig = candidates.find((s) => scalarsFit(s, spec, scalars)) ?? candidates[0];
  if (sig === undefined) {
    const first = operands[arrays[0].name].dtype.name;
    const blame = arrays.find((p) => operands[p.name].dtype.name !== first) ?? arrays[0];
    const got = arrays.map((p) => `${p.name}: ${operands[p.name].dtype.name}`).join(', ');
    throw fail(
      'ERR_UNSUPPORTED_SIGNATURE',
      blame.name,
      `no ${spec.name} for (${got}); available: ${spec.signatures.map((s) => s.name).join(' ')}`,
      spec.name,
    );
  }
  return sig;
}

/** Checks a positional call against its spec (and a fixed signature for full names). */
export function validateCall(
  spec: RoutineSpec,
  args: readonly unknown[],
  rawOptions: unknown,
  fixed?: Signature,
): ValidCall {
  const n = spec.params.length;
  if (args.length < n || args.length > n + 1) {
    throw fail(
      'ERR_ARGUMENT',
      'arguments',
      `expected ${n} arguments (${spec.params.map((p) => p.name).join(', ')}) and optional options, got ${args.length}`,
      spec.name,
    );
  }
  const options = resolveOptions(spec, args.length > n ? args[n] : rawOptions);
  const operands: Record<string, CheckedOperand> = {};
  const scalars: Record<string, ScalarValue> = {};
  spec.params.forEach((p, i) => {
    if (p.kind === 'array') operands[p.name] = checkOperand(args[i], p.name, p.rank, spec.name);
    else scalars[p.name] = checkScalar(args[i], p.name, spec.name);
  });
  const dims = unifyDims(spec, operands, options);
  const signature = chooseSignature(spec, operands, scalars, fixed);
  const integer = Object.values(signature.types).every((t) => INTEGER_TYPES.has(t));
  for (const p of spec.params) {
    if (p.kind !== 'scalar') continue;
    const s = scalars[p.name];
    if ((!signature.complexScalars || p.real) && s.im !== 0) {
      throw fail('ERR_ARGUMENT', p.name, `must be real for ${signature.name}`, spec.name);
    }
    if (integer && !Number.isInteger(s.re)) {
      throw fail('ERR_ARGUMENT', p.name, `must be an integer for ${signature.name}`, spec.name);
    }
  }
  const written = spec.params.filter((p): p is ArrayParam => p.kind === 'array' && p.role !== 'in');
  for (const p of written) {
    const op = operands[p.name];
    if (!op.writeable) throw fail('ERR_READ_ONLY', p.name, 'the output is read-only', spec.name);
    if (hasInternalOverlap(op)) {
      throw fail(
        'ERR_OUTPUT_OVERLAP',
        p.name,
        'its strides make distinct elements share bytes',
        spec.name,
      );
    }
  }
  written.forEach((p, i) => {
    for (const q of written.slice(i + 1)) {
      if (extentsOverlap(operands[p.name], operands[q.name])) {
        throw fail('ERR_OUTPUT_OVERLAP', q.name, `overlaps the output '${p.name}'`, spec.name);
      }
    }
  });
  return { spec, signature, dims, operands, scalars, options };
}
