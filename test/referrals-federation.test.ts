import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referralConsent, scamAssessment } from '../src/demo/bodies.ts';
import { joinUrl, postSigned } from '../src/federation/client.ts';
import { DIRECTORY_PATH } from '../src/federation/directory.ts';
import { REPATRIATION_STEPS } from '../src/victims/cases/repatriation.ts';
import { type HttpClient, peerNodes, startTestNode, type TestNode, waitFor } from './helpers/nodes.ts';

// The regional referral mechanism across three real nodes on loopback (issue 5 "Faults and bad
// input"): each message signed, delivered by the outbox and applied by the peer's inbox.

let th: TestNode;
let kh: TestNode;
let id: TestNode;
let thFocal: HttpClient;
let khFocal: HttpClient;

beforeAll(async () => {
  [th, kh, id] = await Promise.all([startTestNode('TH'), startTestNode('KH'), startTestNode('ID')]);
  await peerNodes(th, kh);
  await peerNodes(th, id);
  await peerNodes(kh, id);
  thFocal = await th.loginAs(['referral_focal_point', 'caseworker']);
  khFocal = await kh.loginAs(['referral_focal_point', 'caseworker']);
}, 90_000);
afterAll(async () => {
  await Promise.all([th?.stop(), kh?.stop(), id?.stop()]);
});

type Referral = {
  id: string;
  status: string;
  categoriesShared: string[];
  purgedAt: string | null;
  purgeConfirmedAt: string | null;
  withdrawnAt: string | null;
  timeline: { kind: string; step: string | null; stepStatus: string | null; nodeCountry: string }[];
  receipts: { readerName: string }[];
};

const read = async (s: HttpClient, referralId: string) =>
  (await s.json<{ referral?: Referral }>('GET', `/api/referrals/${referralId}`)).referral;

/** On `from`: a person assessed as a forced-criminality victim, consenting to share `categories` with `to`. */
async function preparePerson(s: HttpClient, to: TestNode, categories: string[]) {
  const { person } = await s.json(
    'POST',
    '/api/victims/persons',
    {
      identity: { firstName: 'Sophea', secondName: 'Noun', birthdate: '1999-04-12' },
      profile: { gender: 'Feminine', citizenship: [to.country] },
      victim: { traffickingStatus: 'PossibleVictimOfTrafficking', typeOfExploitation: ['ForcedCriminality'] },
    },
    201,
  );
  await s.json(
    'POST',
    `/api/victims/persons/${person.id}/identification-assessments`,
    scamAssessment('Recruited through an online job ad, passport taken, forced to run scams.'),
    201,
  );
  const { consent } = await s.json(
    'POST',
    `/api/victims/persons/${person.id}/consents`,
    referralConsent(categories, { country: to.country }),
    201,
  );
  return { personId: person.id as string, consentId: consent.id as string };
}

async function peerIdOf(s: HttpClient, to: TestNode): Promise<string> {
  const { recipients } = await s.json<{ recipients: { peerId: string; country: string }[] }>(
    'GET',
    '/api/referrals/recipients',
  );
  const peer = recipients.find((r) => r.country === to.country);
  if (!peer) throw new Error(`${to.country} is not a recipient`);
  return peer.peerId;
}

async function draft(s: HttpClient, personId: string, to: TestNode, receivingAgency?: string) {
  // The receiving node files a referral only under an agency of the name given.
  const agency = await to.deps.db.selectFrom('agencies').select('name').executeTakeFirstOrThrow();
  const { referral } = await s.json(
    'POST',
    '/api/referrals',
    {
      personId,
      peerId: await peerIdOf(s, to),
      receivingAgency: receivingAgency ?? agency.name,
      reason: 'MigrationOrChangeOfLocation',
    },
    201,
  );
  return referral.id as string;
}

const inboxTypes = (node: TestNode, conversation: string) =>
  node.deps.db
    .selectFrom('federation_inbox')
    .select(['type', 'seq'])
    .where('conversation', '=', conversation)
    .orderBy('seq')
    .execute();

