import { createRoute, z } from '@hono/zod-openapi';
import { requirePrincipal } from '../platform/http/errors.ts';
import { errorResponses, jsonResponse } from '../platform/http/fields.ts';
import type { Router } from '../platform/http/router.ts';
import { loadScreeningModel } from './default-model.ts';
import { screeningPolicy as policy } from './policy.ts';
import { listModels } from './repo.ts';
import { retrainFromReviews } from './retrain.ts';

const tags = ['screening'];
const modelInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    examples: z.number(),
    metrics: z.unknown(),
  })
  .openapi('ScreeningModel');

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/screening/models',
  responses: {
    200: jsonResponse(
      z.object({
        active: modelInfo.nullable(),
        defaultModel: z.object({ name: z.string() }),
        reviewed: z.object({ confirmed: z.number(), dismissed: z.number() }),
      }),
      'The active model and how many reviews there are to learn from',
    ),
    ...errorResponses,
  },
});
const retrainRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/screening/models/retrain',
  summary: "Adapt the node's model to the reviewed alerts and make it active",
  responses: {
    201: jsonResponse(
      z.object({
        model: modelInfo,
        tampered: z.array(z.string()).openapi({
          description: 'Reviewed alerts left out because their stored post was tampered with',
        }),
      }),
      'The new active model',
    ),
    ...errorResponses,
  },
});

export function registerScreeningModelRoutes(router: Router): void {
  router.openapi(listRoute, policy['screening.models.read'], async (c) => {
    const { db } = c.var.deps;
    const [models, counts] = await Promise.all([
      listModels(db),
      db
        .selectFrom('screening_alerts')
        .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
        .where('status', 'in', ['confirmed', 'dismissed'])
        .groupBy('status')
        .execute(),
    ]);
    const active = models.find((m) => m.active);
    const count = (s: string) => Number(counts.find((r) => r.status === s)?.n ?? 0);
    return c.json(
      {
        active: active
          ? {
              id: active.id,
              name: active.name,
              createdAt: active.created_at.toISOString(),
              examples: active.examples,
              metrics: active.metrics,
            }
          : null,
        defaultModel: { name: loadScreeningModel().name },
        reviewed: { confirmed: count('confirmed'), dismissed: count('dismissed') },
      },
      200,
    );
  });

  router.openapi(retrainRoute, policy['screening.models.retrain'], async (c) => {
    const { db, cipher } = c.var.deps;
    const { row, model, examples, tampered } = await retrainFromReviews(
      db,
      cipher,
      requirePrincipal(c.var.principal),
    );
    return c.json(
      {
        model: {
          id: row.id,
          name: row.name,
          createdAt: row.created_at.toISOString(),
          examples,
          metrics: model.metrics.outOfFold,
        },
        tampered,
      },
      201,
    );
  });
}
