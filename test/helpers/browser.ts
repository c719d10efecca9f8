import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { freePort } from '../../src/platform/db/embedded.ts';
import { repoPath } from '../../src/platform/paths.ts';
import { type CliProcess, startCli, waitForOutput } from './cli.ts';

// A real `jaring serve` in a child process on a fresh data folder, and Debian's Chromium driven by
// playwright-core. `npm test` builds the web UI first.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type BrowserNode = { base: string; browser: Browser; close(): Promise<void> };

export async function startBrowserNode(
  adminPassword: string,
  env: Record<string, string> = {},
): Promise<BrowserNode> {
  if (!existsSync(repoPath('dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run `npm run build:web`');
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  const dataDir = mkdtempSync(join(tmpdir(), 'jaring-e2e-'));
  chmodSync(dataDir, 0o755);
  const port = await freePort();
  const server: CliProcess = startCli(['serve'], {
    JARING_DATA_DIR: dataDir,
    PORT: String(port),
    JARING_ADMIN_PASSWORD: adminPassword,
    JARING_NODE_NAME: 'E2E node',
    ...env,
  });
  await waitForOutput(server, 'is serving on');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    base: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      server.child.kill('SIGTERM');
      await server.exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
