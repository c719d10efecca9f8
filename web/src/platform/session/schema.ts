import * as z from 'zod/mini';

export const sessionUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  agencyId: z.nullish(z.string()),
  mustChangePassword: z._default(z.boolean(), false),
  totpEnabled: z._default(z.boolean(), false),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const nodeInfo = z.object({ id: z.string(), name: z.string(), country: z.nullish(z.string()) });
export type NodeInfo = z.infer<typeof nodeInfo>;

export const loginAnswer = z.object({ user: sessionUser, csrfToken: z.string() });

export const meAnswer = z.object({ user: sessionUser, csrfToken: z.string(), node: z.nullish(nodeInfo) });
export type Session = z.infer<typeof meAnswer>;

export const totpSetupAnswer = z.object({ secret: z.string(), otpauthUrl: z.string() });
export type TotpSetup = z.infer<typeof totpSetupAnswer>;
