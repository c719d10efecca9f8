import { z } from '@hono/zod-openapi';

// Request and response shapes of a case's owner and team.

export const userIdBody = z.strictObject({ userId: z.uuid() }).openapi('CaseUserId');
export type UserIdInput = z.infer<typeof userIdBody>;

export const memberParams = z.strictObject({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }),
});

export const caseUser = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), roles: z.array(z.string()) })
  .openapi('CaseUser');

export const teamResult = z.object({
  team: z
    .object({
      caseId: z.string(),
      owner: caseUser.nullable(),
      members: z.array(caseUser.extend({ addedAt: z.string(), addedBy: z.string().nullable() })),
    })
    .openapi('CaseTeam'),
});

export const candidatesResult = z.object({ users: z.array(caseUser) });
