// NumPy-style repr of arrays: `array([1., 2.], dtype=float32)`.
import type { NDArray } from './ndarray.js';

export function formatArray(a: NDArray): string {
  return `array(${JSON.stringify(a.toArray(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))}, dtype=${a.dtype})`;
}
