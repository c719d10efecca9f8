import { describe, expect, it } from 'vitest';
import { agencyKey, mayShare } from './decision.ts';
import { CONSENT_RULES, isChildAt, parseConsentRules } from './rules.ts';
import {
  CATEGORIES,
  type Category,
  CONSENT_METHODS,
  type ConsentFacts,
  type Giver,
  PURPOSES,
  type Recipient,
  type Refusal,
  type ShareRequest,
  type SubjectAge,
} from './types.ts';

const PERSON = '00000000-0000-4000-8000-000000000001';
const DAY = 86_400_000;
const GIVEN = Date.parse('2025-01-01T00:00:00Z');
const EXPIRES = GIVEN + 365 * DAY;
const MID = GIVEN + 100 * DAY;
const at = (ms: number) => new Date(ms);

function consent(over: Partial<ConsentFacts> = {}): ConsentFacts {
  return {
    id: 'c1',
    personId: PERSON,
    purpose: 'referral',
    categories: ['identity'],
    recipient: { country: 'KH', agency: null },
    givenBy: 'subject',
    subjectAge: 'adult',
    method: 'signed_form',
    conConsent: true,
    givenAt: at(GIVEN),
    expiresAt: at(EXPIRES),
    withdrawnAt: null,
    ...over,
  };
}

function request(over: Partial<ShareRequest> = {}): ShareRequest {
  return {
    personId: PERSON,
    category: 'identity',
    purpose: 'referral',
    recipient: { country: 'KH', agency: 'Ministry of Social Affairs' },
    at: at(MID),
    ...over,
  };
}

// The axes of the exhaustive table. Each case states its expected outcome by hand, so the table is
// the specification and mayShare is checked against it, not against a second implementation.
const RECIPIENTS: { name: string; consent: Recipient; wanted: Recipient; covers: boolean }[] = [
  {
    name: 'same agency, other spelling',
    consent: { country: 'KH', agency: 'Ministry of Social Affairs' },
    wanted: { country: 'KH', agency: '  ministry  of SOCIAL affairs ' },
    covers: true,
  },
  {
    name: 'country-wide consent',
    consent: { country: 'KH', agency: null },
    wanted: { country: 'KH', agency: 'Any Agency' },
    covers: true,
  },
  {
    name: 'country-wide consent, no agency asked',
    consent: { country: 'KH', agency: null },
    wanted: { country: 'KH', agency: null },
    covers: true,
  },
  {
    name: 'other agency, same country',
    consent: { country: 'KH', agency: 'Ministry of Social Affairs' },
    wanted: { country: 'KH', agency: 'Police' },
    covers: false,
  },
  {
    name: 'named agency, none asked',
    consent: { country: 'KH', agency: 'Ministry of Social Affairs' },
    wanted: { country: 'KH', agency: null },
    covers: false,
  },
  {
    name: 'other country',
    consent: { country: 'KH', agency: null },
    wanted: { country: 'TH', agency: 'Ministry of Social Affairs' },
    covers: false,
  },
];

const STATES: { name: string; at: number; withdrawnAt: number | null; refusal: Refusal | null }[] = [
  { name: 'active', at: MID, withdrawnAt: null, refusal: null },
  { name: 'at the instant given', at: GIVEN, withdrawnAt: null, refusal: null },
  { name: 'not yet valid', at: GIVEN - 1, withdrawnAt: null, refusal: 'not_yet_valid' },
  { name: 'withdrawn before', at: MID, withdrawnAt: MID - DAY, refusal: 'withdrawn' },
  { name: 'withdrawn at that instant', at: MID, withdrawnAt: MID, refusal: 'withdrawn' },
  { name: 'withdrawn after', at: MID, withdrawnAt: MID + 1, refusal: null },
  { name: 'last instant before expiry', at: EXPIRES - 1, withdrawnAt: null, refusal: null },
  { name: 'at expiry', at: EXPIRES, withdrawnAt: null, refusal: 'expired' },
  { name: 'long expired', at: EXPIRES + 30 * DAY, withdrawnAt: null, refusal: 'expired' },
  { name: 'withdrawn and expired', at: EXPIRES + DAY, withdrawnAt: MID, refusal: 'withdrawn' },
];

