import { z } from '@hono/zod-openapi';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { ROLES } from '../auth/roles.ts';
import { countryCode, name, rule, text } from '../http/fields.ts';
import { ORG_TYPES } from './org-types.ts';

const atLeastOne = (o: object) => Object.keys(o).length > 0;
const nothingToChange = rule('nothing_to_change', 'must change at least one field');

// Agencies

export const orgType = z.enum(ORG_TYPES);

export const agency = z
  .object({
    id: z.string(),
    name: z.string(),
    orgType: z.string(),
    country: z.string(),
    createdAt: z.string(),
  })
  .openapi('Agency');
export const agencyList = z.object({ agencies: z.array(agency) });
export const agencyResult = z.object({ agency });

export const createAgencyBody = z
  .strictObject({ name: name(200), orgType, country: countryCode })
  .openapi('CreateAgency');
export const updateAgencyBody = z
  .strictObject({ name: name(200).optional(), orgType: orgType.optional(), country: countryCode.optional() })
  .refine(atLeastOne, nothingToChange)
  .openapi('UpdateAgency');
export type UpdateAgencyInput = z.infer<typeof updateAgencyBody>;

// Users

export const role = z.enum(ROLES);
const roles = z.array(role).min(1).max(ROLES.length);

const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;
export const username = z
  .string()
  .refine(
    (s) => USERNAME.test(s),
    rule('username', 'must be 3 to 64 letters (A–Z), digits, dots, underscores or hyphens'),
  )
  .openapi({ pattern: USERNAME.source });

export const user = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    agencyId: z.string(),
    roles: z.array(z.string()),
    disabled: z.boolean(),
    totpEnabled: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('User');
export const userList = z.object({ users: z.array(user) });
export const userResult = z.object({ user });

export const createUserBody = z
  .strictObject({
    username,
    displayName: name(200),
    agencyId: z.uuid(),
    roles,
    password: text(1024, MIN_PASSWORD_LENGTH),
  })
  .openapi('CreateUser');
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .strictObject({
    displayName: name(200).optional(),
    agencyId: z.uuid().optional(),
    roles: roles.optional(),
    disabled: z.boolean().optional(),
  })
  .refine(atLeastOne, nothingToChange)
  .openapi('UpdateUser');
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const resetPasswordResult = z.object({ temporaryPassword: z.string() }).openapi('TemporaryPassword');

// API tokens

/** An action name (`audit.read`) or a module wildcard (`intel.*`). */
export const scope = z
  .string()
  .max(100)
  .regex(
    /^[a-z_]+(\.[a-z_]+)*(\.\*)?$/,
    'must be an action name such as audit.read, or a wildcard such as intel.*',
  );

export const token = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
export const tokenList = z.object({ tokens: z.array(token) });
export const createdToken = z
  .object({ token, secret: z.string().openapi({ description: 'Shown once; only its hash is kept.' }) })
  .openapi('CreatedApiToken');

export const createTokenBody = z
  .strictObject({
    name: text(100),
    scopes: z.array(scope).min(1).max(50),
    expiresAt: z.iso
      .datetime({ offset: true })
      // A malformed date-time is already named by the format check; only a valid one can be past.
      .refine(
        (s) => {
          const at = Date.parse(s);
          return Number.isNaN(at) || at > Date.now();
        },
        rule('in_past', 'must be in the future'),
      )
      .optional(),
    userId: z.uuid().optional(),
  })
  .openapi('CreateApiToken');
export type CreateTokenInput = z.infer<typeof createTokenBody>;
