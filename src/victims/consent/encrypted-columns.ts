import type { EncryptedColumn } from '../../platform/crypto/registry.ts';
import { fieldContext } from '../encrypted-columns.ts';

// The consent module's field-encrypted columns (identity-bearing names and the free-text note),
// for key rotation. Plain objects, so platform/crypto/registry.ts can import this file.

export const consentContext = (table: 'consents' | 'consent_withdrawals', column: string, id: string) =>
  fieldContext(table, column, id);

const column = (table: 'consents' | 'consent_withdrawals', name: string): EncryptedColumn => ({
  table,
  idColumn: 'id',
  column: name,
  context: (id) => consentContext(table, name, id),
});

export const consentEncryptedColumns: readonly EncryptedColumn[] = [
  column('consents', 'giver_name_enc'),
  column('consents', 'witness_name_enc'),
  column('consents', 'interpreter_name_enc'),
  column('consent_withdrawals', 'note_enc'),
];
