import { type InboundContext, InboundRejection } from '../federation/kinds.ts';
import { appendAudit } from '../platform/audit/append.ts';
import type { Tx } from '../platform/db/database.ts';
import { peerActor } from './actors.ts';
import {
  type AcceptBody,
  type AssessmentShareBody,
  type DeclineBody,
  MESSAGE_TYPES,
  type OfferBody,
  type ReceiptBody,
  type StatusBody,
  type WithdrawBody,
} from './message-schemas.ts';
import { sendToPeer } from './outbound.ts';
import {
  insertReceipt,
  insertReferral,
  lockPeerReferral,
  purgeEventNotes,
  type ReferralRow,
  receivingAgencyId,
  referralExists,
} from './repo.ts';
import { sealAssessment, sealShared } from './shared.ts';
import type { Direction, EventKind } from './tables.ts';
import { recordEvent } from './timeline.ts';
import { transition } from './transitions.ts';

// What this node does with each referral message from a peer. Each handler runs in the inbox's
// transaction: all or nothing, once per message id. A message that can never apply (an accept for
// a referral this peer never had) is refused with InboundRejection, and nothing is written.

const peerNode = (ctx: InboundContext) => ({ id: ctx.peer.id, country: ctx.peer.country });

function sameConversation(ctx: InboundContext, referralId: string): void {
  if (ctx.message.conversation !== referralId) {
    throw new InboundRejection(
      'conversation_mismatch',
      `The message's conversation is not referral ${referralId}.`,
    );
  }
}

async function lockKnown(
  tx: Tx,
  ctx: InboundContext,
  direction: Direction,
  referralId: string,
): Promise<ReferralRow> {
  sameConversation(ctx, referralId);
  const r = await lockPeerReferral(tx, ctx.peer.id, referralId, direction);
  if (!r) {
    throw new InboundRejection(
      'unknown_referral',
      `Referral ${referralId} is not one this node exchanged with ${ctx.peer.country}.`,
    );
  }
  return r;
}

/** A transition learned from the peer; after a withdrawal, crossing updates are let go silently. */
async function applyFromPeer(
  tx: Tx,
  ctx: InboundContext,
  r: ReferralRow,
  e: {
    kind: EventKind;
    at: string;
    note?: string | undefined;
    changes?: Parameters<typeof recordEvent>[2]['changes'];
  } & Pick<Parameters<typeof recordEvent>[2], 'step' | 'stepStatus'>,
): Promise<void> {
  if (r.status === 'withdrawn' && e.kind !== 'purge_confirmed') return;
  const next = transition(r.status, e.kind);
  if (!next.ok) throw new InboundRejection('invalid_transition', `Referral ${r.id}: ${next.message}.`);
  await recordEvent(tx, ctx.deps, {
    referralId: r.id,
    kind: e.kind,
    status: next.status,
    actor: peerActor(ctx.peer),
    at: new Date(e.at),
    node: peerNode(ctx),
    note: e.note,
    step: e.step,
    stepStatus: e.stepStatus,
    changes: e.changes,
  });
}

export async function receiveOffer(tx: Tx, ctx: InboundContext, body: OfferBody): Promise<void> {
  sameConversation(ctx, body.referralId);
  if (body.sendingCountry !== ctx.peer.country) {
    throw new InboundRejection(
      'wrong_sender',
      `The offer says it is from ${body.sendingCountry}, but the peer is ${ctx.peer.country}.`,
    );
  }
  if (body.receivingCountry !== ctx.deps.node.country) {
    throw new InboundRejection(
      'wrong_recipient',
      `The offer is for ${body.receivingCountry}; this node is ${ctx.deps.node.country}.`,
    );
  }
  if (await referralExists(tx, body.referralId)) {
    throw new InboundRejection('duplicate_referral', `Referral ${body.referralId} was already offered.`);
  }
  const agencyId = await receivingAgencyId(tx, body.receivingAgency);
  // Filed under another agency, the referral would reach people the person did not consent to.
  if (!agencyId) {
    throw new InboundRejection(
      'unknown_agency',
      `This node has no agency named "${body.receivingAgency}": the referral was not filed. Send it again naming one of its agencies.`,
    );
  }
  const receivedAt = new Date();
  await insertReferral(tx, {
    id: body.referralId,
    direction: 'incoming',
    agency_id: agencyId,
    peer_id: ctx.peer.id,
    peer_country: ctx.peer.country,
    status: 'sent',
    sending_agency: body.sendingAgency,
    sending_country: body.sendingCountry,
    receiving_agency: body.receivingAgency,
    receiving_country: body.receivingCountry,
    reason_for_incoming_referral: body.reason,
    incoming_referral_date: receivedAt.toISOString().slice(0, 10),
    categories_shared: body.categories,
    consent_ids: body.consentIds,
    sent_at: new Date(body.sentAt),
    ...sealShared(ctx.deps.cipher, body.referralId, body),
  });
  await recordEvent(tx, ctx.deps, {
    referralId: body.referralId,
    kind: 'sent',
    status: 'sent',
    actor: peerActor(ctx.peer),
    at: new Date(body.sentAt),
    node: peerNode(ctx),
    audit: { categories: body.categories, consentIds: body.consentIds, by: body.by.agency },
  });
  await recordEvent(tx, ctx.deps, {
    referralId: body.referralId,
    kind: 'received',
    status: 'received',
    actor: peerActor(ctx.peer),
    at: receivedAt,
    changes: { received_at: receivedAt },
  });
  // The acknowledgement: the sending node's SLA clock stops when it arrives.
  const ack: StatusBody = { referralId: body.referralId, event: 'received', at: receivedAt.toISOString() };
  await sendToPeer(tx, ctx.deps, { id: body.referralId, peer_id: ctx.peer.id }, MESSAGE_TYPES.status, ack);
}