const GIVERS_NOW: {
  subjectAge: SubjectAge;
  givenBy: Giver;
  childNow: boolean;
  refusal: Refusal | null;
}[] = [
  { subjectAge: 'adult', givenBy: 'subject', childNow: false, refusal: null },
  { subjectAge: 'adult', givenBy: 'legal_representative', childNow: false, refusal: null },
  { subjectAge: 'adult', givenBy: 'legal_representative', childNow: true, refusal: null },
  { subjectAge: 'child', givenBy: 'guardian', childNow: true, refusal: null },
  { subjectAge: 'child', givenBy: 'legal_representative', childNow: true, refusal: null },
  { subjectAge: 'presumed_child', givenBy: 'guardian', childNow: true, refusal: null },
  { subjectAge: 'child', givenBy: 'subject', childNow: true, refusal: 'child_without_guardian_consent' },
  {
    subjectAge: 'presumed_child',
    givenBy: 'subject',
    childNow: true,
    refusal: 'child_without_guardian_consent',
  },
  // Recorded as an adult, later found to be a child: the person's own consent no longer suffices.
  { subjectAge: 'adult', givenBy: 'subject', childNow: true, refusal: 'child_without_guardian_consent' },
  // Turned 18: what a guardian (or the child) agreed to lapses.
  { subjectAge: 'child', givenBy: 'guardian', childNow: false, refusal: 'given_while_child' },
  { subjectAge: 'child', givenBy: 'subject', childNow: false, refusal: 'given_while_child' },
  { subjectAge: 'adult', givenBy: 'guardian', childNow: false, refusal: 'giver_not_entitled' },
];

const CATEGORY_SETS: Category[][] = [...CATEGORIES.map((c) => [c]), [...CATEGORIES]];

describe('mayShare, every combination', () => {
  it('decides purpose × category × recipient × state × method × giver exactly as specified', () => {
    const failures: string[] = [];
    let cases = 0;
    for (const consentPurpose of PURPOSES)
      for (const purpose of PURPOSES)
        for (const categories of CATEGORY_SETS)
          for (const category of CATEGORIES)
            for (const r of RECIPIENTS)
              for (const s of STATES)
                for (const method of CONSENT_METHODS)
                  for (const g of GIVERS_NOW) {
                    cases += 1;
                    const c = consent({
                      purpose: consentPurpose,
                      categories,
                      recipient: r.consent,
                      method,
                      givenBy: g.givenBy,
                      subjectAge: g.subjectAge,
                      withdrawnAt: s.withdrawnAt === null ? null : at(s.withdrawnAt),
                    });
                    const req = request({
                      purpose,
                      category,
                      recipient: r.wanted,
                      at: at(s.at),
                      subjectIsChild: g.childNow,
                    });
                    const expected =
                      consentPurpose !== purpose
                        ? 'wrong_purpose'
                        : !categories.includes(category)
                          ? 'wrong_category'
                          : !r.covers
                            ? 'wrong_recipient'
                            : (g.refusal ?? s.refusal ?? 'consented');
                    const d = mayShare([c], req);
                    if (
                      d.reason !== expected ||
                      d.allowed !== (expected === 'consented') ||
                      d.consentId !== 'c1' ||
                      d.subject !== (g.childNow ? 'child' : 'adult') ||
                      !d.message.includes('c1')
                    ) {
                      failures.push(
                        `${consentPurpose}/${purpose} ${categories}/${category} ${r.name} ${s.name} ${method} ${g.subjectAge}/${g.givenBy}/child=${g.childNow}: expected ${expected}, got ${d.reason}`,
                      );
                    }
                  }
    expect(failures.slice(0, 20)).toEqual([]);
    expect(cases).toBe(4 * 4 * 5 * 4 * RECIPIENTS.length * STATES.length * 2 * GIVERS_NOW.length);
  });

  it('never lets a consent the person did not give (con_Consent FALSE) authorise, in any state', () => {
    for (const s of STATES) {
      const d = mayShare(
        [consent({ conConsent: false, withdrawnAt: s.withdrawnAt === null ? null : at(s.withdrawnAt) })],
        request({ at: at(s.at) }),
      );
      expect(d).toMatchObject({ allowed: false, reason: 'not_consented', consentId: 'c1' });
    }
  });
});

