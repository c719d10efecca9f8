import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { peerNodes, queuedBodies, relay } from '../../test/helpers/referrals.ts';
import { fullPerson } from '../../test/helpers/victims.ts';
import { referralConsent, scamAssessment } from '../demo/bodies.ts';
import { type DeadLetterNotice, InboundRejection } from '../federation/kinds.ts';
import { findPeer } from '../federation/peers/repo.ts';
import { referralDeadLetters } from './dead-letters.ts';
import { referralMessageKinds } from './messages.ts';

// Two nodes, Thailand (sender) and Cambodia (receiver), each with its own database; messages are
// handed from one node's outbox to the other's handlers (relay), as the inbox would after verifying.

const AGENCY_KH = 'Ministry of Social Affairs, Veterans and Youth Rehabilitation';
let th: TestApp;
let kh: TestApp;
let thWorker: TestClient;
let khWorker: TestClient;

beforeAll(async () => {
  const env = { JARING_WORKERS: 'none' };
  [th, kh] = await Promise.all([
    createTestApp({ ...env, JARING_NODE_COUNTRY: 'TH' }),
    createTestApp({ ...env, JARING_NODE_COUNTRY: 'KH' }),
  ]);
  await peerNodes(th, kh);
  // The receiving agency the referrals name: KH files a referral only under an agency of that name.
  await kh.deps.db.updateTable('agencies').set({ name: AGENCY_KH }).execute();
  [thWorker, khWorker] = await Promise.all([
    th.loginAs(['caseworker']),
    kh.loginAs(['referral_focal_point']),
  ]);
}, 60_000);
afterAll(async () => Promise.all([th?.close(), kh?.close()]));

