import type { EncryptedColumn } from '../../platform/crypto/registry.ts';
import { fieldContext } from '../encrypted-columns.ts';

// The HTCDS module's field-encrypted columns, for key rotation (platform/crypto/registry.ts). Plain
// objects, so the registry can import this file. AAD "<table>.<column without _enc>:<case id>".

export const REFERRAL_ENCRYPTED_COLUMNS = [
  'referring_primary_case_worker_enc',
  'incoming_referral_details_enc',
  'referred_primary_case_worker_enc',
  'outgoing_referral_details_enc',
] as const;

export const htcdsEncryptedColumns: readonly EncryptedColumn[] = REFERRAL_ENCRYPTED_COLUMNS.map((column) => ({
  table: 'htcds_case_referrals',
  idColumn: 'case_id',
  column,
  context: (id: string) => fieldContext('htcds_case_referrals', column, id),
}));
