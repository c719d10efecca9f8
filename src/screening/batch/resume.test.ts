import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import type { Principal } from '../../platform/http/policy.ts';
import { type JobSystem, startJobs } from '../../platform/jobs/runner.ts';
import { MAX_ATTEMPTS } from './job.ts';
import { findBatch } from './repo.ts';
import { resultsStream } from './results.ts';
import { runBatch, screenBatch } from './run.ts';
import { storeUpload, type UploadMeta } from './upload.ts';

// Runs of the screening.batch job, driven by hand (no workers here): interrupted, doubled, handed
// over, failing. Whatever happens, each line's result and alert is saved exactly once.

const logger = pino({ level: 'silent' });
const SCAM = 'Việc nhẹ lương cao tại Campuchia 1500$/tháng, bao vé máy bay, liên hệ Telegram @kk_jobs88';
const THAI = 'รับสมัครงานด่วน ทำงานที่กัมพูชา เงินเดือนสูง ไม่ต้องมีประสบการณ์ ติดต่อไลน์ @jobcambo99';
const BURMESE = 'ထိုင်းနိုင်ငံတွင် အလုပ်ရှာဖွေနေသူများ လစာကောင်း';
const ORDINARY = 'Hiring an accountant in Bangkok, salary negotiable. Send your CV to hr@example.co.th';
const WATCHED = 'message me on telegram t.me/boss_recruiter9';

// 30 lines with multi-byte text, CRLF, blank and bad lines: with 64-byte chunks, lines and
// characters straddle chunk boundaries everywhere.
const CONTENT = Array.from({ length: 30 }, (_, i) => {
  const texts = [SCAM, THAI, BURMESE, ORDINARY, WATCHED];
  if (i % 11 === 5) return '';
  if (i % 13 === 7) return '{"id": broken';
  const line = JSON.stringify({ id: `post-${i}`, text: texts[i % texts.length] });
  return i % 4 === 0 ? `${line}\r` : line;
}).join('\n');

let t: TestApp;
let jobs: JobSystem;
let client: TestClient;
let principal: Principal;

beforeAll(async () => {
  t = await createTestApp();
  // Creates the queues (enqueue needs them), without workers: the tests run the job themselves.
  jobs = await startJobs({ url: t.database.url, db: t.deps.db, logger, work: false });
  client = await t.loginAs(['investigator']);
  principal = await t.principalOf(client);
  const watch = await client.request('POST', '/api/watchlist', {
    kind: 'telegram',
    value: 'boss_recruiter9',
  });
  expect(watch.status).toBe(201);
});
afterAll(async () => {
  await jobs?.stop(5_000);
  await t?.close();
});

async function newBatch(chunkBytes = 64): Promise<string> {
  const body = new Blob([CONTENT]).stream();
  const batch = await storeUpload(t.deps.db, t.deps.cipher, principal, body, {
    format: 'jsonl',
    name: null,
    maxBytes: 1024 * 1024,
    chunkBytes,
  });
  return batch.id;
}

async function state(id: string) {
  const b = await findBatch(t.deps.db, id);
  if (!b) throw new Error(`no batch ${id}`);
  const rows = await t.deps.db
    .selectFrom('screening_batch_results')
    .select('seq')
    .where('batch_id', '=', id)
    .orderBy('seq')
    .execute();
  const text = await new Response(resultsStream(t.deps, id, b.checkpoints)).text();
  return { batch: b, seqs: rows.map((r) => r.seq), text };
}

