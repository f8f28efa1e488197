// A process that used the pool exits by itself: workers are unref'd, sleep in
// Atomics.wait when idle, and are held only while the caller awaits them.
// Each scenario runs in a child Node process (test/threads/child.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

for (const scenario of ['starting', 'idle', 'awaited']) {
  test(`the process exits after the pool was used: ${scenario}`, () => {
    const start = performance.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, scenario], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.equal(r.signal, null, `killed after ${(performance.now() - start).toFixed(0)} ms`);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^ok \d/);
  });
}
