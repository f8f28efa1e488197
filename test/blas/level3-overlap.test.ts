// An output of a Level-3 routine that overlaps one of its inputs (views of one
// buffer, e.g. syrk of a block of C into C, or trmm of B by a triangle inside
// B) is computed as if the inputs had been copied first: bit for bit the
// result of the same call on copies, under every side, uplo and diag.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dimsOf, resolveOptions } from '../../src/blas/frame/validate.js';
import { type ArrayParam, bySignature, SPECS } from '../../src/blas/index.js';
import { OPTION_VALUES } from '../../src/blas/spec/types.js';
import { type DTypeName, NDArray, toDType } from '../../src/index.js';
import { c } from './cplx.js';
import { rng, stridesFor } from './harness.js';

const ROUTINES = ['symm', 'hemm', 'syrk', 'herk', 'syr2k', 'her2k', 'trmm', 'trsm'];
/** Element shifts of each input against the output: before it, inside it, transposed. */
const SHIFTS = [-5, 3];
const ORDER = 4;

const bytesOf = (a: NDArray) => new Uint8Array(a.copy().buffer);

test('Level 3 outputs overlapping an input are computed as if the inputs were copied first', (t) => {
  const r = rng(0x0e);
  let cases = 0;
  for (const name of ROUTINES) {
    const spec = SPECS.find((s) => s.name === name)!;
    const arrays = spec.params.filter((p): p is ArrayParam => p.kind === 'array');
    const output = arrays.find((p) => p.role !== 'in')!;
    let sets: Record<string, string>[] = [{}];
    for (const opt of spec.options)
      sets = sets.flatMap((o) => OPTION_VALUES[opt].map((v) => ({ ...o, [opt]: v })));
    for (const sig of spec.signatures) {
      const dtype = sig.types[output.name] as DTypeName;
      const d = toDType(dtype);
      const item = d.itemsize;
      for (const options of sets) {
        const o = resolveOptions(spec, options);
        for (const shift of SHIFTS) {
          for (const layout of ['row', 'col'] as const) {
            // One buffer of random values holds the output and every input.
            const buffer = new ArrayBuffer(64 * item);
            const floats =
              dtype === 'float32' || dtype === 'complex64' ? Float32Array : Float64Array;
            const data = new floats(buffer);
            for (let i = 0; i < data.length; i++) data[i] = Math.fround(r() * 2 - 1);
            const view = (p: ArrayParam, offset: number, l: 'row' | 'col') => {
              const shape = dimsOf(p, o).map(() => ORDER);
              const strides = stridesFor(shape, item, l);
              return new NDArray({ buffer, byteOffset: offset * item, shape, strides, dtype: d });
            };
            const args: Record<string, unknown> = {};
            for (const p of spec.params) {
              if (p.kind === 'scalar')
                args[p.name] =
                  sig.complexScalars && !p.real ? c(0.7, -0.4) : p.name === 'beta' ? 1.3 : 0.7;
              else if (p === output) args[p.name] = view(p, 20, 'row');
              else args[p.name] = view(p, 20 + shift, layout);
            }
            const copies = Object.fromEntries(
              Object.entries(args).map(([k, v]) => [k, v instanceof NDArray ? v.copy() : v]),
            );
            const call = (a: Record<string, unknown>) =>
              bySignature[sig.name](...spec.params.map((p) => a[p.name]), options);
            call(copies);
            call(args);
            const where = `${sig.name} ${JSON.stringify(options)} shift ${shift} ${layout}`;
            const [got, want] = [args[output.name], copies[output.name]] as NDArray[];
            assert.deepEqual(bytesOf(got), bytesOf(want), where);
            cases++;
          }
        }
      }
    }
  }
  t.diagnostic(`${cases} overlapping calls`);
  assert.ok(cases > 0);
});
