import type { ColumnType } from 'kysely';

// Row types of migrations/0010_victims_htcds.sql. Dates are read as 'YYYY-MM-DD' text (`::text`).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;

export type HtcdsCaseReferralsTable = {
  case_id: string;
  agency_id: string;
  referring_organisation_id: string | null;
  incoming_referral_date: NullableDateText;
  referring_primary_case_worker_enc: string | null;
  reason_for_incoming_referral: string | null;
  incoming_referral_details_enc: string | null;
  referred_organisation_id: string | null;
  referred_primary_case_worker_enc: string | null;
  reason_for_outgoing_referral: string | null;
  outgoing_referral_date: NullableDateText;
  outgoing_referral_details_enc: string | null;
  updated_at: Timestamp;
};

export type HtcdsInterviewConsentsTable = {
  person_id: string;
  agency_id: string;
  con_consent: boolean;
  updated_at: Timestamp;
};

export type HtcdsTables = {
  htcds_case_referrals: HtcdsCaseReferralsTable;
  htcds_interview_consents: HtcdsInterviewConsentsTable;
};
