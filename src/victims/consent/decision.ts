import { CONSENT_RULES, type ConsentRules } from './rules.ts';
import type { ConsentFacts, Decision, Recipient, Refusal, ShareRequest } from './types.ts';

// The one answer to "may this data category go to this recipient for this purpose, now?".
// Pure and deterministic: the same consents (in any order) and request give the same decision.
// Every sharing path (referrals, federation, exports) asks through service.decideSharing, which
// loads the consents under row locks and audits the question; nothing shares without consent:
// there is no override (see README.md on the best-interests principle).

/** An agency name compared as text: NFKC, whitespace collapsed, case-insensitive. */
export function agencyKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** A consent naming no agency covers every agency of its country. */
export function recipientCovers(consent: Recipient, wanted: Recipient): boolean {
  if (consent.country !== wanted.country) return false;
  if (consent.agency === null) return true;
  return wanted.agency !== null && agencyKey(consent.agency) === agencyKey(wanted.agency);
}

const instant = (d: Date) => d.toISOString();
const describeRecipient = (r: Recipient) => `${r.agency ?? 'any agency'} in ${r.country}`;

/** The person's status at `at`: the caller's, else the one recorded on the latest consent given by then. */
export function subjectIsChild(consents: readonly ConsentFacts[], request: ShareRequest): boolean {
  if (request.subjectIsChild !== undefined) return request.subjectIsChild;
  const at = request.at.getTime();
  const ordered = [...consents].sort(byNewest);
  const latest = ordered.find((c) => c.givenAt.getTime() <= at) ?? ordered.at(-1);
  return latest !== undefined && latest.subjectAge !== 'adult';
}

function byNewest(a: ConsentFacts, b: ConsentFacts): number {
  return b.givenAt.getTime() - a.givenAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function giverRefusal(c: ConsentFacts, child: boolean, rules: ConsentRules): Refusal | null {
  if (child) {
    const rule = rules.whenSubjectIsChild;
    return rule.givers.includes(c.givenBy) && rule.givenAs.includes(c.subjectAge)
      ? null
      : 'child_without_guardian_consent';
  }
  const rule = rules.whenSubjectIsAdult;
  if (!rule.givenAs.includes(c.subjectAge)) return 'given_while_child';
  return rule.givers.includes(c.givenBy) ? null : 'giver_not_entitled';
}

type Verdict = { consent: ConsentFacts; depth: number; refusal: Refusal | null };

/** Checks one consent in a fixed order; `depth` says how far it got (used to pick the closest). */
function evaluate(c: ConsentFacts, req: ShareRequest, child: boolean, rules: ConsentRules): Verdict {
  const at = req.at.getTime();
  const checks: Array<() => Refusal | null> = [
    () => (c.purpose === req.purpose ? null : 'wrong_purpose'),
    () => (c.categories.includes(req.category) ? null : 'wrong_category'),
    () => (recipientCovers(c.recipient, req.recipient) ? null : 'wrong_recipient'),
    () => (c.conConsent ? null : 'not_consented'),
    () => giverRefusal(c, child, rules),
    () => (at < c.givenAt.getTime() ? 'not_yet_valid' : null),
    // Withdrawal wins from its instant on, whatever the expiry says.
    () => (c.withdrawnAt !== null && c.withdrawnAt.getTime() <= at ? 'withdrawn' : null),
    () => (at >= c.expiresAt.getTime() ? 'expired' : null),
  ];
  for (const [depth, check] of checks.entries()) {
    const refusal = check();
    if (refusal) return { consent: c, depth, refusal };
  }
  return { consent: c, depth: checks.length, refusal: null };
}

const NO_CONSENT = 'No consent is recorded for this person.';

function refusalMessage(reason: Refusal, c: ConsentFacts, req: ShareRequest): string {
  switch (reason) {
    case 'no_consent':
      return NO_CONSENT;
    case 'wrong_purpose':
      return `No consent covers the purpose ${req.purpose}; the closest, ${c.id}, is for ${c.purpose}.`;
    case 'wrong_category':
      return `Consent ${c.id} is for ${c.purpose} but does not cover ${req.category} (it covers ${c.categories.join(', ')}).`;
    case 'wrong_recipient':
      return `Consent ${c.id} covers ${req.category} for ${c.purpose}, but for ${describeRecipient(c.recipient)}, not ${describeRecipient(req.recipient)}.`;
    case 'not_consented':
      return `Consent ${c.id} records that the person did not consent (HTCDS con_Consent is FALSE).`;
    case 'child_without_guardian_consent':
      return `The person is a child: consent ${c.id} was given by the ${c.givenBy}; sharing needs the consent of a guardian or legal representative.`;
    case 'given_while_child':
      return `Consent ${c.id} was given while the person was a child (${c.subjectAge}); as an adult the person must consent again.`;
    case 'giver_not_entitled':
      return `Consent ${c.id} was given by a ${c.givenBy}, who cannot consent for an adult.`;
    case 'not_yet_valid':
      return `Consent ${c.id} is given from ${instant(c.givenAt)}, after ${instant(req.at)}.`;
    case 'withdrawn':
      return `Consent ${c.id} was withdrawn at ${c.withdrawnAt ? instant(c.withdrawnAt) : '?'}.`;
    case 'expired':
      return `Consent ${c.id} expired at ${instant(c.expiresAt)}.`;
  }
}

/** Ranks verdicts: furthest through the checks, then a named agency, then newest, then id. */
function closer(a: Verdict, b: Verdict): number {
  if (a.depth !== b.depth) return b.depth - a.depth;
  const named = Number(b.consent.recipient.agency !== null) - Number(a.consent.recipient.agency !== null);
  return named || byNewest(a.consent, b.consent);
}

export function mayShare(
  consents: readonly ConsentFacts[],
  request: ShareRequest,
  rules: ConsentRules = CONSENT_RULES,
): Decision {
  if (Number.isNaN(request.at.getTime())) throw new Error('mayShare: the request time is not a valid date');
  const own = consents.filter((c) => c.personId === request.personId);
  const child = subjectIsChild(own, request);
  const subject = child ? 'child' : 'adult';
  const [best] = own.map((c) => evaluate(c, request, child, rules)).sort(closer);
  if (!best) return { allowed: false, reason: 'no_consent', consentId: null, subject, message: NO_CONSENT };
  const c = best.consent;
  if (best.refusal === null) {
    return {
      allowed: true,
      reason: 'consented',
      consentId: c.id,
      subject,
      message: `Consent ${c.id} (${c.purpose}, given by the ${c.givenBy} at ${instant(c.givenAt)}) covers ${request.category} for ${describeRecipient(c.recipient)} until ${instant(c.expiresAt)}.`,
    };
  }
  return {
    allowed: false,
    reason: best.refusal,
    consentId: c.id,
    subject,
    message: refusalMessage(best.refusal, c, request),
  };
}
