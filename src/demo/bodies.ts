// Request bodies of a typical online-scam case, shared by `jaring demo --check` and the referral
// tests: an assessment with forced-criminality indicators (it raises the non-punishment flag) and
// a verbal referral consent.

const DAY = 86_400_000;

export function scamAssessment(rationale: string) {
  return {
    subjectAge: 'adult',
    sets: [
      {
        setId: 'forced-criminality-online-scams',
        answers: [
          { indicatorId: 'fc_recruited_job_offer', answer: 'yes' },
          { indicatorId: 'fc_documents_taken', answer: 'yes' },
          { indicatorId: 'fc_forced_online_fraud', answer: 'yes' },
        ],
      },
    ],
    decision: 'presumed_victim',
    rationale,
  };
}

/** The person's own verbal consent, given a minute ago, to refer `categories` to `recipient`. */
export function referralConsent(
  categories: readonly string[],
  recipient: { country: string; agency?: string },
  method: Record<string, unknown> = { kind: 'verbal', witness: { name: 'A witness', role: 'Social worker' } },
  now = Date.now(),
) {
  return {
    purpose: 'referral',
    categories,
    recipient,
    subjectAge: 'adult',
    givenBy: { kind: 'subject' },
    method,
    htcds: { con_Consent: true },
    givenAt: new Date(now - 60_000).toISOString(),
    expiresAt: new Date(now + 90 * DAY).toISOString(),
  };
}
