// Task arguments as shared JSON text: what JSON cannot carry survives the
// round trip, buffers travel as ids (a missing one is reported, not guessed),
// memory other threads cannot see is detected, and the caller's record of
// what each worker holds hands over new buffers once and drops old ones.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BufferIds, encode, Holdings, revive } from '../../src/backends/threads/codec.js';

const roundTrip = (value: unknown) => {
  const e = encode(value, new BufferIds(), 't');
  assert.ok(e !== null);
  const missing: number[] = [];
  const out = revive(JSON.parse(e.text), e.buffers, missing);
  assert.deepEqual(missing, []);
  return out;
};

test('numbers JSON cannot carry, bigints, views and buffers survive', () => {
  const sab = new SharedArrayBuffer(64);
  const value = {
    special: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1.5],
    big: [-(2n ** 70n), 0n],
    views: [new Float64Array(sab, 8, 3), new Uint8Array(sab, 1, 5), new DataView(sab, 4, 12)],
    sab,
    nested: { a: [null, 'x', true, { b: [] }] },
  };
  const out = roundTrip(value) as typeof value;
  assert.ok(Object.is(out.special[0], Number.NaN));
  assert.ok(Object.is(out.special[3], -0) && Object.is(out.special[4], 0));
  assert.deepEqual(out.special.slice(1, 3), [Infinity, -Infinity]);
  assert.deepEqual(out.big, value.big);
  assert.equal(out.sab, sab);
  for (const [i, v] of out.views.entries()) {
    const w = value.views[i];
    assert.equal(v.constructor, w.constructor);
    assert.deepEqual([v.buffer, v.byteOffset, v.byteLength], [sab, w.byteOffset, w.byteLength]);
  }
  assert.deepEqual(out.nested, value.nested);
});

test('buffers are ids: one id per buffer, and a missing one is reported', () => {
  const ids = new BufferIds();
  const [s1, s2] = [new SharedArrayBuffer(8), new SharedArrayBuffer(8)];
  const e = encode({ a: s1, b: new Int32Array(s1), c: s2 }, ids, 't');
  assert.ok(e !== null);
  assert.deepEqual([...e.buffers.values()], [s1, s2]);
  assert.equal(ids.id(s1), [...e.buffers.keys()][0]);
  const missing: number[] = [];
  revive(JSON.parse(e.text), new Map([[ids.id(s1), s1]]), missing);
  assert.deepEqual(missing, [ids.id(s2)]);
});

test('memory workers cannot see gives null; functions are refused', () => {
  const ids = new BufferIds();
  assert.equal(encode({ a: new Float64Array(4) }, ids, 't'), null);
  assert.equal(encode({ a: new ArrayBuffer(4) }, ids, 't'), null);
  assert.throws(() => encode({ f: () => 1 }, ids, 'parallelFor'), {
    code: 'ERR_ARGUMENT',
    argument: 'args',
    routine: 'parallelFor',
  });
});

test('a worker is handed each buffer once; forgotten and least recent ones are dropped', () => {
  const h = new Holdings();
  const bufs = Array.from({ length: 70 }, () => new SharedArrayBuffer(8));
  const only = (i: number) => new Map([[i, bufs[i]]]);
  assert.deepEqual(h.handOver(only(0), 1), { type: 'buffers', add: [[0, bufs[0]]], drop: [] });
  assert.equal(h.handOver(only(0), 2), null, 'already held');
  h.forget(0);
  assert.deepEqual(h.handOver(only(1), 3), { type: 'buffers', add: [[1, bufs[1]]], drop: [0] });
  for (let i = 2; i < 66; i++) h.handOver(only(i), i + 2);
  // 65 held besides buffer 66: the least recently used (1) goes.
  assert.deepEqual(h.handOver(only(66), 70), { type: 'buffers', add: [[66, bufs[66]]], drop: [1] });
});
