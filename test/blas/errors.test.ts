// Error exits, generated from the specs: for every routine, every class of
// invalid argument raises its typed error with a stable code, the routine and
// the parameter's name, and leaves every operand byte-identical.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import * as blas from '../../src/blas/index.js';
import {
  type ArrayParam,
  bySignature,
  type RoutineSpec,
  raw,
  SPECS,
} from '../../src/blas/index.js';
import { rawDims } from '../../src/blas/raw.js';
import { type NDArray, NdblasError } from '../../src/index.js';
import { c } from './cplx.js';
import { operand, rng } from './harness.js';

type Args = Record<string, unknown>;

function validArgs(spec: RoutineSpec, sigIndex = 0): Args {
  const sig = spec.signatures[sigIndex];
  const r = rng(7);
  const o = resolveOptions(spec, {});
  const args: Args = {};
  for (const p of spec.params) {
    if (p.kind === 'scalar') args[p.name] = sig.complexScalars && !p.real ? c(0.5, 0.25) : 2;
    else
      args[p.name] = operand(
        dimsOf(p, o).map(() => 3),
        sig.types[p.name],
        'row',
        r,
      );
  }
  return args;
}

interface Mutation {
  readonly name: string;
  readonly code: string;
  /** Returns the argument the error must name, after changing `args` (or null if not applicable). */
  readonly apply: (spec: RoutineSpec, args: Args, options: Args) => string | null;
}

const arrays = (spec: RoutineSpec) =>
  spec.params.filter((p): p is ArrayParam => p.kind === 'array');
const written = (spec: RoutineSpec) => arrays(spec).filter((p) => p.role !== 'in');
const descriptor = (a: unknown) =>
  ({ ...(a as NDArray), flags: { writeable: true } }) as Record<string, unknown>;
const last = <T>(xs: T[]) => xs[xs.length - 1];

const MUTATIONS: readonly Mutation[] = [
  {
    name: 'array argument that is not an array',
    code: 'ERR_ARGUMENT',
    apply: (spec, args) => {
      const p = last(arrays(spec));
      args[p.name] = [1, 2, 3];
      return p.name;
    },
  },
  {
    name: 'wrong number of dimensions',
    code: 'ERR_SHAPE_MISMATCH',
    apply: (spec, args) => {
      const p = arrays(spec)[0];
      const a = args[p.name] as NDArray;
      args[p.name] = a.reshape([...a.shape, 1]);
      return p.name;
    },
  },
  {
    name: 'negative dimension',
    code: 'ERR_DIMENSION',
    apply: (spec, args) => {
      const p = arrays(spec)[0];
      const d = descriptor(args[p.name]);
      d.shape = (d.shape as number[]).map((x, i) => (i === 0 ? -1 : x));
      args[p.name] = d;
      return p.name;
    },
  },
  {
    name: 'non-conforming shapes',
    code: 'ERR_SHAPE_MISMATCH',
    apply: (spec, args) => {
      const ps = arrays(spec);
      if (ps.length < 2) return null;
      const p = last(ps);
      const a = args[p.name] as NDArray;
      args[p.name] = a.slice(...a.shape.map((_, i) => (i === 0 ? '1:' : ':')));
      return p.name;
    },
  },
  {
    name: 'view reaching outside its buffer',
    code: 'ERR_OUT_OF_BUFFER',
    apply: (spec, args) => {
      const p = arrays(spec)[0];
      const d = descriptor(args[p.name]);
      d.byteOffset = (d.buffer as ArrayBuffer).byteLength - 1;
      args[p.name] = d;
      return p.name;
    },
  },
  {
    name: 'unknown dtype',
    code: 'ERR_UNKNOWN_DTYPE',
    apply: (spec, args) => {
      const p = arrays(spec)[0];
      args[p.name] = { ...descriptor(args[p.name]), dtype: 'float128' };
      return p.name;
    },
  },
  {
    name: 'unsupported dtype combination',
    code: 'ERR_UNSUPPORTED_SIGNATURE',
    apply: (spec, args) => {
      const p = last(arrays(spec));
      args[p.name] = (args[p.name] as NDArray).astype('int16');
      return p.name;
    },
  },
  {
    name: 'read-only output',
    code: 'ERR_READ_ONLY',
    apply: (spec, args) => {
      const p = written(spec)[0];
      if (p === undefined) return null;
      const a = args[p.name] as NDArray;
      args[p.name] = a.view(
        { shape: a.shape, strides: a.strides, offset: a.byteOffset },
        a.dtype,
        false,
      );
      return p.name;
    },
  },
  {
    name: 'output whose elements share bytes',
    code: 'ERR_OUTPUT_OVERLAP',
    apply: (spec, args) => {
      const p = written(spec)[0];
      if (p === undefined) return null;
      const d = descriptor(args[p.name]);
      d.strides = (d.strides as number[]).map((s, i) =>
        i === (d.strides as number[]).length - 1 ? 0 : s,
      );
      args[p.name] = d;
      return p.name;
    },
  },
  {
    name: 'scalar of the wrong type',
    code: 'ERR_ARGUMENT',
    apply: (spec, args) => {
      const p = spec.params.find((q) => q.kind === 'scalar');
      if (p === undefined) return null;
      args[p.name] = '2';
      return p.name;
    },
  },
  {
    name: 'unknown option',
    code: 'ERR_OPTION',
    apply: (_spec, _args, options) => {
      options.trans = 'T';
      return 'trans';
    },
  },
  {
    name: 'bad option value',
    code: 'ERR_OPTION',
    apply: (spec, _args, options) => {
      const name = spec.options[0];
      if (name === undefined) return null;
      options[name] = 'sideways';
      return name;
    },
  },
];

