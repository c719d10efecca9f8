import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { loadFieldCipher } from '../../platform/crypto/fields.ts';
import { parseMasterKey } from '../../platform/crypto/master-key.ts';
import { rotateDataKey } from '../../platform/crypto/rotate.ts';
import type { Principal } from '../../platform/http/policy.ts';
import { type JobSystem, startJobs } from '../../platform/jobs/runner.ts';
import { findBatch } from './repo.ts';
import { resultsStream } from './results.ts';
import { runBatch, screenBatch } from './run.ts';
import { openChunk, sealChunk } from './sealed.ts';
import { storeUpload } from './upload.ts';

// Uploads and results are sealed at rest: the tables hold no plain text, a chunk or result changed,
// swapped or moved in the database fails the batch as tampered (never screened as garbage), and key
// rotation re-seals both.

const logger = pino({ level: 'silent' });
const PHONE = '+66 81 234 5678';
const POST = `Việc nhẹ lương cao tại Campuchia 1500$/tháng, bao vé máy bay, gọi ngay ${PHONE} hoặc Telegram @kk_jobs88`;
const THAI = 'รับสมัครงานด่วน ทำงานที่กัมพูชา เงินเดือนสูง ไม่ต้องมีประสบการณ์ ติดต่อไลน์ @jobcambo99';
// Multi-byte text cut into 64-byte chunks: characters straddle chunk boundaries.
const CONTENT = Array.from({ length: 12 }, (_, i) =>
  JSON.stringify({ id: `p${i}`, text: i % 2 === 0 ? POST : THAI }),
).join('\n');

let t: TestApp;
let jobs: JobSystem;
let principal: Principal;

beforeAll(async () => {
  t = await createTestApp();
  jobs = await startJobs({ url: t.database.url, db: t.deps.db, logger, work: false });
  const client = await t.loginAs(['investigator']);
  principal = await t.principalOf(client);
});
afterAll(async () => {
  await jobs?.stop(5_000);
  await t?.close();
});

async function newBatch(chunkBytes = 64): Promise<string> {
  const body = new Blob([CONTENT]).stream();
  const meta = { format: 'jsonl' as const, name: null, maxBytes: 1 << 20, chunkBytes };
  return (await storeUpload(t.deps.db, t.deps.cipher, principal, body, meta)).id;
}

async function resultsText(id: string): Promise<string> {
  const batch = await findBatch(t.deps.db, id);
  return new Response(resultsStream(t.deps, id, batch?.checkpoints ?? 0)).text();
}

/** Every column of both tables, as PostgreSQL prints them. */
async function storedText(id: string): Promise<string> {
  const { rows } = await sql<{ row: string }>`
    select row_to_json(c)::text as row from screening_batch_chunks c where batch_id = ${id}
    union all
    select row_to_json(r)::text from screening_batch_results r where batch_id = ${id}`.execute(t.deps.db);
  return rows.map((r) => r.row).join('\n');
}

const chunkData = async (id: string, seq: number) =>
  (
    await t.deps.db
      .selectFrom('screening_batch_chunks')
      .select('data_enc')
      .where('batch_id', '=', id)
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow()
  ).data_enc;

const setChunk = (id: string, seq: number, dataEnc: string) =>
  t.deps.db
    .updateTable('screening_batch_chunks')
    .set({ data_enc: dataEnc })
    .where('batch_id', '=', id)
    .where('seq', '=', seq)
    .execute();

let reference: string;

