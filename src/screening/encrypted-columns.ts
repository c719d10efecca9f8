import type { EncryptedColumn } from '../platform/crypto/registry.ts';

// The screening module's sealed columns (migrations/0016), for key rotation
// (platform/crypto/registry.ts). Plain objects, so the registry can import this file. A value's
// context names its table, column and row ("screening_alerts.post_text:<alert id>"), so a value
// moved to another alert or column does not open. The batch module's columns: batch/encrypted-columns.ts.

export type AlertSealedColumn = 'post_text_enc' | 'result_enc';

export const alertContext = (column: AlertSealedColumn, alertId: string) =>
  `screening_alerts.${column.replace(/_enc$/, '')}:${alertId}`;

export const secretContext = (name: string) => `screening_secrets.secret:${name}`;

export const screeningEncryptedColumns: readonly EncryptedColumn[] = [
  {
    table: 'screening_alerts',
    idColumn: 'id',
    column: 'post_text_enc',
    context: (id) => alertContext('post_text_enc', id),
  },
  {
    table: 'screening_alerts',
    idColumn: 'id',
    column: 'result_enc',
    context: (id) => alertContext('result_enc', id),
  },
  { table: 'screening_secrets', idColumn: 'name', column: 'secret_enc', context: secretContext },
];
