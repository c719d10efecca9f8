import { createRoute, z } from '@hono/zod-openapi';
import { requirePrincipal } from '../../platform/http/errors.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { nodeCatalog } from './catalog.ts';
import { identificationPolicy as policy } from './policy.ts';
import { presentAssessment, presentAssessmentSummary, presentCatalog } from './presenters.ts';
import { assessmentBody, assessmentSchema, assessmentSummarySchema, setsResponse } from './schema.ts';
import { listAssessments, readAssessment, recordAssessment } from './service.ts';

const tags = ['identification'];
const notFound = { 404: { description: 'Not found', content: errorResponses[400].content } };

const setsRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/identification/sets',
  summary: "The node's indicator sets for the assessment form, with their sources and rules",
  responses: { 200: jsonResponse(setsResponse, 'The enabled indicator sets'), ...errorResponses },
});
const createAssessmentRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/persons/{id}/identification-assessments',
  summary: 'Assess a person against indicator sets and record the decision (scored and explained)',
  request: { params: idParam, ...jsonBody(assessmentBody) },
  responses: {
    201: jsonResponse(z.object({ assessment: assessmentSchema }), 'Recorded'),
    ...errorResponses,
    ...notFound,
  },
});
const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/persons/{id}/identification-assessments',
  summary: "A person's identification assessments, newest first",
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ assessments: z.array(assessmentSummarySchema) }), 'The assessments'),
    ...errorResponses,
    ...notFound,
  },
});
const readRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/identification-assessments/{id}',
  summary: 'One assessment with its answers, explained result and decision',
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ assessment: assessmentSchema }), 'The assessment'),
    ...errorResponses,
    ...notFound,
  },
});

export function registerIdentificationRoutes(router: Router): void {
  router.openapi(setsRoute, policy['victims.identification.sets.read'], (c) => {
    return c.json(presentCatalog(nodeCatalog(c.var.deps.config)), 200);
  });

  router.openapi(createAssessmentRoute, policy['victims.identification.assess'], async (c) => {
    const { db, cipher, config } = c.var.deps;
    const principal = requirePrincipal(c.var.principal);
    const opened = await recordAssessment(
      db,
      cipher,
      nodeCatalog(config),
      principal,
      c.req.valid('param').id,
      c.req.valid('json'),
    );
    return c.json({ assessment: presentAssessment(opened) }, 201);
  });

  router.openapi(listRoute, policy['victims.identification.read'], async (c) => {
    const principal = requirePrincipal(c.var.principal);
    const rows = await listAssessments(c.var.deps.db, principal, c.req.valid('param').id);
    return c.json({ assessments: rows.map(presentAssessmentSummary) }, 200);
  });

  router.openapi(readRoute, policy['victims.identification.read'], async (c) => {
    const { db, cipher } = c.var.deps;
    const principal = requirePrincipal(c.var.principal);
    const opened = await readAssessment(db, cipher, principal, c.req.valid('param').id);
    return c.json({ assessment: presentAssessment(opened) }, 200);
  });
}
