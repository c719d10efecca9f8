import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { presentSessionUser } from '../accounts/presenters.ts';
import { findUserById } from '../accounts/repo.ts';
import { HttpError, requirePrincipal } from '../http/errors.ts';
import { errorResponses, jsonBody, jsonResponse } from '../http/fields.ts';
import type { Router } from '../http/router.ts';
import { clientAddress, isSecureRequest } from './client.ts';
import { authPolicy } from './policy.ts';
import { SESSION_COOKIE } from './principal.ts';
import { loginBody, loginResult, meResult, passwordBody, totpCodeBody, totpSetupResult } from './schema.ts';
import { changePassword, login, logout, setTotpEnabled, setupTotp } from './service.ts';

const tags = ['auth'];
const noContent = { 204: { description: 'Done' }, ...errorResponses };

const loginRoute = createRoute({
  method: 'post',
  path: '/api/auth/login',
  tags,
  request: jsonBody(loginBody),
  responses: { 200: jsonResponse(loginResult, 'Logged in; the session cookie is set'), ...errorResponses },
});
const logoutRoute = createRoute({ method: 'post', path: '/api/auth/logout', tags, responses: noContent });
const meRoute = createRoute({
  method: 'get',
  path: '/api/auth/me',
  tags,
  responses: { 200: jsonResponse(meResult, 'The logged-in user'), ...errorResponses },
});
const passwordRoute = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags,
  request: jsonBody(passwordBody),
  responses: noContent,
});
const totpSetupRoute = createRoute({
  method: 'post',
  path: '/api/auth/totp/setup',
  tags,
  responses: { 200: jsonResponse(totpSetupResult, 'A new TOTP secret, not yet enabled'), ...errorResponses },
});
const totpEnableRoute = createRoute({
  method: 'post',
  path: '/api/auth/totp/enable',
  tags,
  request: jsonBody(totpCodeBody),
  responses: noContent,
});
const totpDisableRoute = createRoute({
  method: 'post',
  path: '/api/auth/totp/disable',
  tags,
  request: jsonBody(totpCodeBody),
  responses: noContent,
});

export function registerAuthRoutes(router: Router): void {
  router.openapi(loginRoute, authPolicy['auth.login'], async (c) => {
    const { deps } = c.var;
    const body = c.req.valid('json');
    const result = await login(deps.db, deps.config, deps.cipher, { ...body, clientKey: clientAddress(c) });
    setCookie(c, SESSION_COOKIE, result.sessionSecret, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isSecureRequest(c),
      path: '/',
      expires: result.expiresAt,
    });
    return c.json({ user: presentSessionUser(result.user), csrfToken: result.csrfToken }, 200);
  });

  router.openapi(logoutRoute, authPolicy['auth.logout'], async (c) => {
    await logout(c.var.deps.db, requirePrincipal(c.var.principal));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  router.openapi(meRoute, authPolicy['auth.me'], async (c) => {
    const principal = requirePrincipal(c.var.principal);
    const { node, db } = c.var.deps;
    const user = await findUserById(db, principal.userId);
    if (!user) throw new HttpError(401, 'unauthenticated', 'Log in first.');
    return c.json(
      {
        user: presentSessionUser(user),
        csrfToken: principal.csrfToken ?? null,
        node: { id: node.id, name: node.name, country: node.country },
      },
      200,
    );
  });

  router.openapi(passwordRoute, authPolicy['auth.password'], async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changePassword(c.var.deps.db, requirePrincipal(c.var.principal), currentPassword, newPassword);
    return c.body(null, 204);
  });

  router.openapi(totpSetupRoute, authPolicy['auth.totp'], async (c) => {
    const { db, cipher } = c.var.deps;
    return c.json(await setupTotp(db, cipher, requirePrincipal(c.var.principal)), 200);
  });

  router.openapi(totpEnableRoute, authPolicy['auth.totp'], async (c) => {
    const { db, cipher } = c.var.deps;
    await setTotpEnabled(db, cipher, requirePrincipal(c.var.principal), c.req.valid('json').code, true);
    return c.body(null, 204);
  });

  router.openapi(totpDisableRoute, authPolicy['auth.totp'], async (c) => {
    const { db, cipher } = c.var.deps;
    await setTotpEnabled(db, cipher, requirePrincipal(c.var.principal), c.req.valid('json').code, false);
    return c.body(null, 204);
  });
}
