import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { currentVersion, MIGRATIONS_DIR, migrate } from '../../platform/db/migrate.ts';

// migrations/0015 seals batch uploads and results; the data keys are not in the database, so it
// cannot seal rows stored in plain text before it: it refuses, says what to do, and changes nothing.

const name = `t_mig15_${Date.now().toString(36)}`;
const adminUrl = inject('pgAdminUrl');
let pool: pg.Pool;
let upTo14: string;
let upTo15: string;

/** A folder with the migrations up to `version`, so later ones (others' work) play no part. */
function migrationsUpTo(version: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'jaring-mig-'));
  for (const file of readdirSync(MIGRATIONS_DIR)) {
    if (/^\d{4}_/.test(file) && Number(file.slice(0, 4)) <= version) {
      cpSync(join(MIGRATIONS_DIR, file), join(dir, file));
    }
  }
  return dir;
}

async function admin(query: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`create database ${name}`);
  pool = new pg.Pool({ connectionString: adminUrl.replace(/\/postgres$/, `/${name}`) });
  upTo14 = migrationsUpTo(14);
  upTo15 = migrationsUpTo(15);
  expect(await migrate(pool, upTo14)).toBe(14);
});
afterAll(async () => {
  await pool?.end();
  await admin(`drop database if exists ${name} with (force)`);
  for (const dir of [upTo14, upTo15]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0015', () => {
  it('refuses while plain-text uploads are stored, changing nothing, then applies once they are gone', async () => {
    await pool.query(`
      with a as (insert into agencies (name, org_type, country) values ('A', 'LawEnforcement', 'TH') returning id),
      u as (insert into users (agency_id, username, display_name, password_hash, roles)
            select id, 'u', 'U', 'x', '{analyst}' from a returning id, agency_id),
      b as (insert into screening_batches (agency_id, created_by, format, chunk_bytes, total_bytes)
            select agency_id, id, 'jsonl', 1048576, 20 from u returning id)
      insert into screening_batch_chunks (batch_id, seq, data) select id, 0, '{"text":"+66812345678"}'::bytea from b`);

    await expect(migrate(pool, upTo15)).rejects.toThrow(
      /Migration 0015_screening_alert_batch\.sql failed: screening batches hold unencrypted uploads or results.*delete from screening_batches;/,
    );
    expect(await currentVersion(pool)).toBe(14);
    const kept = await pool.query('select data from screening_batch_chunks');
    expect(kept.rows).toHaveLength(1);

    await pool.query('delete from screening_batches');
    expect(await migrate(pool, upTo15)).toBe(15);
    const columns = await pool.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'screening_batch_chunks' order by 1`,
    );
    expect(columns.rows.map((r) => r.column_name)).toEqual(['batch_id', 'data_enc', 'row_key', 'seq']);
  });
});
