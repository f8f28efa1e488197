// Test-side reference for gemv, gemm and batched gemm: the triple loop on
// {re, im} values, honouring beta = 0 (C not read) and alpha = 0 (A, B not read).
import type { NDArray } from '../../../src/index.js';
import { abs1, add, type C, c, conj, isZero, mul, ZERO } from '../cplx.js';
import type { Reference } from '../harness.js';
import { values } from '../harness.js';

const scalarOf = (v: unknown): C => (typeof v === 'number' ? c(v) : (v as C));

/** C (m x n, C order) = alpha op(A) op(B) + beta C with A m x k and B k x n flattened in C order. */
export function product(
  m: number,
  n: number,
  k: number,
  alpha: C,
  a: C[],
  b: C[],
  beta: C,
  cv: C[],
  conjA: boolean,
  conjB: boolean,
): { value: C[]; gauge: number[] } {
  const value: C[] = [];
  const gauge: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const old = isZero(beta) ? ZERO : mul(beta, cv[i * n + j]);
      let g = isZero(beta) ? 0 : abs1(beta) * abs1(cv[i * n + j]);
      if (isZero(alpha)) {
        value.push(old);
        gauge.push(g);
        continue;
      }
      let s = ZERO;
      for (let l = 0; l < k; l++) {
        const x = conjA ? conj(a[i * k + l]) : a[i * k + l];
        const y = conjB ? conj(b[l * n + j]) : b[l * n + j];
        s = add(s, mul(x, y));
        g += abs1(alpha) * abs1(x) * abs1(y);
      }
      value.push(add(mul(alpha, s), old));
      gauge.push(g);
    }
  }
  return { value, gauge };
}

export const GEMM: Record<string, Reference> = {
  gemm: ({ alpha, a, b, beta, c: cc }, o) => {
    const [A, B, Cm] = [a, b, cc] as NDArray[];
    const [m, k] = A.shape;
    const n = B.shape[1];
    const cv = isZero(scalarOf(beta)) ? [] : values(Cm);
    return {
      arrays: {
        c: product(
          m,
          n,
          k,
          scalarOf(alpha),
          values(A),
          values(B),
          scalarOf(beta),
          cv,
          !!o.conj.a,
          !!o.conj.b,
        ),
      },
    };
  },
  gemv: ({ alpha, a, x, beta, y }, o) => {
    const [A, X, Y] = [a, x, y] as NDArray[];
    const [m, n] = A.shape;
    const yv = isZero(scalarOf(beta)) ? [] : values(Y);
    return {
      arrays: {
        y: product(
          m,
          1,
          n,
          scalarOf(alpha),
          values(A),
          values(X),
          scalarOf(beta),
          yv,
          !!o.conj.a,
          !!o.conj.x,
        ),
      },
    };
  },
  gemmBatched: ({ alpha, a, b, beta, c: cc }, o) => {
    const [A, B, Cm] = [a, b, cc] as NDArray[];
    const [batch, m, k] = A.shape;
    const n = B.shape[2];
    const av = values(A);
    const bv = values(B);
    const cv = isZero(scalarOf(beta)) ? [] : values(Cm);
    const value: C[] = [];
    const gauge: number[] = [];
    for (let p = 0; p < batch; p++) {
      const r = product(
        m,
        n,
        k,
        scalarOf(alpha),
        av.slice(p * m * k),
        bv.slice(p * k * n),
        scalarOf(beta),
        cv.slice(p * m * n),
        !!o.conj.a,
        !!o.conj.b,
      );
      value.push(...r.value.slice(0, m * n));
      gauge.push(...r.gauge.slice(0, m * n));
    }
    return { arrays: { c: { value, gauge } } };
  },
};