async function call(client: TestClient, method: string, path: string, status: number, body?: unknown) {
  const res = await client.request(method, path, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(status);
  return json;
}

async function personWithConsent(
  externalId: string,
  categories: string[],
): Promise<{ personId: string; consentId: string }> {
  const { person } = await call(thWorker, 'POST', '/api/victims/persons', 201, fullPerson(externalId));
  const { consent } = await call(
    thWorker,
    'POST',
    `/api/victims/persons/${person.id}/consents`,
    201,
    referralConsent(
      categories,
      { country: 'KH', agency: AGENCY_KH },
      { kind: 'signed_form', formSha256: createHash('sha256').update(externalId).digest('hex') },
    ),
  );
  await call(
    thWorker,
    'POST',
    `/api/victims/persons/${person.id}/identification-assessments`,
    201,
    scamAssessment('Recruited online, passport taken, forced to defraud.'),
  );
  return { personId: person.id, consentId: consent.id };
}

async function draftAndSend(personId: string) {
  const { referral: draft } = await call(thWorker, 'POST', '/api/referrals', 201, {
    personId,
    peerId: kh.deps.node.id,
    receivingAgency: AGENCY_KH,
    reason: 'MigrationOrChangeOfLocation',
    details: 'Wishes to return to Battambang; mother is there.',
  });
  expect(draft.status).toBe('draft');
  const { referral } = await call(thWorker, 'POST', `/api/referrals/${draft.id}/send`, 200);
  return referral;
}

describe('a referral from Thailand to Cambodia', () => {
  let id: string;
  let consentId: string;

  it('sends only what consent covers, and the receiver acknowledges', async () => {
    const p = await personWithConsent('TH-REF-1', ['identity', 'assessment']);
    consentId = p.consentId;
    const sent = await draftAndSend(p.personId);
    id = sent.id;
    expect(sent.status).toBe('sent');
    expect(sent.categoriesShared).toEqual(['identity', 'assessment']);
    expect(
      sent.categoriesRefused.map((r: { category: string; reason: string }) => [r.category, r.reason]),
    ).toEqual([
      ['health', 'wrong_category'],
      ['case_history', 'wrong_category'],
    ]);
    expect(sent.consentIds).toEqual([consentId]);
    const [offer] = await queuedBodies(th, 'referral.offer');
    expect(offer).toHaveProperty('identity');
    expect(offer).toHaveProperty('assessment');
    expect(offer).not.toHaveProperty('health');
    expect(offer).not.toHaveProperty('caseHistory');
    // The details describe the case: they travel only with case_history.
    expect(JSON.stringify(offer)).not.toContain('Battambang');

    expect(await relay(th, kh)).toEqual(['referral.offer']);
    const { referrals } = await call(khWorker, 'GET', '/api/referrals?direction=incoming', 200);
    expect(referrals.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [id, 'received'],
    ]);
    expect(await relay(kh, th)).toEqual(['referral.status']);
    const { referral } = await call(thWorker, 'GET', `/api/referrals/${id}`, 200);
    expect(referral.status).toBe('received');
    expect(referral.sla.overdue).toBeNull();
  });

  it('stores the shared data sealed; reading it is audited and sends a receipt back', async () => {
    const row = await kh.deps.db
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.shared_data_enc).toMatch(/^jf1\./);
    expect(row.shared_data_enc).not.toContain('Nguy');
    const { shared } = await call(khWorker, 'GET', `/api/referrals/${id}/shared`, 200);
    expect(shared.identity.firstName).toBe('Nguyễn');
    expect(shared.assessment).toMatchObject({ decision: 'presumed_victim', nonPunishment: true });
    expect(shared.assessment.indicators).toContainEqual({
      setId: 'forced-criminality-online-scams',
      indicatorId: 'fc_documents_taken',
    });
    expect(shared.health).toBeNull();
    const audits = await kh.deps.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', id)
      .execute();
    expect(audits.map((a) => a.action)).toContain('referral.read_shared');
    expect(await relay(kh, th)).toEqual(['access.receipt']);
    const { referral } = await call(thWorker, 'GET', `/api/referrals/${id}`, 200);
    expect(referral.receipts).toHaveLength(1);
    expect(referral.receipts[0].readerName).toMatch(/^user/);
  });

  it('accepts, records steps and completion on both sides', async () => {
    await call(khWorker, 'POST', `/api/referrals/${id}/decision`, 200, {
      decision: 'accept',
      note: 'Case officer assigned.',
    });
    await call(khWorker, 'POST', `/api/referrals/${id}/status`, 200, {
      event: 'step',
      step: 'nationality_verification',
      stepStatus: 'done',
    });
    await call(khWorker, 'POST', `/api/referrals/${id}/status`, 200, {
      event: 'reintegration',
      note: 'Back with family.',
    });
    const bad = await khWorker.request('POST', `/api/referrals/${id}/status`, {
      event: 'step',
      step: 'teleport',
      stepStatus: 'done',
    });
    expect(bad.status).toBe(400);
    expect(await relay(kh, th)).toEqual(['referral.accept', 'referral.status', 'referral.status']);
    const { referral } = await call(thWorker, 'GET', `/api/referrals/${id}`, 200);
    expect(referral.status).toBe('in_progress');
    const kinds = referral.timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['created', 'sent', 'received', 'accepted', 'step', 'reintegration']);
    const step = referral.timeline.find((e: { kind: string }) => e.kind === 'step');
    // Recorded from Cambodia's message: shown as the Cambodian agency, not as the peer node's id.
    expect(step).toMatchObject({
      step: 'nationality_verification',
      stepStatus: 'done',
      nodeCountry: 'KH',
      actor: AGENCY_KH,
    });
    expect(referral.timeline.find((e: { kind: string }) => e.kind === 'accepted').note).toBe(
      'Case officer assigned.',
    );
  });

  it('withdraws with the consent: the receiver purges, keeps a tombstone, and confirms', async () => {
    await call(thWorker, 'POST', `/api/victims/consents/${consentId}/withdraw`, 200, {
      statedBy: 'subject',
      method: { kind: 'verbal' },
    });
    const { referral: home } = await call(thWorker, 'GET', `/api/referrals/${id}`, 200);
    expect(home.status).toBe('withdrawn');
    expect(await relay(th, kh)).toEqual(['referral.withdraw']);
    const row = await kh.deps.db
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect([row.shared_data_enc, row.assessment_enc, row.incoming_referral_details_enc]).toEqual([
      null,
      null,
      null,
    ]);
    expect(row.status).toBe('withdrawn');
    expect(row.purged_at).not.toBeNull();
    const notes = await kh.deps.db
      .selectFrom('referral_events')
      .select('note_enc')
      .where('referral_id', '=', id)
      .execute();
    expect(notes.every((n) => n.note_enc === null)).toBe(true);
    const { shared } = await call(khWorker, 'GET', `/api/referrals/${id}/shared`, 200);
    expect(shared).toMatchObject({ purged: true, identity: null, assessment: null });
    expect(await relay(kh, th)).toEqual(['referral.status']);
    const { referral } = await call(thWorker, 'GET', `/api/referrals/${id}`, 200);
    expect(referral.purgeConfirmedAt).not.toBeNull();
    expect(referral.timeline.map((e: { kind: string }) => e.kind).slice(-2)).toEqual([
      'withdrawn',
      'purge_confirmed',
    ]);
  });
});

