import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { checkRegistration, duplicatesOf } from './candidates.ts';
import { registerMergeRoutes } from './merge-routes.ts';
import { duplicatesPolicy as policy } from './policy.ts';
import { presentCandidate, presentMergedRecords } from './presenters.ts';
import { mergedRecords } from './records.ts';
import { checkBody, checkResult, duplicatesQuery, duplicatesResult, mergedRecordsResult } from './schema.ts';

const tags = ['victims'];
const errorContent = errorResponses[400].content;
const notFound = { 404: { description: 'No such person in your agency', content: errorContent } };

const checkRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/duplicates/check',
  summary: 'Possible duplicates of a registration before it is saved',
  request: jsonBody(checkBody),
  responses: { 200: jsonResponse(checkResult, 'Candidates, most likely first'), ...errorResponses },
});
const personRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/persons/{id}/duplicates',
  summary: 'Possible duplicates of a registered person, with why each matched',
  request: { params: idParam, query: duplicatesQuery },
  responses: {
    200: jsonResponse(duplicatesResult, 'Candidates, most likely first'),
    ...errorResponses,
    ...notFound,
    409: { description: 'The person was merged into another', content: errorContent },
  },
});
const recordsRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/persons/{id}/merged-records',
  summary: 'The person with everyone merged into it: their cases, consents and assessments',
  request: { params: idParam },
  responses: { 200: jsonResponse(mergedRecordsResult, 'The merged group'), ...errorResponses, ...notFound },
});

export function registerDuplicatesRoutes(router: Router): void {
  router.openapi(checkRoute, policy['victims.duplicates.search'], async (c) => {
    const found = await checkRegistration(victimsContext(c), c.req.valid('json'));
    return c.json({ candidates: found.map(presentCandidate) }, 200);
  });
  router.openapi(personRoute, policy['victims.duplicates.search'], async (c) => {
    const { subject, candidates } = await duplicatesOf(
      victimsContext(c),
      c.req.valid('param').id,
      c.req.valid('query').limit,
    );
    const person = { id: subject.record.person.id, pseudonym: subject.pseudonym };
    return c.json({ person, candidates: candidates.map(presentCandidate) }, 200);
  });
  router.openapi(recordsRoute, policy['victims.merges.read'], async (c) => {
    const records = await mergedRecords(victimsContext(c), c.req.valid('param').id);
    return c.json(presentMergedRecords(records), 200);
  });
  registerMergeRoutes(router);
}
