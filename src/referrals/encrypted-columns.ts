import type { EncryptedColumn } from '../platform/crypto/registry.ts';
import { fieldContext } from '../victims/encrypted-columns.ts';

// The referral module's field-encrypted columns, for key rotation (platform/crypto/registry.ts).
// Plain objects, so the registry can import this file. AAD "<table>.<column without _enc>:<id>".

export type ReferralSealed =
  | 'incoming_referral_details_enc'
  | 'outgoing_referral_details_enc'
  | 'shared_data_enc'
  | 'assessment_enc';

export const referralContext = (column: ReferralSealed, id: string) => fieldContext('referrals', column, id);
export const eventNoteContext = (id: string) => fieldContext('referral_events', 'note_enc', id);

const column = (table: string, name: string): EncryptedColumn => ({
  table,
  idColumn: 'id',
  column: name,
  context: (id) => fieldContext(table, name, id),
});

export const referralEncryptedColumns: readonly EncryptedColumn[] = [
  column('referrals', 'incoming_referral_details_enc'),
  column('referrals', 'outgoing_referral_details_enc'),
  column('referrals', 'shared_data_enc'),
  column('referrals', 'assessment_enc'),
  column('referral_events', 'note_enc'),
];
