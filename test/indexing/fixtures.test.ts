// NumPy's indexing replayed from test/fixtures/indexing/indexing.json (made by
// scripts/fixtures/indexing.py): a.get / a.set with random index tuples, and
// take, put, takeAlongAxis, putAlongAxis, choose, compress, extract, place and
// putmask, over every dtype and strided, flipped, broadcast, unaligned,
// byte-swapped, empty and 0-d operands. Reads must give NumPy's dtype, shape,
// bytes and view-vs-copy; writes NumPy's bytes in the whole base with every
// byte around it untouched; where NumPy raises, ndblas throws a typed error.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  choose,
  compress,
  DTYPE_NAMES,
  extract,
  type IndexMode,
  type IndexSpec,
  type NDArray,
  NdblasError,
  place,
  put,
  putAlongAxis,
  putmask,
  take,
  takeAlongAxis,
  toDType,
} from '../../src/index.js';
import {
  assertBase,
  assertResult,
  type Built,
  build,
  type Expected,
  loadFixture,
  type Recipe,
} from '../helpers/operands.js';

type Spec = number | string | null | { bool: boolean } | { list: unknown } | { array: Recipe };

interface Case {
  readonly kind: string;
  readonly a: Recipe | Spec;
  readonly index?: Spec[];
  readonly value?: { scalar: number | boolean } | { array: Recipe };
  readonly indices?: Spec;
  readonly mask?: Spec;
  readonly condition?: Spec;
  readonly choices?: Recipe[];
  readonly axis?: number | null;
  readonly mode?: IndexMode;
  readonly result?: Expected;
  readonly base?: string;
  readonly error?: string;
}

const { cases } = loadFixture<{ cases: Case[] }>('indexing/indexing.json');
const PAD = 24;

function decode(spec: Spec): IndexSpec {
  if (spec === null || typeof spec !== 'object') return spec;
  if ('bool' in spec) return spec.bool;
  if ('list' in spec) return spec.list as IndexSpec;
  return build(spec.array).view;
}

function value(c: Case): unknown {
  const v = c.value!;
  return 'scalar' in v ? v.scalar : build(v.array).view;
}

/** NumPy's `a[i, j] = v` with integers only: a tuple, never item's element addressing. */
function tuple(c: Case): IndexSpec[] {
  const index = c.index!.map(decode);
  return index.every((k) => typeof k === 'number') ? [...index, '...'] : index;
}

type Run = (a: NDArray, c: Case) => NDArray | undefined;
const write =
  (f: (a: NDArray, c: Case) => unknown): Run =>
  (a, c) => {
    f(a, c);
    return undefined;
  };

/** Each kind: what to run on the rebuilt operand; reads return a result, writes undefined. */
const RUN: Readonly<Record<string, Run>> = {
  get: (a, c) => a.get(...c.index!.map(decode)),
  set: write((a, c) => a.set(tuple(c), value(c))),
  take: (a, c) => take(a, decode(c.indices!), c.axis, { mode: c.mode }),
  put: write((a, c) => put(a, decode(c.indices!), value(c), { mode: c.mode })),
  takeAlongAxis: (a, c) => takeAlongAxis(a, decode(c.indices!), c.axis),
  putAlongAxis: write((a, c) => putAlongAxis(a, decode(c.indices!), value(c), c.axis ?? null)),
  compress: (a, c) => compress(decode(c.condition!), a, c.axis),
  extract: (a, c) => extract(decode(c.condition!), a),
  place: write((a, c) => place(a, decode(c.mask!), value(c))),
  putmask: write((a, c) => putmask(a, decode(c.mask!), value(c))),
};

function runCase(c: Case, n: number): string {
  const where = `case ${n} (${c.kind})`;
  if (c.kind === 'choose') {
    const run = () =>
      choose(
        decode(c.a as Spec),
        c.choices!.map((r) => build(r).view),
        { mode: c.mode },
      );
    if (c.error !== undefined) assert.throws(run, NdblasError, where);
    else assertResult(run(), c.result!, where);
    return c.kind;
  }
  const b: Built = build(c.a as Recipe, PAD);
  const run = () => RUN[c.kind](b.view, c);
  if (c.error !== undefined) {
    assert.throws(run, NdblasError, `${where}: NumPy raised ${c.error}`);
    if (c.base === undefined) assertBase(b, (c.a as Recipe).hex, `${where} after the error`);
    return `${c.kind} (error)`;
  }
  const r = run();
  if (r !== undefined) assertResult(r, c.result!, where, b.base);
  else assertBase(b, c.base!, where);
  return c.kind;
}

test(`${cases.length} indexing cases match NumPy`, () => {
  const dtypesSeen = new Map<string, Set<string>>();
  cases.forEach((c, n) => {
    const kind = runCase(c, n);
    const operand = c.kind === 'choose' ? c.choices![0] : (c.a as Recipe);
    if (!dtypesSeen.has(kind)) dtypesSeen.set(kind, new Set());
    dtypesSeen.get(kind)!.add(toDType(operand.dtype).name);
  });
  for (const kind of [...Object.keys(RUN), 'choose']) {
    const seen = [...(dtypesSeen.get(kind) ?? [])];
    assert.deepEqual(seen.sort(), [...DTYPE_NAMES].sort(), `${kind} runs on every dtype`);
  }
});
