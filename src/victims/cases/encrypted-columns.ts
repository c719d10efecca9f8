import type { EncryptedColumn } from '../../platform/crypto/registry.ts';
import { fieldContext } from '../encrypted-columns.ts';

// The field-encrypted columns of migrations/0008 (registered in platform/crypto/registry.ts). Case
// comments, support-plan narratives and event descriptions are 0005's, listed in ../encrypted-columns.ts.
export const caseManagementEncryptedColumns: readonly EncryptedColumn[] = [
  {
    table: 'case_tasks',
    idColumn: 'id',
    column: 'title_enc',
    context: (id) => fieldContext('case_tasks', 'title_enc', id),
  },
];
