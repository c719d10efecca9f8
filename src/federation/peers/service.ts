import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { appendAudit } from '../../platform/audit/append.ts';
import type { Db } from '../../platform/db/database.ts';
import type { AppDeps } from '../../platform/http/context.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import type { Principal } from '../../platform/http/policy.ts';
import { checkPeerUrl, joinUrl, peerError, postSigned } from '../client.ts';
import { PEERING_PATH } from '../envelope.ts';
import { peerActor, verifyFromPeer } from '../inbox.ts';
import { forgetPeers } from './cache.ts';
import {
  type Card,
  cardSchema,
  decodeInvitation,
  encodeInvitation,
  fingerprint,
  type Invitation,
  InvitationError,
} from './card.ts';
import {
  findPeer,
  findPeerByKey,
  insertPeer,
  lockPeer,
  type Peer,
  type PeerStatus,
  setPeerStatus,
} from './repo.ts';

// Peering: node A's administrator makes an invitation and hands it to B's administrator; B accepts
// it after both read the fingerprints to each other. Accepting makes a signed call to A carrying
// the invitation's secret and B's card, so both nodes know each other in one step.

const INVITATION_DAYS = 7;
const userActor = (p: Principal) => ({ id: p.userId, label: p.username });

export function ownCard(deps: Pick<AppDeps, 'node' | 'config'>): Card {
  return {
    nodeId: deps.node.id,
    country: deps.node.country,
    name: deps.node.name,
    baseUrl: deps.config.federation.publicUrl,
    publicKey: deps.node.publicKey.toString('base64url'),
  };
}

export async function createInvitation(deps: AppDeps, principal: Principal, note: string | null) {
  const secret = randomBytes(32);
  const id = randomUUID();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await deps.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('federation_invitations')
      .values({
        id,
        secret_sha256: createHash('sha256').update(secret).digest(),
        note,
        created_by: principal.userId,
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(tx, {
      actor: userActor(principal),
      action: 'federation.invitation.create',
      recordType: 'federation_invitation',
      recordId: id,
      change: { expiresAt: expiresAt.toISOString(), note },
    });
  });
  const invitation = encodeInvitation(
    {
      v: 1,
      card: ownCard(deps),
      invitationId: id,
      secret: secret.toString('base64url'),
      expiresAt: expiresAt.toISOString(),
    },
    deps.node.privateKey,
  );
  return { id, invitation, expiresAt, fingerprint: fingerprint(deps.node.publicKey) };
}

function readInvitation(deps: AppDeps, text: string): Invitation {
  try {
    const inv = decodeInvitation(text, new Date());
    if (inv.card.nodeId === deps.node.id)
      throw new InvitationError('This is an invitation from this node itself.');
    const urlProblem = checkPeerUrl(inv.card.baseUrl, deps.config.federation.allowHttp);
    if (urlProblem) throw new InvitationError(`The inviting node's URL is not acceptable: ${urlProblem}.`);
    return inv;
  } catch (err) {
    if (err instanceof InvitationError) throw new HttpError(400, 'bad_invitation', err.message);
    throw err;
  }
}

/** What an invitation says, to compare the fingerprint before accepting. Changes nothing. */
export function previewInvitation(deps: AppDeps, text: string) {
  const inv = readInvitation(deps, text);
  const key = Buffer.from(inv.card.publicKey, 'base64url');
  return {
    card: inv.card,
    fingerprint: fingerprint(key),
    expiresAt: inv.expiresAt,
    ownFingerprint: fingerprint(deps.node.publicKey),
  };
}

async function refuseKnown(db: Db, card: Card): Promise<void> {
  const byId = await findPeer(db, card.nodeId);
  const byKey = await findPeerByKey(db, Buffer.from(card.publicKey, 'base64url'));
  const known = byId ?? byKey;
  if (known)
    throw conflict(
      `${known.name} (${known.country}) is already a peer of this node (status ${known.status}).`,
    );
}

/** B accepts A's invitation: B records A and tells A, in one transaction on B's side. */
export async function acceptInvitation(deps: AppDeps, principal: Principal, text: string): Promise<Peer> {
  const inv = readInvitation(deps, text);
  const publicKey = Buffer.from(inv.card.publicKey, 'base64url');
  await refuseKnown(deps.db, inv.card);
  const peer = await deps.db.transaction().execute(async (tx) => {
    await insertPeer(tx, { ...cardToPeer(inv.card), origin: 'accepted_invitation' });
    await appendAudit(tx, {
      actor: userActor(principal),
      action: 'federation.peer.accept_invitation',
      recordType: 'federation_peer',
      recordId: inv.card.nodeId,
      change: { ...inv.card, fingerprint: fingerprint(publicKey), invitationId: inv.invitationId },
    });
    const body = Buffer.from(
      JSON.stringify({ invitationId: inv.invitationId, secret: inv.secret, card: ownCard(deps) }),
      'utf8',
    );
    let result: Awaited<ReturnType<typeof postSigned>>;
    try {
      result = await postSigned(deps.node, joinUrl(inv.card.baseUrl, PEERING_PATH), body);
    } catch (err) {
      throw new HttpError(
        502,
        'peer_unreachable',
        `The inviting node at ${inv.card.baseUrl} could not be reached (${(err as Error).message}); nothing was saved.`,
      );
    }
    if (result.status !== 201) {
      const e = peerError(result);
      throw new HttpError(
        502,
        'peering_refused',
        `The inviting node refused: ${e.message} (${e.code}); nothing was saved.`,
      );
    }
    const inserted = await findPeer(tx, inv.card.nodeId);
    if (!inserted) throw new Error('the peer just inserted is missing');
    return inserted;
  });
  forgetPeers(deps.db);
  return peer;
}

