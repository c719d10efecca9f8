import type { EncryptedColumn } from '../platform/crypto/registry.ts';

// Every field-encrypted column of this module, for key rotation (platform/crypto/registry.ts).
// A value's AAD is "<table>.<column without _enc>:<row id>", so a value moved to another row or
// column fails to open. The catalogue test checks this list against data/htcds/fields.json and
// against the migrated database.

/** The AAD of an encrypted value: binds it to its table, column and row. */
export function fieldContext(table: string, column: string, id: string): string {
  return `${table}.${column.replace(/_enc$/, '')}:${id}`;
}

const columnsOf = (table: string, idColumn: string, columns: readonly string[]): EncryptedColumn[] =>
  columns.map((column) => ({ table, idColumn, column, context: (id) => fieldContext(table, column, id) }));

export const PERSON_ENCRYPTED_COLUMNS = [
  'salutation_enc',
  'first_name_enc',
  'middle_name_enc',
  'second_name_enc',
  'birthdate_enc',
  'identity_number_enc',
  'email_enc',
  'home_phone_enc',
  'mobile_phone_enc',
  'mailing_street_enc',
  'mailing_city_enc',
  'mailing_state_enc',
  'mailing_postal_code_enc',
  'mailing_latitude_enc',
  'mailing_longitude_enc',
] as const;

/** Plain objects (no import of the registry's helpers), so the registry can import this file. */
export const victimsEncryptedColumns: readonly EncryptedColumn[] = [
  ...columnsOf('victims_secrets', 'name', ['secret_enc']),
  ...columnsOf('persons', 'id', PERSON_ENCRYPTED_COLUMNS),
  ...columnsOf('victim_contexts', 'person_id', ['details_of_vulnerabilities_enc']),
  ...columnsOf('perpetrator_contexts', 'person_id', ['role_details_enc']),
  ...columnsOf('cases', 'id', ['close_reason_enc']),
  ...columnsOf('case_comments', 'id', ['body_enc']),
  ...columnsOf('trafficking_events', 'id', ['description_enc']),
  ...columnsOf('support_plans', 'id', ['objectives_enc', 'action_plan_enc']),
];
