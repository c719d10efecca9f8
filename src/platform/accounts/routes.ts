import { createRoute } from '@hono/zod-openapi';
import { requirePrincipal } from '../http/errors.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../http/fields.ts';
import type { Router } from '../http/router.ts';
import { accountsPolicy as policy } from './policy.ts';
import { presentAgency, presentToken, presentUser } from './presenters.ts';
import { listAgencies, listUsers } from './repo.ts';
import {
  agencyList,
  agencyResult,
  createAgencyBody,
  createdToken,
  createTokenBody,
  createUserBody,
  resetPasswordResult,
  tokenList,
  updateAgencyBody,
  updateUserBody,
  userList,
  userResult,
} from './schema.ts';
import {
  changeAgency,
  changeUser,
  createAgency,
  createToken,
  createUser,
  listVisibleTokens,
  resetPassword,
  revokeVisibleToken,
  unlockUser,
} from './service.ts';

const errorContent = errorResponses[400].content;
const notFoundResponse = { 404: { description: 'No such record', content: errorContent } };
const conflictResponse = {
  409: { description: 'A record with this name already exists', content: errorContent },
};
const noContent = { 204: { description: 'Done' }, ...errorResponses, ...notFoundResponse };

const agencyTags = ['agencies'];
const userTags = ['users'];
const tokenTags = ['tokens'];

const listAgenciesRoute = createRoute({
  tags: agencyTags,
  method: 'get',
  path: '/api/agencies',
  responses: { 200: jsonResponse(agencyList, 'All agencies of this node'), ...errorResponses },
});
const createAgencyRoute = createRoute({
  tags: agencyTags,
  method: 'post',
  path: '/api/agencies',
  request: jsonBody(createAgencyBody),
  responses: { 201: jsonResponse(agencyResult, 'Created'), ...errorResponses, ...conflictResponse },
});
const updateAgencyRoute = createRoute({
  tags: agencyTags,
  method: 'patch',
  path: '/api/agencies/{id}',
  request: { params: idParam, ...jsonBody(updateAgencyBody) },
  responses: {
    200: jsonResponse(agencyResult, 'Changed'),
    ...errorResponses,
    ...notFoundResponse,
    ...conflictResponse,
  },
});

const listUsersRoute = createRoute({
  tags: userTags,
  method: 'get',
  path: '/api/users',
  responses: { 200: jsonResponse(userList, 'All users of this node'), ...errorResponses },
});
const createUserRoute = createRoute({
  tags: userTags,
  method: 'post',
  path: '/api/users',
  request: jsonBody(createUserBody),
  responses: {
    201: jsonResponse(userResult, 'Created; must change the password at first login'),
    ...errorResponses,
    ...conflictResponse,
  },
});
const updateUserRoute = createRoute({
  tags: userTags,
  method: 'patch',
  path: '/api/users/{id}',
  request: { params: idParam, ...jsonBody(updateUserBody) },
  responses: { 200: jsonResponse(userResult, 'Changed'), ...errorResponses, ...notFoundResponse },
});
const resetPasswordRoute = createRoute({
  tags: userTags,
  method: 'post',
  path: '/api/users/{id}/reset-password',
  request: { params: idParam },
  responses: {
    200: jsonResponse(resetPasswordResult, 'A one-time password'),
    ...errorResponses,
    ...notFoundResponse,
  },
});
const unlockRoute = createRoute({
  tags: userTags,
  method: 'post',
  path: '/api/users/{id}/unlock',
  request: { params: idParam },
  responses: noContent,
});

const listTokensRoute = createRoute({
  tags: tokenTags,
  method: 'get',
  path: '/api/tokens',
  responses: {
    200: jsonResponse(tokenList, 'Administrators: all tokens; others: their own'),
    ...errorResponses,
  },
});
const createTokenRoute = createRoute({
  tags: tokenTags,
  method: 'post',
  path: '/api/tokens',
  request: jsonBody(createTokenBody),
  responses: { 201: jsonResponse(createdToken, 'Created; the secret is shown only now'), ...errorResponses },
});
const revokeTokenRoute = createRoute({
  tags: tokenTags,
  method: 'delete',
  path: '/api/tokens/{id}',
  request: { params: idParam },
  responses: noContent,
});

export function registerAccountRoutes(router: Router): void {
  router.openapi(listAgenciesRoute, policy['accounts.agencies.list'], async (c) => {
    const agencies = await listAgencies(c.var.deps.db);
    return c.json({ agencies: agencies.map(presentAgency) }, 200);
  });
  router.openapi(createAgencyRoute, policy['accounts.agencies.create'], async (c) => {
    const agency = await createAgency(c.var.deps.db, requirePrincipal(c.var.principal), c.req.valid('json'));
    return c.json({ agency: presentAgency(agency) }, 201);
  });
  router.openapi(updateAgencyRoute, policy['accounts.agencies.update'], async (c) => {
    const { id } = c.req.valid('param');
    const agency = await changeAgency(
      c.var.deps.db,
      requirePrincipal(c.var.principal),
      id,
      c.req.valid('json'),
    );
    return c.json({ agency: presentAgency(agency) }, 200);
  });

  router.openapi(listUsersRoute, policy['accounts.users.list'], async (c) => {
    const users = await listUsers(c.var.deps.db);
    return c.json({ users: users.map(presentUser) }, 200);
  });
  router.openapi(createUserRoute, policy['accounts.users.create'], async (c) => {
    const user = await createUser(c.var.deps.db, requirePrincipal(c.var.principal), c.req.valid('json'));
    return c.json({ user: presentUser(user) }, 201);
  });
  router.openapi(updateUserRoute, policy['accounts.users.update'], async (c) => {
    const { id } = c.req.valid('param');
    const user = await changeUser(c.var.deps.db, requirePrincipal(c.var.principal), id, c.req.valid('json'));
    return c.json({ user: presentUser(user) }, 200);
  });
  router.openapi(resetPasswordRoute, policy['accounts.users.reset_password'], async (c) => {
    const { id } = c.req.valid('param');
    const temporaryPassword = await resetPassword(c.var.deps.db, requirePrincipal(c.var.principal), id);
    return c.json({ temporaryPassword }, 200);
  });
  router.openapi(unlockRoute, policy['accounts.users.unlock'], async (c) => {
    await unlockUser(c.var.deps.db, requirePrincipal(c.var.principal), c.req.valid('param').id);
    return c.body(null, 204);
  });

  router.openapi(listTokensRoute, policy['accounts.tokens.list'], async (c) => {
    const tokens = await listVisibleTokens(c.var.deps.db, requirePrincipal(c.var.principal));
    return c.json({ tokens: tokens.map(presentToken) }, 200);
  });
  router.openapi(createTokenRoute, policy['accounts.tokens.create'], async (c) => {
    const { token, secret } = await createToken(
      c.var.deps.db,
      requirePrincipal(c.var.principal),
      c.req.valid('json'),
    );
    return c.json({ token: presentToken(token), secret }, 201);
  });
  router.openapi(revokeTokenRoute, policy['accounts.tokens.revoke'], async (c) => {
    await revokeVisibleToken(c.var.deps.db, requirePrincipal(c.var.principal), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