describe('a sealed batch', () => {
  it('stores no plain text of the upload or its results, and reads both back', async () => {
    const id = await newBatch();
    expect(await runBatch(t.deps, id, { checkpointLines: 5 })).toBe('done');
    reference = await resultsText(id);
    const lines = reference.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(JSON.parse(lines[0] ?? '').identifiers).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'phone', normalized: '+66812345678' })]),
    );

    const stored = await storedText(id);
    expect(stored).toContain('jf1.');
    for (const secret of [POST, THAI, PHONE, '+66812345678', 'kk_jobs88', 'jobcambo99', '812345678']) {
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
    // Nor merely encoded: the upload's first bytes in base64 are not there either.
    expect(stored).not.toContain(Buffer.from(CONTENT.slice(0, 48)).toString('base64'));
    const batch = await findBatch(t.deps.db, id);
    expect(batch?.sha256?.toString('hex')).toMatch(/^[0-9a-f]{64}$/);

    // A chunk opens to exactly its bytes, even one that ends inside a character.
    const first = openChunk(t.deps.cipher, id, 0, await chunkData(id, 0));
    expect(first.equals(Buffer.from(CONTENT).subarray(0, 64))).toBe(true);
  });

  it.each([
    [
      'a changed byte',
      async (id: string) => {
        const value = await chunkData(id, 2);
        const flipped = value.at(-5) === 'A' ? 'B' : 'A';
        await setChunk(id, 2, `${value.slice(0, -5)}${flipped}${value.slice(-4)}`);
      },
    ],
    [
      'two chunks swapped',
      async (id: string) => {
        const [a, b] = [await chunkData(id, 2), await chunkData(id, 3)];
        await setChunk(id, 2, b);
        await setChunk(id, 3, a);
      },
    ],
    [
      'a chunk of another batch',
      async (id: string) => {
        const other = await newBatch();
        await setChunk(id, 2, await chunkData(other, 2));
      },
    ],
    [
      'a chunk of the wrong length, sealed with the right key',
      async (id: string) => {
        await setChunk(id, 2, sealChunk(t.deps.cipher, id, 2, Buffer.from('{"text":"x"}\n')));
      },
    ],
  ])('fails at once as tampered, never screening garbage: %s', async (_, tamper) => {
    const id = await newBatch();
    await tamper(id);
    const ctx = { db: t.deps.db, logger, jobId: 'test-job', cipher: async () => t.deps.cipher };
    await screenBatch({ batchId: id }, ctx);
    const batch = await findBatch(t.deps.db, id);
    expect(batch?.status).toBe('failed');
    expect(batch?.failures).toBe(0);
    expect(batch?.error).toMatch(/^Screening stopped: chunk 2 of the stored upload was tampered with/);
    // Only lines wholly before chunk 2 (bytes 0–127) were screened; they are kept, and true.
    expect(Number(batch?.bytes_done)).toBeLessThanOrEqual(128);
    expect(reference.startsWith(await resultsText(id))).toBe(true);
  });

  it('refuses to serve a results row that was tampered with', async () => {
    const id = await newBatch();
    expect(await runBatch(t.deps, id, { checkpointLines: 5 })).toBe('done');
    const rows = await t.deps.db
      .selectFrom('screening_batch_results')
      .select(['seq', 'data_enc'])
      .where('batch_id', '=', id)
      .orderBy('seq')
      .execute();
    const [r0, r1] = rows;
    if (!r0 || !r1) throw new Error('expected two results rows');
    await t.deps.db
      .updateTable('screening_batch_results')
      .set({ data_enc: r0.data_enc })
      .where('batch_id', '=', id)
      .where('seq', '=', 1)
      .execute();
    await expect(resultsText(id)).rejects.toThrow(/results row 1 of batch .* was tampered with/);
  });

  it('is re-sealed by a key rotation, and a batch stored before it screens after it', async () => {
    // A rotation stops at a value that does not open: the tampered batches above go first.
    await t.deps.db.deleteFrom('screening_batches').execute();
    const done = await newBatch();
    expect(await runBatch(t.deps, done, { checkpointLines: 5 })).toBe('done');
    const pending = await newBatch();
    const chunksBefore = await chunkData(pending, 0);
    const counts = await sql<{ chunks: string; results: string }>`select
      (select count(*) from screening_batch_chunks) as chunks,
      (select count(*) from screening_batch_results) as results`.execute(t.deps.db);

    const master = parseMasterKey(t.config.masterKey ?? '');
    const rotation = await rotateDataKey(t.deps.db, master, { batchSize: 500 });
    expect(rotation.reEncrypted).toMatchObject({
      'screening_batch_chunks.data_enc': Number(counts.rows[0]?.chunks),
      'screening_batch_results.data_enc': Number(counts.rows[0]?.results),
    });
    // A restarted process (a fresh cipher) reads everything under the new key.
    t.deps.cipher = await loadFieldCipher(t.deps.db, master);
    const chunkAfter = await chunkData(pending, 0);
    expect(chunkAfter).not.toBe(chunksBefore);
    expect(t.deps.cipher.keyIdOf(chunkAfter)).toBe(rotation.newKeyId);
    expect(await resultsText(done)).toBe(reference);
    expect(await runBatch(t.deps, pending, { checkpointLines: 5 })).toBe('done');
    expect(await resultsText(pending)).toBe(reference);
  });
});
