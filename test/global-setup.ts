import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openEmbedded } from '../src/platform/db/embedded.ts';
import { migrate } from '../src/platform/db/migrate.ts';

// One embedded PostgreSQL per test run; a migrated template database that each test file clones.
export const TEMPLATE = 'jaring_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'jaring-test-'));
  chmodSync(dir, 0o755);
  const server = await openEmbedded(dir, 'cli', () => {});
  const adminUrl = server.url.replace(/\/jaring$/, '/postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${TEMPLATE}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: server.url.replace(/\/jaring$/, `/${TEMPLATE}`) });
  await migrate(pool);
  await pool.end();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', TEMPLATE);
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
