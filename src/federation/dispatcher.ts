import pg from 'pg';
import { appendAudit, SYSTEM_ACTOR } from '../platform/audit/append.ts';
import type { Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { joinUrl, peerError, postSigned } from './client.ts';
import { INBOX_PATH } from './envelope.ts';
import type { DeadLetterCause } from './kinds.ts';
import { envelopeText, OUTBOX_CHANNEL } from './outbox.ts';
import {
  type DeadLetter,
  dueConversations,
  expiredHeads,
  markDead,
  markDelivered,
  msUntilNextDue,
  type OutboxMessage,
  pendingAfter,
  scheduleRetry,
} from './outbox-repo.ts';
import { cachedPeer } from './peers/cache.ts';
import { DEAD_LETTER_HANDLERS } from './registry.ts';

// Delivers the outbox: woken by NOTIFY when a transaction queues a message, and by a timer for
// retries. Each conversation is sent strictly in order, one message at a time; conversations go
// in parallel. Failures back off exponentially (with jitter) up to retryMaxMs; a message still
// undelivered after deadAfterHours, or refused for good by the peer, is dead-lettered with an
// alert (error log, audit entry, GET /api/federation/status), and the module that sent it records
// it (registry.ts DEAD_LETTER_HANDLERS). One dispatcher per database (an advisory lock), so two
// serving processes never race.

const PARALLEL = 96;
const BATCH = 256;
const CHAIN_BATCH = 50;
const FLUSH_AT = 64;
const MAX_IDLE_MS = 60_000;
const EXPIRY_CHECK_MS = 1000;
const LOCK_KEY = 7261005;

export type Dispatcher = { kick(): void; stop(): Promise<void> };

type Outcome = 'delivered' | 'retry' | 'dead';

/** A peer's answer that can never succeed however often it is sent. */
function permanent(status: number): boolean {
  return status === 400 || status === 413 || status === 422;
}

export function backoffMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempts, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export async function startDispatcher(deps: AppDeps, url: string): Promise<Dispatcher> {
  const { db, logger, config } = deps;
  const listener = new pg.Client({ connectionString: url, application_name: 'jaring-federation' });
  listener.on('error', (err) => logger.error({ err }, 'federation: the outbox listener lost its connection'));
  await listener.connect();
  const owner = (await listener.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [LOCK_KEY]))
    .rows[0]?.ok;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let expiryCheckedAt = 0;
  let timer: NodeJS.Timeout | undefined;

  // Deliveries are marked in batches. Until marked, a message could be sent again (after a crash,
  // or by a later pass), which the peer answers with 409 replay: harmless, so a pass flushes
  // before it picks heads, and a crash only costs a resend.
  let delivered: string[] = [];
  let flushing: Promise<void> = Promise.resolve();
  function flushDelivered(): Promise<void> {
    const ids = delivered;
    delivered = [];
    flushing = flushing
      .then(() => markDelivered(db, ids))
      .catch((err: unknown) =>
        logger.error({ err }, 'federation: marking messages delivered failed; they will be sent again'),
      );
    return flushing;
  }
  function noteDelivered(id: string): void {
    delivered.push(id);
    if (delivered.length >= FLUSH_AT) void flushDelivered();
  }

  async function recordDead(
    tx: Tx,
    head: OutboxMessage,
    cause: DeadLetterCause,
    reason: string,
    notify: boolean,
  ): Promise<DeadLetter[]> {
    const letters = await markDead(tx, head, reason);
    for (const d of letters) {
      await appendAudit(tx, {
        actor: SYSTEM_ACTOR,
        action: 'federation.message.dead_letter',
        recordType: 'federation_message',
        recordId: d.id,
        change: { peer: d.peer_id, conversation: d.conversation, seq: d.seq, type: d.type, reason },
      });
    }
    const first = letters.find((d) => d.id === head.id);
    const blocked = letters.filter((d) => d !== first).sort((a, b) => a.seq - b.seq);
    const handler = first && DEAD_LETTER_HANDLERS.find((h) => h.types.includes(first.type));
    if (notify && first && handler) {
      await handler.handle(tx, deps, {
        peerId: first.peer_id,
        conversation: first.conversation,
        head: { id: first.id, type: first.type, seq: first.seq },
        blocked: blocked.map((d) => ({ id: d.id, type: d.type, seq: d.seq })),
        cause,
        at: new Date(),
      });
    }
    return letters;
  }

  /**
   * Dead-letters `head` and the rest of its conversation, with their audit entries and what the
   * sending module records (a referral's 'undelivered'), in one transaction. Should that module
   * fail, the letters are dead-lettered without it rather than sent again and again.
   */
  async function deadLetter(head: OutboxMessage, cause: DeadLetterCause, reason: string): Promise<void> {
    let letters: DeadLetter[];
    try {
      letters = await db.transaction().execute((tx) => recordDead(tx, head, cause, reason, true));
    } catch (err) {
      logger.error(
        { err, messageId: head.id, type: head.type },
        'federation: the sending module failed to record a dead letter; dead-lettered without it',
      );
      letters = await db.transaction().execute((tx) => recordDead(tx, head, cause, reason, false));
    }
    for (const d of letters) {
      logger.error(
        { messageId: d.id, peer: d.peer_id, type: d.type, seq: d.seq, reason },
        'federation: message dead-lettered',
      );
    }
  }

  async function deliver(m: OutboxMessage): Promise<Outcome> {
    const peer = await cachedPeer(db, m.peer_id);
    if (peer?.status !== 'active' || m.body_enc === null) return 'retry';
    const envelope = Buffer.from(envelopeText(m, deps.node.id, deps.cipher), 'utf8');
    let error: string;
    try {
      const result = await postSigned(deps.node, joinUrl(peer.baseUrl, INBOX_PATH), envelope, {
        messageId: m.id,
      });
      const { code, message } = peerError(result);
      if (result.status === 200 || (result.status === 409 && code === 'replay')) {
        noteDelivered(m.id);
        return 'delivered';
      }
      error = `${peer.country} answered ${result.status} ${code}: ${message}`;
      if (permanent(result.status)) {
        await deadLetter(m, { kind: 'refused', status: result.status, code, message }, error);
        return 'dead';
      }
    } catch (err) {
      error = `could not reach ${peer.baseUrl}: ${(err as Error).message}`;
    }
    const delay = backoffMs(m.attempts, config.federation.retryBaseMs, config.federation.retryMaxMs);
    await scheduleRetry(db, m.id, delay, error);
    logger.warn(
      { messageId: m.id, peer: peer.id, attempts: m.attempts + 1, retryInMs: delay, error },
      'federation: delivery failed, will retry',
    );
    return 'retry';
  }

  /** Sends one conversation's due messages in order, stopping at the first that is not delivered. */
  async function chain(first: OutboxMessage[]): Promise<void> {
    let batch = first;
    for (;;) {
      for (const m of batch) {
        if (stopped || (await deliver(m)) !== 'delivered') return;
      }
      // A short batch was all there was; messages queued since then come with the next pass.
      const last = batch[batch.length - 1];
      if (stopped || batch.length < CHAIN_BATCH || !last) return;
      batch = await pendingAfter(db, last, CHAIN_BATCH);
    }
  }

  async function pass(): Promise<void> {
    // Ages are checked at most once a second, not on every pass of a busy outbox.
    if (Date.now() - expiryCheckedAt >= EXPIRY_CHECK_MS) {
      expiryCheckedAt = Date.now();
      for (const head of await expiredHeads(db, config.federation.deadAfterHours)) {
        const hours = config.federation.deadAfterHours;
        await deadLetter(head, { kind: 'expired', hours }, `undelivered after ${hours} h`);
      }
    }
    await flushDelivered();
    let groups = await dueConversations(db, BATCH, CHAIN_BATCH);
    while (groups.length > 0 && !stopped) {
      const queue = [...groups];
      await Promise.all(
        Array.from({ length: Math.min(PARALLEL, queue.length) }, async () => {
          for (let g = queue.shift(); g && !stopped; g = queue.shift()) await chain(g);
        }),
      );
      await flushDelivered();
      groups = groups.length === BATCH ? await dueConversations(db, BATCH, CHAIN_BATCH) : [];
    }
    await flushDelivered();
  }

  function schedule(): void {
    if (stopped) return;
    msUntilNextDue(db).then(
      (ms) => {
        if (stopped) return;
        clearTimeout(timer);
        timer = setTimeout(kick, Math.min(ms ?? MAX_IDLE_MS, MAX_IDLE_MS) + 5);
        timer.unref();
      },
      (err: unknown) => logger.error({ err }, 'federation: scheduling the next delivery failed'),
    );
  }

  function kick(): void {
    if (stopped || !owner) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (err) {
          logger.error({ err }, 'federation: a delivery pass failed');
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
      schedule();
    });
  }

  if (owner) {
    listener.on('notification', kick);
    await listener.query(`listen ${OUTBOX_CHANNEL}`);
    kick();
  } else {
    logger.info("federation: another process delivers this node's outbox");
  }

  return {
    kick,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      await flushDelivered();
      await listener.end().catch(() => {});
    },
  };
}
