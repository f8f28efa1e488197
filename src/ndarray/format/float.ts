// Floating-point elements as NumPy 2 prints them (arrayprint.FloatingFormat in
// 'maxprec' mode, precision 8): one pass over the shown values chooses
// positional or scientific notation and the paddings that align the decimal
// points; then each value is printed with Dragon4 digits of its own type.
import { roundFloat16 } from '../../core/float16.js';
import { type Cutoff, decompose, dragon4, type FloatWidth } from './dragon4.js';

/** Digits after the point (positional) or after the first digit (scientific). */
const PRECISION = 8;

/** `k` keeps trailing zeros; `.` trims them but keeps the point. */
type Trim = 'k' | '.';

interface Options {
  readonly precision: number;
  /** -1: no minimum. */
  readonly minDigits: number;
  readonly trim: Trim;
  /** Print '+' before non-negative values. */
  readonly plus: boolean;
  /** Width left of the point (sign included); -1: none. */
  readonly padLeft: number;
}

function signOf(negative: boolean, plus: boolean): string {
  return negative ? '-' : plus ? '+' : '';
}

/** Strips trailing zeros after the point, as trim mode '.' does. */
function trimZeros(body: string, fraction: number): [string, number] {
  let end = body.length;
  let n = fraction;
  while (n > 0 && body[end - 1] === '0') {
    end--;
    n--;
  }
  return [body.slice(0, end), n];
}

/** NumPy's format_float_positional with fractional cutoffs; `padRight` -1: none. */
export function positional(
  x: number,
  width: FloatWidth,
  o: Options & { readonly padRight: number },
): string {
  const v = decompose(x, width);
  const cutoff: Cutoff = { mode: 'fraction', max: o.precision, min: o.minDigits };
  const { digits, exponent } = dragon4(v, cutoff);
  let body: string;
  let whole: number;
  let fraction: number;
  if (exponent >= 0) {
    whole = exponent + 1;
    if (digits.length <= whole) {
      body = digits.padEnd(whole, '0') + '.';
      fraction = 0;
    } else {
      body = digits.slice(0, whole) + '.' + digits.slice(whole);
      fraction = digits.length - whole;
    }
  } else {
    const zeros = -(exponent + 1);
    body = '0.' + '0'.repeat(zeros) + digits;
    whole = 1;
    fraction = zeros + digits.length;
  }
  const wanted = Math.max(0, o.minDigits);
  if (o.trim === 'k' && wanted > fraction) {
    body += '0'.repeat(wanted - fraction);
    fraction = wanted;
  }
  if (o.trim === '.') [body, fraction] = trimZeros(body, fraction);
  if (o.padRight >= fraction) body += ' '.repeat(o.padRight - fraction);
  const sign = signOf(v.negative, o.plus);
  const left = Math.max(0, o.padLeft - whole - sign.length);
  return ' '.repeat(left) + sign + body;
}

/** NumPy's format_float_scientific; `expDigits` -1 means at least 2. */
export function scientific(
  x: number,
  width: FloatWidth,
  o: Options & { readonly expDigits: number },
): string {
  const v = decompose(x, width);
  const sign = signOf(v.negative, o.plus);
  const cutoff: Cutoff = {
    mode: 'total',
    max: o.precision < 0 ? -1 : o.precision + 1,
    min: o.minDigits < 0 ? -1 : o.minDigits + 1,
  };
  const { digits, exponent } = dragon4(v, cutoff);
  let body = digits[0] + '.' + digits.slice(1);
  let fraction = digits.length - 1;
  const wanted = Math.max(0, o.minDigits);
  if (o.trim === 'k' && wanted > fraction) {
    body += '0'.repeat(wanted - fraction);
    fraction = wanted;
  }
  if (o.trim === '.') [body] = trimZeros(body, fraction);
  const expDigits = o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const exp = `e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(expDigits, '0')}`;
  const left = Math.max(0, o.padLeft - 1 - sign.length);
  return ' '.repeat(left) + sign + body + exp;
}