async function batchAlerts(): Promise<number> {
  const row = await t.deps.db
    .selectFrom('screening_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('source', '=', 'batch')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function alertsOfBatch(batchId: string): Promise<number> {
  const row = await t.deps.db
    .selectFrom('screening_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('batch_id', '=', batchId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

let reference: Awaited<ReturnType<typeof state>>;
let alertsPerRun: number;

describe('a batch run', () => {
  it('screens the whole upload, whatever its chunk size', async () => {
    const before = await batchAlerts();
    const id = await newBatch();
    expect(await runBatch(t.deps, id, { checkpointLines: 4 })).toBe('done');
    reference = await state(id);
    alertsPerRun = (await batchAlerts()) - before;
    expect(reference.batch.status).toBe('done');
    expect(Number(reference.batch.lines_done)).toBe(30);
    expect(reference.seqs).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(reference.text.trimEnd().split('\n')).toHaveLength(27);
    expect(alertsPerRun).toBeGreaterThan(5);
    expect(Number(reference.batch.alerts)).toBe(alertsPerRun);
    // Each alert names the batch that raised it.
    expect(await alertsOfBatch(id)).toBe(alertsPerRun);

    const whole = await newBatch(1024 * 1024);
    expect(await runBatch(t.deps, whole, { checkpointLines: 1000 })).toBe('done');
    expect((await state(whole)).text).toBe(reference.text);
  });

  it('resumes after an interruption without losing or repeating results or alerts', async () => {
    const id = await newBatch();
    const alertsBefore = await batchAlerts();
    const created = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('audit_entries')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('action', '=', 'alert.create')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const auditBefore = await created();
    const killed = runBatch(t.deps, id, {
      checkpointLines: 4,
      afterCheckpoint: (cursor) => {
        if (cursor.seq === 3) throw new Error('the worker was killed');
      },
    });
    await expect(killed).rejects.toThrow('the worker was killed');
    const halfway = await state(id);
    expect(halfway.batch.status).toBe('running');
    expect(halfway.seqs).toEqual([0, 1, 2]);
    expect(Number(halfway.batch.lines_done)).toBe(12);
    expect(reference.text.startsWith(halfway.text)).toBe(true);

    expect(await runBatch(t.deps, id, { checkpointLines: 4 })).toBe('done');
    const resumed = await state(id);
    expect(resumed.text).toBe(reference.text);
    expect(resumed.seqs).toEqual(reference.seqs);
    expect(Number(resumed.batch.alerts)).toBe(alertsPerRun);
    expect((await batchAlerts()) - alertsBefore).toBe(alertsPerRun);
    expect((await created()) - auditBefore).toBe(alertsPerRun);
    expect(await alertsOfBatch(id)).toBe(alertsPerRun);
    // A finished batch is left alone by a late duplicate of its job.
    expect(await runBatch(t.deps, id)).toBe('not-running');
  });

  it('saves each line once when two runs of the same batch race', async () => {
    const id = await newBatch();
    const alertsBefore = await batchAlerts();
    const outcomes = await Promise.all([
      runBatch(t.deps, id, { checkpointLines: 3 }),
      runBatch(t.deps, id, { checkpointLines: 3 }),
    ]);
    expect(outcomes).toContain('done');
    const raced = await state(id);
    expect(raced.text).toBe(reference.text);
    expect((await batchAlerts()) - alertsBefore).toBe(alertsPerRun);
  });

  it('hands over to a continuation job when its time is up', async () => {
    const id = await newBatch();
    expect(await runBatch(t.deps, id, { runMs: 0, checkpointLines: 5 })).toBe('continued');
    const queued = await sql<{ n: string }>`select count(*) as n from pgboss.job
      where name = 'screening.batch' and data ->> 'batchId' = ${id}`.execute(t.deps.db);
    // The upload's job and the continuation.
    expect(Number(queued.rows[0]?.n)).toBe(2);
    expect((await state(id)).seqs).toEqual([0]);
    expect(await runBatch(t.deps, id, { checkpointLines: 5 })).toBe('done');
    expect((await state(id)).text).toBe(reference.text);
  });

  it('marks the batch failed after its last allowed failure, keeping what it saved', async () => {
    const id = await newBatch();
    // Lose the end of the upload: every run reads short and fails.
    await t.deps.db
      .deleteFrom('screening_batch_chunks')
      .where('batch_id', '=', id)
      .where('seq', '>', 20)
      .execute();
    await expect(runBatch(t.deps, id, { checkpointLines: 2 })).rejects.toThrow(/chunk 21 is missing/);
    const ctx = { db: t.deps.db, logger, jobId: 'test-job', cipher: async () => t.deps.cipher };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await expect(screenBatch({ batchId: id }, ctx)).rejects.toThrow(/chunk 21 is missing/);
      const { batch } = await state(id);
      expect(batch.failures).toBe(attempt);
      if (attempt < MAX_ATTEMPTS) {
        expect(batch.status).toBe('running');
        expect(batch.error).toBe('A screening run failed; it will be retried.');
      } else {
        expect(batch.status).toBe('failed');
        expect(batch.error).toMatch(/failed 5 times.*test-job/);
      }
    }
    const failed = await state(id);
    expect(failed.text.length).toBeGreaterThan(0);
    expect(reference.text.startsWith(failed.text)).toBe(true);
    const res = await client.request('GET', `/api/screen/batch/${id}/results`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-batch-status')).toBe('failed');
    expect(await res.text()).toBe(failed.text);
  });

  it('reports each checkpoint in GET /api/screen/batch/{id} while the run goes on', async () => {
    const id = await newBatch();
    type Progress = {
      status: string;
      linesDone: number;
      bytesDone: number;
      totalBytes: number;
      percent: number;
    };
    const seen: Progress[] = [];
    const read = async (): Promise<Progress> => {
      const res = await client.request('GET', `/api/screen/batch/${id}`);
      expect(res.status).toBe(200);
      return (await res.json()).batch;
    };
    expect(await read()).toMatchObject({ status: 'queued', linesDone: 0, bytesDone: 0, percent: 0 });
    const outcome = await runBatch(t.deps, id, {
      checkpointLines: 4,
      afterCheckpoint: async () => {
        seen.push(await read());
      },
    });
    expect(outcome).toBe('done');
    const total = Buffer.byteLength(CONTENT);
    expect(seen.map((p) => p.linesDone)).toEqual([4, 8, 12, 16, 20, 24, 28, 30]);
    const during = seen.slice(0, -1);
    for (const [i, p] of during.entries()) {
      expect(p.status).toBe('running');
      expect(p.bytesDone).toBeGreaterThan(i === 0 ? 0 : (during[i - 1]?.bytesDone ?? 0));
      expect(p.bytesDone).toBeLessThan(total);
      expect(p.percent).toBe(Math.floor((p.bytesDone / total) * 1000) / 10);
      expect(p.percent).toBeGreaterThan(0);
      expect(p.percent).toBeLessThan(100);
    }
    expect(seen.at(-1)).toMatchObject({ status: 'done', bytesDone: total, totalBytes: total, percent: 100 });
  });

  it('answers 409 for the results of a batch still queued', async () => {
    const res = await t.app.request('/api/screen/batch', {
      method: 'POST',
      body: CONTENT,
      headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    });
    expect(res.status).toBe(202);
    const { batch } = await res.json();
    expect(batch).toMatchObject({ status: 'queued', percent: 0, linesDone: 0 });
    const early = await client.request('GET', `/api/screen/batch/${batch.id}/results`);
    expect(early.status).toBe(409);
    expect((await early.json()).error.message).toMatch(/still being screened/);
  });
});

describe('an upload that stalls', () => {
  /** Sends one line, then nothing: a client that stopped sending without closing. */
  const stalled = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${JSON.stringify({ text: ORDINARY })}\n`));
      },
    });
  const count = async () =>
    Number(
      (
        await t.deps.db
          .selectFrom('screening_batches')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('is dropped with 408 and leaves nothing; meanwhile at most four uploads hold connections', async () => {
    const before = await count();
    const meta: UploadMeta = { format: 'jsonl', name: null, maxBytes: 1024 * 1024, idleMs: 1500 };
    const holding = Promise.allSettled(
      Array.from({ length: 4 }, () => storeUpload(t.deps.db, t.deps.cipher, principal, stalled(), meta)),
    );
    // storeUpload counts an upload as it is called, before its first await: a fifth is refused now.
    await expect(storeUpload(t.deps.db, t.deps.cipher, principal, stalled(), meta)).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
    });
    for (const outcome of await holding) {
      expect(outcome.status).toBe('rejected');
      if (outcome.status === 'rejected') {
        expect(outcome.reason).toMatchObject({ status: 408, message: /No data arrived for 1.5 s/ });
      }
    }
    expect(await count()).toBe(before);
    // The slots are free again.
    const body = new Blob([`${JSON.stringify({ text: ORDINARY })}\n`]).stream();
    await expect(storeUpload(t.deps.db, t.deps.cipher, principal, body, meta)).resolves.toMatchObject({
      status: 'queued',
    });
  });
});
