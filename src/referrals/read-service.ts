import { type DirectoryResult, fetchPeerDirectory } from '../federation/directory.ts';
import { findPeer, listPeers, type Peer } from '../federation/peers/repo.ts';
import { appendAudit } from '../platform/audit/append.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { notFound } from '../platform/http/errors.ts';
import { decideSharing } from '../victims/consent/service.ts';
import { CATEGORIES } from '../victims/consent/types.ts';
import { type ReferralActor, userActor } from './actors.ts';
import type { Preview } from './presenters.ts';
import {
  type EventRow,
  findReferral,
  listEvents,
  listReceipts,
  listReferrals,
  type ReceiptRow,
  type ReferralRow,
} from './repo.ts';
import type { Direction, ReferralStatus } from './tables.ts';

// Queries: each runs in one transaction with its audit entry.

type Deps = Pick<AppDeps, 'db' | 'cipher'>;

export async function listAgencyReferrals(
  deps: Deps,
  actor: ReferralActor,
  q: {
    direction: Direction;
    status?: ReferralStatus | undefined;
    personId?: string | undefined;
    limit: number;
  },
): Promise<ReferralRow[]> {
  return deps.db.transaction().execute(async (tx) => {
    const rows = await listReferrals(tx, actor.agencyId, q);
    await appendAudit(tx, {
      actor: userActor(actor),
      action: 'referral.list',
      recordType: 'referral',
      recordId: null,
      change: { direction: q.direction, referrals: rows.map((r) => r.id) },
    });
    return rows;
  });
}

export type ReferralDetail = {
  referral: ReferralRow;
  events: EventRow[];
  receipts: ReceiptRow[];
  preview: Preview | null;
};

export async function readReferral(deps: Deps, actor: ReferralActor, id: string): Promise<ReferralDetail> {
  return deps.db.transaction().execute(async (tx) => {
    const referral = await findReferral(tx, actor.agencyId, id);
    if (!referral) throw notFound('The referral');
    const [events, receipts] = [await listEvents(tx, id), await listReceipts(tx, id)];
    let preview: Preview | null = null;
    if (referral.status === 'draft' && referral.person_id !== null) {
      preview = [];
      for (const category of CATEGORIES) {
        const d = await decideSharing(tx, deps.cipher, actor, {
          personId: referral.person_id,
          category,
          purpose: 'referral',
          recipient: { country: referral.peer_country, agency: referral.receiving_agency },
        });
        preview.push({ category, allowed: d.allowed, reason: d.reason, message: d.message });
      }
    }
    await appendAudit(tx, {
      actor: userActor(actor),
      action: 'referral.read',
      recordType: 'referral',
      recordId: id,
      change: { events: events.map((e) => e.id), receipts: receipts.map((r) => r.id) },
    });
    return { referral, events, receipts, preview };
  });
}

/** The active peers a referral can go to (country and node), for the "refer" form. */
export async function listRecipients(deps: Deps): Promise<Peer[]> {
  return (await listPeers(deps.db)).filter((p) => p.status === 'active');
}

/**
 * The agencies of an active peer, asked of that peer over the federation's signed channel, for the
 * "refer" form's list; or why it could not be had (the form then lets the name be typed).
 */
export async function recipientAgencies(
  deps: Pick<AppDeps, 'db' | 'node'>,
  peerId: string,
): Promise<{ peer: Peer; directory: DirectoryResult }> {
  const peer = await findPeer(deps.db, peerId);
  if (peer?.status !== 'active') throw notFound('An active peer node with this id');
  return { peer, directory: await fetchPeerDirectory(deps, peer) };
}
