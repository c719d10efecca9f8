import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendPing } from '../src/federation/ping.ts';
import { envelopeFrom, postToInbox, sendToInbox, signedInboxRequest, signerOf } from './helpers/inbox.ts';
import { peerNodes, startTestNode, type TestNode, waitFor } from './helpers/nodes.ts';

// Durable delivery between real nodes: in order within a conversation, exactly once, through a
// peer's downtime, and to the dead-letter list (with an alert) when a peer stays away too long.

let th: TestNode;
let kh: TestNode;

beforeAll(async () => {
  th = await startTestNode('TH');
  kh = await startTestNode('KH');
  await peerNodes(th, kh);
}, 60_000);
afterAll(async () => {
  await th?.stop();
  await kh?.stop();
});

const inboxOf = (node: TestNode, conversation: string) =>
  node.deps.db
    .selectFrom('federation_inbox')
    .select(['message_id', 'seq', 'received_at'])
    .where('conversation', '=', conversation)
    .orderBy('received_at')
    .orderBy('seq')
    .execute();

const outboxOf = (node: TestNode, conversation: string) =>
  node.deps.db
    .selectFrom('federation_outbox')
    .select(['id', 'seq', 'status', 'attempts', 'body_enc', 'last_error'])
    .where('conversation', '=', conversation)
    .orderBy('seq')
    .execute();

async function allDelivered(node: TestNode, conversation: string, n: number) {
  const rows = await outboxOf(node, conversation);
  return rows.length === n && rows.every((r) => r.status === 'delivered') ? rows : undefined;
}

describe('delivery', () => {
  it('delivers a message after commit and keeps no body once delivered', async () => {
    const conversation = randomUUID();
    const sent = await sendPing(th.deps, null, kh.deps.node.id, { conversation, note: 'hello KH' });
    const [row] = await waitFor('the ping to be delivered', () => allDelivered(th, conversation, 1));
    expect(row).toMatchObject({ id: sent.id, seq: 1, status: 'delivered', body_enc: null });
    expect((await inboxOf(kh, conversation)).map((r) => r.message_id)).toEqual([sent.id]);
    const audit = await kh.deps.db
      .selectFrom('audit_entries')
      .select(['action', 'actor'])
      .where('record_id', '=', sent.id)
      .executeTakeFirst();
    expect(audit).toEqual({ action: 'federation.message.receive', actor: `peer:TH:${th.deps.node.id}` });
  });

  it('a peer that was down receives every message exactly once and in order when it returns', async () => {
    const conversation = randomUUID();
    await kh.serving.closeHttp();
    try {
      for (const note of ['first', 'second', 'third']) {
        await sendPing(th.deps, null, kh.deps.node.id, { conversation, note });
      }
      // The sender has really failed at least once while KH was down.
      await waitFor('a failed attempt while KH is down', async () => {
        const [head] = await outboxOf(th, conversation);
        return head && head.attempts >= 2 ? head : undefined;
      });
      expect(await inboxOf(kh, conversation)).toEqual([]);
      const rows = await outboxOf(th, conversation);
      expect(rows.map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
      expect(rows[0]?.last_error).toMatch(/could not reach/);
    } finally {
      await kh.serving.openHttp();
    }
    await waitFor('all three delivered', () => allDelivered(th, conversation, 3));
    const received = await inboxOf(kh, conversation);
    expect(received.map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('the same message delivered twice changes nothing the second time', async () => {
    const request = signedInboxRequest(signerOf(th), kh, envelopeFrom(th, kh, { body: { note: 'twice' } }));
    const count = async () => {
      const inbox = await kh.deps.db
        .selectFrom('federation_inbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      const audit = await kh.deps.db
        .selectFrom('audit_entries')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return [Number(inbox.n), Number(audit.n)];
    };
    expect((await postToInbox(request)).status).toBe(200);
    const after = await count();
    // The very same bytes again (a replay, or a retry after a lost answer): refused, nothing changes.
    const second = await postToInbox(request);
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('replay');
    expect(await count()).toEqual(after);
  });

  it('a message out of its conversation order is refused until its predecessor arrives', async () => {
    const conversation = randomUUID();
    const post = async (seq: number) => {
      const res = await sendToInbox(signerOf(th), kh, envelopeFrom(th, kh, { conversation, seq }));
      return { status: res.status, code: res.body.error?.code };
    };
    expect(await post(2)).toEqual({ status: 409, code: 'out_of_order' });
    expect((await post(1)).status).toBe(200);
    expect((await post(2)).status).toBe(200);
    expect((await inboxOf(kh, conversation)).map((r) => r.seq)).toEqual([1, 2]);
  });
});

describe('dead letters', () => {
  it('a message undelivered past the configured age is dead-lettered, alerted, and can be sent again', async () => {
    // A node whose messages die after about a second.
    const id = await startTestNode('ID', { JARING_FEDERATION_DEAD_AFTER_HOURS: '0.0003' });
    try {
      await peerNodes(kh, id);
      await kh.serving.closeHttp();
      const conversation = randomUUID();
      let sent: { id: string } | undefined;
      try {
        sent = await sendPing(id.deps, null, kh.deps.node.id, { conversation });
        await sendPing(id.deps, null, kh.deps.node.id, { conversation });
        await waitFor('the messages to be dead-lettered', async () => {
          const rows = await outboxOf(id, conversation);
          return rows.length === 2 && rows.every((r) => r.status === 'dead') ? rows : undefined;
        });
      } finally {
        await kh.serving.openHttp();
      }
      const admin = await id.admin();
      const status = await admin.json('GET', '/api/federation/status', undefined, 200);
      expect(status.outbox.dead).toBe(2);
      expect(status.deadLetters.map((d: { id: string }) => d.id)).toContain(sent?.id);
      const actions = await id.deps.db
        .selectFrom('audit_entries')
        .select('action')
        .where('record_id', '=', sent?.id ?? '')
        .execute();
      expect(actions.map((a) => a.action)).toContain('federation.message.dead_letter');

      const retried = await admin.json('POST', `/api/federation/outbox/${sent?.id}/retry`, undefined, 200);
      expect(retried.requeued).toBe(2);
      await waitFor('the retried messages to arrive', () => allDelivered(id, conversation, 2));
      expect((await inboxOf(kh, conversation)).map((r) => r.seq)).toEqual([1, 2]);
    } finally {
      await id.stop();
    }
  });
});