/** Copies of every operand buffer, to prove a failed call wrote nothing. */
function snapshot(args: Args): [ArrayBufferLike, Uint8Array][] {
  return Object.values(args).flatMap((v) =>
    v && typeof v === 'object' && 'buffer' in v
      ? [
          [(v as NDArray).buffer, new Uint8Array((v as NDArray).buffer.slice(0))] as [
            ArrayBufferLike,
            Uint8Array,
          ],
        ]
      : [],
  );
}

function assertUnchanged(saved: [ArrayBufferLike, Uint8Array][], where: string): void {
  for (const [buffer, bytes] of saved)
    assert.deepEqual(new Uint8Array(buffer), bytes, `${where}: operands changed`);
}

function expectFailure(fn: () => unknown, code: string, argument: string, routine: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof NdblasError, `not an NdblasError: ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.equal(e.argument, argument, e.message);
    assert.equal(e.routine, routine);
    assert.ok(e.message.includes(`'${argument}'`));
    return true;
  });
}

const GENERIC = blas as unknown as Record<string, (...args: unknown[]) => unknown>;

for (const spec of SPECS) {
  test(`error exits: ${spec.name}`, (t) => {
    let checked = 0;
    const sig = spec.signatures[0];
    for (const m of MUTATIONS) {
      const args = validArgs(spec);
      const saved = snapshot(args);
      const options: Args = {};
      const argument = m.apply(spec, args, options);
      if (argument === null) continue;
      const list = spec.params.map((p) => args[p.name]);
      // Dtype mismatches go through the generic entry, which dispatches on dtypes.
      const fn =
        m.code === 'ERR_UNSUPPORTED_SIGNATURE' ? GENERIC[spec.name] : bySignature[sig.name];
      expectFailure(() => fn(...list, options), m.code, argument, spec.name);
      assertUnchanged(saved, m.name);
      checked++;
    }
    const dims = rawDims(spec);
    expectFailure(
      () => raw[sig.name](...dims.map((_, i) => (i === 0 ? -1 : 3))),
      'ERR_DIMENSION',
      dims[0],
      spec.name,
    );
    checked++;
    const other = spec.signatures.find((s) =>
      arrays(spec).some((p) => s.types[p.name] !== sig.types[p.name]),
    );
    if (other !== undefined) {
      const args = validArgs(spec);
      const saved = snapshot(args);
      const p = arrays(spec).find((q) => other.types[q.name] !== sig.types[q.name])!;
      expectFailure(
        () => bySignature[other.name](...spec.params.map((q) => args[q.name])),
        'ERR_UNSUPPORTED_DTYPE',
        p.name,
        spec.name,
      );
      assertUnchanged(saved, 'fixed signature with another dtype');
      checked++;
    }
    t.diagnostic(`${spec.name}: ${checked} error classes checked`);
    assert.ok(checked >= 8);
  });
}
