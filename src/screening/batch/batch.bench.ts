// Upload throughput and memory of POST /api/screen/batch, and the job's screening rate, on ~500-byte
// posts from the shared SMS sets. Run: npx tsx src/screening/batch/batch.bench.ts [MB] [seconds]
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { z } from 'zod';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { loadConfig } from '../../platform/config.ts';
import { openEmbedded } from '../../platform/db/embedded.ts';
import { createApp } from '../../platform/http/app.ts';
import { startJobs } from '../../platform/jobs/runner.ts';
import { bootNode } from '../../platform/node/boot.ts';
import { datasetsDir } from '../model/datasets.ts';
import { findBatch } from './repo.ts';
import { runBatch } from './run.ts';

const megabytes = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 30);

function corpusLines(): string[] {
  const texts = ['th', 'id', 'vi'].flatMap((lang) =>
    readFileSync(join(datasetsDir(), `sms-${lang}.jsonl`), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => String(JSON.parse(l).text)),
  );
  const lines: string[] = [];
  for (let i = 0, post = ''; i < texts.length * 3; i++) {
    post += `${texts[(i * 7919) % texts.length]} `;
    if (Buffer.byteLength(post) >= 500) {
      lines.push(`${JSON.stringify({ id: `p${lines.length}`, text: post })}\n`);
      post = '';
    }
  }
  return lines;
}

/** `bytes` of JSON Lines, made as the reader asks for them (nothing held in memory). */
function body(lines: string[], bytes: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sent = 0;
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      let piece = '';
      while (piece.length < 64 * 1024) piece += lines[i++ % lines.length];
      const chunk = encoder.encode(piece);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

function peakRss() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.round(peak / 2 ** 20);
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'jaring-batch-bench-'));
chmodSync(dir, 0o755);
const server = await openEmbedded(dir, 'cli', () => {});
try {
  const config = loadConfig({
    JARING_DATA_DIR: dir,
    JARING_MASTER_KEY: randomBytes(32).toString('base64'),
    JARING_ADMIN_PASSWORD: 'a long enough bench password',
    JARING_LOG_LEVEL: 'silent',
  });
  const logger = pino({ level: 'silent' });
  const booted = await bootNode(config, server.url, logger);
  const jobs = await startJobs({ url: server.url, db: booted.deps.db, logger, work: false });
  const { app } = createApp(booted.deps);
  const agency = await booted.deps.db.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
  await booted.deps.db
    .insertInto('users')
    .values({
      agency_id: agency.id,
      username: 'bench',
      display_name: 'Bench',
      password_hash: await hashPassword('a long enough bench password'),
      roles: ['analyst'],
    })
    .execute();
  const login = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: 'a long enough bench password' }),
  });
  const { csrfToken } = z.object({ csrfToken: z.string() }).parse(await login.json());
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const lines = corpusLines();
  const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20);
  const upload = peakRss();
  let started = performance.now();
  const res = await app.request('/api/screen/batch', {
    method: 'POST',
    body: body(lines, megabytes * 2 ** 20),
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/x-ndjson' },
    duplex: 'half',
  });
  const uploadMs = performance.now() - started;
  const uploadPeak = upload.stop();
  const { batch } = z
    .object({ batch: z.object({ id: z.string(), totalBytes: z.number() }) })
    .parse(await res.json());
  console.log(
    `upload: ${res.status}, ${(batch.totalBytes / 2 ** 20).toFixed(0)} MB in ${(uploadMs / 1000).toFixed(1)} s ` +
      `(${(batch.totalBytes / 2 ** 20 / (uploadMs / 1000)).toFixed(0)} MB/s); RSS ${rssBefore} MB before, peak ${uploadPeak} MB`,
  );

  const screening = peakRss();
  started = performance.now();
  const outcome = await runBatch(booted.deps, batch.id, { runMs: seconds * 1000 });
  const ms = performance.now() - started;
  const after = await findBatch(booted.deps.db, batch.id);
  const done = Number(after?.lines_done ?? 0);
  console.log(
    `job run (${outcome}): ${done} lines, ${(Number(after?.bytes_done ?? 0) / 2 ** 20).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s ` +
      `(${Math.round(done / (ms / 1000))} lines/s, ${after?.checkpoints} checkpoints, ${after?.alerts} alerts); peak RSS ${screening.stop()} MB`,
  );
  await jobs.stop(1000);
  await booted.close();
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
