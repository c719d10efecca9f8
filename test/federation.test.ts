import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelopeFrom, sendToInbox, signerOf } from './helpers/inbox.ts';
import { peerNodes, startTestNode, type TestNode } from './helpers/nodes.ts';

// Peering and the inbox's refusals, between real nodes over loopback HTTP. Every refused message
// must leave the receiver unchanged: no inbox row, no audit entry.

let th: TestNode;
let kh: TestNode;

beforeAll(async () => {
  th = await startTestNode('TH');
  kh = await startTestNode('KH');
}, 60_000);
afterAll(async () => {
  await th?.stop();
  await kh?.stop();
});

async function receiverState(node: TestNode) {
  const inbox = await node.deps.db
    .selectFrom('federation_inbox')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const audit = await node.deps.db
    .selectFrom('audit_entries')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { inbox: Number(inbox.n), audit: Number(audit.n) };
}

describe('peering', () => {
  it('an invitation accepted on one side makes both nodes active peers with the same fingerprints', async () => {
    const adminTh = await th.admin();
    const adminKh = await kh.admin();
    const made = await adminTh.json('POST', '/api/federation/invitations', { note: 'KH focal agency' }, 201);
    const preview = await adminKh.json(
      'POST',
      '/api/federation/invitations/preview',
      { invitation: made.invitation },
      200,
    );
    expect(preview.node.fingerprint).toBe(made.fingerprint);
    expect(preview.node.country).toBe('TH');
    expect(preview.node.fingerprint).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);

    const accepted = await adminKh.json(
      'POST',
      '/api/federation/peers',
      { invitation: made.invitation },
      201,
    );
    expect(accepted.peer).toMatchObject({
      id: th.deps.node.id,
      country: 'TH',
      status: 'active',
      fingerprint: made.fingerprint,
    });
    const onTh = await adminTh.json('GET', '/api/federation/peers', undefined, 200);
    const khCard = await adminKh.json('GET', '/api/federation/node', undefined, 200);
    expect(onTh.peers).toEqual([
      expect.objectContaining({
        id: kh.deps.node.id,
        country: 'KH',
        status: 'active',
        fingerprint: khCard.node.fingerprint,
      }),
    ]);

    // Used once only; both sides audited the peering.
    const again = await adminKh.request('POST', '/api/federation/peers', { invitation: made.invitation });
    expect(again.status).toBe(409);
    for (const [node, action] of [
      [th, 'federation.peer.invitation_accepted'],
      [kh, 'federation.peer.accept_invitation'],
    ] as const) {
      const entry = await node.deps.db
        .selectFrom('audit_entries')
        .select('action')
        .where('action', '=', action)
        .executeTakeFirst();
      expect(entry?.action).toBe(action);
    }
  });

  it('refuses a changed invitation and one from this node itself, writing nothing', async () => {
    const adminTh = await th.admin();
    const { invitation } = await adminTh.json('POST', '/api/federation/invitations', {}, 201);
    const decoded = JSON.parse(
      Buffer.from(invitation.slice('jaring-invitation:'.length), 'base64url').toString(),
    );
    decoded.card.baseUrl = 'http://127.0.0.1:1';
    const forged = `jaring-invitation:${Buffer.from(JSON.stringify(decoded)).toString('base64url')}`;
    const adminKh = await kh.admin();
    const res = await adminKh.request('POST', '/api/federation/invitations/preview', { invitation: forged });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/signature does not match/);
    const own = await adminTh.request('POST', '/api/federation/peers', { invitation });
    expect(own.status).toBe(400);
    const garbage = await adminKh.request('POST', '/api/federation/peers', {
      invitation: 'jaring-invitation:%%%',
    });
    expect(garbage.status).toBe(400);
  });

  it('only administrators manage peering', async () => {
    const caseworker = await th.loginAs(['caseworker']);
    expect((await caseworker.request('POST', '/api/federation/invitations', {})).status).toBe(403);
    expect((await caseworker.request('GET', '/api/federation/status')).status).toBe(403);
    expect((await caseworker.request('GET', '/api/federation/peers')).status).toBe(200);
  });
});

