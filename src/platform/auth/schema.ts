import { z } from '@hono/zod-openapi';
import { text } from '../http/fields.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

export const loginBody = z
  .strictObject({
    username: text(100),
    password: z.string().min(1).max(1024),
    totp: z.string().max(10).optional(),
  })
  .openapi('LoginRequest');

export const sessionUser = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    agencyId: z.string(),
    roles: z.array(z.string()),
    mustChangePassword: z.boolean(),
    totpEnabled: z.boolean(),
  })
  .openapi('SessionUser');

export const loginResult = z.object({ user: sessionUser, csrfToken: z.string() }).openapi('LoginResult');

export const meResult = z
  .object({
    user: sessionUser,
    csrfToken: z.string().nullable(),
    node: z.object({ id: z.string(), name: z.string(), country: z.string() }),
  })
  .openapi('Me');

export const newPassword = text(1024, MIN_PASSWORD_LENGTH);

export const passwordBody = z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword });

export const totpSetupResult = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpCodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'must be six digits') });
