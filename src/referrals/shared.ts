import { z } from 'zod';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import { referralContext } from './encrypted-columns.ts';
import {
  type AssessmentSection,
  assessmentSection,
  type CaseHistorySection,
  caseHistorySection,
  type HealthSection,
  healthSection,
  type IdentitySection,
  identitySection,
  type OfferBody,
} from './message-schemas.ts';
import type { ReferralRow } from './repo.ts';

// The personal data an incoming referral carries, sealed at rest on the receiving node: the offer's
// sections in `shared_data_enc`, the assessment in `assessment_enc`, the referral details in the
// HTCDS column `incoming_referral_details_enc`. A purge (consent withdrawn) sets all three to null.

const storedSections = z.strictObject({
  identity: identitySection.optional(),
  health: healthSection.optional(),
  caseHistory: caseHistorySection.optional(),
});

export type SealedShared = {
  shared_data_enc: string;
  assessment_enc: string | null;
  incoming_referral_details_enc: string | null;
};

export function sealShared(cipher: FieldCipher, referralId: string, offer: OfferBody): SealedShared {
  const details = offer.caseHistory?.details ?? null;
  const sections = {
    identity: offer.identity,
    health: offer.health,
    caseHistory: offer.caseHistory ? { ...offer.caseHistory, details: null } : undefined,
  };
  return {
    shared_data_enc: cipher.encrypt(JSON.stringify(sections), referralContext('shared_data_enc', referralId)),
    assessment_enc: offer.assessment ? sealAssessment(cipher, referralId, offer.assessment) : null,
    incoming_referral_details_enc:
      details === null
        ? null
        : cipher.encrypt(details, referralContext('incoming_referral_details_enc', referralId)),
  };
}

export const sealAssessment = (cipher: FieldCipher, referralId: string, a: AssessmentSection) =>
  cipher.encrypt(JSON.stringify(a), referralContext('assessment_enc', referralId));

export type SharedData = {
  purged: boolean;
  identity: IdentitySection | null;
  assessment: AssessmentSection | null;
  health: HealthSection | null;
  caseHistory: CaseHistorySection | null;
  /** Sealed values that failed authentication: shown as absent, never as garbage. */
  tampered: string[];
};

function openJson<T>(
  cipher: FieldCipher,
  sealed: string | null,
  context: string,
  schema: z.ZodType<T>,
): T | null | 'tampered' {
  if (sealed === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(cipher.decrypt(sealed, context)));
    return parsed.success ? parsed.data : 'tampered';
  } catch {
    return 'tampered';
  }
}

export function openShared(cipher: FieldCipher, r: ReferralRow): SharedData {
  const tampered: string[] = [];
  const sections = openJson(
    cipher,
    r.shared_data_enc,
    referralContext('shared_data_enc', r.id),
    storedSections,
  );
  const assessment = openJson(
    cipher,
    r.assessment_enc,
    referralContext('assessment_enc', r.id),
    assessmentSection,
  );
  if (sections === 'tampered') tampered.push('shared_data');
  if (assessment === 'tampered') tampered.push('assessment');
  let details: string | null = null;
  if (r.incoming_referral_details_enc !== null) {
    try {
      details = cipher.decrypt(
        r.incoming_referral_details_enc,
        referralContext('incoming_referral_details_enc', r.id),
      );
    } catch {
      tampered.push('details');
    }
  }
  const s = sections === 'tampered' || sections === null ? {} : sections;
  return {
    purged: r.purged_at !== null,
    identity: s.identity ?? null,
    assessment: assessment === 'tampered' ? null : assessment,
    health: s.health ?? null,
    caseHistory: s.caseHistory ? { ...s.caseHistory, details } : null,
    tampered,
  };
}
