// Compiled kernel modules and their instances: one instance per kernel module
// and variant on this thread, each owning its wasm memory as private scratch
// (array data lives outside it, in ordinary buffers). Memory grows on demand.
import { WASM_MODULES } from '../../kernels/wasm/modules.generated.js';
import { chooseVariant, decodeBase64, type Variant } from './features.js';

export type KernelModuleName = keyof typeof WASM_MODULES;

export interface WasmInstance {
  readonly variant: Variant;
  readonly exports: Record<string, unknown>;
  readonly memory: WebAssembly.Memory;
  /** Makes the memory at least `bytes` long (growing it; views must be re-taken after). */
  ensure(bytes: number): void;
}

/** First byte of scratch: above the module's own static data (AssemblyScript stub runtime). */
export const SCRATCH_BASE = 65536;

const instances = new Map<string, WasmInstance>();

export function wasmInstance(name: KernelModuleName): WasmInstance {
  const { variant } = chooseVariant();
  const key = `${name}:${variant}`;
  let inst = instances.get(key);
  if (inst !== undefined) return inst;
  const module = new WebAssembly.Module(decodeBase64(WASM_MODULES[name][variant]));
  const instance = new WebAssembly.Instance(module, { env: { abort: () => undefined } });
  const memory = instance.exports.memory as WebAssembly.Memory;
  inst = {
    variant,
    exports: instance.exports as Record<string, unknown>,
    memory,
    ensure(bytes: number) {
      const missing = bytes - memory.buffer.byteLength;
      if (missing > 0) memory.grow(Math.ceil(missing / 65536));
    },
  };
  instances.set(key, inst);
  return inst;
}
