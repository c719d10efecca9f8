import { z } from '@hono/zod-openapi';

/**
 * A refinement's English message with a stable code (and parameters) for clients to translate,
 * e.g. `.refine(check, rule('duplicate', 'lists a value twice'))`. Codes are listed in `errorSchema`.
 */
export function rule(code: string, message: string, params: Record<string, string | number> = {}) {
  return { message, params: { code, ...params } };
}

// Shared zod building blocks. Text is kept literally (no HTML escaping here: presenters and the UI
// treat it as data), but must be well-formed Unicode, and PostgreSQL text cannot hold U+0000.
export function text(max: number, min = 1) {
  return z
    .string()
    .min(min)
    .max(max)
    .refine(
      (s) => s.isWellFormed(),
      rule('lone_surrogate', 'is not well-formed Unicode (it has a lone surrogate)'),
    )
    .refine(
      (s) => !s.includes('\u0000'),
      rule('nul_character', 'must not contain the NUL character (U+0000)'),
    );
}

/**
 * A name (of a person, user or organisation): text without the Unicode controls that reorder
 * what follows them (embeddings, overrides and isolates, U+202A–U+202E and U+2066–U+2069), with
 * which "Mya\u202Eevil" displays as "Myalive" and a name can pose as another. No script needs
 * them in a name: right-to-left text is ordered by its letters.
 */
export function name(max: number, min = 1) {
  return text(max, min).refine(
    (s) => !/[\u202A-\u202E\u2066-\u2069]/.test(s),
    rule(
      'direction_control',
      'must not contain text-direction control characters (U+202A–U+202E, U+2066–U+2069)',
    ),
  );
}

export const uuid = z.uuid();
export const idParam = z.strictObject({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as TH');

const issueParams = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
  .openapi('FieldProblemParams', {
    description:
      'The limits of the problem: too_small `minimum`, too_big `maximum` (with `origin`: string ' +
      '(characters), number, array (items), date; and `inclusive`), invalid_format `format` (date, ' +
      'datetime, email, uuid, url, regex, …), invalid_value `values`, invalid_type `expected`, ' +
      'must_be_after, must_differ, not_before, not_after and required_with `field` (the other ' +
      "field's path), too_many_bytes `maximum`, " +
      'unknown_set, set_* and unknown_indicator `set`, open_tasks `count`, status_change `from` ' +
      'and `to`, age_mismatch and above_age `age`, merged `survivorId`, not_team_role `roles`.',
  });

const fieldProblem = z
  .object({
    path: z.string().openapi({
      description: "The field's path in the request, dot-separated",
      example: 'identity.middleName',
    }),
    message: z
      .string()
      .openapi({ description: 'In English', example: 'Too big: expected string to have <=200 characters' }),
    code: z.string().openapi({
      description:
        "Stable, for a client to say the problem in its user's language: zod's required, " +
        'invalid_type, too_small, too_big, invalid_format, invalid_value, not_multiple_of, ' +
        'invalid_union, unknown_field; our rules lone_surrogate, nul_character, ' +
        'direction_control, duplicate, nothing_to_change, must_be_after, must_differ, too_many_bytes, in_future, in_past, ' +
        'phone_e164, http_url, date_too_early, username; and the checks of services: taken, ' +
        'unknown_agency, unknown_organisation, unknown_person, inactive_user, not_agency_user, ' +
        'user_disabled, not_caseworker, not_team_role, on_team, open_tasks, cannot_see_case, ' +
        'caseworkers_only, own_account_disabled, own_administrator_role, wrong_password, ' +
        'same_password, wrong_totp, not_linked, already_linked, has_plan, already_recorded, ' +
        'step_not_recorded, step_not_done, later_step_done, repatriation_only, must_be_cancelled, ' +
        'not_before, not_after, required, required_with, only_when_closing, status_change, ' +
        'unknown_set, set_disabled, set_for_adults, set_for_children, unknown_indicator, ' +
        'answered_twice, age_mismatch, above_age, needs_forced_criminality, no_letters, ' +
        'nothing_to_search, confirm_alone, merged, tampered, bad_cursor, empty, not_utf8, no_posts, ' +
        'analysts_only, unknown_peer, person_not_linked; custom for a ' +
        'problem with no code of its own (read `message`: a rule that names none, an HTCDS ' +
        "import's report).",
      example: 'too_big',
    }),
    params: issueParams.optional(),
  })
  .openapi('FieldProblem');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.array(fieldProblem).optional(),
    }),
  })
  .openapi('Error');

/** The error responses every guarded route may give, for the OpenAPI document. */
export const errorResponses = {
  400: { description: 'Invalid request', content: { 'application/json': { schema: errorSchema } } },
  401: { description: 'Not logged in', content: { 'application/json': { schema: errorSchema } } },
  403: { description: 'Not allowed', content: { 'application/json': { schema: errorSchema } } },
  413: { description: 'Body too large', content: { 'application/json': { schema: errorSchema } } },
} as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } } as const;
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description } as const;
}
