# Constants of the wasm float64 exp/log kernels (src/kernels/assembly/math_f64.ts),
# computed with mpmath at 200 bits: prints the AssemblyScript declarations that
# the kernel file carries between its "generated" markers.
#   python3 scripts/math-tables.py
import struct

import mpmath as mp

mp.mp.prec = 200


def bits(x):
    return struct.unpack('<Q', struct.pack('<d', float(x)))[0]


def hexf(x):
    """An f64 constant by its bits (exact whatever the compiler's literal parsing)."""
    return f'reinterpret<f64>(0x{bits(x):016x}) /* {float(x)!r} */'


def rounded(x, sig):
    """x rounded to `sig` significant bits (so products with small ints are exact)."""
    e = mp.floor(mp.log(abs(x), 2))
    q = mp.mpf(2) ** (e - sig + 1)
    return mp.nint(x / q) * q


N = 128
ln2 = mp.log(2)
out = []
out.append(f'const EXP_N: i32 = {N};')
out.append(f'const INV_LN2_N: f64 = {hexf(N / ln2)}; // N / ln 2')
hi = rounded(ln2 / N, 34)
lo = ln2 / N - hi
out.append(f'const LN2_HI_N: f64 = {hexf(hi)}; // ln 2 / N, 34 bits')
out.append(f'const LN2_LO_N: f64 = {hexf(lo)};')
# exp table: per j < N, the tail (2^(j/N) - T_j) / T_j as f64 bits, then the bits
# of T_j = fl(2^(j/N)) less j << 45 (the exponent adjustment adds n << 45 back).
words = []
for j in range(N):
    t = mp.mpf(2) ** (mp.mpf(j) / N)
    tj = float(t)
    tail = (t - mp.mpf(tj)) / mp.mpf(tj)
    words.append(bits(tail))
    words.append((bits(tj) - (j << 45)) % (1 << 64))
out.append('const EXP_TABLE = memory.data<u64>([')
for i in range(0, len(words), 4):
    out.append('  ' + ', '.join(f'0x{w:016x}' for w in words[i:i + 4]) + ',')
out.append(']);')
# log: ln 2 split so that k * LN2_HI is exact for |k| < 2^11.
hi = rounded(ln2, 42)
out.append(f'const LN2_HI: f64 = {hexf(hi)}; // 42 bits')
out.append(f'const LN2_LO: f64 = {hexf(ln2 - hi)};')
# log1p(f) = 2s + s R(s^2), s = f / (2 + f), |s| <= 3 - 2 sqrt 2; R(z) = z g(z),
# g(z) = sum 2 z^(i-1) / (2i + 1) fitted by Chebyshev interpolation of degree 6.
smax = 3 - 2 * mp.sqrt(2)
zmax = smax * smax


def g(z):
    if z == 0:
        return mp.mpf(2) / 3
    s = mp.sqrt(z)
    return (mp.log((1 + s) / (1 - s)) - 2 * s) / (s * z)


coeffs, err = mp.chebyfit(g, [0, zmax], 7, error=True)
coeffs = coeffs[::-1]  # ascending powers
for i, c in enumerate(coeffs):
    out.append(f'const LG{i + 1}: f64 = {hexf(c)};')
print('\n'.join(out))
rel = err / (mp.mpf(2) / 3)
print(f'// g fit: max abs error {mp.nstr(err, 3)} (relative {mp.nstr(rel, 3)})')