describe('a referral between nodes', () => {
  it('runs TH → KH to completion, every status visible in TH, with an access receipt', async () => {
    const { personId } = await preparePerson(thFocal, kh, ['identity', 'assessment']);
    const referralId = await draft(thFocal, personId, kh);
    await thFocal.json('POST', `/api/referrals/${referralId}/send`, {}, 200);

    const incoming = await waitFor('KH to receive the offer', async () => {
      const r = await read(khFocal, referralId);
      return r?.status === 'received' ? r : undefined;
    });
    expect(incoming.categoriesShared.sort()).toEqual(['assessment', 'identity']);
    await waitFor('TH to see it received', async () =>
      (await read(thFocal, referralId))?.status === 'received' ? true : undefined,
    );

    await khFocal.json('POST', `/api/referrals/${referralId}/decision`, { decision: 'accept' }, 200);
    const shared = await khFocal.json('GET', `/api/referrals/${referralId}/shared`, undefined, 200);
    expect(JSON.stringify(shared)).toContain('Sophea');
    // The assessment travelled (so the negative check in the consent test below can fail).
    expect(JSON.stringify(shared)).toContain('forced-criminality-online-scams');
    for (const step of REPATRIATION_STEPS) {
      await khFocal.json(
        'POST',
        `/api/referrals/${referralId}/status`,
        { event: 'step', step, stepStatus: 'done' },
        200,
      );
    }
    await khFocal.json('POST', `/api/referrals/${referralId}/status`, { event: 'completed' }, 200);

    const seen = await waitFor('TH to see the completion', async () => {
      const r = await read(thFocal, referralId);
      return r?.status === 'completed' && r.receipts.length > 0 ? r : undefined;
    });
    const steps = seen.timeline.filter((e) => e.step !== null).map((e) => e.step);
    expect(steps).toEqual([...REPATRIATION_STEPS]);
    expect(seen.receipts[0]?.readerName).toEqual(expect.any(String));
    // The same story on both sides.
    const khSide = await read(khFocal, referralId);
    expect(khSide?.status).toBe('completed');
  });

  it('KH is down while TH sends three updates: all arrive exactly once and in order', async () => {
    const { personId } = await preparePerson(thFocal, kh, ['identity', 'assessment']);
    const referralId = await draft(thFocal, personId, kh);
    await kh.serving.closeHttp();
    try {
      await thFocal.json('POST', `/api/referrals/${referralId}/send`, {}, 200);
      await thFocal.json('POST', `/api/referrals/${referralId}/share-assessment`, {}, 200);
      await thFocal.json('POST', `/api/referrals/${referralId}/share-assessment`, {}, 200);
      await waitFor('TH to fail at least once', async () => {
        const head = await th.deps.db
          .selectFrom('federation_outbox')
          .select('attempts')
          .where('conversation', '=', referralId)
          .where('seq', '=', 1)
          .executeTakeFirst();
        return head && head.attempts >= 1 ? head : undefined;
      });
      expect(await inboxTypes(kh, referralId)).toEqual([]);
    } finally {
      await kh.serving.openHttp();
    }
    const received = await waitFor('all three on KH', async () => {
      const rows = await inboxTypes(kh, referralId);
      return rows.length === 3 ? rows : undefined;
    });
    expect(received).toEqual([
      { type: 'referral.offer', seq: 1 },
      { type: 'assessment.share', seq: 2 },
      { type: 'assessment.share', seq: 3 },
    ]);
    const khSide = await read(khFocal, referralId);
    expect(khSide?.timeline.filter((e) => e.kind === 'assessment_shared')).toHaveLength(2);
  });

  it('consent withdrawn in TH: KH purges the shared personal data and confirms; TH records it', async () => {
    const { personId, consentId } = await preparePerson(thFocal, kh, ['identity', 'assessment']);
    const referralId = await draft(thFocal, personId, kh);
    await thFocal.json('POST', `/api/referrals/${referralId}/send`, {}, 200);
    await waitFor('KH to receive it', async () =>
      (await read(khFocal, referralId))?.status === 'received' ? true : undefined,
    );
    expect(
      JSON.stringify(await khFocal.json('GET', `/api/referrals/${referralId}/shared`, undefined, 200)),
    ).toContain('Sophea');

    await thFocal.json(
      'POST',
      `/api/victims/consents/${consentId}/withdraw`,
      { statedBy: 'subject', method: { kind: 'verbal' } },
      200,
    );
    const confirmed = await waitFor('TH to record the purge confirmation', async () => {
      const r = await read(thFocal, referralId);
      return r?.purgeConfirmedAt ? r : undefined;
    });
    expect(confirmed.withdrawnAt).not.toBeNull();
    const khSide = await read(khFocal, referralId);
    expect(khSide?.purgedAt).not.toBeNull();
    const after = await khFocal.request('GET', `/api/referrals/${referralId}/shared`);
    expect(JSON.stringify(await after.json())).not.toContain('Sophea');
    // Nothing sealed is left on KH for this referral.
    const sealed = await kh.deps.db
      .selectFrom('referrals')
      .selectAll()
      .where('id', '=', referralId)
      .executeTakeFirstOrThrow();
    for (const [column, value] of Object.entries(sealed)) {
      if (column.endsWith('_enc')) expect(value, column).toBeNull();
    }
  });

  it('only what consent covers leaves TH: identity only, no assessment reaches ID', async () => {
    const thCaseworker = await th.loginAs(['referral_focal_point', 'caseworker']);
    const { personId } = await preparePerson(thCaseworker, id, ['identity']);
    const referralId = await draft(thCaseworker, personId, id);
    await thCaseworker.json('POST', `/api/referrals/${referralId}/send`, {}, 200);
    const idFocal = await id.loginAs(['referral_focal_point', 'caseworker']);
    const received = await waitFor('ID to receive the offer', async () => {
      const r = await read(idFocal, referralId);
      return r?.status === 'received' ? r : undefined;
    });
    expect(received.categoriesShared).toEqual(['identity']);
    const shared = await idFocal.json('GET', `/api/referrals/${referralId}/shared`, undefined, 200);
    expect(JSON.stringify(shared)).not.toContain('forced-criminality-online-scams');
  });
});

