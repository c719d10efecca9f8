import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { tempDir } from '../../../test/helpers/temp.ts';
import { auditCommand } from '../../cli/commands/audit.ts';
import { appendAuditBatch } from './append.ts';

// `jaring audit verify|checkpoint`, run in-process against a test database through DATABASE_URL.
let t: TestDatabase;
const saved = { ...process.env };
beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.JARING_MASTER_KEY = randomBytes(32).toString('base64');
  process.env.JARING_DATA_DIR = tempDir('audit-cli');
  process.env.JARING_LOG_LEVEL = 'silent';
});
afterAll(async () => {
  process.env = saved;
  await t?.close();
});
afterEach(() => {
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<string> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    await auditCommand().exitOverride().parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out;
}

describe('jaring audit', () => {
  it('signs a checkpoint on demand, then verifies the log', async () => {
    await t.db.transaction().execute((tx) =>
      appendAuditBatch(
        tx,
        Array.from({ length: 12 }, (_, i) => ({
          actor: { id: null, label: 'cli test' },
          action: 'case.update',
          recordType: 'case',
          recordId: `c${i}`,
          change: i,
        })),
      ),
    );
    expect(await run('checkpoint')).toMatch(/^Checkpoint signed at 12 entries\.\n\njaring\/[0-9a-f-]+\n12\n/);
    const out = await run('verify');
    expect(out).toMatch(/Audit log verified: intact\.\n {2}entries: {5}12\n {2}checkpoints: 1 checked/);
    expect(process.exitCode).toBeUndefined();
  });

  it('exits 1 and names the first bad index when an entry was changed', async () => {
    await sql`update audit_entries set record_id = 'forged' where seq = 4`.execute(t.db);
    const out = await run('verify');
    expect(out).toMatch(/FAILED/);
    expect(out).toMatch(/first bad entry index: 4/);
    expect(process.exitCode).toBe(1);
    const json = JSON.parse(await run('verify', '--json'));
    expect(json).toMatchObject({ ok: false, firstBadIndex: 4, treeSize: 12 });
  });
});
