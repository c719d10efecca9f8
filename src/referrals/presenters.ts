import type { DirectoryResult } from '../federation/directory.ts';
import type { Peer } from '../federation/peers/repo.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { eventNoteContext } from './encrypted-columns.ts';
import type { EventRow, ReceiptRow, ReferralRow } from './repo.ts';
import type { SharedData } from './shared.ts';
import { computeSla, type SlaSettings } from './sla.ts';

// What a reader sees of a referral. Every returned field is listed, so a new column never leaks.
// The summary and the detail carry no personal data; the shared data has its own audited route.

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export function presentReferralSummary(r: ReferralRow, sla: SlaSettings, now: Date) {
  return {
    id: r.id,
    direction: r.direction,
    status: r.status,
    peerId: r.peer_id,
    peerCountry: r.peer_country,
    personId: r.person_id,
    caseId: r.case_id,
    sendingAgency: r.sending_agency,
    sendingCountry: r.sending_country,
    receivingAgency: r.receiving_agency,
    receivingCountry: r.receiving_country,
    reason: r.direction === 'outgoing' ? r.reason_for_outgoing_referral : r.reason_for_incoming_referral,
    categoriesShared: r.categories_shared,
    sentAt: iso(r.sent_at),
    receivedAt: iso(r.received_at),
    decidedAt: iso(r.decided_at),
    closedAt: iso(r.closed_at),
    withdrawnAt: iso(r.withdrawn_at),
    purgedAt: iso(r.purged_at),
    purgeConfirmedAt: iso(r.purge_confirmed_at),
    /** When the offer was dead-lettered and why (the receiving node's error code, or 'expired'). */
    undeliveredAt: iso(r.undelivered_at),
    undeliveredReason: r.undelivered_reason,
    createdAt: r.created_at.toISOString(),
    sla: computeSla(
      { status: r.status, sentAt: r.sent_at, receivedAt: r.received_at, decidedAt: r.decided_at },
      sla,
      now,
    ),
  };
}

function openNote(
  cipher: FieldCipher,
  e: EventRow,
): { note: string | null; noteStatus: 'none' | 'shown' | 'tampered' } {
  if (e.note_enc === null) return { note: null, noteStatus: 'none' };
  try {
    return { note: cipher.decrypt(e.note_enc, eventNoteContext(e.id)), noteStatus: 'shown' };
  } catch {
    return { note: null, noteStatus: 'tampered' };
  }
}

/**
 * An event of the referral `r`. One a peer's message recorded (its actor `peer:<country>:<node id>`)
 * is shown as the agency at the other end, not as the peer node's id.
 */
export function presentEvent(
  cipher: FieldCipher,
  e: EventRow,
  r: Pick<ReferralRow, 'direction' | 'sending_agency' | 'receiving_agency'>,
) {
  const counterpart = r.direction === 'incoming' ? r.sending_agency : r.receiving_agency;
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    step: e.step,
    stepStatus: e.step_status,
    actor: e.actor_label.startsWith('peer:') ? counterpart : e.actor_label,
    nodeId: e.node_id,
    nodeCountry: e.node_country,
    at: e.at.toISOString(),
    ...openNote(cipher, e),
  };
}

export function presentReceipt(r: ReceiptRow) {
  return {
    id: r.id,
    readerName: r.reader_name,
    readerAgency: r.reader_agency,
    openedAt: r.opened_at.toISOString(),
  };
}

export type Preview = { category: string; allowed: boolean; reason: string; message: string }[];

export function presentReferral(
  cipher: FieldCipher,
  r: ReferralRow,
  parts: { events: EventRow[]; receipts: ReceiptRow[]; preview: Preview | null },
  sla: SlaSettings,
  now: Date,
) {
  return {
    ...presentReferralSummary(r, sla, now),
    categoriesRefused: r.categories_refused,
    consentIds: r.consent_ids,
    timeline: parts.events.map((e) => presentEvent(cipher, e, r)),
    receipts: parts.receipts.map(presentReceipt),
    /** For a draft: what consent would let go now, per category (nothing is shared). */
    preview: parts.preview,
  };
}

export function presentShared(s: SharedData) {
  return {
    purged: s.purged,
    identity: s.identity,
    assessment: s.assessment,
    health: s.health,
    caseHistory: s.caseHistory,
    tampered: s.tampered,
  };
}

/** A peer's agencies for the "refer" form, or why they could not be had. */
export function presentRecipientAgencies(peer: Peer, d: DirectoryResult) {
  const head = { peerId: peer.id, country: peer.country };
  if (!d.available) return { ...head, available: false as const, reason: d.reason, message: d.message };
  return {
    ...head,
    available: true as const,
    agencies: d.agencies.map((a) => ({ id: a.id, name: a.name })),
    fetchedAt: d.at.toISOString(),
  };
}
