import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, isAlive, urlFor } from '../src/platform/db/embedded.ts';
import { type CliProcess, runCli, startCli, waitForOutput } from './helpers/cli.ts';

// The real `jaring serve` in a child process, on its own embedded PostgreSQL in a fresh data folder.
const dataDir = mkdtempSync(join(tmpdir(), 'jaring-node-'));
chmodSync(dataDir, 0o755);
const running: CliProcess[] = [];

async function serve(port: number): Promise<CliProcess> {
  const p = startCli(['serve'], {
    JARING_DATA_DIR: dataDir,
    PORT: String(port),
    JARING_NODE_NAME: 'Lifecycle node',
  });
  running.push(p);
  await waitForOutput(p, 'is serving on');
  return p;
}

function postmasterPid(): number | undefined {
  const file = join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10) : undefined;
}

afterAll(async () => {
  for (const p of running) p.child.kill('SIGKILL');
  const pid = postmasterPid();
  if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('jaring serve', () => {
  let nodeId = '';

  it('creates the node, its keys and a first administrator on first start', async () => {
    const port = await freePort();
    const p = await serve(port);
    expect(p.output()).toMatch(/one-time password: [A-Za-z0-9]{20}/);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health.status).toBe('ok');
    nodeId = health.nodeId;
    expect(statSync(join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    // The password is printed once, never logged.
    const password = /one-time password: (\S+)/.exec(p.output())?.[1] ?? '';
    expect(p.output().split(password).length).toBe(2);

    // A second serve on the same folder refuses, clearly.
    const second = await runCli(['serve'], { JARING_DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expect(second.output).toMatch(/in use by a running `jaring serve`/);

    // A CLI command reuses the running server's PostgreSQL instead of starting another.
    const status = await runCli(['status', '--json'], { JARING_DATA_DIR: dataDir });
    expect(status.code).toBe(0);
    expect(status.output).toContain('shared with the running jaring serve');

    // `jaring audit verify` passes on the fresh node, then fails naming the entry changed in SQL.
    const checkpoint = await runCli(['audit', 'checkpoint'], { JARING_DATA_DIR: dataDir });
    expect(checkpoint.output).toMatch(/Checkpoint signed at [2-9]\d* entries/);
    const verified = await runCli(['audit', 'verify'], { JARING_DATA_DIR: dataDir });
    expect(verified.code, verified.output).toBe(0);
    const owner = JSON.parse(readFileSync(join(dataDir, 'owner.json'), 'utf8'));
    const sqlClient = new pg.Client({ connectionString: urlFor(dataDir, owner.port) });
    await sqlClient.connect();
    await sqlClient.query("update audit_entries set actor = 'mallory' where seq = 1");
    await sqlClient.end();
    const tampered = await runCli(['audit', 'verify'], { JARING_DATA_DIR: dataDir });
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain('first bad entry index: 1');

    // SIGTERM stops PostgreSQL cleanly.
    const pgPid = postmasterPid();
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    expect(pgPid && isAlive(pgPid)).toBe(false);
    expect(existsSync(join(dataDir, 'owner.json'))).toBe(false);
  });

  it('reuses everything on the next start and recovers from a crash that left PostgreSQL running', async () => {
    const port = await freePort();
    const p = await serve(port);
    expect(p.output()).not.toContain('First administrator');
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(health.nodeId).toBe(nodeId);

    const orphan = postmasterPid();
    p.child.kill('SIGKILL');
    await p.exited;
    expect(orphan && isAlive(orphan)).toBe(true);

    const again = await serve(port);
    expect(again.output()).toContain('left running by an earlier crash');
    const after = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(after.nodeId).toBe(nodeId);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('removes a stale postmaster.pid whose process is gone', async () => {
    // A pid that cannot be running: the highest possible pid is far below this.
    const pidFile = join(dataDir, 'pg', 'postmaster.pid');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(pidFile, `99999999\n${join(dataDir, 'pg')}\n`);
    const port = await freePort();
    const p = await serve(port);
    expect(p.output()).toContain('Removing stale');
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });
});
