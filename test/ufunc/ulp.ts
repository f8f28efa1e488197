// ULP bounds of the ufunc tests against NumPy, and the record of the worst
// distance seen per (ufunc, dtype) that the accuracy test prints.

/** Functions NumPy computes through libm or SIMD approximations (not exactly rounded). */
export const TRANSCENDENTAL = new Set([
  'exp',
  'exp2',
  'expm1',
  'log',
  'log2',
  'log10',
  'log1p',
  'cbrt',
  'sin',
  'cos',
  'tan',
  'arcsin',
  'arccos',
  'arctan',
  'arctan2',
  'hypot',
  'sinh',
  'cosh',
  'tanh',
  'arcsinh',
  'arccosh',
  'arctanh',
  'power',
]);

/** Complex loops computed by formulas whose rounding differs from NumPy's (bounded, not exact). */
export const COMPLEX_APPROX = new Set([...TRANSCENDENTAL, 'sqrt', 'absolute', 'sign']);

/** The bounds: f64 exp/log/sin/cos 1 ULP, other f64 2, f32 4, f16 1 (one half-ULP step). */
const REAL_BOUND: Readonly<Record<string, number>> = { '<f2': 1, '<f4': 4, '<f8': 2 };
const TIGHT = new Set(['exp', 'log', 'sin', 'cos']);
/** Complex elementary functions from identities (see src/ufunc/scalar/cmath.ts). */
const COMPLEX_BOUND: Readonly<Record<string, number>> = { '<c8': 8, '<c16': 8 };

export function bound(ufunc: string, dtype: string): number {
  // Complex power is exp(b log a): the rounding of log a is amplified by |b log a|
  // (glibc's cpow carries extra precision there, we do not). arcsin's identity
  // loses a few bits to cancellation near the real axis.
  if (dtype.includes('c') && ufunc === 'power') return 64;
  if (dtype.includes('c') && ufunc === 'arcsin') return 16;
  if (dtype.includes('c')) return COMPLEX_BOUND[dtype];
  if (dtype === '<f8' && TIGHT.has(ufunc)) return 1;
  return REAL_BOUND[dtype];
}

const worst = new Map<string, number>();

export function record(ufunc: string, dtype: string, u: number): void {
  const key = `${ufunc} ${dtype}`;
  worst.set(key, Math.max(worst.get(key) ?? 0, u));
}

export function worstSeen(): ReadonlyMap<string, number> {
  return worst;
}
