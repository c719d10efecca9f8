import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../platform/http/fields.ts';
import type { Router } from '../platform/http/router.ts';
import { presentCase } from './case-presenters.ts';
import { caseListQuery, caseStatusBody, createCaseBody, linkPersonBody } from './case-schema.ts';
import { changeCaseStatus, linkPerson, listVisibleCases, openCase, readCase } from './case-service.ts';
import { victimsPolicy as policy } from './policy.ts';
import { caseList, caseResult } from './responses.ts';
import { victimsContext } from './routes.ts';

const tags = ['victims'];
const errorContent = errorResponses[400].content;
const notFound = { 404: { description: 'No such case in your agency', content: errorContent } };
const conflict = { 409: { description: 'Not possible in the case’s state', content: errorContent } };

const createCaseRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases',
  summary: 'Open a case, optionally with persons',
  request: jsonBody(createCaseBody),
  responses: { 201: jsonResponse(caseResult, 'Opened'), ...errorResponses, ...conflict },
});
const listCasesRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases',
  request: { query: caseListQuery },
  responses: { 200: jsonResponse(caseList, 'A page of cases, newest first'), ...errorResponses },
});
const readCaseRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}',
  request: { params: idParam },
  responses: { 200: jsonResponse(caseResult, 'The case and its persons'), ...errorResponses, ...notFound },
});
const statusRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases/{id}/status',
  summary: 'Move a case through its lifecycle; closing needs a reason',
  request: { params: idParam, ...jsonBody(caseStatusBody) },
  responses: { 200: jsonResponse(caseResult, 'Changed'), ...errorResponses, ...notFound, ...conflict },
});
const linkRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases/{id}/persons',
  summary: 'Link a person to a case',
  request: { params: idParam, ...jsonBody(linkPersonBody) },
  responses: { 201: jsonResponse(caseResult, 'Linked'), ...errorResponses, ...notFound, ...conflict },
});

export function registerCaseRoutes(router: Router): void {
  router.openapi(createCaseRoute, policy['victims.cases.create'], async (c) => {
    const viewed = await openCase(victimsContext(c), c.req.valid('json'));
    return c.json({ case: presentCase(viewed) }, 201);
  });
  router.openapi(listCasesRoute, policy['victims.cases.read'], async (c) => {
    const { cases, nextCursor } = await listVisibleCases(victimsContext(c), c.req.valid('query'));
    return c.json({ cases: cases.map(presentCase), nextCursor }, 200);
  });
  router.openapi(readCaseRoute, policy['victims.cases.read'], async (c) => {
    const viewed = await readCase(victimsContext(c), c.req.valid('param').id);
    return c.json({ case: presentCase(viewed) }, 200);
  });
  router.openapi(statusRoute, policy['victims.cases.update'], async (c) => {
    const viewed = await changeCaseStatus(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ case: presentCase(viewed) }, 200);
  });
  router.openapi(linkRoute, policy['victims.cases.update'], async (c) => {
    const viewed = await linkPerson(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ case: presentCase(viewed) }, 201);
  });
}
