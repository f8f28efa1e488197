// Which backend implements which signature: the kernel table every call
// dispatches through, and capabilities() that lets callers discover it.
import type { Kernel } from '../kernels/types.js';
import type { ScalarRoutineSpec } from './spec/scalar.js';
import type { RoutineSpec } from './spec/types.js';

export type BackendName = 'js' | 'wasm';

export interface Implementation {
  readonly backend: BackendName;
  readonly kernel: Kernel;
  readonly notes?: string;
}

const table = new Map<string, Implementation[]>();

/** Adds an implementation of a signature (by full name); later ones take precedence. */
export function register(signature: string, impl: Implementation): void {
  const list = table.get(signature) ?? [];
  list.unshift(impl);
  table.set(signature, list);
}

/** The preferred implementation of a signature, if any backend has one. */
export function implementationOf(signature: string): Implementation | undefined {
  return table.get(signature)?.[0];
}

export interface CapabilityRow {
  readonly routine: string;
  readonly signature: string;
  readonly short: string | null;
  readonly backend: BackendName | null;
  readonly notes: string;
}

/**
 * One row per (routine, signature, backend); scalar-only routines, computed
 * in TypeScript without a kernel table, follow the specs; absent routines have backend null.
 */
export function capabilityRows(
  specs: readonly RoutineSpec[],
  absent: readonly { routine: string; notes: string }[],
  scalarOnly: readonly ScalarRoutineSpec[],
): CapabilityRow[] {
  const rows: CapabilityRow[] = [];
  for (const spec of specs) {
    for (const sig of spec.signatures) {
      for (const impl of table.get(sig.name) ?? []) {
        rows.push({
          routine: spec.name,
          signature: sig.name,
          short: sig.short ?? null,
          backend: impl.backend,
          notes: impl.notes ?? '',
        });
      }
    }
  }
  for (const spec of scalarOnly) {
    for (const sig of spec.signatures) {
      const notes = 'reference TypeScript, scalars only';
      rows.push({
        routine: spec.name,
        signature: sig.name,
        short: sig.short,
        backend: 'js',
        notes,
      });
    }
  }
  for (const a of absent)
    rows.push({ routine: a.routine, signature: '', short: null, backend: null, notes: a.notes });
  return rows;
}
