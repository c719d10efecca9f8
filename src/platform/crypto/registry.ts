import { federationEncryptedColumns } from '../../federation/encrypted-columns.ts';
import { referralEncryptedColumns } from '../../referrals/encrypted-columns.ts';
import { batchEncryptedColumns } from '../../screening/batch/encrypted-columns.ts';
import { screeningEncryptedColumns } from '../../screening/encrypted-columns.ts';
import { caseManagementEncryptedColumns } from '../../victims/cases/encrypted-columns.ts';
import { consentEncryptedColumns } from '../../victims/consent/encrypted-columns.ts';
import { duplicatesEncryptedColumns } from '../../victims/duplicates/encrypted-columns.ts';
import { victimsEncryptedColumns } from '../../victims/encrypted-columns.ts';
import { htcdsEncryptedColumns } from '../../victims/htcds/encrypted-columns.ts';
import { identificationEncryptedColumns } from '../../victims/identification/encrypted-columns.ts';
import { totpContext } from '../auth/service.ts';

// Every column that holds field-encrypted values (fields.ts), so key rotation can find them all.
// Each module adds its columns to encryptedColumns below, once.

export type EncryptedColumn = {
  table: string;
  /** The row's key; its text form is what `context` receives. */
  idColumn: string;
  column: string;
  /** The AAD the value was sealed with; must match what the owning module passes to FieldCipher. */
  context: (id: string) => string;
  /** Rows re-sealed at a time by a rotation, when smaller than its default (for values of megabytes). */
  batchSize?: number;
};

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Checks the names (they are spliced into SQL as identifiers) and returns the column. */
export function defineEncryptedColumn(column: EncryptedColumn): EncryptedColumn {
  for (const name of [column.table, column.idColumn, column.column]) {
    if (!IDENTIFIER.test(name)) throw new Error(`${name} is not a plain lowercase SQL identifier`);
  }
  return column;
}

export const platformEncryptedColumns: readonly EncryptedColumn[] = [
  defineEncryptedColumn({ table: 'users', idColumn: 'id', column: 'totp_secret_enc', context: totpContext }),
];

export const encryptedColumns: readonly EncryptedColumn[] = [
  ...platformEncryptedColumns,
  ...victimsEncryptedColumns.map(defineEncryptedColumn),
  ...consentEncryptedColumns.map(defineEncryptedColumn),
  ...identificationEncryptedColumns.map(defineEncryptedColumn),
  ...htcdsEncryptedColumns.map(defineEncryptedColumn),
  ...caseManagementEncryptedColumns.map(defineEncryptedColumn),
  ...duplicatesEncryptedColumns.map(defineEncryptedColumn),
  ...federationEncryptedColumns.map(defineEncryptedColumn),
  ...referralEncryptedColumns.map(defineEncryptedColumn),
  ...batchEncryptedColumns.map(defineEncryptedColumn),
  ...screeningEncryptedColumns.map(defineEncryptedColumn),
];

export function columnName(column: EncryptedColumn): string {
  return `${column.table}.${column.column}`;
}
