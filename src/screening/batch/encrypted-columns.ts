import type { EncryptedColumn } from '../../platform/crypto/registry.ts';

// The batch module's sealed columns, for key rotation (platform/crypto/registry.ts). Plain objects,
// so the registry can import this file. A value's context names its table, column, batch and
// position ("screening_batch_chunks.data:<batch id>:<seq>"): a chunk or a result swapped with
// another, or moved to another batch, does not open. row_key is the generated "<batch id>:<seq>".

export type BatchSealedTable = 'screening_batch_chunks' | 'screening_batch_results';

export const rowKey = (batchId: string, seq: number) => `${batchId}:${seq}`;
export const batchDataContext = (table: BatchSealedTable, key: string) => `${table}.data:${key}`;

// Values are large (a chunk seals 1 MiB as about 1.8 MB of text; a checkpoint's results a few MB):
// a rotation re-seals a few rows at a time, not the default 500.
const ROWS_PER_BATCH = 8;

const column = (table: BatchSealedTable): EncryptedColumn => ({
  table,
  idColumn: 'row_key',
  column: 'data_enc',
  context: (key) => batchDataContext(table, key),
  batchSize: ROWS_PER_BATCH,
});

export const batchEncryptedColumns: readonly EncryptedColumn[] = [
  column('screening_batch_chunks'),
  column('screening_batch_results'),
];
