import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { caseManagementPolicy as policy } from './policy.ts';
import { notFound, tags } from './route-kit.ts';
import { presentTimeline } from './timeline-presenters.ts';
import { timelineQuery, timelineResult } from './timeline-schema.ts';
import { readTimeline } from './timeline-service.ts';

const timelineRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}/timeline',
  summary: 'Everything that happened in a case and to its persons, newest first',
  request: { params: idParam, query: timelineQuery },
  responses: { 200: jsonResponse(timelineResult, 'A page of the timeline'), ...errorResponses, ...notFound },
});

export function registerTimelineRoutes(router: Router): void {
  router.openapi(timelineRoute, policy['victims.case_timeline.read'], async (c) => {
    const page = await readTimeline(victimsContext(c), c.req.valid('param').id, c.req.valid('query'));
    return c.json(presentTimeline(page), 200);
  });
}