/** `np.finfo(t).precision`: decimal digits the type always carries. */
const DECIMAL_PRECISION: Readonly<Record<FloatWidth, number>> = { 16: 3, 32: 6, 64: 15 };

/** Rounds a double to the type, as NumPy's arithmetic in that type would. */
const ROUND: Readonly<Record<FloatWidth, (x: number) => number>> = {
  16: roundFloat16,
  32: Math.fround,
  64: (x) => x,
};

/**
 * NumPy's choice of scientific notation, computed in the element type (NEP 50
 * casts the Python constants to it): the largest magnitude reaches
 * 10^min(8, precision), or the smallest is below 1e-4, or they differ by more
 * than a factor 1000.
 */
function needsScientific(finite: readonly number[], width: FloatWidth): boolean {
  let max = 0;
  let min = Number.POSITIVE_INFINITY;
  for (const x of finite) {
    const a = Math.abs(x);
    if (a === 0) continue;
    if (a > max) max = a;
    if (a < min) min = a;
  }
  if (max === 0) return false;
  const round = ROUND[width];
  return (
    max >= 10 ** Math.min(8, DECIMAL_PRECISION[width]) ||
    min < round(1e-4) ||
    round(max / min) > 1000
  );
}

/**
 * The printer of one float column: `values` are the elements shown (of type
 * `width`), `sign` '+' for the imaginary parts of complex numbers.
 */
export function floatFormatter(
  values: readonly number[],
  width: FloatWidth,
  sign: '-' | '+',
): (x: number) => string {
  const plus = sign === '+';
  const finite = values.filter(Number.isFinite);
  const exp = needsScientific(finite, width);
  const longest = (parts: readonly string[]): number =>
    parts.reduce((m, s) => Math.max(m, s.length), 0);
  // First pass: each finite value alone, to measure the columns.
  let padLeft: number;
  let padRight: number;
  let precision = PRECISION;
  let expDigits = -1;
  if (exp) {
    const o = { precision, minDigits: -1, trim: '.', plus, padLeft: -1, expDigits } as const;
    const strs = finite.map((x) => scientific(x, width, o));
    const mantissas = strs.map((s) => s.slice(0, s.indexOf('e')));
    expDigits = longest(strs.map((s) => s.slice(s.indexOf('e') + 1))) - 1;
    precision = longest(mantissas.map((s) => s.slice(s.indexOf('.') + 1)));
    padLeft = longest(mantissas.map((s) => s.slice(0, s.indexOf('.'))));
    padRight = expDigits + 2 + precision;
  } else {
    const o = { precision, minDigits: -1, trim: '.', plus, padLeft: -1, padRight: -1 } as const;
    const strs = finite.map((x) => positional(x, width, o));
    padLeft = longest(strs.map((s) => s.slice(0, s.indexOf('.'))));
    padRight = longest(strs.map((s) => s.slice(s.indexOf('.') + 1)));
  }
  if (finite.length !== values.length) {
    // Room for 'nan' and '[-+]inf' right-aligned on the column.
    const negInf = plus || values.some((x) => x === Number.NEGATIVE_INFINITY);
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + (negInf ? 1 : 0) - offset);
  }
  // Second pass: scientific keeps `precision` digits everywhere, positional
  // trims zeros and pads on the right instead.
  const format = exp
    ? (x: number) =>
        scientific(x, width, {
          precision,
          minDigits: precision,
          trim: 'k',
          plus,
          padLeft,
          expDigits,
        })
    : (x: number) =>
        positional(x, width, { precision, minDigits: 0, trim: '.', plus, padLeft, padRight });
  return (x) => {
    if (Number.isFinite(x)) return format(x);
    const text = Number.isNaN(x)
      ? (plus ? '+' : '') + 'nan'
      : (x < 0 ? '-' : plus ? '+' : '') + 'inf';
    return ' '.repeat(Math.max(0, padLeft + padRight + 1 - text.length)) + text;
  };
}