const cardToPeer = (card: Card) => {
  const publicKey = Buffer.from(card.publicKey, 'base64url');
  return {
    id: card.nodeId,
    country: card.country,
    name: card.name,
    baseUrl: card.baseUrl,
    publicKey,
    fingerprint: fingerprint(publicKey),
  };
};

/**
 * A's side of an acceptance: a POST signed by the key in the accepting node's card, carrying the
 * invitation's secret. Records B as a peer and uses up the invitation.
 */
export async function completePeering(
  deps: AppDeps,
  req: { method: string; url: string; headers: Headers; body: Buffer },
): Promise<Peer> {
  let json: unknown;
  try {
    json = JSON.parse(req.body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'malformed_body', 'The peering request is not JSON.');
  }
  const parsed = cardSchema.safeParse((json as { card?: unknown } | null)?.card);
  const invitationId = (json as { invitationId?: unknown }).invitationId;
  const secret = (json as { secret?: unknown }).secret;
  if (
    !parsed.success ||
    typeof invitationId !== 'string' ||
    typeof secret !== 'string' ||
    !/^[0-9a-f-]{36}$/i.test(invitationId)
  ) {
    throw new HttpError(400, 'malformed_body', 'A peering request has invitationId, secret and card.');
  }
  const card = parsed.data;
  const urlProblem = checkPeerUrl(card.baseUrl, deps.config.federation.allowHttp);
  if (urlProblem) throw new HttpError(400, 'bad_url', urlProblem);
  // The request must be signed by the key the card names.
  const candidate = {
    ...cardToPeer(card),
    status: 'active' as PeerStatus,
    statusReason: null,
    createdAt: new Date(),
    updatedAt: new Date(),
  };
  await verifyFromPeer(deps, req, candidate);
  await refuseKnown(deps.db, card);
  const peer = await deps.db.transaction().execute(async (tx) => {
    const inv = await tx
      .selectFrom('federation_invitations')
      .selectAll()
      .where('id', '=', invitationId)
      .forUpdate()
      .executeTakeFirst();
    const given = createHash('sha256').update(Buffer.from(secret, 'base64url')).digest();
    if (!inv || !timingSafeEqual(inv.secret_sha256, given))
      throw new HttpError(403, 'bad_invitation', 'No such invitation, or a wrong secret.');
    if (inv.used_at) throw new HttpError(409, 'invitation_used', 'This invitation was already used.');
    if (inv.expires_at.getTime() <= Date.now())
      throw new HttpError(403, 'invitation_expired', 'This invitation has expired.');
    await insertPeer(tx, { ...cardToPeer(card), origin: 'invitation_accepted' });
    await tx
      .updateTable('federation_invitations')
      .set({ used_at: new Date(), used_by_peer: card.nodeId })
      .where('id', '=', inv.id)
      .execute();
    await appendAudit(tx, {
      actor: peerActor({ id: card.nodeId, country: card.country }),
      action: 'federation.peer.invitation_accepted',
      recordType: 'federation_peer',
      recordId: card.nodeId,
      change: { ...card, fingerprint: candidate.fingerprint, invitationId },
    });
    const inserted = await findPeer(tx, card.nodeId);
    if (!inserted) throw new Error('the peer just inserted is missing');
    return inserted;
  });
  forgetPeers(deps.db);
  return peer;
}

const TRANSITIONS: Record<PeerStatus, readonly PeerStatus[]> = {
  active: ['suspended', 'revoked'],
  suspended: ['active', 'revoked'],
  revoked: [],
};

export async function changePeerStatus(
  deps: AppDeps,
  principal: Principal,
  id: string,
  status: PeerStatus,
  reason: string,
): Promise<Peer> {
  const changed = await deps.db.transaction().execute(async (tx) => {
    const peer = await lockPeer(tx, id);
    if (!peer) throw notFound('The peer');
    if (!TRANSITIONS[peer.status].includes(status)) {
      throw conflict(
        `A ${peer.status} peer cannot become ${status}${peer.status === 'revoked' ? ': revocation is final' : ''}.`,
      );
    }
    await setPeerStatus(tx, id, status, reason);
    await appendAudit(tx, {
      actor: userActor(principal),
      action: `federation.peer.${status === 'active' ? 'resume' : status === 'suspended' ? 'suspend' : 'revoke'}`,
      recordType: 'federation_peer',
      recordId: id,
      change: { from: peer.status, to: status, reason },
    });
    const updated = await findPeer(tx, id);
    if (!updated) throw new Error('the peer vanished');
    return updated;
  });
  forgetPeers(deps.db);
  return changed;
}
