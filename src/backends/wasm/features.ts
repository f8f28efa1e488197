// WebAssembly feature probe: which kernel variant this engine runs, and why.
// The probe validates the relaxed-simd and simd128 builds of a kernel module
// (tiny modules) once, caches the answer, and honours overrides: the
// NDBLAS_DISABLE_FEATURES environment variable ("relaxed-simd,simd") or
// setDisabledFeatures() — like NumPy's NPY_DISABLE_CPU_FEATURES.
import { WASM_MODULES } from '../../kernels/wasm/modules.generated.js';

export type Variant = 'relaxed' | 'simd128' | 'scalar';
export type Feature = 'relaxed-simd' | 'simd';

/** Variants from best to worst, with the features each needs. */
const LADDER: readonly { variant: Variant; needs: readonly Feature[] }[] = [
  { variant: 'relaxed', needs: ['relaxed-simd', 'simd'] },
  { variant: 'simd128', needs: ['simd'] },
  { variant: 'scalar', needs: [] },
];

export interface VariantChoice {
  readonly variant: Variant;
  /** One line per feature: available, enabled by a flag, disabled by override, or absent. */
  readonly reasons: readonly string[];
}

interface NodeProcess {
  env?: Record<string, string | undefined>;
  getBuiltinModule?: (id: string) => { setFlagsFromString?: (flags: string) => void } | undefined;
}

const proc = (globalThis as { process?: NodeProcess }).process;
let disabled: ReadonlySet<Feature> = parseFeatures(proc?.env?.NDBLAS_DISABLE_FEATURES ?? '');
let cached: VariantChoice | undefined;

function parseFeatures(text: string): ReadonlySet<Feature> {
  const known: readonly Feature[] = ['relaxed-simd', 'simd'];
  return new Set(
    text
      .split(',')
      .map((s) => s.trim())
      .filter((s): s is Feature => known.includes(s as Feature)),
  );
}

/** Forces lower variants; takes effect for kernels compiled after the call. */
export function setDisabledFeatures(features: readonly Feature[]): void {
  disabled = new Set(features);
  cached = undefined;
}

export function disabledFeatures(): readonly Feature[] {
  return [...disabled];
}

const decode = (b64: string): Uint8Array<ArrayBuffer> => {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
};

/** The probe: the gemm_f64 module's own builds, validated by this engine. */
function probe(): Record<Feature, string | null> {
  const wasm = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (wasm === undefined) return { simd: 'no WebAssembly', 'relaxed-simd': 'no WebAssembly' };
  const m = WASM_MODULES.gemm_f64;
  const simd = wasm.validate(decode(m.simd128)) ? null : 'not supported by this engine';
  let relaxed: string | null = null;
  if (!wasm.validate(decode(m.relaxed))) {
    // Node 20's V8 has relaxed SIMD behind a flag that may be set at run time,
    // before compiling; newer engines enable it by default.
    proc?.getBuiltinModule?.('v8')?.setFlagsFromString?.('--experimental-wasm-relaxed-simd');
    relaxed = wasm.validate(decode(m.relaxed)) ? 'enabled' : 'not supported by this engine';
  }
  return { simd, 'relaxed-simd': relaxed };
}

let probed: Record<Feature, string | null> | undefined;

/** The best variant this engine runs, given overrides; cached. */
export function chooseVariant(): VariantChoice {
  if (cached !== undefined) return cached;
  probed ??= probe();
  const status = (f: Feature) => {
    if (disabled.has(f)) return `${f}: disabled by override`;
    const p = probed![f];
    if (p === null) return `${f}: available`;
    if (p === 'enabled')
      return `${f}: available (enabled --experimental-wasm-relaxed-simd at run time)`;
    return `${f}: ${p}`;
  };
  const usable = (f: Feature) =>
    !disabled.has(f) && (probed![f] === null || probed![f] === 'enabled');
  const best = LADDER.find((l) => l.needs.every(usable))!;
  cached = { variant: best.variant, reasons: (['relaxed-simd', 'simd'] as const).map(status) };
  return cached;
}

export { decode as decodeBase64 };
