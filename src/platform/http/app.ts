import { randomUUID } from 'node:crypto';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { resolvePrincipal } from '../auth/principal.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { clientDatabaseError, errorBody, HttpError } from './errors.ts';
import { registerModuleRoutes } from './modules.ts';
import { Router } from './router.ts';
import { registerSystemRoutes } from './system-routes.ts';
import { fieldIssuesOf } from './validation.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(deps: AppDeps): { app: OpenAPIHono<AppEnv>; router: Router } {
  const app = new OpenAPIHono<AppEnv>({
    // zod failures: 400 naming each field, with a code and parameters a client can translate.
    defaultHook: (result, c) => {
      if (result.success) return;
      // The validator passes the input as `data` too, though the hook's type leaves it out.
      const input = 'data' in result ? result.data : undefined;
      const fields = fieldIssuesOf(result.error.issues, input);
      const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
      return c.json(errorBody('validation_failed', `Invalid request: ${summary}`, fields), 400);
    },
  });

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    // Paths only: query strings and bodies may carry personal data.
    deps.logger.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use('*', resolvePrincipal());

  app.onError((err, c) => {
    if (err instanceof HttpError) return c.json(errorBody(err.code, err.message, err.fields), err.status);
    if (err instanceof HTTPException) {
      if (err.status === 400)
        return c.json(errorBody('malformed_body', 'The request body is not valid JSON.'), 400);
      if (err.status === 415) {
        return c.json(
          errorBody('unsupported_media_type', 'Send the body as JSON (Content-Type: application/json).'),
          415,
        );
      }
      return c.json(errorBody('http_error', err.message || 'Request refused.'), err.status);
    }
    const pgError = clientDatabaseError(err);
    if (pgError) return c.json(errorBody(pgError.code, pgError.message), pgError.status);
    deps.logger.error({ err, requestId: c.get('requestId') }, 'unhandled error');
    return c.json(
      errorBody('internal', 'Something went wrong on the server. The request id identifies it in the logs.'),
      500,
    );
  });
  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404));

  const router = new Router(app, deps.config.bodyLimit);
  registerModuleRoutes(router);
  registerSystemRoutes(router);
  return { app, router };
}
