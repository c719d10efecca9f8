import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Exec } from '../platform/db/database.ts';
import type {
  Direction,
  ReferralEventsTable,
  ReferralReceiptsTable,
  ReferralStatus,
  ReferralsTable,
} from './tables.ts';

// The only SQL on the referral tables. Every function takes the executor (db or a transaction).
// Local users only ever see their own agency's referrals: another agency's is "not found".

export type ReferralRow = Omit<
  Selectable<ReferralsTable>,
  'incoming_referral_date' | 'outgoing_referral_date'
> & {
  incoming_referral_date: string | null;
  outgoing_referral_date: string | null;
};
export type EventRow = Selectable<ReferralEventsTable>;
export type ReceiptRow = Selectable<ReferralReceiptsTable>;

function selectReferrals(db: Exec) {
  return db
    .selectFrom('referrals')
    .selectAll()
    .select(sql<string | null>`incoming_referral_date::text`.as('incoming_referral_date'))
    .select(sql<string | null>`outgoing_referral_date::text`.as('outgoing_referral_date'));
}

export async function insertReferral(tx: Exec, values: Insertable<ReferralsTable>): Promise<void> {
  await tx.insertInto('referrals').values(values).execute();
}

export async function updateReferral(
  tx: Exec,
  id: string,
  values: Updateable<ReferralsTable>,
): Promise<void> {
  await tx
    .updateTable('referrals')
    .set({ ...values, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** The agency's referral, locked for update when asked (every transition locks it first). */
export async function findReferral(
  db: Exec,
  agencyId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReferralRow | undefined> {
  let query = selectReferrals(db).where('id', '=', id).where('agency_id', '=', agencyId);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * A referral exchanged with this peer, locked: in one direction for inbound messages, in either for
 * the federation's dead letters (a conversation is the referral's id on both nodes).
 */
export async function lockPeerReferral(
  tx: Exec,
  peerId: string,
  id: string,
  direction?: Direction,
): Promise<ReferralRow | undefined> {
  let query = selectReferrals(tx).where('id', '=', id).where('peer_id', '=', peerId);
  if (direction) query = query.where('direction', '=', direction);
  return query.forUpdate().executeTakeFirst();
}

export async function referralExists(db: Exec, id: string): Promise<boolean> {
  return (
    (await db.selectFrom('referrals').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function listReferrals(
  db: Exec,
  agencyId: string,
  options: { direction: Direction; status?: ReferralStatus; limit: number; personId?: string },
): Promise<ReferralRow[]> {
  let query = selectReferrals(db)
    .where('agency_id', '=', agencyId)
    .where('direction', '=', options.direction);
  if (options.status) query = query.where('status', '=', options.status);
  if (options.personId) query = query.where('person_id', '=', options.personId);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
}

/** Sent outgoing referrals that relied on this consent and are not withdrawn yet, locked. */
export async function lockReferralsRelyingOn(tx: Exec, consentId: string): Promise<ReferralRow[]> {
  return selectReferrals(tx)
    .where('direction', '=', 'outgoing')
    .where(sql<boolean>`consent_ids @> array[${consentId}]::uuid[]`)
    .where('status', 'not in', ['draft', 'withdrawn'])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function insertEvent(tx: Exec, values: Insertable<ReferralEventsTable>): Promise<void> {
  await tx.insertInto('referral_events').values(values).execute();
}

export async function listEvents(db: Exec, referralId: string): Promise<EventRow[]> {
  return db
    .selectFrom('referral_events')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
}

/** Overwrites every sealed note of the referral's timeline (the purge after a withdrawal). */
export async function purgeEventNotes(tx: Exec, referralId: string): Promise<void> {
  await tx
    .updateTable('referral_events')
    .set({ note_enc: null })
    .where('referral_id', '=', referralId)
    .execute();
}

export async function insertReceipt(tx: Exec, values: Insertable<ReferralReceiptsTable>): Promise<boolean> {
  const rows = await tx
    .insertInto('referral_receipts')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function listReceipts(db: Exec, referralId: string): Promise<ReceiptRow[]> {
  return db
    .selectFrom('referral_receipts')
    .selectAll()
    .where('referral_id', '=', referralId)
    .orderBy('opened_at')
    .execute();
}

export async function agencyName(db: Exec, agencyId: string): Promise<string> {
  const row = await db.selectFrom('agencies').select('name').where('id', '=', agencyId).executeTakeFirst();
  return row?.name ?? 'unknown agency';
}

/**
 * The local agency an incoming referral is for: the one named (compared without case or spacing
 * differences); undefined when none is. Never another: the sender named this one, and checked the
 * person's consent against that name.
 */
export async function receivingAgencyId(db: Exec, name: string): Promise<string | undefined> {
  const named = await db
    .selectFrom('agencies')
    .select('id')
    .where(
      sql<boolean>`lower(regexp_replace(name, '\\s+', ' ', 'g')) = lower(regexp_replace(${name}, '\\s+', ' ', 'g'))`,
    )
    .orderBy('created_at')
    .executeTakeFirst();
  return named?.id;
}

export async function userDisplayName(db: Exec, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('display_name').where('id', '=', userId).executeTakeFirst();
  return row?.display_name ?? 'unknown user';
}
