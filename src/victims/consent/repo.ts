import { type Insertable, type Selectable, sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { ConsentsTable, ConsentWithdrawalsTable } from './tables.ts';

// The only SQL of the consent module. Every function takes the executor (db or a transaction).

export type ConsentRow = Selectable<ConsentsTable>;
export type WithdrawalRow = Selectable<ConsentWithdrawalsTable>;
export type ConsentHistory = { consent: ConsentRow; withdrawal: WithdrawalRow | null };

/** Locks the person's row against deletion while a consent is added; false when there is none. */
export async function lockPerson(tx: Exec, personId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('persons')
    .select('id')
    .where('id', '=', personId)
    .forShare()
    .executeTakeFirst();
  return row !== undefined;
}

export async function personExists(db: Exec, personId: string): Promise<boolean> {
  const row = await db.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
  return row !== undefined;
}

export async function insertConsent(tx: Exec, row: Insertable<ConsentsTable>): Promise<ConsentRow> {
  return tx.insertInto('consents').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The consent, locked for update: a withdrawal waits for shares deciding on it, and they for it. */
export async function lockConsent(tx: Exec, id: string): Promise<ConsentRow | undefined> {
  return tx.selectFrom('consents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findWithdrawal(db: Exec, consentId: string): Promise<WithdrawalRow | undefined> {
  return db
    .selectFrom('consent_withdrawals')
    .selectAll()
    .where('consent_id', '=', consentId)
    .executeTakeFirst();
}

/** Inserts the withdrawal, effective at the database clock now (after the lock was granted). */
export async function insertWithdrawal(
  tx: Exec,
  row: Omit<Insertable<ConsentWithdrawalsTable>, 'withdrawn_at'>,
): Promise<WithdrawalRow> {
  return tx
    .insertInto('consent_withdrawals')
    .values({ ...row, withdrawn_at: sql<Date>`clock_timestamp()` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function withdrawalsOf(db: Exec, personId: string): Promise<Map<string, WithdrawalRow>> {
  const rows = await db
    .selectFrom('consent_withdrawals')
    .selectAll()
    .where('person_id', '=', personId)
    .execute();
  return new Map(rows.map((w) => [w.consent_id, w]));
}

function joined(consents: ConsentRow[], withdrawals: Map<string, WithdrawalRow>): ConsentHistory[] {
  return consents.map((consent) => ({ consent, withdrawal: withdrawals.get(consent.id) ?? null }));
}

/**
 * A person's consents and withdrawals for a sharing decision, inside the caller's transaction.
 * The consents are locked FOR SHARE first (waiting for any withdrawal in progress to commit), and
 * only then are the withdrawals read, by a second statement with a fresh snapshot: one joined
 * statement would keep the snapshot taken before the wait and miss that withdrawal.
 */
export async function lockConsentsForDecision(tx: Exec, personId: string): Promise<ConsentHistory[]> {
  const consents = await tx
    .selectFrom('consents')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id')
    .forShare()
    .execute();
  return joined(consents, await withdrawalsOf(tx, personId));
}

/** A person's consents, newest first, with their withdrawals (no locks: for display). */
export async function listConsents(db: Exec, personId: string): Promise<ConsentHistory[]> {
  const consents = await db
    .selectFrom('consents')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('given_at', 'desc')
    .orderBy('id')
    .execute();
  return joined(consents, await withdrawalsOf(db, personId));
}

/** The database clock, so decisions and withdrawals are ordered on one clock. */
export async function databaseNow(db: Exec): Promise<Date> {
  const r = await sql<{ now: Date }>`select clock_timestamp() as now`.execute(db);
  const now = r.rows[0]?.now;
  if (!now) throw new Error('the database returned no time');
  return now;
}
