import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Handler, MiddlewareHandler } from 'hono';
import { readBody, UNSAFE_METHODS } from './body.ts';
import type { AppEnv } from './context.ts';
import { errorBody } from './errors.ts';
import { decide, type Rule } from './policy.ts';

export type RouteInfo = { method: string; path: string; rule: Rule };

/** Authorises a request before anything else (validation included) runs. */
export function guard(rule: Rule): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal');
    const decision = decide(rule, principal);
    if (decision === 'unauthenticated') return c.json(errorBody('unauthenticated', 'Log in first.'), 401);
    if (decision === 'forbidden') {
      return c.json(errorBody('forbidden', `Your roles do not allow ${rule.action}.`), 403);
    }
    // Cookie-authenticated writes must carry the session's CSRF token (tokens in headers are immune).
    if (
      principal?.via === 'session' &&
      UNSAFE_METHODS.has(c.req.method) &&
      c.req.header('x-csrf-token') !== principal.csrfToken
    ) {
      return c.json(errorBody('csrf', 'The X-CSRF-Token header is missing or wrong.'), 403);
    }
    await next();
  };
}

/** Every route is registered through here, so each has a rule and the policy test can list them. */
export class Router {
  readonly routes: RouteInfo[] = [];

  constructor(
    readonly app: OpenAPIHono<AppEnv>,
    private readonly defaultBodyLimit: number,
  ) {}

  /**
   * Registers an OpenAPI route behind its policy rule. `bodyLimit` (bytes) overrides the node default.
   * `streamBody`: the handler reads the body as a stream and enforces its own size cap and encoding
   * (the default limit and UTF-8 check would hold the whole body in memory).
   */
  openapi<R extends RouteConfig>(
    route: R,
    rule: Rule,
    handler: RouteHandler<R, AppEnv>,
    options: { bodyLimit?: number; streamBody?: true } = {},
  ): void {
    this.routes.push({
      method: route.method.toUpperCase(),
      path: route.path.replaceAll(/\{(.+?)\}/g, ':$1'),
      rule,
    });
    const maxSize = options.bodyLimit ?? this.defaultBodyLimit;
    const middleware = options.streamBody ? [guard(rule)] : [guard(rule), readBody(maxSize)];
    this.app.openapi({ ...route, middleware }, handler);
  }

  /** For routes outside the OpenAPI document (static files, docs page). */
  raw(method: 'GET' | 'POST', path: string, rule: Rule, handler: Handler<AppEnv>): void {
    this.routes.push({ method, path, rule });
    this.app.on(method, path, guard(rule), handler);
  }
}
