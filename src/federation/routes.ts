import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { notFound, requirePrincipal } from '../platform/http/errors.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../platform/http/fields.ts';
import type { Router } from '../platform/http/router.ts';
import { DIRECTORY_PATH, serveDirectory } from './directory.ts';
import { INBOX_PATH, PEERING_PATH } from './envelope.ts';
import { receiveMessage } from './inbox.ts';
import { deadLetters, outboxCounts, retryDead } from './outbox-repo.ts';
import { fingerprint } from './peers/card.ts';
import { listPeers } from './peers/repo.ts';
import {
  acceptInvitation,
  changePeerStatus,
  completePeering,
  createInvitation,
  ownCard,
  previewInvitation,
} from './peers/service.ts';
import { sendPing } from './ping.ts';
import { federationPolicy as policy } from './policy.ts';
import { presentCard, presentPeer, presentStatus } from './presenters.ts';
import { readCapped } from './raw-body.ts';
import { MESSAGE_KINDS } from './registry.ts';
import {
  cardSchema,
  createInvitationBody,
  invitationBody,
  peerSchema,
  peerStatusBody,
  statusSchema,
} from './schema.ts';

const tags = ['federation'];
const notFoundResponse = { 404: { description: 'Not found', content: errorResponses[400].content } };
const conflict = { 409: { description: 'Conflict', content: errorResponses[400].content } };
const upstream = {
  502: { description: 'The other node failed or refused', content: errorResponses[400].content },
};
const peerResponse = z.object({ peer: peerSchema });

const nodeRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/federation/node',
  summary: "This node's card: id, country, URL, public key and fingerprint",
  responses: { 200: jsonResponse(z.object({ node: cardSchema }), "This node's card"), ...errorResponses },
});
const inviteRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/federation/invitations',
  summary: 'Make a one-time peering invitation (valid 7 days; hand it over like a password)',
  request: jsonBody(createInvitationBody),
  responses: {
    201: jsonResponse(
      z.object({ id: z.string(), invitation: z.string(), expiresAt: z.string(), fingerprint: z.string() }),
      'The invitation',
    ),
    ...errorResponses,
  },
});
const previewRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/federation/invitations/preview',
  summary: "Read an invitation and its node's fingerprint before accepting (changes nothing)",
  request: jsonBody(invitationBody),
  responses: {
    200: jsonResponse(
      z.object({ node: cardSchema, expiresAt: z.string(), ownFingerprint: z.string() }),
      'What the invitation says',
    ),
    ...errorResponses,
  },
});
const acceptRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/federation/peers',
  summary: "Accept another node's invitation: both nodes record each other",
  request: jsonBody(invitationBody),
  responses: { 201: jsonResponse(peerResponse, 'Peered'), ...errorResponses, ...conflict, ...upstream },
});
const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/federation/peers',
  summary: 'The peer nodes',
  responses: { 200: jsonResponse(z.object({ peers: z.array(peerSchema) }), 'The peers'), ...errorResponses },
});
const statusRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/federation/peers/{id}/status',
  summary: 'Suspend, resume or revoke a peer (revocation is final)',
  request: { params: idParam, ...jsonBody(peerStatusBody) },
  responses: {
    200: jsonResponse(peerResponse, 'Changed'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflict,
  },
});
const pingRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/federation/peers/{id}/ping',
  summary: 'Send a signed test message to a peer through the outbox',
  request: { params: idParam },
  responses: {
    202: jsonResponse(z.object({ messageId: z.string() }), 'Queued'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflict,
  },
});
const outboxRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/federation/status',
  summary: 'Outbox counts and the dead-letter list',
  responses: { 200: jsonResponse(statusSchema, 'The outbox'), ...errorResponses },
});
const retryRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/federation/outbox/{id}/retry',
  summary: 'Send a dead letter (and the rest of its conversation) again',
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ requeued: z.number() }), 'Requeued'),
    ...errorResponses,
    ...notFoundResponse,
  },
});
const signedResponses = {
  ...errorResponses,
  401: {
    description: 'Bad or missing signature, unknown key, stale date',
    content: errorResponses[400].content,
  },
  ...conflict,
  422: { description: 'The message can never be applied', content: errorResponses[400].content },
};
const inboxRoute = createRoute({
  tags,
  method: 'post',
  path: INBOX_PATH,
  summary: 'Receive a signed message from a peer (RFC 9421 ed25519; RFC 9530 content-digest)',
  responses: { 200: jsonResponse(z.object({ received: z.string() }), 'Applied'), ...signedResponses },
});
const peeringRoute = createRoute({
  tags,
  method: 'post',
  path: PEERING_PATH,
  summary: 'Complete a peering: the accepting node presents the invitation secret, signed with its key',
  responses: { 201: jsonResponse(z.object({ node: cardSchema }), 'Peered'), ...signedResponses },
});

