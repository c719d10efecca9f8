import * as z from 'zod/mini';
import { timestamp } from '../common/schema.ts';

export const agency = z.object({
  id: z.string(),
  name: z.string(),
  orgType: z.string(),
  country: z.string(),
  createdAt: z.nullish(timestamp),
});
export type Agency = z.infer<typeof agency>;
export const agencyList = z.object({ agencies: z.array(agency) });
export const agencyAnswer = z.object({ agency });

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  agencyId: z.nullish(z.string()),
  roles: z.array(z.string()),
  disabled: z._default(z.boolean(), false),
  totpEnabled: z._default(z.boolean(), false),
  lockedUntil: z.nullish(timestamp),
  createdAt: z.nullish(timestamp),
});
export type User = z.infer<typeof user>;
export const userList = z.object({ users: z.array(user) });
export const userAnswer = z.object({ user });
export const resetPasswordAnswer = z.object({ temporaryPassword: z.string() });

export const token = z.object({
  id: z.string(),
  userId: z.nullish(z.string()),
  name: z.string(),
  prefix: z.nullish(z.string()),
  scopes: z.array(z.string()),
  createdAt: z.nullish(timestamp),
  expiresAt: z.nullish(timestamp),
  revokedAt: z.nullish(timestamp),
  lastUsedAt: z.nullish(timestamp),
});
export type Token = z.infer<typeof token>;
export const tokenList = z.object({ tokens: z.array(token) });
export const tokenCreated = z.object({ token, secret: z.string() });
