import * as z from 'zod/mini';

// The consent API's answers (src/victims/consent/schema.ts on the server).

export const purposes = ['services', 'information_sharing', 'referral', 'research'] as const;
export type Purpose = (typeof purposes)[number];
export const categories = ['identity', 'assessment', 'health', 'case_history'] as const;
export type Category = (typeof categories)[number];
export const givers = ['subject', 'guardian', 'legal_representative'] as const;
export type Giver = (typeof givers)[number];
export const consentStates = ['active', 'not_yet_valid', 'expired', 'withdrawn'] as const;

const text = z.nullable(z.string());

export const consent = z.object({
  id: z.string(),
  purpose: z.enum(purposes),
  categories: z.array(z.enum(categories)),
  recipient: z.object({ country: z.string(), agency: text }),
  subjectAge: z.enum(['adult', 'child', 'presumed_child']),
  givenBy: z.object({ kind: z.enum(givers), name: text, relationship: text }),
  method: z.object({
    kind: z.enum(['signed_form', 'verbal']),
    formSha256: text,
    witness: z.nullable(z.object({ name: text, role: text })),
  }),
  interpreter: z.nullable(z.object({ language: z.string(), name: text })),
  htcds: z.object({ con_Consent: z.boolean() }),
  givenAt: z.string(),
  expiresAt: z.string(),
  recordedAt: z.string(),
  withdrawal: z.nullable(
    z.object({
      statedBy: z.enum(givers),
      method: z.enum(['verbal', 'written']),
      note: text,
      withdrawnAt: z.string(),
    }),
  ),
  state: z.enum(consentStates),
  tampered: z._default(z.array(z.string()), []),
});
export type Consent = z.infer<typeof consent>;
export const consentAnswer = z.object({ consent });
/** The person's consents, and the person their record was merged into (it then takes no new one). */
export const consentList = z.object({ consents: z.array(consent), mergedInto: z.nullable(z.string()) });
export type ConsentList = z.infer<typeof consentList>;
