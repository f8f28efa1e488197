// The complex scalar that complex64/complex128 elements surface as.

export class Complex {
  readonly re: number;
  readonly im: number;
  constructor(re: number, im = 0) {
    this.re = re;
    this.im = im;
  }
  toString(): string {
    return `(${this.re}${this.im < 0 || Object.is(this.im, -0) ? '-' : '+'}${Math.abs(this.im)}j)`;
  }
}

/** A complex value given as a Complex or any `{re, im}` object. */
export interface ComplexLike {
  readonly re: number;
  readonly im: number;
}

export function isComplexLike(v: unknown): v is ComplexLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ComplexLike).re === 'number' &&
    typeof (v as ComplexLike).im === 'number'
  );
}
