import { randomUUID } from 'node:crypto';
import { findPeer } from '../federation/peers/repo.ts';
import type { Tx } from '../platform/db/database.ts';
import type { AppDeps } from '../platform/http/context.ts';
import { conflict, HttpError, invalid, notFound } from '../platform/http/errors.ts';
import { noteSentReferral } from '../victims/htcds/case-referral-service.ts';
import { findPerson } from '../victims/repo.ts';
import { type ReferralActor, userActor } from './actors.ts';
import { referralContext } from './encrypted-columns.ts';
import { MESSAGE_TYPES, type OfferBody } from './message-schemas.ts';
import { sendToPeer } from './outbound.ts';
import { agencyName, findReferral, insertReferral, type ReferralRow } from './repo.ts';
import type { CreateReferralInput } from './schema.ts';
import { consentedAssessment, consentedData } from './sections.ts';
import { caseOfPerson } from './source-repo.ts';
import { recordEvent } from './timeline.ts';
import { transition } from './transitions.ts';

// The sending side: a caseworker drafts a referral of a person to an agency of a peer's country,
// then sends it. Sending decides consent per data category and queues the offer in one transaction.

type Deps = Pick<AppDeps, 'db' | 'cipher' | 'node'>;

async function activePeer(tx: Tx, peerId: string) {
  const peer = await findPeer(tx, peerId);
  if (peer?.status !== 'active') {
    throw invalid('Invalid referral: peerId: no active peer node has this id', [
      { path: 'peerId', code: 'unknown_peer', message: 'no active peer node has this id' },
    ]);
  }
  return peer;
}

export async function createReferral(
  deps: Deps,
  actor: ReferralActor,
  input: CreateReferralInput,
): Promise<ReferralRow> {
  return deps.db.transaction().execute(async (tx) => {
    if (!(await findPerson(tx, actor.agencyId, input.personId))) throw notFound('The person');
    if (input.caseId && !(await caseOfPerson(tx, actor.agencyId, input.caseId, input.personId))) {
      throw invalid('Invalid referral: caseId: the person is not linked to this case of your agency', [
        {
          path: 'caseId',
          code: 'person_not_linked',
          message: 'the person is not linked to this case of your agency',
        },
      ]);
    }
    const peer = await activePeer(tx, input.peerId);
    const id = randomUUID();
    await insertReferral(tx, {
      id,
      direction: 'outgoing',
      agency_id: actor.agencyId,
      peer_id: peer.id,
      peer_country: peer.country,
      person_id: input.personId,
      case_id: input.caseId ?? null,
      status: 'draft',
      sending_agency: await agencyName(tx, actor.agencyId),
      sending_country: deps.node.country,
      receiving_agency: input.receivingAgency,
      receiving_country: peer.country,
      reason_for_outgoing_referral: input.reason,
      outgoing_referral_details_enc:
        input.details === undefined
          ? null
          : deps.cipher.encrypt(input.details, referralContext('outgoing_referral_details_enc', id)),
      created_by: actor.userId,
    });
    await recordEvent(tx, deps, {
      referralId: id,
      kind: 'created',
      status: 'draft',
      actor: userActor(actor),
      at: new Date(),
      audit: {
        personId: input.personId,
        caseId: input.caseId ?? null,
        peer: peer.id,
        receivingAgency: input.receivingAgency,
      },
    });
    const row = await findReferral(tx, actor.agencyId, id);
    if (!row) throw new Error('the referral just created is missing');
    return row;
  });
}

function detailsOf(deps: Deps, r: ReferralRow): string | null {
  if (r.outgoing_referral_details_enc === null) return null;
  try {
    return deps.cipher.decrypt(
      r.outgoing_referral_details_enc,
      referralContext('outgoing_referral_details_enc', r.id),
    );
  } catch {
    throw conflict('The referral details failed their integrity check: the referral cannot be sent.');
  }
}

