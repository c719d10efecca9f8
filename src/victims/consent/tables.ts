import type { ColumnType } from 'kysely';
import type { Category, ConsentMethod, Giver, Purpose, SubjectAge, WithdrawalMethod } from './types.ts';

// Row types of migrations/0006_victims_consent.sql. Rows are inserted once and never updated
// (a trigger refuses it), so the update types are `never` except for the re-encryptable columns.
type Fixed<T> = ColumnType<T, T, never>;
type FixedTimestamp = ColumnType<Date, Date | string, never>;

export type ConsentsTable = {
  id: Fixed<string>;
  person_id: Fixed<string>;
  agency_id: Fixed<string>;
  purpose: Fixed<Purpose>;
  categories: Fixed<Category[]>;
  recipient_country: Fixed<string>;
  recipient_agency: Fixed<string | null>;
  given_by: Fixed<Giver>;
  subject_age: Fixed<SubjectAge>;
  giver_name_enc: string | null;
  giver_relationship: Fixed<string | null>;
  method: Fixed<ConsentMethod>;
  form_sha256: Fixed<string | null>;
  witness_name_enc: string | null;
  witness_role: Fixed<string | null>;
  interpreter_language: Fixed<string | null>;
  interpreter_name_enc: string | null;
  con_consent: Fixed<boolean>;
  given_at: FixedTimestamp;
  expires_at: FixedTimestamp;
  recorded_by: Fixed<string>;
  recorded_at: ColumnType<Date, Date | string | undefined, never>;
};

export type ConsentWithdrawalsTable = {
  id: Fixed<string>;
  consent_id: Fixed<string>;
  person_id: Fixed<string>;
  stated_by: Fixed<Giver>;
  method: Fixed<WithdrawalMethod>;
  form_sha256: Fixed<string | null>;
  note_enc: string | null;
  withdrawn_at: FixedTimestamp;
  recorded_by: Fixed<string>;
};

export type ConsentTables = {
  consents: ConsentsTable;
  consent_withdrawals: ConsentWithdrawalsTable;
};
