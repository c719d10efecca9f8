import { createRoute, z } from '@hono/zod-openapi';
import { invalid, requirePrincipal } from '../platform/http/errors.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../platform/http/fields.ts';
import type { Router } from '../platform/http/router.ts';
import { registerBatchRoutes } from './batch/routes.ts';
import { ensureIndicators } from './indicators/index.ts';
import { registerScreeningModelRoutes } from './model-routes.ts';
import { screeningPolicy as policy } from './policy.ts';
import {
  presentAlert,
  presentAlertSummary,
  presentScreenResult,
  presentWatchlistEntry,
} from './presenters.ts';
import { readerLang } from './reason-lang.ts';
import { listWatchlist } from './repo.ts';
import {
  alertDetail,
  alertQuery,
  alertSummary,
  assignBody,
  MAX_SCREEN_BODY_BYTES,
  readerHeaders,
  reviewBody,
  screenInput,
  screenResponse,
  watchlistBody,
  watchlistEntry,
} from './schema.ts';
import { nodeScreener } from './screener.ts';
import {
  addToWatchlist,
  assignAlert,
  listAgencyAlerts,
  readAlert,
  removeFromWatchlist,
  reviewAlert,
  screenOne,
} from './service.ts';
import { normalizeWatchValue } from './watch-value.ts';

const tags = ['screening'];
const notFound = { 404: { description: 'Not found', content: errorResponses[400].content } };

const screenRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/screen',
  summary: 'Screen one post (synchronous)',
  request: { headers: readerHeaders, ...jsonBody(screenInput) },
  responses: {
    200: jsonResponse(screenResponse, 'The screening result, and the alert it opened'),
    ...errorResponses,
  },
});
const listAlertsRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/alerts',
  request: { query: alertQuery },
  responses: {
    200: jsonResponse(z.object({ alerts: z.array(alertSummary) }), 'Alerts, newest first'),
    ...errorResponses,
  },
});
const getAlertRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/alerts/{id}',
  request: { params: idParam, headers: readerHeaders },
  responses: {
    200: jsonResponse(z.object({ alert: alertDetail }), 'One alert'),
    ...errorResponses,
    ...notFound,
  },
});
const assignRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/alerts/{id}/assign',
  request: { params: idParam, headers: readerHeaders, ...jsonBody(assignBody) },
  responses: {
    200: jsonResponse(z.object({ alert: alertDetail }), 'Assigned'),
    ...errorResponses,
    ...notFound,
  },
});
const reviewRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/alerts/{id}/review',
  summary: 'Confirm or dismiss an alert, with a reason (it becomes training data)',
  request: { params: idParam, headers: readerHeaders, ...jsonBody(reviewBody) },
  responses: {
    200: jsonResponse(z.object({ alert: alertDetail }), 'Reviewed'),
    ...errorResponses,
    ...notFound,
  },
});
const listWatchlistRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/watchlist',
  responses: {
    200: jsonResponse(z.object({ entries: z.array(watchlistEntry) }), 'The watchlist'),
    ...errorResponses,
  },
});
const addWatchlistRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/watchlist',
  request: jsonBody(watchlistBody),
  responses: { 201: jsonResponse(z.object({ entry: watchlistEntry }), 'Added'), ...errorResponses },
});
const removeWatchlistRoute = createRoute({
  tags,
  method: 'delete',
  path: '/api/watchlist/{id}',
  request: { params: idParam },
  responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFound },
});

export function registerScreeningRoutes(router: Router): void {
  // A bad lexicon file stops the node at start-up with its message, not each screening request.
  ensureIndicators();
  registerScreeningModelRoutes(router);
  registerBatchRoutes(router);
  router.openapi(
    screenRoute,
    policy['screening.screen'],
    async (c) => {
      const { db, cipher, changes, config } = c.var.deps;
      const lang = readerLang(c);
      const screener = await nodeScreener(db, config.screenThreads);
      const out = await screenOne(
        { db, cipher, changes },
        screener,
        requirePrincipal(c.var.principal),
        c.req.valid('json'),
        'api',
      );
      const result = presentScreenResult(out.result, lang);
      return c.json({ result, alertId: out.alertId, watchlistHits: out.watchlistHits }, 200);
    },
    { bodyLimit: MAX_SCREEN_BODY_BYTES },
  );

  // Every alert route sees only the caller's agency's alerts (service.ts); another's answers 404.
  router.openapi(listAlertsRoute, policy['screening.alerts.read'], async (c) => {
    const q = c.req.valid('query');
    const { db, cipher, node } = c.var.deps;
    const principal = requirePrincipal(c.var.principal);
    const filter = {
      status: q.status,
      level: q.level,
      lang: q.lang,
      assigneeId: q.assignee === 'me' ? principal.userId : q.assignee,
      batchId: q.batch,
      q: q.q,
      before: q.before ? new Date(q.before) : undefined,
      limit: q.limit,
    };
    const alerts = await listAgencyAlerts({ db, cipher }, principal, filter, node.country);
    return c.json({ alerts: alerts.map((a) => presentAlertSummary(a.row, a)) }, 200);
  });

  router.openapi(getAlertRoute, policy['screening.alerts.read'], async (c) => {
    const { db, cipher } = c.var.deps;
    const id = c.req.valid('param').id;
    const { row, opened } = await readAlert({ db, cipher }, requirePrincipal(c.var.principal), id);
    return c.json({ alert: presentAlert(row, opened, readerLang(c)) }, 200);
  });

  router.openapi(assignRoute, policy['screening.alerts.review'], async (c) => {
    const { db, cipher } = c.var.deps;
    const { row, opened } = await assignAlert(
      { db, cipher },
      requirePrincipal(c.var.principal),
      c.req.valid('param').id,
      c.req.valid('json').assigneeId,
    );
    return c.json({ alert: presentAlert(row, opened, readerLang(c)) }, 200);
  });

  router.openapi(reviewRoute, policy['screening.alerts.review'], async (c) => {
    const { db, cipher } = c.var.deps;
    const { decision, reason } = c.req.valid('json');
    const { row, opened } = await reviewAlert(
      { db, cipher },
      requirePrincipal(c.var.principal),
      c.req.valid('param').id,
      decision,
      reason,
    );
    return c.json({ alert: presentAlert(row, opened, readerLang(c)) }, 200);
  });

  router.openapi(listWatchlistRoute, policy['screening.watchlist.read'], async (c) => {
    const rows = await listWatchlist(c.var.deps.db);
    return c.json({ entries: rows.map(presentWatchlistEntry) }, 200);
  });

  router.openapi(addWatchlistRoute, policy['screening.watchlist.write'], async (c) => {
    const body = c.req.valid('json');
    const normalized = normalizeWatchValue(body.kind, body.value, c.var.deps.node.country);
    if (!normalized) {
      // The value is not repeated: the client has it, and a long one ran off the form's error box.
      throw invalid(`value is not a valid ${body.kind}`, [
        {
          path: 'value',
          message: `is not a valid ${body.kind}`,
          code: 'invalid_identifier',
          params: { kind: body.kind },
        },
      ]);
    }
    const entry = await addToWatchlist(c.var.deps.db, requirePrincipal(c.var.principal), {
      kind: body.kind,
      normalized,
      note: body.note ?? null,
    });
    return c.json({ entry: presentWatchlistEntry(entry) }, 201);
  });

  router.openapi(removeWatchlistRoute, policy['screening.watchlist.write'], async (c) => {
    await removeFromWatchlist(c.var.deps.db, requirePrincipal(c.var.principal), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
