// The consent vocabulary (issue 4 §4) and the shapes the sharing decision works on.

export const PURPOSES = ['services', 'information_sharing', 'referral', 'research'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CATEGORIES = ['identity', 'assessment', 'health', 'case_history'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Who gave the consent: the person, or someone entitled to consent for them. */
export const GIVERS = ['subject', 'guardian', 'legal_representative'] as const;
export type Giver = (typeof GIVERS)[number];

/** The person's age status when the consent was given; an uncertain age with reason to believe the
 * person is a child is recorded as `presumed_child` and treated as a child (see data/consent/rules.json). */
export const SUBJECT_AGES = ['adult', 'child', 'presumed_child'] as const;
export type SubjectAge = (typeof SUBJECT_AGES)[number];

export const CONSENT_METHODS = ['signed_form', 'verbal'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const WITHDRAWAL_METHODS = ['verbal', 'written'] as const;
export type WithdrawalMethod = (typeof WITHDRAWAL_METHODS)[number];

/** A recipient: a country (ISO 3166-1 alpha-2) and, optionally, a named agency in it. */
export type Recipient = { country: string; agency: string | null };

/** What the decision needs of one recorded consent (no identities). */
export type ConsentFacts = {
  id: string;
  personId: string;
  purpose: Purpose;
  categories: readonly Category[];
  /** `agency` null: any agency in the country. */
  recipient: Recipient;
  givenBy: Giver;
  subjectAge: SubjectAge;
  method: ConsentMethod;
  /** HTCDS 2.0 con_Consent: the person consented (or assented) having been informed as its guidance lists. */
  conConsent: boolean;
  givenAt: Date;
  /** Exclusive: the consent covers instants strictly before it. */
  expiresAt: Date;
  /** Inclusive: from this instant on the consent covers nothing. */
  withdrawnAt: Date | null;
};

export type ShareRequest = {
  personId: string;
  category: Category;
  purpose: Purpose;
  recipient: Recipient;
  at: Date;
  /** The person's status at `at` when known (service.childStatus: birth date or age); otherwise the
   * status recorded on the latest consent given by `at` is used. */
  subjectIsChild?: boolean;
};

export const REFUSALS = [
  'no_consent',
  'wrong_purpose',
  'wrong_category',
  'wrong_recipient',
  'not_consented',
  'child_without_guardian_consent',
  'given_while_child',
  'giver_not_entitled',
  'not_yet_valid',
  'withdrawn',
  'expired',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export type Decision =
  | {
      allowed: true;
      reason: 'consented';
      consentId: string;
      subject: 'child' | 'adult';
      message: string;
    }
  | {
      allowed: false;
      reason: Refusal;
      /** The consent that came closest, when there is one. */
      consentId: string | null;
      subject: 'child' | 'adult';
      message: string;
    };
