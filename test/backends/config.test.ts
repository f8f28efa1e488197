// showConfig, the text users paste into bug reports: every wasm kernel class
// with the variant chosen and why, a forced lower variant taking effect, the
// thread count and the BLAS capability summary.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { disabledFeatures } from '../../src/backends/wasm/features.js';
import { disableFeatures, showConfig } from '../../src/config.js';

test('showConfig names every wasm kernel class, the variant and why, threads and BLAS', () => {
  const before = disabledFeatures();
  try {
    const text = showConfig(false);
    for (const kernel of ['gemm f64', 'gemm i8->i32', 'trmm/trsm', 'Level 1/2', 'exp/log', 'sum'])
      assert.ok(text.includes(kernel), `${kernel} in\n${text}`);
    assert.match(text, /threads: +\d+/);
    assert.match(text, /blas: +\d+ routines, \d+ signatures/);
    disableFeatures(['relaxed-simd', 'simd']);
    assert.match(
      showConfig(false),
      /: scalar \(.*disabled by override.*\); disabled: relaxed-simd, simd/,
    );
  } finally {
    disableFeatures(before);
  }
});
