import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { addItem, changeItem } from './items-service.ts';
import { presentPlan } from './plans-presenters.ts';
import {
  createItemBody,
  createPlanBody,
  planList,
  planResult,
  updateItemBody,
  updatePlanBody,
} from './plans-schema.ts';
import { changePlan, createPlan, listPlans, type PlansView, readPlan } from './plans-service.ts';
import { caseManagementPolicy as policy } from './policy.ts';
import { conflict, notFound, tags } from './route-kit.ts';

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}/support-plans',
  summary: "A case's support plans with their items and repatriation steps",
  request: { params: idParam },
  responses: { 200: jsonResponse(planList, 'The plans'), ...errorResponses, ...notFound },
});
const createPlanRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases/{id}/support-plans',
  summary: 'Make the support plan of a person linked to the case (one per case–person)',
  request: { params: idParam, ...jsonBody(createPlanBody) },
  responses: { 201: jsonResponse(planResult, 'Made'), ...errorResponses, ...notFound, ...conflict },
});
const readRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/support-plans/{id}',
  request: { params: idParam },
  responses: { 200: jsonResponse(planResult, 'The plan'), ...errorResponses, ...notFound },
});
const updatePlanRoute = createRoute({
  tags,
  method: 'patch',
  path: '/api/victims/support-plans/{id}',
  summary: 'Change a plan; null clears a field',
  request: { params: idParam, ...jsonBody(updatePlanBody) },
  responses: { 200: jsonResponse(planResult, 'Changed'), ...errorResponses, ...notFound },
});
const addItemRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/support-plans/{id}/items',
  summary: 'Add an item (a service, or a repatriation step) to a plan',
  request: { params: idParam, ...jsonBody(createItemBody) },
  responses: {
    201: jsonResponse(planResult, 'Added; the plan'),
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});
const updateItemRoute = createRoute({
  tags,
  method: 'patch',
  path: '/api/victims/support-plan-items/{id}',
  summary: 'Change an item: status, provider, dates; a repatriation step also "not needed"',
  request: { params: idParam, ...jsonBody(updateItemBody) },
  responses: {
    200: jsonResponse(planResult, 'Changed; the plan'),
    ...errorResponses,
    ...notFound,
    ...conflict,
  },
});

const one = (v: PlansView) => {
  const [plan] = v.plans;
  if (!plan) throw new Error('no plan to show');
  return { plan: presentPlan(plan, v.persons) };
};

export function registerPlanRoutes(router: Router): void {
  router.openapi(listRoute, policy['victims.support_plans.read'], async (c) => {
    const v = await listPlans(victimsContext(c), c.req.valid('param').id);
    return c.json({ plans: v.plans.map((p) => presentPlan(p, v.persons)) }, 200);
  });
  router.openapi(createPlanRoute, policy['victims.support_plans.write'], async (c) => {
    return c.json(
      one(await createPlan(victimsContext(c), c.req.valid('param').id, c.req.valid('json'))),
      201,
    );
  });
  router.openapi(readRoute, policy['victims.support_plans.read'], async (c) => {
    return c.json(one(await readPlan(victimsContext(c), c.req.valid('param').id)), 200);
  });
  router.openapi(updatePlanRoute, policy['victims.support_plans.write'], async (c) => {
    return c.json(
      one(await changePlan(victimsContext(c), c.req.valid('param').id, c.req.valid('json'))),
      200,
    );
  });
  router.openapi(addItemRoute, policy['victims.support_items.write'], async (c) => {
    return c.json(one(await addItem(victimsContext(c), c.req.valid('param').id, c.req.valid('json'))), 201);
  });
  router.openapi(updateItemRoute, policy['victims.support_items.write'], async (c) => {
    return c.json(
      one(await changeItem(victimsContext(c), c.req.valid('param').id, c.req.valid('json'))),
      200,
    );
  });
}
