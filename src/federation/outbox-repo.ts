import { sql } from 'kysely';
import type { Exec } from '../platform/db/database.ts';
import type { QueuedMessage } from './outbox.ts';

// Reads and state changes of federation_outbox for the dispatcher and the status routes.

export type OutboxMessage = QueuedMessage & { attempts: number };

const HEAD_COLUMNS = [
  'id',
  'peer_id',
  'conversation',
  'seq',
  'type',
  'version',
  'created_at',
  'body_enc',
  'attempts',
] as const;

/**
 * What to send now, in one read: for each conversation to an active peer whose first pending
 * message is due, its first `perConversation` pending messages in order, up to the first that is
 * not due. Conversations come oldest first; at most `conversations` of them.
 */
export async function dueConversations(
  db: Exec,
  conversations: number,
  perConversation: number,
): Promise<OutboxMessage[][]> {
  const { rows } = await sql<OutboxMessage & { due: boolean }>`
    with pending as (
      select o.id, o.peer_id, o.conversation, o.seq, o.type, o.version, o.created_at, o.body_enc, o.attempts,
             o.next_attempt_at <= now() as due,
             row_number() over (partition by o.peer_id, o.conversation order by o.seq) as rn,
             min(o.created_at) over (partition by o.peer_id, o.conversation) as since
      from federation_outbox o
      join federation_peers p on p.id = o.peer_id and p.status = 'active'
      where o.status = 'pending'
    ), heads as (
      select peer_id, conversation, since from pending where rn = 1 and due order by since limit ${conversations}
    )
    select pending.id, pending.peer_id, pending.conversation, pending.seq, pending.type, pending.version,
           pending.created_at, pending.body_enc, pending.attempts, pending.due
    from pending join heads using (peer_id, conversation)
    where pending.rn <= ${perConversation}
    order by heads.since, pending.peer_id, pending.conversation, pending.seq`.execute(db);
  const groups: OutboxMessage[][] = [];
  let current: OutboxMessage[] | undefined;
  let cut = false;
  for (const { due, ...m } of rows) {
    if (!current || current[0]?.conversation !== m.conversation || current[0]?.peer_id !== m.peer_id) {
      current = [];
      groups.push(current);
      cut = false;
    }
    cut ||= !due;
    if (!cut) current.push(m);
  }
  return groups;
}

/** The due pending messages of a conversation after `m`, in order. */
export async function pendingAfter(db: Exec, m: OutboxMessage, limit: number): Promise<OutboxMessage[]> {
  return db
    .selectFrom('federation_outbox')
    .select(HEAD_COLUMNS)
    .where('peer_id', '=', m.peer_id)
    .where('conversation', '=', m.conversation)
    .where('status', '=', 'pending')
    .where('seq', '>', m.seq)
    .where('next_attempt_at', '<=', sql<Date>`now()`)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function markDelivered(db: Exec, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('federation_outbox')
    .set({ status: 'delivered', body_enc: null, delivered_at: sql<Date>`now()`, last_error: null })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

export async function scheduleRetry(db: Exec, id: string, delayMs: number, error: string): Promise<void> {
  await db
    .updateTable('federation_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})`,
      last_error: error.slice(0, 1000),
    }))
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export type DeadLetter = { id: string; peer_id: string; conversation: string; seq: number; type: string };

/** Dead-letters a message and the rest of its conversation (they could only arrive out of order). */
export async function markDead(
  db: Exec,
  m: Pick<OutboxMessage, 'id' | 'peer_id' | 'conversation' | 'seq'>,
  error: string,
): Promise<DeadLetter[]> {
  return db
    .updateTable('federation_outbox')
    .set({
      status: 'dead',
      dead_at: sql<Date>`now()`,
      last_error: sql<string>`case when id = ${m.id} then ${error.slice(0, 1000)} else ${`blocked: message ${m.id} before it in the conversation could not be delivered`} end`,
    })
    .where('peer_id', '=', m.peer_id)
    .where('conversation', '=', m.conversation)
    .where('status', '=', 'pending')
    .where('seq', '>=', m.seq)
    .returning(['id', 'peer_id', 'conversation', 'seq', 'type'])
    .execute();
}

/** Pending messages older than the dead-letter age, oldest first in each conversation. */
export async function expiredHeads(db: Exec, deadAfterHours: number): Promise<OutboxMessage[]> {
  return db
    .selectFrom('federation_outbox')
    .select(HEAD_COLUMNS)
    .distinctOn(['peer_id', 'conversation'])
    .where('status', '=', 'pending')
    .where(
      sql<boolean>`coalesce(retried_at, created_at) < now() - make_interval(secs => ${deadAfterHours * 3600})`,
    )
    .orderBy('peer_id')
    .orderBy('conversation')
    .orderBy('seq')
    .execute();
}

/** Milliseconds until the next pending message to an active peer is due (undefined: none). */
export async function msUntilNextDue(db: Exec): Promise<number | undefined> {
  const row = await db
    .selectFrom('federation_outbox as o')
    .innerJoin('federation_peers as p', (j) =>
      j.onRef('p.id', '=', 'o.peer_id').on('p.status', '=', 'active'),
    )
    .select(sql<number | null>`extract(epoch from min(o.next_attempt_at) - now()) * 1000`.as('ms'))
    .where('o.status', '=', 'pending')
    .executeTakeFirst();
  return row?.ms == null ? undefined : Math.max(0, Number(row.ms));
}

/** Sends a dead letter, and the rest of its conversation, again. */
export async function retryDead(db: Exec, id: string): Promise<number> {
  const head = await db
    .selectFrom('federation_outbox')
    .select(['peer_id', 'conversation', 'seq', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (head?.status !== 'dead') return 0;
  const rows = await db
    .updateTable('federation_outbox')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: sql<Date>`now()`,
      retried_at: sql<Date>`now()`,
      dead_at: null,
    })
    .where('peer_id', '=', head.peer_id)
    .where('conversation', '=', head.conversation)
    .where('status', '=', 'dead')
    .where('seq', '>=', head.seq)
    .returning('id')
    .execute();
  await sql`select pg_notify('jaring_federation_outbox', '')`.execute(db);
  return rows.length;
}

export type OutboxCounts = { pending: number; dead: number; delivered: number; oldestPendingAt: Date | null };

export async function outboxCounts(db: Exec): Promise<OutboxCounts> {
  const rows = await db
    .selectFrom('federation_outbox')
    .select(['status', sql<string>`count(*)`.as('n'), sql<Date | null>`min(created_at)`.as('oldest')])
    .groupBy('status')
    .execute();
  const of = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return {
    pending: of('pending'),
    dead: of('dead'),
    delivered: of('delivered'),
    oldestPendingAt: rows.find((r) => r.status === 'pending')?.oldest ?? null,
  };
}

/** The newest dead letters, for the administrator. */
export async function deadLetters(db: Exec, limit: number) {
  return db
    .selectFrom('federation_outbox')
    .select([
      'id',
      'peer_id',
      'conversation',
      'seq',
      'type',
      'attempts',
      'last_error',
      'created_at',
      'dead_at',
    ])
    .where('status', '=', 'dead')
    .orderBy('dead_at', 'desc')
    .limit(limit)
    .execute();
}
