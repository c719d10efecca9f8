import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { caseManagementPolicy as policy } from './policy.ts';
import { conflict, notFound, tags } from './route-kit.ts';
import { presentTeam, presentUser } from './team-presenters.ts';
import { candidatesResult, memberParams, teamResult, userIdBody } from './team-schema.ts';
import { addTeamMember, changeOwner, listCandidates, readTeam, removeTeamMember } from './team-service.ts';

const readRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}/team',
  summary: "A case's owner and team",
  request: { params: idParam },
  responses: { 200: jsonResponse(teamResult, 'The team'), ...errorResponses, ...notFound },
});
const addRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases/{id}/team',
  summary: 'Add a user of your agency to the case team',
  request: { params: idParam, ...jsonBody(userIdBody) },
  responses: { 201: jsonResponse(teamResult, 'Added'), ...errorResponses, ...notFound, ...conflict },
});
const removeRoute = createRoute({
  tags,
  method: 'delete',
  path: '/api/victims/cases/{id}/team/{userId}',
  summary: 'Remove a member (their open tasks must be reassigned first)',
  request: { params: memberParams },
  responses: { 200: jsonResponse(teamResult, 'Removed'), ...errorResponses, ...notFound, ...conflict },
});
const ownerRoute = createRoute({
  tags,
  method: 'put',
  path: '/api/victims/cases/{id}/owner',
  summary: 'Give the case to another caseworker of your agency (cas_CaseOwner)',
  request: { params: idParam, ...jsonBody(userIdBody) },
  responses: { 200: jsonResponse(teamResult, 'Changed'), ...errorResponses, ...notFound },
});
const candidatesRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/case-team/candidates',
  summary: 'Users of your agency who may join a case team',
  responses: { 200: jsonResponse(candidatesResult, 'The users'), ...errorResponses },
});

export function registerTeamRoutes(router: Router): void {
  router.openapi(readRoute, policy['victims.case_team.read'], async (c) => {
    const team = await readTeam(victimsContext(c), c.req.valid('param').id);
    return c.json({ team: presentTeam(team) }, 200);
  });
  router.openapi(addRoute, policy['victims.case_team.update'], async (c) => {
    const team = await addTeamMember(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ team: presentTeam(team) }, 201);
  });
  router.openapi(removeRoute, policy['victims.case_team.update'], async (c) => {
    const { id, userId } = c.req.valid('param');
    const team = await removeTeamMember(victimsContext(c), id, userId);
    return c.json({ team: presentTeam(team) }, 200);
  });
  router.openapi(ownerRoute, policy['victims.case_team.update'], async (c) => {
    const team = await changeOwner(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ team: presentTeam(team) }, 200);
  });
  router.openapi(candidatesRoute, policy['victims.case_team.update'], async (c) => {
    const users = await listCandidates(victimsContext(c));
    return c.json({ users: users.map(presentUser) }, 200);
  });
}
