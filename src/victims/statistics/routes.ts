import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { requireWholeMonths } from './period.ts';
import { statisticsPolicy as policy } from './policy.ts';
import { statisticsQuery, statisticsResult } from './schema.ts';
import { readStatistics } from './service.ts';

const readRoute = createRoute({
  tags: ['victims'],
  method: 'get',
  path: '/api/victims/statistics',
  summary:
    "Counts of your agency's victims, cases and assessments over whole months; counts of 1–4 withheld (k = 5), the others rounded to 5",
  request: { query: statisticsQuery },
  responses: {
    200: jsonResponse(statisticsResult, 'The aggregates'),
    ...errorResponses,
    422: { description: 'A range not on whole calendar months', content: errorResponses[400].content },
  },
});

export function registerStatisticsRoutes(router: Router): void {
  router.openapi(readRoute, policy['victims.statistics.read'], async (c) => {
    const query = c.req.valid('query');
    requireWholeMonths(query);
    return c.json(await readStatistics(victimsContext(c), query), 200);
  });
}
