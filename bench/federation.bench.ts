// Signed, durable messages between two nodes on loopback (issue 5): throughput of a burst, and
// delivery latency (outbox row written → inbox row committed, both read off the one PostgreSQL
// clock) at a steady 500 messages/s. Each node has its own database; the sender runs in this
// process (it queues the messages), the receiver is a real `jaring serve` (the build in dist/) in
// its own process, as a peer node would be.

import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { logIn } from '../src/demo/http.ts';
import { enqueueMessage } from '../src/federation/outbox.ts';
import { pingKind } from '../src/federation/ping.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { freePort } from '../src/platform/db/embedded.ts';
import { createLogger } from '../src/platform/logging.ts';
import { type ServingNode, startServing } from '../src/platform/node/serving.ts';
import type { BenchResult } from './lib/types.ts';

const ADMIN_PASSWORD = 'benchmark administrator password';
const BURST = 5_000;
const CONVERSATIONS = 200;
const RATE = 500;
const STEADY_SECONDS = 10;

async function nodeEnv(adminUrl: string, country: string): Promise<Record<string, string>> {
  const name = `bench_fed_${country.toLowerCase()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const port = await freePort();
  return {
    DATABASE_URL: adminUrl.replace(/\/[^/]*$/, `/${name}`),
    PORT: String(port),
    HOST: '127.0.0.1',
    JARING_PUBLIC_URL: `http://127.0.0.1:${port}`,
    JARING_DATA_DIR: mkdtempSync(join(tmpdir(), 'jaring-bench-fed-')),
    JARING_MASTER_KEY: randomBytes(32).toString('base64'),
    JARING_ADMIN_PASSWORD: ADMIN_PASSWORD,
    JARING_LOG_LEVEL: 'silent',
    JARING_NODE_COUNTRY: country,
    JARING_NODE_NAME: `Bench ${country}`,
  };
}

async function startHere(env: Record<string, string>): Promise<ServingNode> {
  const config = loadConfig(env);
  return startServing(config, env.DATABASE_URL ?? '', createLogger(config));
}

type Remote = { address: string; db: Database; stop(): Promise<void> };

/** `jaring serve` from dist/ in a child process. */
async function startChild(env: Record<string, string>): Promise<Remote> {
  const bin = fileURLToPath(new URL('../bin/jaring.js', import.meta.url));
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes('is serving on')) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`jaring serve exited ${code}: ${output}`)));
  });
  const db = openDatabase(env.DATABASE_URL ?? '', 4);
  return {
    address: env.JARING_PUBLIC_URL ?? '',
    db,
    stop: async () => {
      await db.close();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function enqueue(
  from: ServingNode,
  to: string,
  n: number,
  conversations: string[],
  beforeCommit: () => void = () => {},
): Promise<string[]> {
  const { deps } = from.node;
  return deps.db.transaction().execute(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const sent = await enqueueMessage(tx, deps, {
        peerId: to,
        conversation: conversations[i % conversations.length] ?? randomUUID(),
        type: pingKind.type,
        version: pingKind.version,
        body: { note: 'x'.repeat(400) },
      });
      ids.push(sent.id);
    }
    beforeCommit();
    return ids;
  });
}

