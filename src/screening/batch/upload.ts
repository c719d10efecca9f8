import { createHash } from 'node:crypto';
import { appendAudit } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db } from '../../platform/db/database.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { Principal } from '../../platform/http/policy.ts';
import { enqueue } from '../../platform/jobs/enqueue.ts';
import { bodyProblem, checkedChunks } from './body.ts';
import { screenBatchJob } from './job.ts';
import { type BatchRow, insertBatch, insertChunk, sealUpload } from './repo.ts';
import { sealChunk } from './sealed.ts';
import type { BatchFormat } from './tables.ts';

// An upload is streamed into PostgreSQL in chunk rows inside one transaction, checked on the way
// (size cap, UTF-8, no NUL bytes), each chunk encrypted (sealed.ts), then sealed with the SHA-256 of
// its plain bytes, audited and handed to the job in that same transaction: a refused or broken upload
// leaves nothing behind.

export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
// Each upload holds a database connection for its whole transfer: a few at a time per process, and
// a sender that stops sending is dropped (body.ts), so stalled clients cannot take every connection.
const MAX_UPLOADS = 4;
let uploading = 0;

export type UploadMeta = {
  format: BatchFormat;
  name: string | null;
  maxBytes: number;
  chunkBytes?: number;
  idleMs?: number;
};

/** Stores the body as a new batch of the principal's agency and enqueues its screening. */
export async function storeUpload(
  db: Db,
  cipher: FieldCipher,
  principal: Principal,
  body: ReadableStream<Uint8Array> | null,
  meta: UploadMeta,
): Promise<BatchRow> {
  const chunkBytes = meta.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  if (!body) throw bodyProblem('The upload is empty.', 'empty', 'must not be empty');
  if (uploading >= MAX_UPLOADS) {
    throw new HttpError(429, 'rate_limited', 'Too many uploads are in progress; try again in a minute.');
  }
  uploading += 1;
  try {
    return await store(db, cipher, principal, body, meta, chunkBytes);
  } finally {
    uploading -= 1;
  }
}

async function store(
  db: Db,
  cipher: FieldCipher,
  principal: Principal,
  body: ReadableStream<Uint8Array>,
  meta: UploadMeta,
  chunkBytes: number,
): Promise<BatchRow> {
  return db.transaction().execute(async (tx) => {
    const { id } = await insertBatch(tx, {
      agencyId: principal.agencyId,
      createdBy: principal.userId,
      name: meta.name,
      format: meta.format,
      chunkBytes,
    });
    const hash = createHash('sha256');
    let seq = 0;
    let total = 0;
    for await (const chunk of checkedChunks(body, chunkBytes, meta.maxBytes, meta.idleMs)) {
      hash.update(chunk);
      await insertChunk(tx, id, seq, sealChunk(cipher, id, seq, chunk));
      seq += 1;
      total += chunk.length;
    }
    const sha256 = hash.digest();
    const batch = await sealUpload(tx, id, total, sha256);
    await appendAudit(tx, {
      actor: { id: principal.userId, label: principal.username },
      action: 'screening_batch.upload',
      recordType: 'screening_batch',
      recordId: id,
      change: { name: meta.name, format: meta.format, bytes: total, sha256: sha256.toString('hex') },
    });
    await enqueue(tx, screenBatchJob, { batchId: id });
    return batch;
  });
}
