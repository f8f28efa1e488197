// Standard normal deviates by the ziggurat method (Marsaglia & Tsang, 2000)
// with 256 layers, the tables computed here at load time. The float64 variant
// spends 64 random bits per draw (8 layer, 1 sign, 52 magnitude), the float32
// variant 32 bits (8, 1, 23); about 1.2% of draws need the wedge or tail test.
// The sign is applied as a factor of +-1: a branch on a random bit costs more.
import type { BitGenerator } from './bitgen.js';

const LAYERS = 256;
/** Right edge of the base layer; the tail beyond it is sampled exactly. */
const R = 3.6541528853610088;
/** Area of every layer, and of the base rectangle plus the tail. */
const V = 0.00492867323399;

/** The unnormalized density exp(-x^2 / 2). */
function density(x: number): number {
  return Math.exp(-0.5 * x * x);
}

/**
 * Layer i >= 1 is the rectangle [0, X[i]) x [Y[i], Y[i + 1]) with
 * Y[i] = density(X[i]), and X[LAYERS] = 0 is the apex. The base (i = 0) is
 * [0, R) x [0, Y[1]) plus the tail beyond R; its pseudo-width X[0] = V / Y[1]
 * gives the tail its share. Every layer has area V.
 */
const X = new Float64Array(LAYERS + 1);
X[0] = V / density(R);
X[1] = R;
for (let i = 1; i < LAYERS - 1; i++) X[i + 1] = Math.sqrt(-2 * Math.log(density(X[i]) + V / X[i]));
const Y = X.map(density);

/**
 * Per layer: the scale from a `bits`-bit integer magnitude to x, and the
 * magnitude below which x < X[i + 1], i.e. under the curve outright.
 */
function tables(bits: number): { width: Float64Array; inner: Float64Array } {
  const unit = 2 ** bits;
  const width = new Float64Array(LAYERS);
  const inner = new Float64Array(LAYERS);
  for (let i = 0; i < LAYERS; i++) {
    width[i] = X[i] / unit;
    inner[i] = Math.floor((X[i + 1] / X[i]) * unit);
  }
  return { width, inner };
}

const T64 = tables(52);
const T32 = tables(23);
const TWO_POW_29 = 536870912;

/** Whether x, drawn in layer i >= 1 beyond its inner part, lies under the curve. */
function underWedge(bg: BitGenerator, i: number, x: number): boolean {
  return Y[i] + bg.nextDouble() * (Y[i + 1] - Y[i]) < density(x);
}

/** A deviate from the normal tail beyond R (Marsaglia's exponential rejection). */
function tail(bg: BitGenerator): number {
  for (;;) {
    const x = -Math.log1p(-bg.nextDouble()) / R;
    const y = -Math.log1p(-bg.nextDouble());
    if (y + y > x * x) return R + x;
  }
}

/** A standard normal double. */
export function normal64(bg: BitGenerator): number {
  const { width, inner } = T64;
  for (;;) {
    const a = bg.nextUint32();
    const b = bg.nextUint32();
    const i = a & 0xff;
    const magnitude = (a >>> 9) * TWO_POW_29 + (b >>> 3);
    const sign = 1 - ((a >>> 7) & 2);
    const x = magnitude * width[i];
    if (magnitude < inner[i]) return sign * x;
    if (i === 0) return sign * tail(bg);
    if (underWedge(bg, i, x)) return sign * x;
  }
}

/** A standard normal with float32 resolution (the caller rounds it to float32). */
export function normal32(bg: BitGenerator): number {
  const { width, inner } = T32;
  for (;;) {
    const a = bg.nextUint32();
    const i = a & 0xff;
    const magnitude = a >>> 9;
    const sign = 1 - ((a >>> 7) & 2);
    const x = magnitude * width[i];
    if (magnitude < inner[i]) return sign * x;
    if (i === 0) return sign * tail(bg);
    if (underWedge(bg, i, x)) return sign * x;
  }
}
