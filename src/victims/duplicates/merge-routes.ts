import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http/context.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { confirmMerge, listAgencyMerges, proposeMerge, readMerge, rejectMerge, unmerge } from './merges.ts';
import { duplicatesPolicy as policy } from './policy.ts';
import { presentMerge } from './presenters.ts';
import type { MergeRow } from './repo.ts';
import {
  confirmBody,
  mergeList,
  mergeListQuery,
  mergeResult,
  proposeBody,
  rejectBody,
  unmergeBody,
} from './schema.ts';

const tags = ['victims'];
const errorContent = errorResponses[400].content;
const notFound = { 404: { description: 'No such merge or person in your agency', content: errorContent } };
const conflict = {
  409: { description: 'Not in a state that allows this, or a person was merged away', content: errorContent },
};
const stepResponses = {
  200: jsonResponse(mergeResult, 'The merge after this step'),
  ...errorResponses,
  ...notFound,
  ...conflict,
};

const proposeRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/merges',
  summary: 'Propose merging one person into another',
  request: jsonBody(proposeBody),
  responses: { 201: jsonResponse(mergeResult, 'Proposed'), ...errorResponses, ...notFound, ...conflict },
});
const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/merges',
  summary: 'Merges of your agency, newest first',
  request: { query: mergeListQuery },
  responses: { 200: jsonResponse(mergeList, 'Merges'), ...errorResponses },
});
const readRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/merges/{id}',
  request: { params: idParam },
  responses: { 200: jsonResponse(mergeResult, 'The merge'), ...errorResponses, ...notFound },
});
const confirmRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/merges/{id}/confirm',
  summary: 'Confirm a proposed merge (a second caseworker, or the proposer with a note)',
  request: { params: idParam, ...jsonBody(confirmBody) },
  responses: stepResponses,
});
const rejectRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/merges/{id}/reject',
  summary: 'Reject a proposed merge',
  request: { params: idParam, ...jsonBody(rejectBody) },
  responses: stepResponses,
});
const unmergeRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/merges/{id}/unmerge',
  summary: 'Undo a merge: the merged-away person is a live record again',
  request: { params: idParam, ...jsonBody(unmergeBody) },
  responses: stepResponses,
});

const answer = (c: Context<AppEnv>, row: MergeRow) => ({ merge: presentMerge(c.var.deps.cipher, row) });

export function registerMergeRoutes(router: Router): void {
  router.openapi(proposeRoute, policy['victims.merges.propose'], async (c) => {
    return c.json(answer(c, await proposeMerge(victimsContext(c), c.req.valid('json'))), 201);
  });
  router.openapi(listRoute, policy['victims.merges.read'], async (c) => {
    const rows = await listAgencyMerges(victimsContext(c), c.req.valid('query'));
    return c.json({ merges: rows.map((r) => presentMerge(c.var.deps.cipher, r)) }, 200);
  });
  router.openapi(readRoute, policy['victims.merges.read'], async (c) => {
    return c.json(answer(c, await readMerge(victimsContext(c), c.req.valid('param').id)), 200);
  });
  router.openapi(confirmRoute, policy['victims.merges.decide'], async (c) => {
    const row = await confirmMerge(victimsContext(c), c.req.valid('param').id, c.req.valid('json').note);
    return c.json(answer(c, row), 200);
  });
  router.openapi(rejectRoute, policy['victims.merges.decide'], async (c) => {
    const row = await rejectMerge(victimsContext(c), c.req.valid('param').id, c.req.valid('json').note);
    return c.json(answer(c, row), 200);
  });
  router.openapi(unmergeRoute, policy['victims.merges.decide'], async (c) => {
    const row = await unmerge(victimsContext(c), c.req.valid('param').id, c.req.valid('json').reason);
    return c.json(answer(c, row), 200);
  });
}
