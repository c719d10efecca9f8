import { z } from '@hono/zod-openapi';
import { countryCode, rule, text } from '../../platform/http/fields.ts';
import { CONSENT_RULES } from './rules.ts';
import { CATEGORIES, GIVERS, PURPOSES, REFUSALS, SUBJECT_AGES } from './types.ts';

// Request and response shapes of the consent routes. Every mistake is a 400 naming its field.

/** Clocks in the field drift: a consent given up to five minutes "in the future" is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

const sha256Hex = z
  .string({ error: 'is required: the SHA-256 of the scanned form, 64 hexadecimal digits' })
  .regex(/^[0-9a-fA-F]{64}$/, 'must be a SHA-256 digest: 64 hexadecimal digits')
  .transform((h) => h.toLowerCase());
const instant = z.iso.datetime({ offset: true, error: 'must be a date-time with a time zone (ISO 8601)' });
const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as km, mya or zh-Hant');
const person = z.strictObject({ name: text(200), role: text(100).optional() });
const noRepeats = (values: readonly string[]) => new Set(values).size === values.length;

export const recipientSchema = z.strictObject({
  country: countryCode,
  /** Absent: any agency in the country. */
  agency: text(200).optional(),
});

export const recordConsentBody = z
  .strictObject({
    purpose: z.enum(PURPOSES),
    categories: z
      .array(z.enum(CATEGORIES))
      .min(1)
      .max(CATEGORIES.length)
      .refine(noRepeats, rule('duplicate', 'lists a category twice')),
    recipient: recipientSchema,
    subjectAge: z.enum(SUBJECT_AGES),
    givenBy: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('subject') }),
      z.strictObject({ kind: z.literal('guardian'), name: text(200), relationship: text(100) }),
      z.strictObject({ kind: z.literal('legal_representative'), name: text(200), relationship: text(100) }),
    ]),
    method: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('signed_form'), formSha256: sha256Hex, witness: person.optional() }),
      z.strictObject({ kind: z.literal('verbal'), witness: person }),
    ]),
    interpreter: z.strictObject({ language, name: text(200) }).optional(),
    /** HTCDS 2.0 con_Consent, as the standard names it: informed consent (or a child's assent) to the interview. */
    htcds: z.strictObject({ con_Consent: z.boolean() }),
    givenAt: instant,
    expiresAt: instant,
  })
  .superRefine((body, ctx) => {
    const given = Date.parse(body.givenAt);
    if (given > Date.now() + CLOCK_SKEW_MS) {
      ctx.addIssue({ code: 'custom', path: ['givenAt'], ...rule('in_future', 'is in the future') });
    }
    if (Date.parse(body.expiresAt) <= given) {
      ctx.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        ...rule('must_be_after', 'must be after givenAt', { field: 'givenAt' }),
      });
    }
    const allowed: readonly string[] = CONSENT_RULES.recordable[body.subjectAge];
    if (!allowed.includes(body.givenBy.kind)) {
      ctx.addIssue({
        code: 'custom',
        path: ['givenBy', 'kind'],
        message: `cannot be ${body.givenBy.kind} for a person whose age status is ${body.subjectAge} (allowed: ${allowed.join(', ')})`,
      });
    }
  })
  .openapi('RecordConsent');
export type RecordConsentInput = z.infer<typeof recordConsentBody>;

export const withdrawBody = z
  .strictObject({
    statedBy: z.enum(GIVERS),
    method: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('verbal') }),
      z.strictObject({ kind: z.literal('written'), formSha256: sha256Hex }),
    ]),
    note: text(2000).optional(),
  })
  .openapi('WithdrawConsent');
export type WithdrawInput = z.infer<typeof withdrawBody>;

export const decisionQuery = z.strictObject({
  purpose: z.enum(PURPOSES),
  category: z.enum(CATEGORIES),
  country: countryCode,
  agency: text(200).optional(),
  /** Default: now, on the database clock, after the consents are locked. */
  at: instant.optional(),
});

const nullableText = z.string().nullable();

export const consentSchema = z
  .object({
    id: z.string(),
    personId: z.string(),
    agencyId: z.string(),
    purpose: z.enum(PURPOSES),
    categories: z.array(z.enum(CATEGORIES)),
    recipient: z.object({ country: z.string(), agency: nullableText }),
    subjectAge: z.enum(SUBJECT_AGES),
    givenBy: z.object({ kind: z.enum(GIVERS), name: nullableText, relationship: nullableText }),
    method: z.object({
      kind: z.enum(['signed_form', 'verbal']),
      formSha256: nullableText,
      witness: z.object({ name: nullableText, role: nullableText }).nullable(),
    }),
    interpreter: z.object({ language: z.string(), name: nullableText }).nullable(),
    htcds: z.object({ con_Consent: z.boolean() }),
    givenAt: z.string(),
    expiresAt: z.string(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    withdrawal: z
      .object({
        id: z.string(),
        statedBy: z.enum(GIVERS),
        method: z.enum(['verbal', 'written']),
        formSha256: nullableText,
        note: nullableText,
        withdrawnAt: z.string(),
        recordedBy: z.string(),
      })
      .nullable(),
    state: z.enum(['active', 'not_yet_valid', 'expired', 'withdrawn']),
    /** Encrypted fields that failed authentication (changed in the database): shown as null. */
    tampered: z.array(z.string()),
  })
  .openapi('Consent');

export const decisionSchema = z
  .object({
    allowed: z.boolean(),
    reason: z.enum(['consented', ...REFUSALS]),
    consentId: z.string().nullable(),
    subject: z.enum(['child', 'adult']),
    message: z.string(),
    at: z.string(),
  })
  .openapi('SharingDecision');
