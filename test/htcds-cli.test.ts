import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, waitForOutput } from './helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from './helpers/db.ts';
import { csvOf, htcdsRow } from './helpers/htcds-rows.ts';

// `jaring import htcds` and `jaring export htcds` as an operator runs them, in a child process on a
// real database. The import is killed with SIGKILL halfway; running it again gives exact counts.

// 4.4 MB: over the size from which an import checks, seals and writes in worker threads (import.ts).
const ROWS = 3000;
const BATCH = 50;
const dir = mkdtempSync(join(tmpdir(), 'jaring-htcds-cli-'));
let database: TestDatabase;
let env: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const agency = await database.db
    .insertInto('agencies')
    .values({ name: 'Anti-trafficking unit', org_type: 'LawEnforcement', country: 'TH' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [username, roles] of [
    ['caseworker', ['caseworker']],
    ['analyst', ['analyst']],
  ] as const) {
    await database.db
      .insertInto('users')
      .values({
        agency_id: agency.id,
        username,
        display_name: username,
        password_hash: 'x',
        roles: [...roles],
      })
      .execute();
  }
  env = {
    DATABASE_URL: database.url,
    JARING_DATA_DIR: join(dir, 'node'),
    JARING_MASTER_KEY: randomBytes(32).toString('base64'),
    JARING_LOG_LEVEL: 'warn',
  };
  // Twelve persons to a case: cases span batches, as they do in real files.
  writeFileSync(
    join(dir, 'all.csv'),
    csvOf(Array.from({ length: ROWS }, (_, i) => htcdsRow(i, { cases: ROWS / 12 }))),
  );
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function count(query: string): Promise<number> {
  const r = await sql<{ n: string }>`${sql.raw(query)}`.execute(database.db);
  return Number(r.rows[0]?.n ?? -1);
}

const tallies = async () => ({
  persons: await count('select count(*) as n from persons'),
  cases: await count('select count(*) as n from cases'),
  links: await count('select count(*) as n from case_persons'),
  victims: await count('select count(*) as n from victim_contexts'),
  assessments: await count('select count(*) as n from identification_assessments'),
  events: await count('select count(*) as n from trafficking_events'),
  comments: await count('select count(*) as n from case_comments'),
  personAudits: await count("select count(*) as n from audit_entries where action = 'person.create'"),
});

const report = (output: string) => JSON.parse(output.split('\n').find((l) => l.startsWith('{')) ?? '{}');

describe('jaring import htcds', () => {
  it('survives kill -9 halfway: whole batches only, and a second run writes exactly the rest', async () => {
    const file = join(dir, 'all.csv');
    const args = ['import', 'htcds', file, '--as', 'caseworker', '--batch-size', String(BATCH)];
    const first = startCli(args, env);
    await waitForOutput(first, /committed \d+ of \d+ rows/, 120_000);
    first.child.kill('SIGKILL');
    await first.exited;

    const half = await tallies();
    expect(half.persons).toBeGreaterThan(0);
    expect(half.persons).toBeLessThan(ROWS);
    expect(half.persons % BATCH).toBe(0);
    // Each committed person came with its context, assessment and audit entry, or not at all.
    expect(half.victims).toBe(half.assessments);
    expect(half.personAudits).toBe(half.persons);
    expect(half.events).toBe(half.persons);

    const second = await runCli(args, env);
    expect(second.code, second.output).toBe(0);
    const written = report(second.output);
    expect(written.counts.persons).toEqual({
      created: ROWS - half.persons,
      updated: 0,
      unchanged: half.persons,
    });

    const full = await tallies();
    expect(full.persons).toBe(ROWS);
    expect(full.cases).toBe(ROWS / 12);
    expect(full.links).toBe(ROWS);
    expect(full.events).toBe(ROWS);
    expect(full.comments).toBe(ROWS / 12);
    expect(full.assessments).toBe(full.victims);
    expect(full.personAudits).toBe(ROWS);

    const third = await runCli(args, env);
    expect(third.code, third.output).toBe(0);
    expect(report(third.output).counts.persons).toEqual({ created: 0, updated: 0, unchanged: ROWS });
    expect(await tallies()).toEqual(full);
  });

  it('refuses a malformed file with one clear line, and a user without the role', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'jar_PersonExternalId,prs_FirstName\nP1,"unclosed\n');
    const malformed = await runCli(['import', 'htcds', bad, '--as', 'caseworker'], env);
    expect(malformed.code).toBe(1);
    expect(malformed.output).toContain('Malformed CSV at row 2, column 2: a quoted cell is never closed');
    const analyst = await runCli(['import', 'htcds', join(dir, 'all.csv'), '--as', 'analyst'], env);
    expect(analyst.code).toBe(1);
    expect(analyst.output).toContain('victims.htcds.import needs the role caseworker');
  });
});

describe('jaring export htcds', () => {
  it('writes the file it names, CSV or XLSX, and reports its digest', async () => {
    const out = join(dir, 'export.csv');
    const csv = await runCli(['export', 'htcds', '--out', out, '--as', 'caseworker'], env);
    expect(csv.code, csv.output).toBe(0);
    expect(report(csv.output)).toMatchObject({ rows: ROWS, persons: ROWS, view: 'identity' });
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'all.csv'), 'utf8'));
    const xlsx = await runCli(['export', 'htcds', '--out', join(dir, 'export.xlsx'), '--as', 'analyst'], env);
    expect(xlsx.code, xlsx.output).toBe(0);
    expect(report(xlsx.output)).toMatchObject({ rows: ROWS, view: 'pseudonym' });
    expect(existsSync(join(dir, 'export.xlsx'))).toBe(true);
  });
});
