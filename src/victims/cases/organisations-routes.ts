import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { presentOrganisation } from './organisations-presenters.ts';
import {
  createOrganisationBody,
  organisationList,
  organisationResult,
  organisationsQuery,
  updateOrganisationBody,
} from './organisations-schema.ts';
import {
  changeOrganisation,
  createOrganisation,
  listAgencyOrganisations,
  readOrganisation,
} from './organisations-service.ts';
import { caseManagementPolicy as policy } from './policy.ts';
import { conflict, notFound, tags } from './route-kit.ts';

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/organisations',
  summary: "Your agency's organisations (providers, places), by name",
  request: { query: organisationsQuery },
  responses: { 200: jsonResponse(organisationList, 'A page of organisations'), ...errorResponses },
});
const createOrgRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/organisations',
  summary: 'Register an organisation (HTCDS org_)',
  request: jsonBody(createOrganisationBody),
  responses: { 201: jsonResponse(organisationResult, 'Registered'), ...errorResponses, ...conflict },
});
const readRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/organisations/{id}',
  request: { params: idParam },
  responses: { 200: jsonResponse(organisationResult, 'The organisation'), ...errorResponses, ...notFound },
});
const updateRoute = createRoute({
  tags,
  method: 'patch',
  path: '/api/victims/organisations/{id}',
  summary: 'Change an organisation; null clears a field',
  request: { params: idParam, ...jsonBody(updateOrganisationBody) },
  responses: { 200: jsonResponse(organisationResult, 'Changed'), ...errorResponses, ...notFound },
});

export function registerOrganisationRoutes(router: Router): void {
  router.openapi(listRoute, policy['victims.organisations.read'], async (c) => {
    const page = await listAgencyOrganisations(victimsContext(c), c.req.valid('query'));
    return c.json(
      { organisations: page.organisations.map(presentOrganisation), nextCursor: page.nextCursor },
      200,
    );
  });
  router.openapi(createOrgRoute, policy['victims.organisations.write'], async (c) => {
    const row = await createOrganisation(victimsContext(c), c.req.valid('json'));
    return c.json({ organisation: presentOrganisation(row) }, 201);
  });
  router.openapi(readRoute, policy['victims.organisations.read'], async (c) => {
    const row = await readOrganisation(victimsContext(c), c.req.valid('param').id);
    return c.json({ organisation: presentOrganisation(row) }, 200);
  });
  router.openapi(updateRoute, policy['victims.organisations.write'], async (c) => {
    const row = await changeOrganisation(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ organisation: presentOrganisation(row) }, 200);
  });
}
