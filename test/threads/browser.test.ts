// The pool in a browser: headless Chromium loads test/threads/browser/page.html
// from a cross-origin-isolated local server, so module Workers share the
// arrays' SharedArrayBuffers and the main thread (which may not block) awaits
// them. Runs on the built package; skipped without Chromium or a fresh dist/.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BROWSERS = [process.env.CHROME_PATH, 'chromium', 'chromium-browser', 'google-chrome'];
const browser = BROWSERS.find((b) => b !== undefined && spawnSync(b, ['--version']).status === 0);

async function distIsFresh(): Promise<boolean> {
  const times = ['dist/backends/threads/pool.js', 'src/backends/threads/pool.ts'].map((p) =>
    stat(join(ROOT, p)).then(
      (s) => s.mtimeMs,
      () => Number.NaN,
    ),
  );
  const [built, source] = await Promise.all(times);
  return built >= source;
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html',
};

test('parallelFor in Chromium: module workers, main thread awaiting', async (t) => {
  if (browser === undefined) return t.skip('no Chromium (set CHROME_PATH)');
  if (!(await distIsFresh())) return t.skip('dist/ is missing or older than src/: npm run build');
  const server = createServer(async (req, res) => {
    const path = join(ROOT, new URL(req.url ?? '/', 'http://localhost').pathname);
    const body = await readFile(path).catch(() => null);
    res.writeHead(body === null ? 404 : 200, {
      'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const page = `http://127.0.0.1:${port}/test/threads/browser/page.html`;
  const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--enable-logging=stderr'];
  const chrome = spawn(browser, [...args, page]);
  try {
    const report = await new Promise<Record<string, unknown>>((resolve, reject) => {
      let log = '';
      const timer = setTimeout(() => reject(new Error(`no report in 30 s:\n${log}`)), 30_000);
      chrome.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        const m = /"REPORT (.*)", source:/.exec(log);
        if (m === null) return;
        clearTimeout(timer);
        resolve(JSON.parse(m[1].replace(/\\"/g, '"')));
      });
    });
    assert.equal(report.error, undefined);
    assert.equal(report.isolated, true);
    assert.equal(report.equal, true);
    assert.equal(report.missingExport, 'ERR_ARGUMENT');
    const info = report.info as { platform: string; workers: number; workerBlocks: number };
    assert.equal(info.platform, 'Web Workers');
    assert.ok(info.workers >= 2 && info.workerBlocks > 0, JSON.stringify(info));
  } finally {
    chrome.kill();
    server.close();
  }
});
