import type { ConsentHistory } from './repo.ts';
import type { OpenedConsent } from './sealing.ts';
import type { ConsentFacts } from './types.ts';

// Explicit presenters: each lists the fields it returns, so a new column never leaks by accident.

export type ConsentState = 'active' | 'not_yet_valid' | 'expired' | 'withdrawn';

/** The decision's view of a stored consent: no names, nothing encrypted. */
export function factsOf({ consent: c, withdrawal: w }: ConsentHistory): ConsentFacts {
  return {
    id: c.id,
    personId: c.person_id,
    purpose: c.purpose,
    categories: c.categories,
    recipient: { country: c.recipient_country, agency: c.recipient_agency },
    givenBy: c.given_by,
    subjectAge: c.subject_age,
    method: c.method,
    conConsent: c.con_consent,
    givenAt: c.given_at,
    expiresAt: c.expires_at,
    withdrawnAt: w ? w.withdrawn_at : null,
  };
}

export function stateAt(h: ConsentHistory, now: Date): ConsentState {
  const t = now.getTime();
  if (h.withdrawal && h.withdrawal.withdrawn_at.getTime() <= t) return 'withdrawn';
  if (t < h.consent.given_at.getTime()) return 'not_yet_valid';
  return t >= h.consent.expires_at.getTime() ? 'expired' : 'active';
}

export function presentConsent(o: OpenedConsent, now: Date) {
  const c = o.consent;
  const w = o.withdrawal;
  return {
    id: c.id,
    personId: c.person_id,
    agencyId: c.agency_id,
    purpose: c.purpose,
    categories: c.categories,
    recipient: { country: c.recipient_country, agency: c.recipient_agency },
    subjectAge: c.subject_age,
    givenBy: { kind: c.given_by, name: o.giverName, relationship: c.giver_relationship },
    method: {
      kind: c.method,
      formSha256: c.form_sha256,
      witness: c.witness_name_enc === null ? null : { name: o.witnessName, role: c.witness_role },
    },
    interpreter:
      c.interpreter_language === null ? null : { language: c.interpreter_language, name: o.interpreterName },
    htcds: { con_Consent: c.con_consent },
    givenAt: c.given_at.toISOString(),
    expiresAt: c.expires_at.toISOString(),
    recordedBy: c.recorded_by,
    recordedAt: c.recorded_at.toISOString(),
    withdrawal: w
      ? {
          id: w.id,
          statedBy: w.stated_by,
          method: w.method,
          formSha256: w.form_sha256,
          note: o.note,
          withdrawnAt: w.withdrawn_at.toISOString(),
          recordedBy: w.recorded_by,
        }
      : null,
    state: stateAt(o, now),
    tampered: o.tampered,
  };
}
