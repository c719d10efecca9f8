import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { statisticsPolicy as policy } from './policy.ts';
import { statisticsQuery, statisticsResult } from './schema.ts';
import { readStatistics } from './service.ts';

const readRoute = createRoute({
  tags: ['victims'],
  method: 'get',
  path: '/api/victims/statistics',
  summary: "Counts of your agency's victims, cases and assessments; counts of 1–4 withheld (k = 5)",
  request: { query: statisticsQuery },
  responses: { 200: jsonResponse(statisticsResult, 'The aggregates'), ...errorResponses },
});

export function registerStatisticsRoutes(router: Router): void {
  router.openapi(readRoute, policy['victims.statistics.read'], async (c) => {
    return c.json(await readStatistics(victimsContext(c), c.req.valid('query')), 200);
  });
}
