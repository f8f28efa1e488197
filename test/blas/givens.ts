// The reference BLAS definitions of what rotg and rotmg return, as checks
// with tolerances: closed forms for rotg (real and complex, computed safely
// with hypot) and the defining identities for rotmg.
import assert from 'node:assert/strict';
import type { ComplexRotation, ModifiedRotation, RealRotation } from '../../src/blas/index.js';
import { type C, c } from './cplx.js';

export type Real = 'float32' | 'float64';
export type Cplx = 'complex64' | 'complex128';

/** Unit roundoff and smallest subnormal of the precision the results are stored in. */
export const UNIT: Readonly<Record<Real | Cplx, { eps: number; tiny: number }>> = {
  float32: { eps: 2 ** -24, tiny: 2 ** -149 },
  float64: { eps: 2 ** -53, tiny: 2 ** -1074 },
  complex64: { eps: 2 ** -24, tiny: 2 ** -149 },
  complex128: { eps: 2 ** -53, tiny: 2 ** -1074 },
};
const ULPS = 8;

/** |got - want| <= ULPS units of `gauge`, or both NaN, or identical. */
export function near(got: number, want: number, gauge: number, eps: number, what: string): void {
  if (Object.is(got, want) || got === want) return;
  assert.ok(
    Math.abs(got - want) <= ULPS * eps * gauge,
    `${what}: got ${got}, want ${want} (gauge ${gauge})`,
  );
}

/**
 * Units of a result of magnitude `size` from a rotation whose r is `r`: its
 * relative rounding, plus an absolute floor for underflow. A subnormal r
 * carries few bits, and reference BLAS's c = a/r, s = b/r inherit its
 * relative error tiny/|r|.
 */
function tolerance(dtype: Real | Cplx, r: number) {
  const { eps, tiny } = UNIT[dtype];
  return (got: number, want: number, size: number, what: string) =>
    near(got, want, (eps + (r === 0 ? 0 : tiny / r)) * size + tiny, 1, what);
}

/**
 * drotg's definitions: r = sigma hypot(a, b) with sigma the sign of the
 * larger of a, b; c = a/r, s = b/r (b = 0: c = 1, s = 0, r = a; a = 0: c = 0,
 * s = 1, r = b); z is s if |a| > |b|, else 1/c (1 when c = 0), and decodes back.
 */
export function checkReal(a: number, b: number, g: RealRotation, dtype: Real, where: string): void {
  const w = `${dtype} rotg(${a}, ${b}) ${where}`;
  const h = Math.hypot(a, b);
  const sigma = (Math.abs(a) > Math.abs(b) ? a : b) < 0 ? -1 : 1;
  const want =
    b === 0
      ? { r: a, c: 1, s: 0 }
      : a === 0
        ? { r: b, c: 0, s: 1 }
        : { r: sigma * h, c: a / (sigma * h), s: b / (sigma * h) };
  const close = tolerance(dtype, Math.abs(g.r));
  close(g.r, want.r, Math.abs(want.r), `${w}: r`);
  close(g.c, want.c, Math.abs(want.c), `${w}: c`);
  close(g.s, want.s, Math.abs(want.s), `${w}: s`);
  close(g.c * g.c + g.s * g.s, 1, 1, `${w}: c^2 + s^2`);
  const round = dtype === 'float32' ? Math.fround : (v: number) => v;
  const wantZ = b === 0 ? 0 : Math.abs(a) > Math.abs(b) ? g.s : g.c !== 0 ? round(1 / g.c) : 1;
  close(g.z, wantZ, Math.abs(wantZ), `${w}: z`);
  // 1/c can overflow (float32, c subnormal): such a z no longer tells c.
  if (!Number.isFinite(g.z)) return;
  const [dc, ds] =
    g.z === 1
      ? [0, 1]
      : Math.abs(g.z) < 1
        ? [Math.sqrt(1 - g.z * g.z), g.z]
        : [1 / g.z, Math.sqrt(1 - 1 / (g.z * g.z))];
  close(Math.abs(dc), Math.abs(g.c), 1, `${w}: |c| from z`);
  close(Math.abs(ds), Math.abs(g.s), 1, `${w}: |s| from z`);
}

export const abs = (v: C) => Math.hypot(v.re, v.im);