/** Sends a draft: one consent decision per category, the offer with what is allowed, queued. */
export async function sendReferral(deps: Deps, actor: ReferralActor, id: string): Promise<ReferralRow> {
  return deps.db.transaction().execute(async (tx) => {
    const r = await findReferral(tx, actor.agencyId, id, { forUpdate: true });
    if (r?.direction !== 'outgoing' || r.person_id === null) throw notFound('The referral');
    const next = transition(r.status, 'sent');
    if (!next.ok) throw conflict(`The referral cannot be sent: ${next.message}.`);
    const peer = await activePeer(tx, r.peer_id);
    const details = detailsOf(deps, r);
    const data = await consentedData(tx, deps.cipher, actor, {
      personId: r.person_id,
      country: peer.country,
      agency: r.receiving_agency,
      details,
    });
    if (data.shared.length === 0) {
      const why = data.refused.map((x) => `${x.category}: ${x.message}`).join('; ');
      throw new HttpError(
        409,
        'no_consent',
        `Consent allows no data to go to ${r.receiving_agency} (${peer.country}) for a referral: ${why}`,
      );
    }
    const sentAt = new Date();
    const offer: OfferBody = {
      referralId: r.id,
      sendingAgency: r.sending_agency,
      sendingCountry: r.sending_country,
      receivingAgency: r.receiving_agency,
      receivingCountry: r.receiving_country,
      reason: r.reason_for_outgoing_referral ?? 'Other',
      sentAt: sentAt.toISOString(),
      by: { name: actor.displayName, agency: r.sending_agency },
      consentIds: data.consentIds,
      categories: data.shared,
      ...data.sections,
    };
    await sendToPeer(tx, deps, r, MESSAGE_TYPES.offer, offer);
    await recordEvent(tx, deps, {
      referralId: r.id,
      kind: 'sent',
      status: next.status,
      actor: userActor(actor),
      at: sentAt,
      changes: {
        sent_at: sentAt,
        outgoing_referral_date: sentAt.toISOString().slice(0, 10),
        categories_shared: data.shared,
        categories_refused: JSON.stringify(data.refused),
        consent_ids: data.consentIds,
      },
      audit: {
        categories: data.shared,
        refused: data.refused.map((x) => [x.category, x.reason]),
        consentIds: data.consentIds,
      },
    });
    if (r.case_id !== null) {
      await noteSentReferral(tx, deps.cipher, userActor(actor), {
        agencyId: actor.agencyId,
        caseId: r.case_id,
        referralId: r.id,
        sentOn: sentAt.toISOString().slice(0, 10),
        reason: r.reason_for_outgoing_referral,
        details,
        receivingAgency: r.receiving_agency,
        receivingCountry: r.receiving_country,
      });
    }
    const row = await findReferral(tx, actor.agencyId, id);
    if (!row) throw new Error('the referral just sent is missing');
    return row;
  });
}

/** Shares the person's latest identification assessment again (assessment.share), if consent allows now. */
export async function shareAssessment(deps: Deps, actor: ReferralActor, id: string): Promise<ReferralRow> {
  return deps.db.transaction().execute(async (tx) => {
    const r = await findReferral(tx, actor.agencyId, id, { forUpdate: true });
    if (r?.direction !== 'outgoing' || r.person_id === null) throw notFound('The referral');
    const next = transition(r.status, 'assessment_shared');
    if (!next.ok) throw conflict(`The assessment cannot be shared: ${next.message}.`);
    const result = await consentedAssessment(tx, deps.cipher, actor, {
      personId: r.person_id,
      country: r.peer_country,
      agency: r.receiving_agency,
    });
    if ('refused' in result)
      throw new HttpError(409, 'no_consent', `The assessment may not be shared: ${result.refused.message}`);
    await sendToPeer(tx, deps, r, MESSAGE_TYPES.assessment, {
      referralId: r.id,
      assessment: result.assessment,
    });
    const consentIds = r.consent_ids.includes(result.consentId)
      ? r.consent_ids
      : [...r.consent_ids, result.consentId];
    const shared = r.categories_shared.includes('assessment')
      ? r.categories_shared
      : [...r.categories_shared, 'assessment' as const];
    await recordEvent(tx, deps, {
      referralId: r.id,
      kind: 'assessment_shared',
      status: next.status,
      actor: userActor(actor),
      at: new Date(),
      changes: {
        consent_ids: consentIds,
        categories_shared: shared,
        categories_refused: JSON.stringify(r.categories_refused.filter((x) => x.category !== 'assessment')),
      },
      audit: { assessmentId: result.assessment.assessmentId, consentId: result.consentId },
    });
    const row = await findReferral(tx, actor.agencyId, id);
    if (!row) throw new Error('the referral is missing');
    return row;
  });
}