async function deliveredCount(node: ServingNode, ids: string[]): Promise<number> {
  const row = await node.node.deps.db
    .selectFrom('federation_outbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', 'in', ids)
    .where('status', '=', 'delivered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function waitDelivered(node: ServingNode, ids: string[]): Promise<void> {
  for (;;) {
    if ((await deliveredCount(node, ids)) === ids.length) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Delivery latency of each message: when the receiver wrote its inbox row (its clock is the
 * machine's, as Date.now() is) minus `sentAt`: the sending transaction's commit, or, with none
 * given, its start (the outbox row's created_at), which also counts the sender's own transaction.
 */
async function latencies(
  sender: ServingNode,
  receiver: Remote,
  ids: string[],
  committedAt?: Map<string, number>,
): Promise<number[]> {
  const sent = committedAt
    ? ids.map((id) => ({ id, at: committedAt.get(id) ?? Number.NaN }))
    : await sender.node.deps.db
        .selectFrom('federation_outbox')
        .select(['id', sql<number>`extract(epoch from created_at) * 1000`.as('at')])
        .where('id', 'in', ids)
        .execute();
  const got = await receiver.db.db
    .selectFrom('federation_inbox')
    .select(['message_id', sql<number>`extract(epoch from received_at) * 1000`.as('at')])
    .where('message_id', 'in', ids)
    .execute();
  const at = new Map(got.map((r) => [r.message_id, Number(r.at)]));
  return sent.map((s) => (at.get(s.id) ?? Number.NaN) - Number(s.at)).sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;

export async function runFederationBench(ctx: {
  url: string;
  log(line: string): void;
}): Promise<BenchResult[]> {
  const th = await startHere(await nodeEnv(ctx.url, 'TH'));
  const kh = await startChild(await nodeEnv(ctx.url, 'KH'));
  try {
    const thAdmin = await logIn(th.address, 'admin', ADMIN_PASSWORD);
    const khAdmin = await logIn(kh.address, 'admin', ADMIN_PASSWORD);
    const { invitation } = await thAdmin.call<{ invitation: string }>(
      'POST',
      '/api/federation/invitations',
      {},
    );
    const { peer } = await khAdmin.call<{ peer: { id: string } }>('POST', '/api/federation/peers', {
      invitation,
    });
    const khId = (await th.node.deps.db.selectFrom('federation_peers').select('id').executeTakeFirstOrThrow())
      .id;
    if (peer.id !== th.node.deps.node.id) throw new Error('peering went wrong');
    const conversations = Array.from({ length: CONVERSATIONS }, () => randomUUID());

    // Warm-up: connections, JIT.
    await waitDelivered(th, await enqueue(th, khId, 500, conversations));

    ctx.log(`burst of ${BURST} messages over ${CONVERSATIONS} conversations`);
    // Timed from the commit that queues them (delivery starts then) to the last delivery.
    let started = 0;
    const burst = await enqueue(th, khId, BURST, conversations, () => {
      started = performance.now();
    });
    await waitDelivered(th, burst);
    const burstSeconds = (performance.now() - started) / 1000;

    ctx.log(`steady ${RATE} messages/s for ${STEADY_SECONDS} s`);
    const steady: string[] = [];
    const committedAt = new Map<string, number>();
    const tick = 50;
    const steadyStart = performance.now();
    for (let t = 0; t < (STEADY_SECONDS * 1000) / tick; t++) {
      const ids = await enqueue(th, khId, (RATE * tick) / 1000, conversations);
      const committed = Date.now();
      for (const id of ids) committedAt.set(id, committed);
      steady.push(...ids);
      const next = steadyStart + (t + 1) * tick;
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
    const offeredSeconds = (performance.now() - steadyStart) / 1000;
    await waitDelivered(th, steady);
    const steadySeconds = (performance.now() - steadyStart) / 1000;
    const lat = await latencies(th, kh, steady, committedAt);
    const fromStart = await latencies(th, kh, steady);
    return [
      {
        name: `Burst: ${BURST} signed messages delivered TH → KH`,
        value: BURST / burstSeconds,
        unit: 'messages/s',
        target: '≥ 500',
        pass: BURST / burstSeconds >= 500,
      },
      {
        name: `Steady offer of ${RATE} messages/s for ${STEADY_SECONDS} s: achieved`,
        value: steady.length / steadySeconds,
        unit: 'messages/s',
      },
      { name: 'Steady: time to offer them', value: offeredSeconds, unit: 's' },
      {
        name: 'Steady: delivery latency p50 (sending commit → inbox row written)',
        value: pct(lat, 50),
        unit: 'ms',
      },
      {
        name: 'Steady: delivery latency p95',
        value: pct(lat, 95),
        unit: 'ms',
        target: '≤ 200',
        pass: pct(lat, 95) <= 200,
      },
      { name: 'Steady: delivery latency p99', value: pct(lat, 99), unit: 'ms' },
      {
        name: 'Steady: p95 counted from the sending transaction’s start instead',
        value: pct(fromStart, 95),
        unit: 'ms',
      },
    ];
  } finally {
    await th.stop();
    await kh.stop();
  }
}
