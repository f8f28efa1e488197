// `ndblas/config`: what this build is and how it runs, for bug reports.
// showConfig() prints it; config() returns the same facts as data.
import { sharedMemory } from './ndarray/buffer.js';

export interface ConfigReport {
  readonly version: string;
  readonly platform: string;
  /** Array memory: SharedArrayBuffer (shareable with workers) or ArrayBuffer. */
  readonly memory: 'SharedArrayBuffer' | 'ArrayBuffer';
  readonly webassembly: boolean;
  readonly backends: readonly string[];
}

export const VERSION = '0.1.0';

function platform(): string {
  const proc = (globalThis as { process?: { versions?: { node?: string }; arch?: string } })
    .process;
  if (proc?.versions?.node) return `Node.js ${proc.versions.node} (${proc.arch})`;
  const nav = (globalThis as { navigator?: { userAgent?: string } }).navigator;
  return nav?.userAgent ?? 'unknown JavaScript engine';
}

export function config(): ConfigReport {
  return {
    version: VERSION,
    platform: platform(),
    memory: sharedMemory ? 'SharedArrayBuffer' : 'ArrayBuffer',
    webassembly: typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object',
    backends: ['js (reference TypeScript kernels)'],
  };
}

/** The configuration as text (NumPy's show_config), also printed when `print` is true. */
export function showConfig(print = true): string {
  const c = config();
  const text = [
    `ndblas ${c.version}`,
    `  platform:    ${c.platform}`,
    `  memory:      ${c.memory}`,
    `  webassembly: ${c.webassembly ? 'available' : 'absent'}`,
    `  backends:    ${c.backends.join(', ')}`,
  ].join('\n');
  if (print) console.log(text);
  return text;
}
