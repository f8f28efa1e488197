// NumPy's array manipulation replayed from test/fixtures/manip/manip.json
// (made by scripts/fixtures/manip.py): every function over random shapes
// (empty and 0-d included), every dtype, mixed dtypes and strided, flipped,
// broadcast, unaligned and byte-swapped operands must give NumPy's dtype,
// shape and bytes, share memory exactly where NumPy's result does, and throw
// a typed error where NumPy raises.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NDArray } from '../../src/index.js';
import * as nb from '../../src/index.js';
import {
  assertResult,
  build,
  type Expected,
  loadFixture,
  type Recipe,
} from '../helpers/operands.js';

interface Case {
  readonly fn: string;
  readonly arrays?: Recipe[];
  readonly result?: Expected;
  readonly results?: Expected[];
  readonly error?: string;
  readonly [option: string]: unknown;
}

const { cases } = loadFixture<{ cases: Case[] }>('manip/manip.json');

type Obj =
  | number
  | { list: (number | boolean)[] }
  | { slice: (number | null)[] }
  | { array: Recipe };

function editIndex(o: Obj): nb.EditIndex {
  if (typeof o === 'number') return o;
  if ('list' in o) return o.list;
  if ('array' in o) return build(o.array).view;
  const [start, stop, step] = o.slice;
  return { start, stop, step };
}

type Run = (a: NDArray[], c: Case) => NDArray | NDArray[];
const axis = (c: Case) => c.axis as number | null;
const sections = (c: Case) => c.sections as number | number[];

const RUN: Readonly<Record<string, Run>> = {
  concatenate: (a, c) => nb.concatenate(a, axis(c), c.options as nb.JoinOptions),
  stack: (a, c) => nb.stack(a, c.axis as number, c.options as nb.JoinOptions),
  vstack: (a, c) => nb.vstack(a, c.options as nb.JoinOptions),
  hstack: (a, c) => nb.hstack(a, c.options as nb.JoinOptions),
  dstack: (a) => nb.dstack(a),
  columnStack: (a) => nb.columnStack(a),
  append: (a, c) => nb.append(a[0], a[1], axis(c)),
  split: (a, c) => nb.split(a[0], sections(c), c.axis as number),
  arraySplit: (a, c) => nb.arraySplit(a[0], sections(c), c.axis as number),
  hsplit: (a, c) => nb.hsplit(a[0], sections(c)),
  vsplit: (a, c) => nb.vsplit(a[0], sections(c)),
  dsplit: (a, c) => nb.dsplit(a[0], sections(c)),
  tile: (a, c) => nb.tile(a[0], c.reps as number[]),
  repeat: (a, c) => nb.repeat(a[0], c.repeats as number[], axis(c)),
  resize: (a, c) => nb.resize(a[0], c.shape as number[]),
  roll: (a, c) => nb.roll(a[0], c.shift as number[], c.axis as number[] | null),
  pad: (a, c) =>
    nb.pad(a[0], c.width as number[], c.mode as nb.PadMode, { constantValues: c.constantValues }),
  meshgrid: (a, c) => nb.meshgrid(a, c.options as nb.MeshgridOptions),
  indices: (_, c) =>
    nb.indices(c.dims as number[], { dtype: c.dtype as string, sparse: c.sparse as boolean }),
  rot90: (a, c) => nb.rot90(a[0], c.k as number, c.axes as number[]),
  moveaxis: (a, c) => nb.moveaxis(a[0], c.source as number[], c.destination as number[]),
  atleast1d: (a) => nb.atleast1d(...a),
  atleast2d: (a) => nb.atleast2d(...a),
  atleast3d: (a) => nb.atleast3d(...a),
  broadcastArrays: (a) => nb.broadcastArrays(...a),
  trimZeros: (a, c) => nb.trimZeros(a[0], c.trim as string, (c.axis as number | null) ?? undefined),
  delete: (a, c) => nb.delete(a[0], editIndex(c.obj as Obj), axis(c)),
  insert: (a, c) => {
    const v = c.values as { scalar: number } | { array: Recipe };
    return nb.insert(
      a[0],
      editIndex(c.obj as Obj),
      'scalar' in v ? v.scalar : build(v.array).view,
      axis(c),
    );
  },
};

/** Whether `r` shares a buffer with any operand. */
function sharesWith(r: NDArray, operands: readonly NDArray[]): boolean {
  return operands.some((o) => o.buffer === r.buffer);
}

function check(r: NDArray, e: Expected, where: string, operands: readonly NDArray[]): void {
  assertResult(r, { ...e, view: undefined }, where);
  if (e.view !== undefined && e.view !== null)
    assert.equal(sharesWith(r, operands), e.view, `${where}: view vs copy`);
}

test(`${cases.length} manipulation cases match NumPy`, () => {
  const dtypesSeen = new Map<string, Set<string>>();
  cases.forEach((c, n) => {
    const where = `case ${n} (${c.fn})`;
    const built = (c.arrays ?? []).map((r) => build(r));
    const views = built.map((b) => b.view);
    const run = () => RUN[c.fn](views, c);
    if (c.error !== undefined) {
      assert.throws(run, nb.NdblasError, `${where}: NumPy raised ${c.error}`);
      return;
    }
    const r = run();
    if (!dtypesSeen.has(c.fn)) dtypesSeen.set(c.fn, new Set());
    if (views.length > 0) dtypesSeen.get(c.fn)!.add(views[0].dtype.name);
    const bases = built.map((b) => b.base);
    if (c.results !== undefined) {
      assert.ok(Array.isArray(r), `${where}: expected a list`);
      assert.equal(r.length, c.results.length, `${where}: number of results`);
      r.forEach((x, i) => {
        check(x, c.results![i], `${where} [${i}]`, bases);
      });
    } else {
      assert.ok(!Array.isArray(r), `${where}: expected one array`);
      check(r, c.result!, where, bases);
    }
  });
  for (const fn of Object.keys(RUN)) {
    if (fn === 'indices') continue; // takes dimensions, not an array
    const seen = [...(dtypesSeen.get(fn) ?? [])];
    assert.deepEqual(seen.sort(), [...nb.DTYPE_NAMES].sort(), `${fn} runs on every dtype`);
  }
});
