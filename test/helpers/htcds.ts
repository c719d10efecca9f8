import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { Role } from '../../src/platform/auth/roles.ts';
import { loadFieldCipher } from '../../src/platform/crypto/fields.ts';
import { exportHtcds } from '../../src/victims/htcds/export.ts';
import { type ImportOptions, importHtcds } from '../../src/victims/htcds/import.ts';
import { bufferSource, type HtcdsFormat } from '../../src/victims/htcds/source.ts';
import { loadIdentificationCatalog } from '../../src/victims/identification/load.ts';
import { createTestDatabase } from './db.ts';

// A fresh database with an agency, a caseworker named "caseworker" and an investigator, for the
// HTCDS service tests; import and export helpers over buffers.

export type Actor = { userId: string; username: string; agencyId: string; roles: Role[] };

export async function htcdsDatabase() {
  const database = await createTestDatabase();
  const cipher = await loadFieldCipher(database.db, randomBytes(32));
  const catalog = loadIdentificationCatalog();
  const agency = await database.db
    .insertInto('agencies')
    .values({ name: 'Mae Sot shelter', org_type: 'NGO', country: 'TH' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = async (username: string, roles: Role[]): Promise<Actor> => {
    const row = await database.db
      .insertInto('users')
      .values({ agency_id: agency.id, username, display_name: username, password_hash: 'x', roles })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { userId: row.id, username, agencyId: agency.id, roles };
  };
  const caseworker = await user('caseworker', ['caseworker']);
  const investigator = await user('investigator', ['investigator']);
  const deps = { db: database.db, cipher, catalog, url: database.url };

  async function importText(
    data: string | Uint8Array,
    options: Partial<ImportOptions> & { format?: HtcdsFormat; name?: string } = {},
  ) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const format = options.format ?? 'csv';
    return importHtcds(deps, caseworker, bufferSource(options.name ?? `test.${format}`, format, bytes), {
      maxBytes: 64 * 1024 * 1024,
      ...options,
    });
  }

  async function exportBytes(format: HtcdsFormat = 'csv', actor: Actor = caseworker) {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const report = await exportHtcds(deps, actor, { format }, out);
    return { bytes: Buffer.concat(chunks), report };
  }

  return {
    database,
    db: database.db,
    cipher,
    catalog,
    agencyId: agency.id,
    caseworker,
    investigator,
    user,
    importText,
    exportBytes,
    close: () => database.close(),
  };
}

export type HtcdsDatabase = Awaited<ReturnType<typeof htcdsDatabase>>;
