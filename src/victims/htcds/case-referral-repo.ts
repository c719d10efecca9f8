import { type Insertable, type Selectable, sql } from 'kysely';
import type { Exec } from '../../platform/db/database.ts';
import type { HtcdsCaseReferralsTable } from './tables.ts';

// SQL on htcds_case_referrals for one case at a time (the import writes it in bulk: repo.ts).

export type CaseReferralRow = Omit<Selectable<HtcdsCaseReferralsTable>, 'agency_id'>;
type Values = Omit<Insertable<HtcdsCaseReferralsTable>, 'case_id' | 'agency_id' | 'updated_at'>;

/** The dates as 'YYYY-MM-DD' text. */
export const REFERRAL_DATES = [
  sql<string | null>`incoming_referral_date::text`.as('incoming_referral_date'),
  sql<string | null>`outgoing_referral_date::text`.as('outgoing_referral_date'),
];
/** Every column of a case's referral details but the dates and the keys. */
export const REFERRAL_VALUES = [
  'referring_organisation_id',
  'referring_primary_case_worker_enc',
  'reason_for_incoming_referral',
  'incoming_referral_details_enc',
  'referred_organisation_id',
  'referred_primary_case_worker_enc',
  'reason_for_outgoing_referral',
  'outgoing_referral_details_enc',
] as const;
const COLUMNS = ['case_id', ...REFERRAL_VALUES, 'updated_at'] as const;

export async function findCaseReferral(db: Exec, caseId: string): Promise<CaseReferralRow | undefined> {
  return db
    .selectFrom('htcds_case_referrals')
    .select(COLUMNS)
    .select(REFERRAL_DATES)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** Inserts or replaces the case's referral details. */
export async function saveCaseReferral(
  tx: Exec,
  ids: { caseId: string; agencyId: string },
  values: Values,
): Promise<CaseReferralRow> {
  const row = { ...values, updated_at: sql<Date>`now()` };
  return tx
    .insertInto('htcds_case_referrals')
    .values({ ...row, case_id: ids.caseId, agency_id: ids.agencyId })
    .onConflict((oc) => oc.column('case_id').doUpdateSet(row))
    .returning(COLUMNS)
    .returning(REFERRAL_DATES)
    .executeTakeFirstOrThrow();
}
