import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import pino from 'pino';
import { runCheck } from '../../demo/check.ts';
import { ctdcShares } from '../../demo/ctdc.ts';
import { logIn } from '../../demo/http.ts';
import {
  DEMO_COUNTRIES,
  DEMO_PASSWORD,
  type DemoNode,
  peerDemoNodes,
  startDemoNode,
} from '../../demo/nodes.ts';
import { seedPeople } from '../../demo/seed.ts';
import { openEmbedded } from '../../platform/db/embedded.ts';
import { onShutdownSignal } from '../../platform/node/signals.ts';

// `jaring demo`: three national nodes (Thailand, Cambodia, Indonesia) on loopback, peered, with
// fictional people. `--check` runs the referral flow headless and exits 0 only if every step was
// seen on both sides.

type Options = { check?: boolean; dataDir?: string };

const out = (line = '') => process.stdout.write(`${line}\n`);

async function runDemo(options: Options): Promise<void> {
  const temporary = options.dataDir === undefined && options.check === true;
  const dataDir = options.dataDir
    ? resolve(options.dataDir)
    : temporary
      ? mkdtempSync(join(tmpdir(), 'jaring-demo-'))
      : resolve('.jaring-demo');
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const server = await openEmbedded(dataDir, 'serve', () => {});
  const nodes: DemoNode[] = [];
  let failed = false;
  try {
    for (const country of DEMO_COUNTRIES)
      nodes.push(await startDemoNode(country, server.url, dataDir, logger));
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++)
        await peerDemoNodes(nodes[i] as DemoNode, nodes[j] as DemoNode);
    }
    const shares = ctdcShares();
    for (const node of nodes) {
      await seedPeople(
        node,
        await logIn(node.base, node.users.caseworker.username, node.users.caseworker.password),
      );
    }
    out('Jaring demo: three national nodes on loopback, peered with each other.');
    out(`Data folder: ${dataDir}`);
    out(
      `Fictional people per node, drawn with CTDC shares for victims from Asia (${shares.rows} records): ` +
        `${Math.round(shares.female * 100)} % women, ${Math.round(shares.minor * 100)} % minors, ${Math.round(shares.forcedLabour * 100)} % forced labour.`,
    );
    out();
    for (const node of nodes) {
      out(`${node.country.name.padEnd(10)} ${node.base}`);
      out(
        `           logins (password "${DEMO_PASSWORD}"): admin, ${node.users.caseworker.username}, ${node.users.focal.username}`,
      );
    }
    out();
    if (options.check) {
      const [th, kh] = nodes as [DemoNode, DemoNode];
      out(`Checking a referral ${th.country.code} → ${kh.country.code}:`);
      try {
        await runCheck(th, kh, ({ side, what }) => out(`  ✓ ${side}: ${what}`));
        out('All steps were observed on both sides.');
      } catch (err) {
        failed = true;
        out(`  ✗ ${(err as Error).message}`);
        out('The check FAILED.');
      }
      return;
    }
    out('Press Ctrl+C to stop.');
    await new Promise<NodeJS.Signals>((resolveSignal) => onShutdownSignal(resolveSignal));
  } finally {
    for (const node of nodes.reverse()) await node.serving.stop().catch(() => {});
    await server.stop();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
    if (failed) process.exitCode = 1;
  }
}

export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'Start three peered demo nodes (Thailand, Cambodia, Indonesia) on loopback with fictional people',
    )
    .option('--check', 'run a referral TH → KH headless; exit 0 only if every step is seen on both sides')
    .option(
      '--data-dir <dir>',
      'where the demo keeps its database (default ./.jaring-demo; a temporary folder with --check)',
    )
    .action(runDemo);
}