describe('a referral of a case', () => {
  it("records the sent referral as the case's outgoing HTCDS referral, unless one is recorded", async () => {
    const openCase = async (personId: string) =>
      (await call(thWorker, 'POST', '/api/victims/cases', 201, { persons: [{ personId, role: 'victim' }] }))
        .case.id as string;
    const send = async (personId: string, caseId: string) => {
      const { referral } = await call(thWorker, 'POST', '/api/referrals', 201, {
        personId,
        caseId,
        peerId: kh.deps.node.id,
        receivingAgency: AGENCY_KH,
        reason: 'AdditionalServicesRequired',
        details: 'Needs a shelter near the border.',
      });
      await call(thWorker, 'POST', `/api/referrals/${referral.id}/send`, 200);
    };
    const details = async (caseId: string) =>
      (await call(thWorker, 'GET', `/api/victims/cases/${caseId}/referral-details`, 200)).referralDetails;

    const first = await personWithConsent('TH-REF-CASE-1', ['identity', 'case_history']);
    const caseId = await openCase(first.personId);
    await send(first.personId, caseId);
    expect(await details(caseId)).toMatchObject({
      outgoingReferralDate: new Date().toISOString().slice(0, 10),
      reasonForOutgoingReferral: 'AdditionalServicesRequired',
      outgoingReferralDetails: 'Needs a shelter near the border.',
    });
    const referredTo = (await details(caseId)).referredOrganisationId;
    const { organisation } = await call(thWorker, 'GET', `/api/victims/organisations/${referredTo}`, 200);
    expect(organisation).toMatchObject({ name: AGENCY_KH, country: 'KH' });
    const audit = await th.deps.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', caseId)
      .where('action', '=', 'case.referral_details.update')
      .execute();
    expect(audit).toHaveLength(1);

    const second = await personWithConsent('TH-REF-CASE-2', ['identity']);
    const recorded = await openCase(second.personId);
    await call(thWorker, 'PUT', `/api/victims/cases/${recorded}/referral-details`, 200, {
      reasonForOutgoingReferral: 'Other',
      outgoingReferralDate: '2026-01-05',
    });
    await send(second.personId, recorded);
    expect(await details(recorded)).toMatchObject({
      reasonForOutgoingReferral: 'Other',
      outgoingReferralDate: '2026-01-05',
      outgoingReferralDetails: null,
    });
  });
});

