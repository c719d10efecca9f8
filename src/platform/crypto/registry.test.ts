import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { columnName, encryptedColumns } from './registry.ts';

// Key rotation re-encrypts only registered columns: every column of the migrated schema that holds
// sealed values (named *_enc by convention) must be registered, and nothing registered may be missing.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe('the encrypted-column registry', () => {
  it('lists exactly the *_enc columns of the migrated database', async () => {
    const { rows } = await sql<{ name: string }>`
      select table_name || '.' || column_name as name from information_schema.columns
      where table_schema = 'public' and column_name like '%\\_enc' order by 1`.execute(database.db);
    // The node's private key is sealed under the master key itself (jaring keys rotate-master).
    const sealed = rows.map((r) => r.name).filter((name) => name !== 'node.private_key_enc');
    const registered = [...new Set(encryptedColumns.map(columnName))].sort();
    expect(registered).toEqual(sealed.sort());
  });
});
