// NaN payloads: R's NA (float64 NaN with payload 1954) survives copy and swap
// bit for bit, and keeps its payload through scal by 1, axpy, dot and gemm
// (arithmetic quiets it, as the hardware does, but the payload stays).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axpy, copy, dot, gemm, scal, swap } from '../../src/blas/index.js';
import { array, type NDArray, zeros } from '../../src/index.js';

const NA_HI = 0x7ff00000;
const NA_LO = 1954;

function withNA(values: number[], at: number): NDArray {
  const a = array(values);
  const words = new Uint32Array(a.buffer, a.byteOffset + at * 8, 2);
  words[0] = NA_LO;
  words[1] = NA_HI;
  return a;
}

function bitsOf(a: NDArray, at: number): [number, number] {
  const w = new Uint32Array(a.buffer, a.byteOffset + at * a.strides[0], 2);
  return [w[1], w[0]];
}

function numberBits(x: number): [number, number] {
  const w = new Uint32Array(new Float64Array([x]).buffer);
  return [w[1], w[0]];
}

const isNAPayload = ([hi, lo]: [number, number]) =>
  (hi & 0x7ff00000) === 0x7ff00000 && lo === NA_LO && (hi & 0xfffff) === (hi & 0x80000);

test('copy and swap move R NA bit for bit (signalling bit included)', () => {
  const x = withNA([1, 2, 3], 1);
  const y = zeros([3]);
  copy(x, y);
  assert.deepEqual(bitsOf(y, 1), [NA_HI, NA_LO]);
  const z = array([7, 8, 9]);
  swap(y, z);
  assert.deepEqual(bitsOf(z, 1), [NA_HI, NA_LO]);
  assert.deepEqual(y.toArray(), [7, 8, 9]);
});

test('copy through a flipped, unaligned view keeps the NA bits', () => {
  const x = withNA([1, 2, 3], 2);
  const buf = new SharedArrayBuffer(64);
  const y = { buffer: buf, byteOffset: 3 + 2 * 9, shape: [3], strides: [-9], dtype: 'float64' };
  copy(x, y);
  const dv = new DataView(buf);
  assert.equal(dv.getUint32(3 + 4, true), NA_HI);
  assert.equal(dv.getUint32(3, true), NA_LO);
});

test('scal by 1, axpy, dot and gemm carry the NA payload', () => {
  const x = withNA([1, 2, 3], 0);
  scal(1, x);
  assert.ok(isNAPayload(bitsOf(x, 0)), `scal: ${bitsOf(x, 0)}`);
  const y = array([1, 1, 1]);
  axpy(2, withNA([1, 2, 3], 1), y);
  assert.ok(isNAPayload(bitsOf(y, 1)), `axpy: ${bitsOf(y, 1)}`);
  const d = dot(withNA([1, 2, 3], 2), array([1, 1, 1])) as number;
  assert.ok(isNAPayload(numberBits(d)), `dot: ${numberBits(d)}`);
  const a = withNA([1, 2, 3, 4], 3).reshape([2, 2]);
  const c = zeros([2, 2]);
  gemm(
    1,
    a,
    array([
      [1, 0],
      [0, 1],
    ]),
    0,
    c,
  );
  assert.ok(isNAPayload(bitsOf(c.ravel(), 3)), `gemm: ${bitsOf(c.ravel(), 3)}`);
  assert.deepEqual((c.toArray() as number[][])[0], [1, 2]);
});