describe('consent and refusals', () => {
  it('ships no assessment when consent covers identity only', async () => {
    const p = await personWithConsent('TH-REF-2', ['identity']);
    const sent = await draftAndSend(p.personId);
    expect(sent.categoriesShared).toEqual(['identity']);
    const offers = await queuedBodies(th, 'referral.offer');
    const offer = offers.find((o) => o.referralId === sent.id);
    expect(offer).toHaveProperty('identity');
    expect(offer).not.toHaveProperty('assessment');
  });

  it('refuses to send when consent covers nothing for this recipient, and writes nothing', async () => {
    const { person } = await call(thWorker, 'POST', '/api/victims/persons', 201, fullPerson('TH-REF-3'));
    const { referral } = await call(thWorker, 'POST', '/api/referrals', 201, {
      personId: person.id,
      peerId: kh.deps.node.id,
      receivingAgency: AGENCY_KH,
      reason: 'Other',
    });
    expect(referral.preview.every((p: { allowed: boolean }) => !p.allowed)).toBe(true);
    const before = await th.deps.db.selectFrom('federation_outbox').select('id').execute();
    const res = await thWorker.request('POST', `/api/referrals/${referral.id}/send`);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('no_consent');
    expect(await th.deps.db.selectFrom('federation_outbox').select('id').execute()).toHaveLength(
      before.length,
    );
    const { referral: after } = await call(thWorker, 'GET', `/api/referrals/${referral.id}`, 200);
    expect(after.status).toBe('draft');
  });

  it('refuses roles that do not work referrals, and bad input, naming the field', async () => {
    const admin = await th.loginAdmin();
    expect((await admin.request('GET', '/api/referrals?direction=outgoing')).status).toBe(403);
    const analyst = await th.loginAs(['analyst']);
    expect((await analyst.request('POST', '/api/referrals', {})).status).toBe(403);
    const res = await thWorker.request('POST', '/api/referrals', {
      personId: '00000000-0000-4000-8000-000000000000',
      peerId: kh.deps.node.id,
      receivingAgency: AGENCY_KH,
      reason: 'Holiday',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('reason');
  });

  it('refuses a case the person is not on and a node that is no active peer, with codes, writing nothing', async () => {
    const person = async (externalId: string) =>
      (await call(thWorker, 'POST', '/api/victims/persons', 201, fullPerson(externalId))).person.id as string;
    const [personId, otherId] = [await person('TH-REF-OFF-CASE-1'), await person('TH-REF-OFF-CASE-2')];
    const { case: other } = await call(thWorker, 'POST', '/api/victims/cases', 201, {
      persons: [{ personId: otherId, role: 'victim' }],
    });
    const draft = { personId, peerId: kh.deps.node.id, receivingAgency: AGENCY_KH, reason: 'Other' };
    const before = await th.deps.db.selectFrom('referrals').select('id').execute();
    const offCase = await call(thWorker, 'POST', '/api/referrals', 400, { ...draft, caseId: other.id });
    expect(offCase.error.fields).toEqual([
      expect.objectContaining({ path: 'caseId', code: 'person_not_linked' }),
    ]);
    const noPeer = await call(thWorker, 'POST', '/api/referrals', 400, { ...draft, peerId: randomUUID() });
    expect(noPeer.error.fields).toEqual([expect.objectContaining({ path: 'peerId', code: 'unknown_peer' })]);
    expect(await th.deps.db.selectFrom('referrals').select('id').execute()).toEqual(before);
  });

  it('refuses a decision on the sending side and an accept for an unknown referral', async () => {
    const p = await personWithConsent('TH-REF-4', ['identity']);
    const sent = await draftAndSend(p.personId);
    const res = await thWorker.request('POST', `/api/referrals/${sent.id}/decision`, { decision: 'accept' });
    expect(res.status).toBe(404);
    await relay(th, kh);
    await call(khWorker, 'POST', `/api/referrals/${sent.id}/decision`, 200, {
      decision: 'decline',
      reason: 'Not our region.',
    });
    const again = await khWorker.request('POST', `/api/referrals/${sent.id}/decision`, {
      decision: 'accept',
    });
    expect(again.status).toBe(409);
  });
});

describe('deadlines and refusals from peers', () => {
  it('shows a referral past its decision deadline as overdue on both sides', async () => {
    const p = await personWithConsent('TH-REF-5', ['identity']);
    const sent = await draftAndSend(p.personId);
    await relay(th, kh);
    await relay(kh, th);
    const longAgo = new Date(Date.now() - 80 * 3_600_000);
    for (const node of [th, kh]) {
      await node.deps.db
        .updateTable('referrals')
        .set({ sent_at: longAgo })
        .where('id', '=', sent.id)
        .execute();
    }
    for (const [client, direction] of [
      [thWorker, 'outgoing'],
      [khWorker, 'incoming'],
    ] as const) {
      const { referrals } = await call(client, 'GET', `/api/referrals?direction=${direction}`, 200);
      const row = referrals.find((r: { id: string }) => r.id === sent.id);
      expect(row.sla.overdue, direction).toBe('decision');
    }
  });

  it('refuses an accept for a referral the peer never had, and an offer for another country or an unknown agency', async () => {
    const peer = await findPeer(kh.deps.db, th.deps.node.id);
    if (!peer) throw new Error('no peer');
    const kind = (type: string) => referralMessageKinds.find((k) => k.type === type);
    const referralId = '11111111-1111-4111-8111-111111111111';
    const message = {
      id: referralId,
      type: 'x',
      version: 1,
      conversation: referralId,
      seq: 1,
      sentAt: new Date(),
    };
    const accept = kind('referral.accept');
    const body = { referralId, at: new Date().toISOString(), by: { name: 'A', agency: 'B' } };
    await expect(
      kh.deps.db
        .transaction()
        .execute((tx) => accept?.handle(tx, { deps: kh.deps, peer, message }, body) ?? Promise.resolve()),
    ).rejects.toThrow(InboundRejection);
    const offer = kind('referral.offer');
    const wrong = {
      referralId,
      sendingAgency: 'X',
      sendingCountry: 'TH',
      receivingAgency: 'Y',
      receivingCountry: 'VN',
      reason: 'Other',
      sentAt: new Date().toISOString(),
      by: { name: 'A', agency: 'X' },
      consentIds: [],
      categories: [],
    };
    expect(offer?.schema.safeParse(wrong).success).toBe(true);
    await expect(
      kh.deps.db
        .transaction()
        .execute((tx) => offer?.handle(tx, { deps: kh.deps, peer, message }, wrong) ?? Promise.resolve()),
    ).rejects.toThrow(/this node is KH/);
    // Meant for KH, but for an agency KH does not have: refused, never filed under another agency.
    const misaddressed = { ...wrong, receivingCountry: 'KH', receivingAgency: 'Cambodia MoSVY' };
    await expect(
      kh.deps.db
        .transaction()
        .execute(
          (tx) => offer?.handle(tx, { deps: kh.deps, peer, message }, misaddressed) ?? Promise.resolve(),
        ),
    ).rejects.toThrow('This node has no agency named "Cambodia MoSVY"');
    expect(
      await kh.deps.db.selectFrom('referrals').select('id').where('id', '=', referralId).execute(),
    ).toEqual([]);
  });

  it('declares every message type at version 1 with a schema that names what is wrong', () => {
    expect(referralMessageKinds.map((k) => `${k.type}@${k.version}`).sort()).toEqual(
      [
        'access.receipt@1',
        'assessment.share@1',
        'referral.accept@1',
        'referral.decline@1',
        'referral.offer@1',
        'referral.status@1',
        'referral.withdraw@1',
      ].sort(),
    );
    const decline = referralMessageKinds.find((k) => k.type === 'referral.decline');
    const bad = decline?.schema.safeParse({
      referralId: 'nope',
      at: 'yesterday',
      by: { name: 'A', agency: 'B' },
    });
    expect(bad?.success).toBe(false);
    expect(bad?.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['at', 'reason', 'referralId']);
  });
});

describe('messages the federation outbox gives up on', () => {
  const deadLetter = (referralId: string, type: string, cause: DeadLetterNotice['cause']) =>
    th.deps.db.transaction().execute((tx) =>
      referralDeadLetters.handle(tx, th.deps, {
        peerId: kh.deps.node.id,
        conversation: referralId,
        head: { id: randomUUID(), type, seq: 1 },
        blocked: [],
        cause,
        at: new Date(),
      }),
    );
  const timelineKinds = async (referralId: string) =>
    (await call(thWorker, 'GET', `/api/referrals/${referralId}`, 200)).referral.timeline.map(
      (e: { kind: string }) => e.kind,
    );

  it('an offer refused for good makes the referral undelivered; sent again, it can still arrive', async () => {
    const p = await personWithConsent('TH-REF-DEAD', ['identity']);
    const sent = await draftAndSend(p.personId);
    await deadLetter(sent.id, 'referral.offer', {
      kind: 'refused',
      status: 422,
      code: 'unknown_agency',
      message: 'This node has no agency named "X".',
    });
    const { referral } = await call(thWorker, 'GET', `/api/referrals/${sent.id}`, 200);
    expect(referral).toMatchObject({ status: 'undelivered', undeliveredReason: 'unknown_agency' });
    expect(referral.sla.overdue).toBeNull();
    expect(referral.timeline.at(-1)).toMatchObject({
      kind: 'undelivered',
      actor: 'system',
      note: 'referral.offer: unknown_agency: This node has no agency named "X".',
    });
    // An administrator sends the dead letter again (here: the relay), and KH has the agency now.
    expect(await relay(th, kh)).toEqual(['referral.offer']);
    expect(await relay(kh, th)).toEqual(['referral.status']);
    expect((await call(thWorker, 'GET', `/api/referrals/${sent.id}`, 200)).referral.status).toBe('received');

    // A later message lost: a delivery_failed event, the status unchanged, audited.
    await deadLetter(sent.id, 'assessment.share', { kind: 'expired', hours: 72 });
    const after = (await call(thWorker, 'GET', `/api/referrals/${sent.id}`, 200)).referral;
    expect(after.status).toBe('received');
    expect(after.timeline.at(-1)).toMatchObject({
      kind: 'delivery_failed',
      note: 'assessment.share: not delivered within 72 h',
    });
    expect(await timelineKinds(sent.id)).toContain('undelivered');
    const audited = await th.deps.db
      .selectFrom('audit_entries')
      .select('action')
      .where('record_id', '=', sent.id)
      .where('action', 'in', ['referral.undelivered', 'referral.delivery_failed'])
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['referral.undelivered', 'referral.delivery_failed']);
  });

  it('ignores a dead letter of a conversation that is no referral of this node', async () => {
    await expect(
      deadLetter(randomUUID(), 'referral.offer', { kind: 'expired', hours: 72 }),
    ).resolves.toBeUndefined();
  });
});
