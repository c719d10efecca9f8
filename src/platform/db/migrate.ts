import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { repoPath } from '../paths.ts';

// Migrations are ordered SQL files in migrations/, each applied once, in its own transaction.
export const MIGRATIONS_DIR = repoPath('migrations');

export type Migration = { version: number; name: string; sql: string };

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number.parseInt(f.slice(0, 4), 10),
      name: f,
      sql: readFileSync(join(dir, f), 'utf8'),
    }));
}

export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    // One migrator at a time, whichever process starts first.
    await client.query('select pg_advisory_lock(7261001)');
    try {
      const done = new Set(
        (await client.query<{ version: number }>('select version from schema_migrations')).rows.map(
          (r) => r.version,
        ),
      );
      for (const m of listMigrations(dir)) {
        if (done.has(m.version)) continue;
        await client.query('begin');
        try {
          await client.query(m.sql);
          await client.query('insert into schema_migrations (version, name) values ($1, $2)', [
            m.version,
            m.name,
          ]);
          await client.query('commit');
        } catch (err) {
          await client.query('rollback');
          throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
        }
      }
    } finally {
      await client.query('select pg_advisory_unlock(7261001)');
    }
    return currentVersion(pool);
  } finally {
    client.release();
  }
}

export async function currentVersion(pool: pg.Pool): Promise<number> {
  const r = await pool.query<{ v: number | null }>('select max(version) as v from schema_migrations');
  return r.rows[0]?.v ?? 0;
}