type Agencies =
  | { available: true; country: string; agencies: { id: string; name: string }[]; fetchedAt: string }
  | { available: false; country: string; reason: string; message: string };

const agenciesOf = async (s: HttpClient, to: TestNode) =>
  s.json<Agencies>('GET', `/api/referrals/recipients/${await peerIdOf(s, to)}/agencies`, undefined, 200);

const auditActions = async (node: TestNode, action: string) =>
  node.deps.db
    .selectFrom('audit_entries')
    .select(['actor', 'record_id'])
    .where('action', '=', action)
    .execute();

describe("a peer's agency directory", () => {
  it("lists the receiving country's agencies, asked of its node by a signed request", async () => {
    const khAdmin = await kh.admin();
    const { agency: police } = await khAdmin.json(
      'POST',
      '/api/agencies',
      { name: 'Cambodia Anti-Human Trafficking Police', orgType: 'LawEnforcement', country: 'KH' },
      201,
    );
    const names = async () => {
      const answer = await agenciesOf(thFocal, kh);
      expect(answer).toMatchObject({ available: true, country: 'KH' });
      if (!answer.available) throw new Error(answer.message);
      return answer.agencies.map((a) => a.name);
    };
    // An agency where no one can act on a referral yet is not offered; once it has a focal point, it is.
    const before = await names();
    expect(before).not.toContain('Cambodia Anti-Human Trafficking Police');
    const focal = {
      username: 'kh_police_focal',
      displayName: 'Police focal point',
      roles: ['referral_focal_point'],
      password: 'a focal point password for the directory test',
      agencyId: police.id,
    };
    await khAdmin.json('POST', '/api/users', focal, 201);
    expect(await names()).toEqual([...before, 'Cambodia Anti-Human Trafficking Police'].sort());
    // ID's agencies are ID's own.
    const fromId = await agenciesOf(thFocal, id);
    if (!fromId.available) throw new Error(fromId.message);
    expect(fromId.agencies.map((a) => a.name)).not.toContain('Cambodia Anti-Human Trafficking Police');
    // KH knows which peer asked.
    const served = await auditActions(kh, 'federation.directory.serve');
    expect(served.map((a) => a.actor)).toContain(`peer:TH:${th.deps.node.id}`);
  });

  it('is asked for only by those who refer', async () => {
    const thAdmin = await th.admin();
    const peerId = await peerIdOf(thFocal, kh);
    const res = await thAdmin.request('GET', `/api/referrals/recipients/${peerId}/agencies`);
    expect(res.status).toBe(403);
    expect(JSON.stringify(await res.json())).not.toContain('Jaring KH');
    const unknown = await thFocal.request('GET', `/api/referrals/recipients/${randomUUID()}/agencies`);
    expect(unknown.status).toBe(404);
  });

  it('is served to no one but an active peer signing its request', async () => {
    const url = joinUrl(kh.base, DIRECTORY_PATH);
    const ask = (from: string, requestId = randomUUID()) =>
      Buffer.from(JSON.stringify({ v: 1, id: requestId, from, to: kh.deps.node.id }));
    const noSecrets = (body: unknown) => expect(JSON.stringify(body)).not.toContain('agencies');

    const unsigned = await fetch(url, { method: 'POST', body: ask(th.deps.node.id) });
    expect(unsigned.status).toBe(401);
    noSecrets(await unsigned.json());

    const stranger = {
      ...th.deps.node,
      id: randomUUID(),
      privateKey: generateKeyPairSync('ed25519').privateKey,
    };
    const byStranger = await postSigned(stranger, url, ask(stranger.id));
    expect(byStranger.status).toBe(401);
    noSecrets(byStranger.body);

    // Signed by TH, but saying it is from ID: refused.
    const requestId = randomUUID();
    const mismatched = await postSigned(th.deps.node, url, ask(id.deps.node.id, requestId), {
      messageId: requestId,
    });
    expect(mismatched.status).toBe(400);
    noSecrets(mismatched.body);

    // A suspended peer is refused; the form hears why and may type the name.
    const khAdmin = await kh.admin();
    await khAdmin.json(
      'POST',
      `/api/federation/peers/${th.deps.node.id}/status`,
      { status: 'suspended', reason: 'test' },
      200,
    );
    try {
      const refused = await agenciesOf(thFocal, kh);
      expect(refused).toMatchObject({ available: false, reason: 'refused' });
      if (refused.available) throw new Error('served to a suspended peer');
      expect(refused.message).toContain('peer_suspended');
    } finally {
      await khAdmin.json(
        'POST',
        `/api/federation/peers/${th.deps.node.id}/status`,
        { status: 'active', reason: 'test over' },
        200,
      );
    }
  });

  it('says it could not be had when the peer is down', async () => {
    await kh.serving.closeHttp();
    try {
      expect(await agenciesOf(thFocal, kh)).toMatchObject({ available: false, reason: 'unreachable' });
    } finally {
      await kh.serving.openHttp();
    }
    expect(await agenciesOf(thFocal, kh)).toMatchObject({ available: true });
  });
});

