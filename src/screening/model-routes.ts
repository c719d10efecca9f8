import { createRoute, z } from '@hono/zod-openapi';
import { requirePrincipal } from '../platform/http/errors.ts';
import { errorResponses, jsonResponse } from '../platform/http/fields.ts';
import type { Router } from '../platform/http/router.ts';
import { loadScreeningModel } from './default-model.ts';
import { screeningPolicy as policy } from './policy.ts';
import { listModels } from './repo.ts';
import { MIN_REVIEWS_PER_LABEL, retrainFromReviews, reviewMetrics } from './retrain.ts';

const tags = ['screening'];
const modelInfo = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    examples: z.number(),
    metrics: z.unknown().openapi({
      description:
        "The model's own held-out figures: a trained model's out of fold on its training data; an " +
        "adapted one's out of fold on the reviews (evaluatedOn: 'reviews'); null when it has none",
    }),
  })
  .openapi('ScreeningModel');

/**
 * Models adapted before they were evaluated on the reviews stored their base's figures, which say
 * nothing of them (they were measured on other data): shown as none.
 */
function ownMetrics(name: string, metrics: unknown): unknown {
  const adapted = /\+reviews-/.test(name);
  const evaluated = typeof metrics === 'object' && metrics !== null && 'evaluatedOn' in metrics;
  return adapted && !evaluated ? null : metrics;
}

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/screening/models',
  responses: {
    200: jsonResponse(
      z.object({
        active: modelInfo.nullable(),
        defaultModel: z.object({ name: z.string() }),
        reviewed: z.object({
          confirmed: z.number(),
          dismissed: z.number(),
          minimumPerLabel: z.number().openapi({ description: 'Of each, for a retrain' }),
        }),
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
  description: `Needs ${MIN_REVIEWS_PER_LABEL} confirmed and ${MIN_REVIEWS_PER_LABEL} dismissed alerts (else 400 too_few_reviews).`,
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
              metrics: ownMetrics(active.name, active.metrics),
            }
          : null,
        defaultModel: { name: loadScreeningModel().name },
        reviewed: {
          confirmed: count('confirmed'),
          dismissed: count('dismissed'),
          minimumPerLabel: MIN_REVIEWS_PER_LABEL,
        },
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
          metrics: reviewMetrics(model),
        },
        tampered,
      },
      201,
    );
  });
}
