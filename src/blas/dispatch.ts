// Wires backends into the registry: every signature of every spec gets the
// JavaScript reference kernel for its kind of data (real or complex).
import { JS_KERNELS } from '../backends/js.js';
import { register } from './registry.js';
import { SPECS } from './spec/index.js';
import type { Signature } from './spec/types.js';

const complexData = (s: Signature) => Object.values(s.types).some((t) => t.startsWith('complex'));

for (const spec of SPECS) {
  const pair = JS_KERNELS[spec.name];
  for (const sig of spec.signatures) {
    const kernel = complexData(sig) ? pair?.complex : pair?.real;
    if (kernel !== undefined)
      register(sig.name, { backend: 'js', kernel, notes: 'reference TypeScript' });
  }
}
