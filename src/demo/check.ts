import { randomUUID } from 'node:crypto';
import { REPATRIATION_STEPS } from '../victims/cases/repatriation.ts';
import { referralConsent, scamAssessment } from './bodies.ts';
import { logIn, observe, type Session } from './http.ts';
import type { DemoNode } from './nodes.ts';

// `jaring demo --check`: the whole referral, headless, through the nodes' real HTTP APIs. Each
// step is done on one side and then observed on BOTH sides; the check passes only if all were.

type Referral = {
  id: string;
  status: string;
  timeline?: { kind: string; step: string | null; stepStatus: string | null }[];
  receipts?: { readerName: string; openedAt: string }[];
  categoriesShared?: string[];
};

export type CheckLine = { side: string; what: string };

async function referralOn(s: Session, id: string): Promise<Referral | undefined> {
  try {
    return (await s.call<{ referral: Referral }>('GET', `/api/referrals/${id}`)).referral;
  } catch {
    return undefined;
  }
}

const hasStatus = (status: string) => (r: Referral | undefined) => (r?.status === status ? r : undefined);

export async function runCheck(from: DemoNode, to: DemoNode, say: (line: CheckLine) => void): Promise<void> {
  const sender = await logIn(from.base, from.users.focal.username, from.users.focal.password);
  const receiver = await logIn(to.base, to.users.focal.username, to.users.focal.password);
  const both = async (what: string, check: (r: Referral | undefined) => Referral | undefined, id: string) => {
    for (const [side, session] of [
      [from.country.code, sender],
      [to.country.code, receiver],
    ] as const) {
      await observe(`${what} on ${side}`, async () => check(await referralOn(session, id)));
      say({ side, what });
    }
  };

  // 1. Register, assess (forced criminality: the non-punishment flag), record consent.
  const { person } = await sender.call<{ person: { id: string } }>(
    'POST',
    '/api/victims/persons',
    {
      externalId: `demo-check-${randomUUID()}`,
      identity: { firstName: 'Sophea', secondName: 'Noun', birthdate: '1999-04-12' },
      profile: { gender: 'Feminine', citizenship: [to.country.code] },
      victim: { traffickingStatus: 'PossibleVictimOfTrafficking', typeOfExploitation: ['ForcedCriminality'] },
    },
    201,
  );
  say({ side: from.country.code, what: 'registered a fictional person' });
  const { assessment } = await sender.call<{ assessment: { nonPunishment: boolean } }>(
    'POST',
    `/api/victims/persons/${person.id}/identification-assessments`,
    scamAssessment('Demo: recruited through an online job ad, passport taken, forced to run scams.'),
    201,
  );
  if (!assessment.nonPunishment) throw new Error('the assessment did not raise the non-punishment flag');
  say({ side: from.country.code, what: 'assessed: presumed victim, non-punishment flag raised' });
  await sender.call(
    'POST',
    `/api/victims/persons/${person.id}/consents`,
    referralConsent(['identity', 'assessment'], { country: to.country.code }),
    201,
  );
  say({
    side: from.country.code,
    what: `consent recorded: identity and assessment may go to ${to.country.code}`,
  });

  // 2. Offer → received → accepted.
  const { recipients } = await sender.call<{ recipients: { peerId: string; country: string }[] }>(
    'GET',
    '/api/referrals/recipients',
  );
  const peer = recipients.find((p) => p.country === to.country.code);
  if (!peer) throw new Error(`${to.country.code} is not a recipient of ${from.country.code}`);
  const { referral } = await sender.call<{ referral: Referral }>(
    'POST',
    '/api/referrals',
    {
      personId: person.id,
      peerId: peer.peerId,
      receivingAgency: to.country.agency,
      reason: 'MigrationOrChangeOfLocation',
      details: 'Demo: return to the country of origin and reintegration support.',
    },
    201,
  );
  await sender.call('POST', `/api/referrals/${referral.id}/send`, {});
  say({ side: from.country.code, what: 'referral offered' });
  await both(
    'referral received',
    (r) => (r && ['received', 'accepted'].includes(r.status) ? r : undefined),
    referral.id,
  );
  await receiver.call('POST', `/api/referrals/${referral.id}/decision`, {
    decision: 'accept',
    note: 'Demo: accepted.',
  });
  await both('referral accepted', hasStatus('accepted'), referral.id);

  // 3. The receiving caseworker opens the shared record: a receipt goes back.
  await receiver.call('GET', `/api/referrals/${referral.id}/shared`);
  await observe('access receipt on the sender', async () => {
    const r = await referralOn(sender, referral.id);
    return r?.receipts && r.receipts.length > 0 ? r : undefined;
  });
  say({ side: from.country.code, what: `access receipt: ${to.country.code} opened the shared record` });

  // 4. The repatriation steps, then completion.
  for (const step of REPATRIATION_STEPS) {
    await receiver.call('POST', `/api/referrals/${referral.id}/status`, {
      event: 'step',
      step,
      stepStatus: 'done',
    });
    await both(
      `step ${step} done`,
      (r) => (r?.timeline?.some((e) => e.step === step && e.stepStatus === 'done') ? r : undefined),
      referral.id,
    );
  }
  await receiver.call('POST', `/api/referrals/${referral.id}/status`, {
    event: 'completed',
    note: 'Demo: received and reintegration plan agreed.',
  });
  await both('referral completed', hasStatus('completed'), referral.id);
}