const directoryRoute = createRoute({
  tags,
  method: 'post',
  path: DIRECTORY_PATH,
  summary: "This node's agencies, for an active peer's referral form (signed request, signed answer)",
  responses: {
    200: jsonResponse(
      z.object({
        directory: z.object({
          v: z.number(),
          node: z.string(),
          for: z.string(),
          requestId: z.string(),
          at: z.string(),
          agencies: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
        signature: z.string(),
      }),
      "The agencies, signed with this node's key (see src/federation/directory.ts)",
    ),
    ...signedResponses,
  },
});

/** The URL the sender signed: this node's public URL and the request's path. */
function targetUri(publicUrl: string, raw: Request): string {
  const u = new URL(raw.url);
  return `${publicUrl}${u.pathname}${u.search}`;
}

export function registerFederationRoutes(router: Router): void {
  router.openapi(nodeRoute, policy['federation.node.read'], (c) => {
    const { deps } = c.var;
    return c.json({ node: presentCard(ownCard(deps), fingerprint(deps.node.publicKey)) }, 200);
  });

  router.openapi(inviteRoute, policy['federation.invitation.create'], async (c) => {
    const made = await createInvitation(
      c.var.deps,
      requirePrincipal(c.var.principal),
      c.req.valid('json').note ?? null,
    );
    return c.json({ ...made, expiresAt: made.expiresAt.toISOString() }, 201);
  });

  router.openapi(previewRoute, policy['federation.invitation.preview'], (c) => {
    const p = previewInvitation(c.var.deps, c.req.valid('json').invitation);
    return c.json(
      { node: presentCard(p.card, p.fingerprint), expiresAt: p.expiresAt, ownFingerprint: p.ownFingerprint },
      200,
    );
  });

  router.openapi(acceptRoute, policy['federation.peer.accept'], async (c) => {
    const peer = await acceptInvitation(
      c.var.deps,
      requirePrincipal(c.var.principal),
      c.req.valid('json').invitation,
    );
    return c.json({ peer: presentPeer(peer) }, 201);
  });

  router.openapi(listRoute, policy['federation.peer.list'], async (c) => {
    return c.json({ peers: (await listPeers(c.var.deps.db)).map(presentPeer) }, 200);
  });

  router.openapi(statusRoute, policy['federation.peer.status'], async (c) => {
    const { status, reason } = c.req.valid('json');
    const peer = await changePeerStatus(
      c.var.deps,
      requirePrincipal(c.var.principal),
      c.req.valid('param').id,
      status,
      reason,
    );
    return c.json({ peer: presentPeer(peer) }, 200);
  });

  router.openapi(pingRoute, policy['federation.peer.ping'], async (c) => {
    const { id } = c.req.valid('param');
    const sent = await sendPing(c.var.deps, requirePrincipal(c.var.principal), id, {
      conversation: randomUUID(),
    });
    return c.json({ messageId: sent.id }, 202);
  });

  router.openapi(outboxRoute, policy['federation.outbox.read'], async (c) => {
    const { db } = c.var.deps;
    return c.json(presentStatus(await outboxCounts(db), await deadLetters(db, 200)), 200);
  });

  router.openapi(retryRoute, policy['federation.outbox.retry'], async (c) => {
    const requeued = await retryDead(c.var.deps.db, c.req.valid('param').id);
    if (requeued === 0) throw notFound('A dead letter with this id');
    return c.json({ requeued }, 200);
  });

  router.openapi(
    inboxRoute,
    policy['federation.inbox.receive'],
    async (c) => {
      const { deps } = c.var;
      const raw = c.req.raw;
      try {
        const body = await readCapped(raw, deps.config.federation.maxBytes);
        const got = await receiveMessage(deps, MESSAGE_KINDS, {
          method: raw.method,
          url: targetUri(deps.config.federation.publicUrl, raw),
          headers: raw.headers,
          body,
        });
        return c.json({ received: got.id }, 200);
      } catch (err) {
        deps.logger.warn(
          {
            requestId: c.get('requestId'),
            err: { code: (err as { code?: string }).code, message: (err as Error).message },
            keyId: raw.headers.get('signature-input')?.match(/keyid="([^"]{1,64})"/)?.[1],
            messageId: raw.headers.get('jaring-message-id')?.slice(0, 64),
          },
          'federation: message refused',
        );
        throw err;
      }
    },
    { streamBody: true },
  );

  router.openapi(
    directoryRoute,
    policy['federation.directory.serve'],
    async (c) => {
      const { deps } = c.var;
      const raw = c.req.raw;
      const body = await readCapped(raw, 4 * 1024);
      const answer = await serveDirectory(deps, {
        method: raw.method,
        url: targetUri(deps.config.federation.publicUrl, raw),
        headers: raw.headers,
        body,
      });
      return c.json(answer, 200);
    },
    { streamBody: true },
  );

  router.openapi(
    peeringRoute,
    policy['federation.peering.complete'],
    async (c) => {
      const { deps } = c.var;
      const raw = c.req.raw;
      const body = await readCapped(raw, 16 * 1024);
      await completePeering(deps, {
        method: raw.method,
        url: targetUri(deps.config.federation.publicUrl, raw),
        headers: raw.headers,
        body,
      });
      return c.json({ node: presentCard(ownCard(deps), fingerprint(deps.node.publicKey)) }, 201);
    },
    { streamBody: true },
  );
}
