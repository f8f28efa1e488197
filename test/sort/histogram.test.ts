// histogram and bincount against NumPy 2.4 on the committed fixtures, bit for
// bit: edges from np.linspace in NumPy's dtype, uniform bins with the index
// corrections, explicit edges, weights of several dtypes (the result takes
// theirs), density, 65536-element blocks, bool and integer data.
import { test } from 'node:test';
import { bincount, histogram } from '../../src/index.js';
import { assertResult } from '../helpers/operands.js';
import {
  assertSameValues,
  cases,
  type Expected,
  type Operand,
  operand,
  type Recipe,
} from './helpers.js';

interface HistogramCase {
  readonly a: Operand;
  readonly bins: number | Recipe;
  readonly range: [number, number] | null;
  readonly weights: Operand | null;
  readonly density: boolean;
  readonly results: [Expected, Expected];
}

const histogramCases = cases<HistogramCase>('histogram');

test(`${histogramCases.length} histogram cases match NumPy bit for bit`, () => {
  histogramCases.forEach((c, n) => {
    const where = `case ${n} (${JSON.stringify(c.a).slice(0, 60)} bins ${typeof c.bins === 'number' ? c.bins : 'edges'} range ${c.range} weights ${c.weights?.dtype} density ${c.density})`;
    const bins = typeof c.bins === 'number' ? c.bins : operand(c.bins);
    const weights = c.weights === null ? null : operand(c.weights);
    const [hist, edges] = histogram(operand(c.a), bins, {
      range: c.range,
      weights,
      density: c.density,
    });
    // A density of empty data is 0/0: x86 makes that NaN negative, V8's
    // interpreter positive, so densities compare NaN by class.
    if (c.density) assertSameValues(hist, c.results[0], `${where}: hist`);
    else assertResult(hist, c.results[0], `${where}: hist`);
    assertResult(edges, c.results[1], `${where}: edges`);
  });
});

interface BincountCase {
  readonly x: Recipe;
  readonly weights: Recipe | null;
  readonly minlength: number;
  readonly result: Expected;
}

const bincountCases = cases<BincountCase>('bincount');

test(`${bincountCases.length} bincount cases match NumPy`, () => {
  bincountCases.forEach((c, n) => {
    const weights = c.weights === null ? null : operand(c.weights);
    const got = bincount(operand(c.x), weights, c.minlength);
    assertResult(got, c.result, `case ${n} (${c.x.dtype} weights ${c.weights?.dtype})`);
  });
});
