// NDArray.toString() against NumPy 2's repr: every dtype (both byte orders),
// 0-d to 5-D, empty, summarised, wrapped, special values and strided views,
// rebuilt from the recipes in test/fixtures/repr/repr.json.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { array, fromBuffer, type NDArray } from '../../src/index.js';

interface Case {
  name: string;
  dtype: string;
  hex: string;
  repr: string;
  set?: [number, string][];
  shape?: number[];
  base?: number;
  view?: { offset: number; shape: number[]; strides: number[] };
}

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/repr/repr.json', import.meta.url), 'utf8'),
) as { numpy: string; cases: Case[] };

/** The array a case describes: its pattern repeated to fill the buffer, then viewed. */
function build(c: Case): NDArray {
  const pattern = Buffer.from(c.hex, 'hex');
  const probe = fromBuffer(new ArrayBuffer(0), { dtype: c.dtype, shape: [0] });
  const itemsize = probe.itemsize;
  const count = c.base ?? (c.shape ?? []).reduce((x, y) => x * y, 1);
  const bytes = new Uint8Array(count * itemsize);
  for (let i = 0; i < bytes.length; i++) bytes[i] = pattern[i % pattern.length];
  for (const [index, hex] of c.set ?? []) bytes.set(Buffer.from(hex, 'hex'), index * itemsize);
  if (c.view === undefined) return fromBuffer(bytes.buffer, { dtype: c.dtype, shape: c.shape });
  return fromBuffer(bytes.buffer, {
    dtype: c.dtype,
    shape: c.view.shape,
    strides: c.view.strides,
    byteOffset: c.view.offset,
  });
}

test(`${fixture.cases.length} arrays print as NumPy ${fixture.numpy}'s repr`, () => {
  const failures: string[] = [];
  for (const c of fixture.cases) {
    const got = build(c).toString();
    if (got !== c.repr)
      failures.push(`${c.name} (${c.dtype})\n  numpy: ${c.repr}\n  ours:  ${got}`);
  }
  assert.equal(failures.length, 0, `${failures.length} mismatches:\n${failures.join('\n')}`);
});

test('README example', () => {
  assert.equal(
    array([
      [5, 2],
      [4, 1],
      [3, 0],
    ]).toString(),
    'array([[5., 2.],\n       [4., 1.],\n       [3., 0.]])',
  );
});
