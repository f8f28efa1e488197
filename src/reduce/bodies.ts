// Kernel bodies for sums and products, one per element representation: each
// binds an accumulator and an input typed array and follows NumPy's loops
// (pairwise sums along an innermost reduced axis, elementwise accumulation
// otherwise; products always in sequence). float32 and complex64 round every
// operation; float64 accumulators stand in for both.
import type { Body } from './driver.js';
import { addPairwiseComplex, pairwiseF32, pairwiseF64 } from './pairwise.js';

const f = Math.fround;

/**
 * acc[k] += x[p + k] + x[p + os + k] + ... over eight rows at a time (added
 * left to right, so each slot still takes the rows in order), four slots per
 * iteration to give the adders independent chains; m - m % 8 rows, k < n.
 */
function eightRows(
  acc: Float64Array,
  x: Float64Array,
  xi: number,
  n: number,
  os: number,
  m: number,
) {
  for (let r = 0; r + 8 <= m; r += 8) {
    const p0 = xi + r * os;
    const p1 = p0 + os;
    const p2 = p1 + os;
    const p3 = p2 + os;
    const p4 = p3 + os;
    const p5 = p4 + os;
    const p6 = p5 + os;
    const p7 = p6 + os;
    let k = 0;
    for (; k + 4 <= n; k += 4) {
      const k1 = k + 1;
      const k2 = k + 2;
      const k3 = k + 3;
      acc[k] =
        acc[k] +
        x[p0 + k] +
        x[p1 + k] +
        x[p2 + k] +
        x[p3 + k] +
        x[p4 + k] +
        x[p5 + k] +
        x[p6 + k] +
        x[p7 + k];
      acc[k1] =
        acc[k1] +
        x[p0 + k1] +
        x[p1 + k1] +
        x[p2 + k1] +
        x[p3 + k1] +
        x[p4 + k1] +
        x[p5 + k1] +
        x[p6 + k1] +
        x[p7 + k1];
      acc[k2] =
        acc[k2] +
        x[p0 + k2] +
        x[p1 + k2] +
        x[p2 + k2] +
        x[p3 + k2] +
        x[p4 + k2] +
        x[p5 + k2] +
        x[p6 + k2] +
        x[p7 + k2];
      acc[k3] =
        acc[k3] +
        x[p0 + k3] +
        x[p1 + k3] +
        x[p2 + k3] +
        x[p3 + k3] +
        x[p4 + k3] +
        x[p5 + k3] +
        x[p6 + k3] +
        x[p7 + k3];
    }
    for (; k < n; k++) {
      acc[k] =
        acc[k] +
        x[p0 + k] +
        x[p1 + k] +
        x[p2 + k] +
        x[p3 + k] +
        x[p4 + k] +
        x[p5 + k] +
        x[p6 + k] +
        x[p7 + k];
    }
  }
}

export function sumF64(acc: Float64Array, x: Float64Array): Body {
  const row = (ai: number, as: number, xi: number, xs: number, n: number) => {
    for (let k = 0; k < n; k++, ai += as, xi += xs) acc[ai] += x[xi];
  };
  return {
    run(ai, xi, n, xs) {
      acc[ai] += pairwiseF64(x, xi, n, xs);
    },
    runs(ai, aos, xi, xs, n, os, m) {
      for (let r = 0; r < m; r++, ai += aos, xi += os) {
        if (n >= 8) {
          acc[ai] += pairwiseF64(x, xi, n, xs);
          continue;
        }
        let t = 0;
        for (let k = 0; k < n; k++) t += x[xi + k * xs];
        acc[ai] += t;
      }
    },
    row,
    block(ai, as, xi, xs, n, os, m) {
      let r = 0;
      if (as === 1 && xs === 1) {
        eightRows(acc.subarray(ai, ai + n), x, xi, n, os, m);
        r = m - (m % 8);
        xi += r * os;
      }
      for (; r < m; r++, xi += os) row(ai, as, xi, xs, n);
    },
  };
}