/**
 * zrotg's definitions: c = |a| / h, s = sgn(a) conj(b) / h, r = sgn(a) h with
 * h = hypot(|a|, |b|) and sgn(a) = a/|a| (b = 0: c = 1, s = 0, r = a; a = 0:
 * c = 0, s = conj(b)/|b|, r = |b|), evaluated without overflow via hypot.
 */
export function checkComplex(a: C, b: C, g: ComplexRotation, dtype: Cplx, where: string): void {
  const w = `${dtype} rotg(${a.re}${a.im >= 0 ? '+' : ''}${a.im}i, ${b.re}${b.im >= 0 ? '+' : ''}${b.im}i) ${where}`;
  const h = Math.hypot(a.re, a.im, b.re, b.im);
  const na = abs(a);
  const nb = abs(b);
  const sgn = na === 0 ? c(1) : c(a.re / na, a.im / na);
  const dir = nb === 0 ? c(0) : c(b.re / nb, -b.im / nb);
  const f = nb / h;
  const want =
    nb === 0
      ? { r: a, c: 1, s: c(0) }
      : {
          r: c(sgn.re * h, sgn.im * h),
          c: na / h,
          s: c((sgn.re * dir.re - sgn.im * dir.im) * f, (sgn.re * dir.im + sgn.im * dir.re) * f),
        };
  const close = tolerance(dtype, abs(g.r));
  close(g.r.re, want.r.re, abs(want.r), `${w}: re r`);
  close(g.r.im, want.r.im, abs(want.r), `${w}: im r`);
  close(g.c, want.c, want.c, `${w}: c`);
  close(g.s.re, want.s.re, abs(want.s), `${w}: re s`);
  close(g.s.im, want.s.im, abs(want.s), `${w}: im s`);
  close(g.c * g.c + abs(g.s) ** 2, 1, 1, `${w}: c^2 + |s|^2`);
}

const RGAMSQ = 5.9604645e-8;
export const GAMSQ = 4096 ** 2;

/** The drotmg definitions: H [x1; y1] = [x1'; 0], H^T diag(d1', d2') H = diag(d1, d2). */
export function checkModified(
  [d1, d2, x1, y1]: readonly number[],
  m: ModifiedRotation,
  dtype: Real,
  where: string,
): void {
  const eps = 4 * UNIT[dtype].eps;
  const w = `${dtype} rotmg(${d1}, ${d2}, ${x1}, ${y1}) ${where}`;
  const [flag, h11, h21, h12, h22] = m.param;
  assert.ok([-2, -1, 0, 1].includes(flag), `${w}: flag ${flag}`);
  if (flag === -2) {
    assert.deepEqual([m.d1, m.d2, m.x1, h11, h21, h12, h22], [d1, d2, x1, 1, 0, 0, 1], w);
    return;
  }
  if (flag === 0) assert.deepEqual([h11, h22], [1, 1], `${w}: implied diagonal`);
  if (flag === 1) assert.deepEqual([h21, h12], [-1, 1], `${w}: implied off-diagonal`);
  if ([h11, h21, h12, h22].every((v) => v === 0)) {
    // No rotation exists (d1 < 0, or d2 < 0 with |d2 y1^2| >= |d1 x1^2|): all zero.
    assert.equal(flag, -1, w);
    assert.deepEqual([m.d1, m.d2, m.x1], [0, 0, 0], w);
    assert.ok(d1 < 0 || d2 < 0, `${w}: zeroed without a negative weight`);
    return;
  }
  near(h21 * x1 + h22 * y1, 0, Math.abs(h21 * x1) + Math.abs(h22 * y1), eps, `${w}: (H x)_2`);
  near(h11 * x1 + h12 * y1, m.x1, Math.abs(h11 * x1) + Math.abs(h12 * y1), eps, `${w}: x1'`);
  const terms = (p: number, q: number) => [m.d1 * p, m.d2 * q];
  const check = ([u, v]: number[], want: number, what: string) =>
    near(u + v, want, Math.abs(u) + Math.abs(v), eps, `${w}: ${what}`);
  check(terms(h11 * h11, h21 * h21), d1, '(H^T D H)_11');
  check(terms(h12 * h12, h22 * h22), d2, '(H^T D H)_22');
  check(terms(h11 * h12, h21 * h22), 0, '(H^T D H)_12');
  for (const d of [m.d1, m.d2]) {
    const a = Math.abs(d);
    assert.ok(d === 0 || (a > RGAMSQ * 0.99 && a < GAMSQ * 1.01), `${w}: scale of ${d}`);
  }
}
