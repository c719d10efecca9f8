import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { FederationTables } from '../../federation/tables.ts';
import type { ReferralsTables } from '../../referrals/tables.ts';
import type { ScreeningBatchTables } from '../../screening/batch/tables.ts';
import type { ScreeningTables } from '../../screening/tables.ts';
import type { CaseManagementTables } from '../../victims/cases/tables.ts';
import type { ConsentTables } from '../../victims/consent/tables.ts';
import type { DuplicatesTables } from '../../victims/duplicates/tables.ts';
import type { HtcdsTables } from '../../victims/htcds/tables.ts';
import type { IdentificationTables } from '../../victims/identification/tables.ts';
import type { VictimsTables } from '../../victims/tables.ts';
import type { AuditTables } from '../audit/tables.ts';
import type { PlatformTables } from './tables.ts';

// bigint columns (int8) stay strings, as pg returns them, so no precision is lost.
// Each module declares its own tables; the database type is their union.
export type DB = PlatformTables &
  AuditTables &
  ScreeningTables &
  VictimsTables &
  ConsentTables &
  IdentificationTables &
  DuplicatesTables &
  HtcdsTables &
  CaseManagementTables &
  ScreeningBatchTables &
  FederationTables &
  ReferralsTables;
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** An executor: the database, or a transaction. Repositories take one as their first argument. */
export type Exec = Kysely<DB>;

export type Database = { db: Db; pool: pg.Pool; close(): Promise<void> };

export function openDatabase(url: string, max = 20): Database {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'jaring' });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
