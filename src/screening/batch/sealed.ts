import { DecryptionError } from '../../platform/crypto/aead.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { batchDataContext, rowKey } from './encrypted-columns.ts';

// Uploads and results are sealed with the node's field encryption (AES-256-GCM under the active data
// key) before they reach the database. A chunk is raw bytes cut at a fixed size, so it may end inside
// a UTF-8 character: it is sealed as base64, never decoded as text.

/** A stored chunk or result that does not open (or has the wrong size): changed, swapped or moved. */
export class TamperedBatch extends Error {
  constructor(
    /** Which row: "chunk 3", "results row 0". */
    readonly what: string,
    batchId: string,
    detail: string,
  ) {
    super(
      `${what} of batch ${batchId} was tampered with (changed, swapped or moved in the database): ${detail}`,
    );
  }
}

export function sealChunk(cipher: FieldCipher, batchId: string, seq: number, bytes: Uint8Array): string {
  const base64 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  return cipher.encrypt(base64, batchDataContext('screening_batch_chunks', rowKey(batchId, seq)));
}

function opened(what: string, batchId: string, open: () => string): string {
  try {
    return open();
  } catch (err) {
    if (!(err instanceof DecryptionError)) throw err;
    throw new TamperedBatch(what, batchId, `it does not open (${err.message})`);
  }
}

export function openChunk(cipher: FieldCipher, batchId: string, seq: number, sealed: string): Buffer {
  const context = batchDataContext('screening_batch_chunks', rowKey(batchId, seq));
  const base64 = opened(`chunk ${seq}`, batchId, () => cipher.decrypt(sealed, context));
  return Buffer.from(base64, 'base64');
}

export function sealResults(cipher: FieldCipher, batchId: string, seq: number, jsonLines: string): string {
  return cipher.encrypt(jsonLines, batchDataContext('screening_batch_results', rowKey(batchId, seq)));
}

export function openResults(cipher: FieldCipher, batchId: string, seq: number, sealed: string): string {
  const context = batchDataContext('screening_batch_results', rowKey(batchId, seq));
  return opened(`results row ${seq}`, batchId, () => cipher.decrypt(sealed, context));
}
