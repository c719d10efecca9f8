import type { ColumnType, JSONColumnType } from 'kysely';
import type { Category } from '../victims/consent/types.ts';
import type { RepatriationStep } from '../victims/tables.ts';

// Row types of migrations/0013_referrals.sql.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Fixed<T> = ColumnType<T, T, never>;

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  /** The receiving node refused the offer for good, or it could not be delivered in time. */
  'undelivered',
  'received',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type Direction = 'outgoing' | 'incoming';

/** HTCDS 2.0 cas_ReasonForIncomingReferral / cas_ReasonForOutgoingReferral. */
export const REFERRAL_REASONS = [
  'AdditionalServicesRequired',
  'MigrationOrChangeOfLocation',
  'Other',
] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];

export type RefusedCategory = { category: Category; reason: string; message: string };

export type ReferralsTable = {
  id: Fixed<string>;
  direction: Fixed<Direction>;
  agency_id: Fixed<string>;
  peer_id: Fixed<string>;
  peer_country: Fixed<string>;
  person_id: Fixed<string | null>;
  case_id: Fixed<string | null>;
  status: ReferralStatus;
  sending_agency: Fixed<string>;
  sending_country: Fixed<string>;
  receiving_agency: Fixed<string>;
  receiving_country: Fixed<string>;
  referring_organisation_id: string | null;
  incoming_referral_date: NullableDate;
  referring_primary_case_worker_id: string | null;
  reason_for_incoming_referral: ReferralReason | null;
  incoming_referral_details_enc: string | null;
  referred_organisation_id: string | null;
  referred_primary_case_worker_id: string | null;
  reason_for_outgoing_referral: ReferralReason | null;
  outgoing_referral_date: NullableDate;
  outgoing_referral_details_enc: string | null;
  categories_shared: ColumnType<Category[], Category[] | undefined, Category[]>;
  categories_refused: JSONColumnType<RefusedCategory[], string | undefined, string>;
  consent_ids: ColumnType<string[], string[] | undefined, string[]>;
  shared_data_enc: string | null;
  assessment_enc: string | null;
  sent_at: NullableTimestamp;
  received_at: NullableTimestamp;
  decided_at: NullableTimestamp;
  closed_at: NullableTimestamp;
  withdrawn_at: NullableTimestamp;
  purged_at: NullableTimestamp;
  purge_confirmed_at: NullableTimestamp;
  /** When the offer was dead-lettered, and why: the receiving node's error code, or 'expired'. */
  undelivered_at: NullableTimestamp;
  undelivered_reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export const EVENT_KINDS = [
  'created',
  'sent',
  'received',
  'accepted',
  'declined',
  'step',
  'reintegration',
  'completed',
  'closed',
  'withdrawn',
  'purged',
  'purge_confirmed',
  'assessment_shared',
  'undelivered',
  'delivery_failed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const STEP_STATUSES = ['planned', 'in_progress', 'done', 'not_needed'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export type ReferralEventsTable = {
  id: Fixed<string>;
  referral_id: Fixed<string>;
  kind: Fixed<EventKind>;
  status: Fixed<ReferralStatus>;
  step: Fixed<RepatriationStep | null>;
  step_status: Fixed<StepStatus | null>;
  actor_id: Fixed<string | null>;
  actor_label: Fixed<string>;
  node_id: Fixed<string>;
  node_country: Fixed<string>;
  note_enc: string | null;
  at: ColumnType<Date, Date | string, never>;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
};

export type ReferralReceiptsTable = {
  id: Fixed<string>;
  referral_id: Fixed<string>;
  reader_name: Fixed<string>;
  reader_agency: Fixed<string>;
  opened_at: ColumnType<Date, Date | string, never>;
  received_at: ColumnType<Date, Date | string | undefined, never>;
};

export type ReferralsTables = {
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  referral_receipts: ReferralReceiptsTable;
};