export function sumF32(acc: Float64Array, x: Float32Array): Body {
  const row = (ai: number, as: number, xi: number, xs: number, n: number) => {
    for (let k = 0; k < n; k++, ai += as, xi += xs) acc[ai] = f(acc[ai] + x[xi]);
  };
  return {
    run(ai, xi, n, xs) {
      acc[ai] = f(acc[ai] + pairwiseF32(x, xi, n, xs));
    },
    row,
    block(ai, as, xi, xs, n, os, m) {
      let r = 0;
      if (as === 1 && xs === 1) {
        for (; r + 4 <= m; r += 4, xi += 4 * os) {
          const [p1, p2, p3] = [xi + os, xi + 2 * os, xi + 3 * os];
          for (let k = 0; k < n; k++) {
            acc[ai + k] = f(f(f(f(acc[ai + k] + x[xi + k]) + x[p1 + k]) + x[p2 + k]) + x[p3 + k]);
          }
        }
      }
      for (; r < m; r++, xi += os) row(ai, as, xi, xs, n);
    },
  };
}

/** Complex sums: indices count components; accumulator slot j holds components 2j, 2j+1. */
export function sumComplex(acc: Float64Array, x: Float64Array | Float32Array): Body {
  const single = x instanceof Float32Array;
  const round = single ? f : (v: number) => v;
  return {
    run(ai, xi, n, xs) {
      addPairwiseComplex(acc, 2 * ai, x, xi, n, xs, single);
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0, a = 2 * ai; k < n; k++, a += 2 * as, xi += xs) {
        acc[a] = round(acc[a] + x[xi]);
        acc[a + 1] = round(acc[a + 1] + x[xi + 1]);
      }
    },
  };
}

export function prodF64(acc: Float64Array, x: Float64Array): Body {
  return {
    run(ai, xi, n, xs) {
      let r = acc[ai];
      for (let k = 0; k < n; k++, xi += xs) r *= x[xi];
      acc[ai] = r;
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) acc[ai] *= x[xi];
    },
  };
}

export function prodF32(acc: Float64Array, x: Float32Array): Body {
  return {
    run(ai, xi, n, xs) {
      let r = acc[ai];
      for (let k = 0; k < n; k++, xi += xs) r = f(r * x[xi]);
      acc[ai] = r;
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) acc[ai] = f(acc[ai] * x[xi]);
    },
  };
}

/** Complex products in sequence, (a + bi)(c + di) = (ac - bd) + (ad + bc)i, each operation rounded. */
export function prodComplex(acc: Float64Array, x: Float64Array | Float32Array): Body {
  const round = x instanceof Float32Array ? f : (v: number) => v;
  const step = (a: number, xi: number) => {
    const ar = acc[a];
    const ai = acc[a + 1];
    const br = x[xi];
    const bi = x[xi + 1];
    acc[a] = round(round(ar * br) - round(ai * bi));
    acc[a + 1] = round(round(ar * bi) + round(ai * br));
  };
  return {
    run(ai, xi, n, xs) {
      for (let k = 0; k < n; k++, xi += xs) step(2 * ai, xi);
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) step(2 * ai, xi);
    },
  };
}

type IntSource =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** Exact integer sums in doubles (the caller keeps every partial sum below 2^53). */
export function sumExact(acc: Float64Array, x: Exclude<IntSource, BigInt64Array | BigUint64Array>) {
  return {
    run(ai: number, xi: number, n: number, xs: number) {
      let r0 = 0;
      let r1 = 0;
      let k = 0;
      for (; k + 1 < n; k += 2, xi += 2 * xs) {
        r0 += x[xi];
        r1 += x[xi + xs];
      }
      if (k < n) r0 += x[xi];
      acc[ai] += r0 + r1;
    },
    row(ai: number, as: number, xi: number, xs: number, n: number) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) acc[ai] += x[xi];
    },
  } satisfies Body;
}

/** Integer products modulo 2^64 (BigInt arithmetic; the caller wraps to the loop dtype). */
export function prodInt(acc: BigUint64Array, x: IntSource): Body {
  const big = (v: number | bigint) => (typeof v === 'bigint' ? v : BigInt(v));
  return {
    run(ai, xi, n, xs) {
      let r = acc[ai];
      for (let k = 0; k < n; k++, xi += xs) r = BigInt.asUintN(64, r * big(x[xi]));
      acc[ai] = r;
    },
    row(ai, as, xi, xs, n) {
      for (let k = 0; k < n; k++, ai += as, xi += xs) acc[ai] *= big(x[xi]);
    },
  };
}
