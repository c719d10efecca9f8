import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { repoPath } from '../paths.ts';
import { jsonResponse } from './fields.ts';
import { definePolicy } from './policy.ts';
import type { Router } from './router.ts';

export const systemPolicy = definePolicy({
  'system.health': { public: true },
  'system.openapi': { public: true },
  'system.docs': { public: true },
  'system.web': { public: true },
});

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['ok', 'unreachable']),
  migrationVersion: z.number().int(),
  nodeId: z.string(),
});

const health = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  responses: {
    200: jsonResponse(healthSchema, 'Node health'),
    503: jsonResponse(healthSchema, 'Database down'),
  },
});

const WEB_ROOT = repoPath('dist', 'web');

function docsPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jaring API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
}

export function registerSystemRoutes(router: Router): void {
  const { app } = router;
  router.openapi(health, systemPolicy['system.health'], async (c) => {
    const { deps } = c.var;
    const up = await sql`select 1`.execute(deps.db).then(
      () => true,
      () => false,
    );
    const body = {
      status: up ? ('ok' as const) : ('degraded' as const),
      database: up ? ('ok' as const) : ('unreachable' as const),
      migrationVersion: deps.migrationVersion,
      nodeId: deps.node.id,
    };
    return up ? c.json(body, 200) : c.json(body, 503);
  });

  router.raw('GET', '/api/openapi.json', systemPolicy['system.openapi'], (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: { title: 'Jaring API', version: '0.1.0', description: 'API of a Jaring node.' },
      }),
    ),
  );

  // Swagger UI from the swagger-ui-dist package, served locally (no CDN).
  const swaggerDir = join(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'), '..');
  router.raw('GET', '/api/docs', systemPolicy['system.docs'], (c) => c.html(docsPage()));
  router.raw('GET', '/api/docs/init.js', systemPolicy['system.docs'], (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });");
  });
  router.raw('GET', '/api/docs/assets/:file', systemPolicy['system.docs'], (c) => {
    const file = c.req.param('file') ?? '';
    if (!['swagger-ui.css', 'swagger-ui-bundle.js'].includes(file)) return c.notFound();
    c.header('Content-Type', file.endsWith('.css') ? 'text/css' : 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(readFileSync(join(swaggerDir, file)));
  });

  // The web UI: built files, and index.html for every other non-API path (client-side routing).
  router.raw('GET', '/*', systemPolicy['system.web'], async (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    if (!existsSync(WEB_ROOT)) return c.text('The web UI is not built. Run `npm run build`.', 503);
    const found = await serveStatic({ root: WEB_ROOT })(c, async () => {});
    if (found) return found;
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(join(WEB_ROOT, 'index.html'), 'utf8'));
  });
}
