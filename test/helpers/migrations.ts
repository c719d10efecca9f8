import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { MIGRATIONS_DIR } from '../../src/platform/db/migrate.ts';

// A database of its own for a test of one migration: `upTo(n)` is a folder with the migrations up to
// n only, so what later migrations do plays no part.

async function asAdmin(adminUrl: string, query: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

export async function migrationDatabase(prefix: string) {
  const adminUrl = inject('pgAdminUrl');
  const name = `${prefix}_${Date.now().toString(36)}`;
  const dirs: string[] = [];
  await asAdmin(adminUrl, `create database ${name}`);
  const pool = new pg.Pool({ connectionString: adminUrl.replace(/\/postgres$/, `/${name}`) });
  // A client still closing when `close` drops the database (`with (force)`) receives the server's
  // FATAL; as in openDatabase, an idle client's error must not crash the test run.
  pool.on('error', () => {});
  return {
    pool,
    upTo(version: number): string {
      const dir = mkdtempSync(join(tmpdir(), 'jaring-mig-'));
      dirs.push(dir);
      for (const file of readdirSync(MIGRATIONS_DIR)) {
        if (/^\d{4}_/.test(file) && Number(file.slice(0, 4)) <= version) {
          cpSync(join(MIGRATIONS_DIR, file), join(dir, file));
        }
      }
      return dir;
    },
    async close(): Promise<void> {
      await pool.end();
      await asAdmin(adminUrl, `drop database if exists ${name} with (force)`);
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}
