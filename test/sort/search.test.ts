// searchsorted, digitize, nonzero, argwhere and flatnonzero against NumPy 2.4
// on the committed fixtures (mixed dtypes compare in their common dtype, JS
// scalars as NumPy's Python scalars; NaN sorts last; -0 is zero, NaN nonzero).
import { test } from 'node:test';
import {
  argwhere,
  digitize,
  flatnonzero,
  nonzero,
  type Side,
  searchsorted,
  where,
} from '../../src/index.js';
import { assertResult } from '../helpers/operands.js';
import { cases, type Expected, operand, type Recipe } from './helpers.js';

interface SearchCase {
  readonly fn: 'searchsorted' | 'digitize';
  readonly a: Recipe;
  readonly v?: Recipe;
  readonly scalar?: number;
  readonly side: Side;
  readonly sorter?: number[];
  readonly x: Recipe;
  readonly bins: Recipe;
  readonly right: boolean;
  readonly result: Expected;
}

const searchCases = cases<SearchCase>('search');

test(`${searchCases.length} searchsorted/digitize cases match NumPy`, () => {
  searchCases.forEach((c, n) => {
    if (c.fn === 'digitize') {
      const where = `case ${n} (digitize ${c.x.dtype} in ${c.bins.dtype} right ${c.right})`;
      assertResult(digitize(operand(c.x), operand(c.bins), c.right), c.result, where);
      return;
    }
    const v = c.v === undefined ? c.scalar : operand(c.v);
    const where = `case ${n} (${c.a.dtype} ${c.v?.dtype ?? c.scalar} ${c.side} sorter ${c.sorter})`;
    const got = searchsorted(operand(c.a), v, { side: c.side, sorter: c.sorter });
    assertResult(got, c.result, where);
    if (c.sorter === undefined) {
      assertResult(operand(c.a).searchsorted(v, { side: c.side }), c.result, `${where} method`);
    }
  });
});

interface NonzeroCase {
  readonly fn: 'nonzero' | 'argwhere' | 'flatnonzero';
  readonly a: Recipe;
  readonly results: Expected[];
}

const nonzeroCases = cases<NonzeroCase>('nonzero');

test(`${nonzeroCases.length} nonzero/argwhere/flatnonzero cases match NumPy`, () => {
  nonzeroCases.forEach((c, n) => {
    const at = `case ${n} (${c.fn} ${c.a.dtype} ${JSON.stringify(c.a.base)})`;
    const a = operand(c.a);
    const got =
      c.fn === 'nonzero' ? nonzero(a) : c.fn === 'argwhere' ? [argwhere(a)] : [flatnonzero(a)];
    c.results.forEach((e, k) => {
      assertResult(got[k], e, `${at} output ${k}`);
    });
    if (c.fn === 'nonzero') {
      c.results.forEach((e, k) => {
        assertResult(a.nonzero()[k], e, `${at} method ${k}`);
      });
      c.results.forEach((e, k) => {
        assertResult(where(a)[k], e, `${at} where() ${k}`);
      });
    }
  });
});