describe('mayShare, several consents', () => {
  it('refuses with no_consent when nothing is recorded, or only for someone else', () => {
    expect(mayShare([], request())).toEqual({
      allowed: false,
      reason: 'no_consent',
      consentId: null,
      subject: 'adult',
      message: 'No consent is recorded for this person.',
    });
    const other = consent({ personId: '00000000-0000-4000-8000-000000000002' });
    expect(mayShare([other], request())).toMatchObject({ allowed: false, reason: 'no_consent' });
  });

  it('allows through a second consent when the first was withdrawn', () => {
    const withdrawn = consent({ id: 'a', withdrawnAt: at(MID - DAY) });
    const active = consent({ id: 'b', givenAt: at(GIVEN - DAY) });
    expect(mayShare([withdrawn, active], request())).toMatchObject({ allowed: true, consentId: 'b' });
  });

  it('explains a refusal with the consent that came closest', () => {
    const otherPurpose = consent({ id: 'a', purpose: 'research' });
    const otherCategory = consent({ id: 'b', categories: ['health'] });
    const d = mayShare([otherPurpose, otherCategory], request());
    expect(d).toMatchObject({ allowed: false, reason: 'wrong_category', consentId: 'b' });
    expect(d.message).toBe('Consent b is for referral but does not cover identity (it covers health).');
    const expired = consent({ id: 'c', expiresAt: at(MID - 1) });
    expect(mayShare([otherPurpose, otherCategory, expired], request())).toMatchObject({
      reason: 'expired',
      consentId: 'c',
    });
  });

  it('names the most specific consent that allows, whatever the order', () => {
    const countryWide = consent({ id: 'a', givenAt: at(GIVEN + DAY) });
    const named = consent({ id: 'b', recipient: { country: 'KH', agency: 'Ministry of Social Affairs' } });
    for (const order of [
      [countryWide, named],
      [named, countryWide],
    ]) {
      const d = mayShare(order, request());
      expect(d).toMatchObject({ allowed: true, reason: 'consented', consentId: 'b' });
      expect(d.message).toBe(
        'Consent b (referral, given by the subject at 2025-01-01T00:00:00.000Z) covers identity for Ministry of Social Affairs in KH until 2026-01-01T00:00:00.000Z.',
      );
    }
  });

  it('takes the person’s age status from the latest consent given by then, unless told', () => {
    const asChild = consent({ id: 'a', subjectAge: 'child', givenBy: 'guardian' });
    const asAdult = consent({ id: 'b', givenAt: at(MID - DAY), subjectAge: 'adult', givenBy: 'subject' });
    // Before the adult consent: a child, so the guardian's consent counts.
    expect(mayShare([asChild, asAdult], request({ at: at(MID - 2 * DAY) }))).toMatchObject({
      allowed: true,
      consentId: 'a',
      subject: 'child',
    });
    // After it: an adult, who consented themselves.
    expect(mayShare([asChild, asAdult], request())).toMatchObject({
      allowed: true,
      consentId: 'b',
      subject: 'adult',
    });
    // Only the guardian's consent, and the person is now known to be an adult.
    expect(mayShare([asChild], request({ subjectIsChild: false }))).toMatchObject({
      allowed: false,
      reason: 'given_while_child',
    });
  });

  it('refuses an invalid request time rather than guessing', () => {
    expect(() => mayShare([consent()], request({ at: new Date(Number.NaN) }))).toThrow(/not a valid date/);
  });
});

describe('consent rules', () => {
  it('compares agency names by NFKC, spacing and case only', () => {
    expect(agencyKey('ＩＯＭ  Phnom\tPenh')).toBe('iom phnom penh');
    expect(agencyKey('IOM Bangkok')).not.toBe(agencyKey('IOM Phnom Penh'));
  });

  it('counts a person as a child until their 18th birthday', () => {
    expect(isChildAt('2007-06-15', new Date('2025-06-14T23:59:59Z'))).toBe(true);
    expect(isChildAt('2007-06-15', new Date('2025-06-15T00:00:00Z'))).toBe(false);
    expect(isChildAt('2008-02-29', new Date('2026-02-28T12:00:00Z'))).toBe(true);
    expect(isChildAt('2008-02-29', new Date('2026-03-01T00:00:00Z'))).toBe(false);
    expect(() => isChildAt('15/06/2007', new Date())).toThrow(/YYYY-MM-DD/);
  });

  it('refuses a rules file with an unknown giver or an uncited source', () => {
    const good = structuredClone(CONSENT_RULES);
    expect(parseConsentRules(good).version).toBe(1);
    const badGiver = {
      ...structuredClone(good),
      whenSubjectIsChild: { ...good.whenSubjectIsChild, givers: ['parent'] },
    };
    expect(() => parseConsentRules(badGiver, 'rules.json')).toThrow(
      /rules.json is invalid: whenSubjectIsChild.givers.0/,
    );
    const badSource = {
      ...structuredClone(good),
      whenSubjectIsAdult: { ...good.whenSubjectIsAdult, sources: ['nope'] },
    };
    expect(() => parseConsentRules(badSource)).toThrow(/unknown source nope/);
  });
});
