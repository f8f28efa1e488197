// Finds a Python with NumPy for tests that compare against real NumPy, and runs
// snippets in it. Tests skip (with the reason) when none is installed.
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['python3', '/usr/bin/python3'];

function probe(): string | null {
  for (const py of CANDIDATES) {
    try {
      execFileSync(py, ['-c', 'import numpy'], { stdio: 'ignore' });
      return py;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/** The python executable that can import numpy, or null. */
export const python: string | null = probe();

/** Skip reason for node:test's `{ skip }` option when NumPy is missing. */
export const skipWithoutNumpy: string | false = python === null ? 'no python3 with numpy' : false;

/** Runs `code` in the NumPy python with `input` on stdin; returns stdout. */
export function runPython(code: string, input?: Uint8Array | string): string {
  if (python === null) throw new Error('no python3 with numpy');
  return execFileSync(python, ['-c', code], { input, maxBuffer: 1 << 28 }).toString();
}