describe('an offer the receiving node refuses', () => {
  it('is undelivered on the sending node, with why, and never overdue', async () => {
    const { personId, consentId } = await preparePerson(thFocal, kh, ['identity']);
    const referralId = await draft(thFocal, personId, kh, 'Cambodia Ministry of Nowhere');
    await thFocal.json('POST', `/api/referrals/${referralId}/send`, {}, 200);

    const undelivered = await waitFor('TH to record the refusal', async () => {
      const r = await thFocal.json('GET', `/api/referrals/${referralId}`, undefined, 200);
      return r.referral.status === 'undelivered' ? r.referral : undefined;
    });
    expect(undelivered).toMatchObject({
      undeliveredReason: 'unknown_agency',
      undeliveredAt: expect.any(String),
      sla: { overdue: null, ackLate: false },
    });
    const event = undelivered.timeline.find((e: { kind: string }) => e.kind === 'undelivered');
    expect(event.note).toContain('no agency named "Cambodia Ministry of Nowhere"');
    const { referrals } = await thFocal.json('GET', '/api/referrals?direction=outgoing', undefined, 200);
    expect(referrals.find((r: { id: string }) => r.id === referralId)).toMatchObject({
      status: 'undelivered',
      undeliveredReason: 'unknown_agency',
    });
    // Audited with the dead letter, which stays for the administrator; nothing reached KH.
    expect((await auditActions(th, 'referral.undelivered')).map((a) => a.record_id)).toContain(referralId);
    const outbox = await th.deps.db
      .selectFrom('federation_outbox')
      .select(['status', 'type'])
      .where('conversation', '=', referralId)
      .execute();
    expect(outbox).toEqual([{ status: 'dead', type: 'referral.offer' }]);
    expect(
      await kh.deps.db.selectFrom('referrals').select('id').where('id', '=', referralId).execute(),
    ).toEqual([]);

    // Consent withdrawn: the referral is withdrawn and its offer, which KH never had, can never be
    // sent again (no message goes to KH).
    await thFocal.json(
      'POST',
      `/api/victims/consents/${consentId}/withdraw`,
      { statedBy: 'subject', method: { kind: 'verbal' } },
      200,
    );
    expect((await read(thFocal, referralId))?.status).toBe('withdrawn');
    expect(
      await th.deps.db
        .selectFrom('federation_outbox')
        .select('id')
        .where('conversation', '=', referralId)
        .execute(),
    ).toEqual([]);
  });
});
