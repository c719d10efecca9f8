import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayShare } from './decision.ts';
import {
  CATEGORIES,
  CONSENT_METHODS,
  type ConsentFacts,
  GIVERS,
  PURPOSES,
  type ShareRequest,
  SUBJECT_AGES,
} from './types.ts';

const PEOPLE = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
const T0 = Date.parse('2024-01-01T00:00:00Z');
const SPAN = 3 * 365 * 86_400_000;

const time = fc.integer({ min: T0, max: T0 + SPAN });
const recipient = fc.record({
  country: fc.constantFrom('KH', 'TH', 'MM'),
  agency: fc.option(fc.constantFrom('Ministry of Social Affairs', 'IOM', 'Police'), { nil: null }),
});

const consentArb: fc.Arbitrary<ConsentFacts> = fc
  .record({
    id: fc.uuid(),
    personId: fc.constantFrom(...PEOPLE),
    purpose: fc.constantFrom(...PURPOSES),
    categories: fc.subarray([...CATEGORIES], { minLength: 1 }),
    recipient,
    givenBy: fc.constantFrom(...GIVERS),
    subjectAge: fc.constantFrom(...SUBJECT_AGES),
    method: fc.constantFrom(...CONSENT_METHODS),
    conConsent: fc.boolean(),
    given: time,
    lifetime: fc.integer({ min: 1, max: SPAN }),
    withdrawal: fc.option(fc.integer({ min: 0, max: SPAN }), { nil: null }),
  })
  .map(({ given, lifetime, withdrawal, ...rest }) => ({
    ...rest,
    givenAt: new Date(given),
    expiresAt: new Date(given + lifetime),
    withdrawnAt: withdrawal === null ? null : new Date(given + withdrawal),
  }));

const requestArb: fc.Arbitrary<ShareRequest> = fc.record(
  {
    personId: fc.constantFrom(...PEOPLE),
    category: fc.constantFrom(...CATEGORIES),
    purpose: fc.constantFrom(...PURPOSES),
    recipient,
    at: time.map((t) => new Date(t)),
    subjectIsChild: fc.boolean(),
  },
  { requiredKeys: ['personId', 'category', 'purpose', 'recipient', 'at'] },
);

const consents = fc.array(consentArb, { maxLength: 8 });
const runs = { numRuns: 2000 };

/** Consents whose first one covers the request (so the share is allowed), and the request. */
const coveredCase = fc
  .tuple(consentArb, consents, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.boolean())
  .map(([first, rest, fraction, named]) => {
    const c: ConsentFacts = {
      ...first,
      conConsent: true,
      withdrawnAt: null,
      givenBy: 'subject',
      subjectAge: 'adult',
    };
    const lifetime = c.expiresAt.getTime() - c.givenAt.getTime();
    const req: ShareRequest = {
      personId: c.personId,
      purpose: c.purpose,
      category: c.categories[0] ?? 'identity',
      recipient: {
        country: c.recipient.country,
        agency: c.recipient.agency ?? (named ? 'Any agency' : null),
      },
      at: new Date(c.givenAt.getTime() + Math.floor(fraction * lifetime)),
      subjectIsChild: false,
    };
    return { consents: [c, ...rest], req };
  });
const back = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: SPAN }));

