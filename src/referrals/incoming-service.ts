import { randomUUID } from 'node:crypto';
import { appendAudit } from '../platform/audit/append.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { conflict, notFound } from '../platform/http/errors.ts';
import { type ReferralActor, userActor } from './actors.ts';
import { MESSAGE_TYPES, type StatusBody } from './message-schemas.ts';
import { sendToPeer } from './outbound.ts';
import { agencyName, findReferral, type ReferralRow } from './repo.ts';
import type { DecisionInput, StatusInput } from './schema.ts';
import { openShared, type SharedData } from './shared.ts';
import { recordEvent } from './timeline.ts';
import { transition } from './transitions.ts';

// The receiving side: the focal agency accepts or declines (with reasons), records the repatriation
// steps, reintegration updates and the closure; each act is told to the sending node. Reading the
// shared personal data is audited and answered with an access receipt to the sender.

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'node'>;

async function lockIncoming(tx: Parameters<typeof findReferral>[0], actor: ReferralActor, id: string) {
  const r = await findReferral(tx, actor.agencyId, id, { forUpdate: true });
  if (r?.direction !== 'incoming') throw notFound('The referral');
  return r;
}

async function reload(
  tx: Parameters<typeof findReferral>[0],
  actor: ReferralActor,
  id: string,
): Promise<ReferralRow> {
  const row = await findReferral(tx, actor.agencyId, id);
  if (!row) throw new Error('the referral is missing');
  return row;
}

export async function decideReferral(
  deps: Deps,
  actor: ReferralActor,
  id: string,
  input: DecisionInput,
): Promise<ReferralRow> {
  return deps.db.transaction().execute(async (tx) => {
    const r = await lockIncoming(tx, actor, id);
    const kind = input.decision === 'accept' ? 'accepted' : 'declined';
    const next = transition(r.status, kind);
    if (!next.ok) throw conflict(`The referral cannot be ${kind}: ${next.message}.`);
    const at = new Date();
    const by = { name: actor.displayName, agency: await agencyName(tx, actor.agencyId) };
    if (input.decision === 'accept') {
      await sendToPeer(tx, deps, r, MESSAGE_TYPES.accept, {
        referralId: r.id,
        at: at.toISOString(),
        by,
        ...(input.note === undefined ? {} : { note: input.note }),
      });
    } else {
      await sendToPeer(tx, deps, r, MESSAGE_TYPES.decline, {
        referralId: r.id,
        at: at.toISOString(),
        by,
        reason: input.reason,
      });
    }
    await recordEvent(tx, deps, {
      referralId: r.id,
      kind,
      status: next.status,
      actor: userActor(actor),
      at,
      note: input.decision === 'accept' ? input.note : input.reason,
      changes: { decided_at: at },
    });
    return reload(tx, actor, id);
  });
}

export async function recordStatus(
  deps: Deps,
  actor: ReferralActor,
  id: string,
  input: StatusInput,
): Promise<ReferralRow> {
  return deps.db.transaction().execute(async (tx) => {
    const r = await lockIncoming(tx, actor, id);
    const next = transition(r.status, input.event);
    if (!next.ok) throw conflict(`The referral cannot record this: ${next.message}.`);
    const at = new Date();
    const by = { name: actor.displayName, agency: await agencyName(tx, actor.agencyId) };
    const body: StatusBody = { ...input, referralId: r.id, at: at.toISOString(), by };
    await sendToPeer(tx, deps, r, MESSAGE_TYPES.status, body);
    const ends = input.event === 'completed' || input.event === 'closed';
    await recordEvent(tx, deps, {
      referralId: r.id,
      kind: input.event,
      status: next.status,
      actor: userActor(actor),
      at,
      note: input.note,
      ...(input.event === 'step' ? { step: input.step, stepStatus: input.stepStatus } : {}),
      changes: ends ? { closed_at: at } : {},
    });
    return reload(tx, actor, id);
  });
}

/**
 * The shared personal data of an incoming referral, opened: audited, and answered with an
 * `access.receipt` to the sending node (who opened it, and when) in the same transaction.
 */
export async function readShared(deps: Deps, actor: ReferralActor, id: string): Promise<SharedData> {
  return deps.db.transaction().execute(async (tx) => {
    const r = await findReferral(tx, actor.agencyId, id);
    if (r?.direction !== 'incoming') throw notFound('The referral');
    const shared = openShared(deps.cipher, r);
    const openedAt = new Date();
    await appendAudit(tx, {
      actor: userActor(actor),
      action: 'referral.read_shared',
      recordType: 'referral',
      recordId: r.id,
      change: { categories: r.categories_shared, purged: r.purged_at !== null, tampered: shared.tampered },
    });
    if (r.purged_at === null) {
      await sendToPeer(tx, deps, r, MESSAGE_TYPES.receipt, {
        referralId: r.id,
        receiptId: randomUUID(),
        reader: { name: actor.displayName, agency: await agencyName(tx, actor.agencyId) },
        openedAt: openedAt.toISOString(),
      });
    }
    return shared;
  });
}
