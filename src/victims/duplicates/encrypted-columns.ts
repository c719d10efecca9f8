import type { EncryptedColumn } from '../../platform/crypto/registry.ts';
import { fieldContext } from '../encrypted-columns.ts';

// A merge's reasons may name what made two records one person (a passport seen, a relative's
// word), so they are sealed. Plain objects, so platform/crypto/registry.ts can import this.

export const MERGE_SEALED = ['reason_enc', 'decision_note_enc', 'unmerge_reason_enc'] as const;
export type MergeSealedColumn = (typeof MERGE_SEALED)[number];

export const mergeContext = (column: MergeSealedColumn, id: string) =>
  fieldContext('person_merges', column, id);

export const duplicatesEncryptedColumns: readonly EncryptedColumn[] = MERGE_SEALED.map((column) => ({
  table: 'person_merges',
  idColumn: 'id',
  column,
  context: (id: string) => mergeContext(column, id),
}));