describe('mayShare properties', () => {
  it('refuses when there is no consent for the person', () => {
    fc.assert(
      fc.property(consents, requestArb, (cs, req) => {
        const others = cs.filter((c) => c.personId !== req.personId);
        const d = mayShare(others, req);
        expect(d).toMatchObject({ allowed: false, reason: 'no_consent', consentId: null });
      }),
      runs,
    );
  });

  it('lets a withdrawal win from its instant on: the consent it withdraws never allows again', () => {
    fc.assert(
      fc.property(coveredCase, back, ({ consents: cs, req }, b) => {
        const before = mayShare(cs, req);
        expect(before.allowed).toBe(true);
        const withdrawnAt = new Date(req.at.getTime() - b);
        const after = cs.map((c) => (c.id === before.consentId ? { ...c, withdrawnAt } : c));
        const d = mayShare(after, req);
        expect(d.allowed && d.consentId === before.consentId).toBe(false);
      }),
      runs,
    );
  });

  it('refuses once every consent of the person is withdrawn at or before the moment asked', () => {
    fc.assert(
      fc.property(
        fc.oneof(coveredCase, fc.record({ consents, req: requestArb })),
        back,
        ({ consents: cs, req }, b) => {
          const withdrawnAt = new Date(req.at.getTime() - b);
          const d = mayShare(
            cs.map((c) => ({ ...c, withdrawnAt })),
            req,
          );
          expect(d.allowed).toBe(false);
        },
      ),
      runs,
    );
  });

  it('is unchanged by a withdrawal recorded after the moment asked', () => {
    fc.assert(
      fc.property(consents, requestArb, fc.integer({ min: 1, max: SPAN }), (cs, req, later) => {
        const withdrawnAt = new Date(req.at.getTime() + later);
        const pending = cs.map((c) => (c.withdrawnAt === null ? { ...c, withdrawnAt } : c));
        expect(mayShare(pending, req)).toEqual(mayShare(cs, req));
      }),
      runs,
    );
  });

  it('covers the last millisecond before expiry and refuses from the expiry instant on', () => {
    fc.assert(
      fc.property(consentArb, requestArb, (c, req) => {
        const valid = {
          ...c,
          personId: req.personId,
          purpose: req.purpose,
          withdrawnAt: null,
          conConsent: true,
        };
        const own = {
          ...valid,
          categories: [req.category],
          recipient: { country: req.recipient.country, agency: null },
          givenBy: 'subject' as const,
          subjectAge: 'adult' as const,
        };
        const adult = { ...req, subjectIsChild: false };
        const last = mayShare([own], { ...adult, at: new Date(own.expiresAt.getTime() - 1) });
        const at = mayShare([own], { ...adult, at: own.expiresAt });
        const first = mayShare([own], { ...adult, at: own.givenAt });
        const early = mayShare([own], { ...adult, at: new Date(own.givenAt.getTime() - 1) });
        expect(last.allowed && first.allowed).toBe(true);
        expect([at.reason, early.reason]).toEqual(['expired', 'not_yet_valid']);
      }),
      runs,
    );
  });

  it('does not depend on the order of the consents', () => {
    const permuted = consents.chain((cs) =>
      fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }).map((p) => [cs, p] as const),
    );
    fc.assert(
      fc.property(permuted, requestArb, ([cs, p], req) => {
        expect(mayShare(p, req)).toEqual(mayShare(cs, req));
      }),
      runs,
    );
  });

  it('never turns an allowed share into a refusal by adding a consent (the age status given)', () => {
    fc.assert(
      fc.property(consents, consentArb, requestArb, fc.boolean(), (cs, extra, req, child) => {
        const told = { ...req, subjectIsChild: child };
        if (mayShare(cs, told).allowed) expect(mayShare([...cs, extra], told).allowed).toBe(true);
      }),
      runs,
    );
  });

  it('allows only with a consent that matches every part of the request and is in force', () => {
    fc.assert(
      fc.property(
        fc.oneof(coveredCase, fc.record({ consents, req: requestArb })),
        ({ consents: cs, req }) => {
          const d = mayShare(cs, req);
          if (!d.allowed) return;
          const c = cs.find((x) => x.id === d.consentId);
          const at = req.at.getTime();
          expect(c).toBeDefined();
          if (!c) return;
          expect(c.personId).toBe(req.personId);
          expect(c.purpose).toBe(req.purpose);
          expect(c.categories).toContain(req.category);
          expect(c.recipient.country).toBe(req.recipient.country);
          expect(c.conConsent).toBe(true);
          expect(c.givenAt.getTime()).toBeLessThanOrEqual(at);
          expect(c.expiresAt.getTime()).toBeGreaterThan(at);
          expect(c.withdrawnAt === null || c.withdrawnAt.getTime() > at).toBe(true);
        },
      ),
      runs,
    );
  });
});