export async function receiveAccept(tx: Tx, ctx: InboundContext, body: AcceptBody): Promise<void> {
  const r = await lockKnown(tx, ctx, 'outgoing', body.referralId);
  await applyFromPeer(tx, ctx, r, {
    kind: 'accepted',
    at: body.at,
    note: body.note,
    changes: { decided_at: new Date(body.at) },
  });
}

export async function receiveDecline(tx: Tx, ctx: InboundContext, body: DeclineBody): Promise<void> {
  const r = await lockKnown(tx, ctx, 'outgoing', body.referralId);
  await applyFromPeer(tx, ctx, r, {
    kind: 'declined',
    at: body.at,
    note: body.reason,
    changes: { decided_at: new Date(body.at) },
  });
}

export async function receiveStatus(tx: Tx, ctx: InboundContext, body: StatusBody): Promise<void> {
  const r = await lockKnown(tx, ctx, 'outgoing', body.referralId);
  const at = new Date(body.at);
  switch (body.event) {
    case 'received':
      return applyFromPeer(tx, ctx, r, { kind: 'received', at: body.at, changes: { received_at: at } });
    case 'step':
      return applyFromPeer(tx, ctx, r, {
        kind: 'step',
        at: body.at,
        note: body.note,
        step: body.step,
        stepStatus: body.stepStatus,
      });
    case 'reintegration':
      return applyFromPeer(tx, ctx, r, { kind: 'reintegration', at: body.at, note: body.note });
    case 'completed':
    case 'closed':
      return applyFromPeer(tx, ctx, r, {
        kind: body.event,
        at: body.at,
        note: body.note,
        changes: { closed_at: at },
      });
    case 'purged':
      return applyFromPeer(tx, ctx, r, {
        kind: 'purge_confirmed',
        at: body.at,
        changes: { purge_confirmed_at: at },
      });
  }
}

/** Consent was withdrawn on the sending node: purge the personal data, keep a tombstone, confirm. */
export async function receiveWithdraw(tx: Tx, ctx: InboundContext, body: WithdrawBody): Promise<void> {
  const r = await lockKnown(tx, ctx, 'incoming', body.referralId);
  if (r.purged_at !== null) return;
  const purgedAt = new Date();
  await purgeEventNotes(tx, r.id);
  await recordEvent(tx, ctx.deps, {
    referralId: r.id,
    kind: 'withdrawn',
    status: 'withdrawn',
    actor: peerActor(ctx.peer),
    at: new Date(body.at),
    node: peerNode(ctx),
    changes: { withdrawn_at: new Date(body.at) },
    audit: { consentIds: body.consentIds, previousStatus: r.status },
  });
  await recordEvent(tx, ctx.deps, {
    referralId: r.id,
    kind: 'purged',
    status: 'withdrawn',
    actor: peerActor(ctx.peer),
    at: purgedAt,
    changes: {
      shared_data_enc: null,
      assessment_enc: null,
      incoming_referral_details_enc: null,
      purged_at: purgedAt,
    },
    audit: {
      purged: [
        'shared_data_enc',
        'assessment_enc',
        'incoming_referral_details_enc',
        'referral_events.note_enc',
      ],
    },
  });
  const confirmation: StatusBody = { referralId: r.id, event: 'purged', at: purgedAt.toISOString() };
  await sendToPeer(tx, ctx.deps, r, MESSAGE_TYPES.status, confirmation);
}

export async function receiveAssessment(
  tx: Tx,
  ctx: InboundContext,
  body: AssessmentShareBody,
): Promise<void> {
  const r = await lockKnown(tx, ctx, 'incoming', body.referralId);
  if (r.status === 'withdrawn') return;
  const shared = r.categories_shared.includes('assessment')
    ? r.categories_shared
    : [...r.categories_shared, 'assessment' as const];
  await applyFromPeer(tx, ctx, r, {
    kind: 'assessment_shared',
    at: ctx.message.sentAt.toISOString(),
    changes: {
      assessment_enc: sealAssessment(ctx.deps.cipher, r.id, body.assessment),
      categories_shared: shared,
    },
  });
}

export async function receiveReceipt(tx: Tx, ctx: InboundContext, body: ReceiptBody): Promise<void> {
  const r = await lockKnown(tx, ctx, 'outgoing', body.referralId);
  const added = await insertReceipt(tx, {
    id: body.receiptId,
    referral_id: r.id,
    reader_name: body.reader.name,
    reader_agency: body.reader.agency,
    opened_at: new Date(body.openedAt),
  });
  if (!added) return;
  await appendAudit(tx, {
    actor: peerActor(ctx.peer),
    action: 'referral.receipt',
    recordType: 'referral',
    recordId: r.id,
    change: { receiptId: body.receiptId, reader: body.reader, openedAt: body.openedAt },
  });
}