describe('the inbox refuses, and changes nothing', () => {
  const khSigner = () => signerOf(kh);

  it.each([
    [
      'an unknown key',
      async () =>
        sendToInbox(
          { id: randomUUID(), privateKey: generateKeyPairSync('ed25519').privateKey },
          th,
          envelopeFrom(kh, th),
        ),
      401,
      'unknown_key',
    ],
    [
      'a forged signature (right keyid, wrong key)',
      async () =>
        sendToInbox(
          { id: kh.deps.node.id, privateKey: generateKeyPairSync('ed25519').privateKey },
          th,
          envelopeFrom(kh, th),
        ),
      401,
      'bad_signature',
    ],
    [
      'a stale date',
      async () =>
        sendToInbox(khSigner(), th, envelopeFrom(kh, th), {
          created: new Date(Date.now() - 3_600_000),
          date: new Date(Date.now() - 3_600_000),
        }),
      401,
      'stale',
    ],
    [
      'a date in the future',
      async () =>
        sendToInbox(khSigner(), th, envelopeFrom(kh, th), {
          created: new Date(Date.now() + 3_600_000),
          date: new Date(Date.now() + 3_600_000),
        }),
      401,
      'future',
    ],
    [
      'a tampered body',
      async () => {
        const env = envelopeFrom(kh, th);
        const signedBody = Buffer.from(JSON.stringify(env));
        const tampered = Buffer.from(JSON.stringify({ ...env, seq: 2 }));
        return sendToInbox(khSigner(), th, env, { body: tampered, digestOf: signedBody });
      },
      401,
      'digest_mismatch',
    ],
    [
      'a message id that differs from the envelope',
      async () => sendToInbox(khSigner(), th, envelopeFrom(kh, th), { messageId: randomUUID() }),
      400,
      'id_mismatch',
    ],
    [
      'an unknown message type',
      async () => sendToInbox(khSigner(), th, envelopeFrom(kh, th, { type: 'referral.teleport' })),
      400,
      'unknown_type',
    ],
    [
      'an unknown version',
      async () => sendToInbox(khSigner(), th, envelopeFrom(kh, th, { version: 99 })),
      400,
      'unsupported_version',
    ],
    [
      'a message for another node',
      async () => sendToInbox(khSigner(), th, envelopeFrom(kh, th, { to: randomUUID() })),
      400,
      'wrong_recipient',
    ],
  ])('%s', async (_name, attempt, status, code) => {
    const before = await receiverState(th);
    const res = await attempt();
    expect(res.status).toBe(status);
    expect(res.body.error?.code).toBe(code);
    expect(res.body.error?.message.length).toBeGreaterThan(10);
    expect(await receiverState(th)).toEqual(before);
  });

  it('a malformed envelope or body names each field with a code a client can translate', async () => {
    const before = await receiverState(th);
    const envelope = await sendToInbox(khSigner(), th, envelopeFrom(kh, th, { seq: 0, extra: true }));
    expect(envelope.status).toBe(400);
    expect(envelope.body.error?.code).toBe('malformed_envelope');
    expect(envelope.body.error?.fields).toEqual([
      expect.objectContaining({
        path: 'seq',
        code: 'too_small',
        params: expect.objectContaining({ minimum: 0 }),
      }),
      expect.objectContaining({ path: 'extra', code: 'unknown_field' }),
    ]);
    const body = await sendToInbox(khSigner(), th, envelopeFrom(kh, th, { body: { note: 5 } }));
    expect(body.status).toBe(400);
    expect(body.body.error?.code).toBe('invalid_body');
    expect(body.body.error?.fields).toEqual([
      expect.objectContaining({ path: 'body.note', code: 'invalid_type', params: { expected: 'string' } }),
    ]);
    expect(await receiverState(th)).toEqual(before);
  });

  it('an oversized body is refused with 413 before it is read', async () => {
    const before = await receiverState(th);
    const big = envelopeFrom(kh, th, { body: { padding: 'x'.repeat(th.deps.config.federation.maxBytes) } });
    const res = await sendToInbox(khSigner(), th, big);
    expect(res.status).toBe(413);
    expect(res.body.error?.code).toBe('body_too_large');
    expect(await receiverState(th)).toEqual(before);
  });

  it('a suspended peer is refused; a revoked one cannot come back', async () => {
    const adminTh = await th.admin();
    const path = `/api/federation/peers/${kh.deps.node.id}/status`;
    await adminTh.json('POST', path, { status: 'suspended', reason: 'investigating a leak' }, 200);
    const res = await sendToInbox(khSigner(), th, envelopeFrom(kh, th));
    expect(res.status).toBe(403);
    expect(res.body.error?.code).toBe('peer_suspended');
    await adminTh.json('POST', path, { status: 'active', reason: 'cleared' }, 200);
    const third = await startTestNode('ID');
    try {
      await peerNodes(third, th);
      const adminThAgain = await th.admin();
      const idPath = `/api/federation/peers/${third.deps.node.id}/status`;
      await adminThAgain.json('POST', idPath, { status: 'revoked', reason: 'key compromised' }, 200);
      expect((await adminThAgain.request('POST', idPath, { status: 'active', reason: 'oops' })).status).toBe(
        409,
      );
      const fromRevoked = await sendToInbox(
        { id: third.deps.node.id, privateKey: third.deps.node.privateKey },
        th,
        envelopeFrom(third, th),
      );
      expect(fromRevoked.status).toBe(401);
      expect(fromRevoked.body.error?.code).toBe('unknown_key');
    } finally {
      await third.stop();
    }
  });
});
