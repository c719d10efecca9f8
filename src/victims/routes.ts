import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.ts';
import { requirePrincipal } from '../platform/http/errors.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../platform/http/fields.ts';
import type { Router } from '../platform/http/router.ts';
import { registerCaseRoutes } from './case-routes.ts';
import { catalogue } from './catalogue.ts';
import { registerCaseReferralRoutes } from './htcds/case-referral-routes.ts';
import { createPersonBody, personListQuery, updatePersonBody } from './person-schema.ts';
import { victimsPolicy as policy } from './policy.ts';
import { presentPerson, presentPersonSummary } from './presenters.ts';
import { personList, personResult } from './responses.ts';
import {
  changePerson,
  listVisiblePersons,
  readPerson,
  registerPerson,
  type VictimsContext,
} from './service.ts';
import { registerStatisticsRoutes } from './statistics/routes.ts';

const tags = ['victims'];
const errorContent = errorResponses[400].content;
const notFound = { 404: { description: 'No such person in your agency', content: errorContent } };
const conflict = { 409: { description: 'Conflicts with the stored record', content: errorContent } };

export function victimsContext(c: Context<AppEnv>): VictimsContext {
  return { db: c.var.deps.db, cipher: c.var.deps.cipher, principal: requirePrincipal(c.var.principal) };
}

const catalogueField = z.object({
  field: z.string(),
  section: z.string(),
  label: z.string(),
  status: z.string(),
  type: z.string(),
  table: z.string(),
  column: z.string(),
  encrypted: z.boolean(),
  values: z.array(z.string()).optional(),
  extensionValues: z.array(z.string()).optional(),
  codeList: z.object({ standard: z.string(), text: z.string() }).optional(),
  note: z.string().optional(),
});

const catalogueRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/catalogue',
  summary: 'The HTCDS 2.0 field catalogue: every field, its home and picklist values',
  responses: {
    200: jsonResponse(
      z.object({
        version: z.number(),
        licence: z.string(),
        attribution: z.string(),
        fields: z.array(catalogueField),
      }),
      'The catalogue',
    ),
    ...errorResponses,
  },
});
const createRouteDef = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/persons',
  summary: 'Register a person (identity encrypted at rest)',
  request: jsonBody(createPersonBody),
  responses: { 201: jsonResponse(personResult, 'Registered'), ...errorResponses, ...conflict },
});
const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/persons',
  summary: 'Persons of your agency, newest first, or by fuzzy name',
  request: { query: personListQuery },
  responses: { 200: jsonResponse(personList, 'A page of persons'), ...errorResponses },
});
const readRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/persons/{id}',
  request: { params: idParam },
  responses: {
    200: jsonResponse(personResult, 'The person, as you may see it'),
    ...errorResponses,
    ...notFound,
  },
});
const updateRoute = createRoute({
  tags,
  method: 'patch',
  path: '/api/victims/persons/{id}',
  summary: 'Change a person; null clears a field',
  request: { params: idParam, ...jsonBody(updatePersonBody) },
  responses: { 200: jsonResponse(personResult, 'Changed'), ...errorResponses, ...notFound, ...conflict },
});

export function registerVictimsRoutes(router: Router): void {
  router.openapi(catalogueRoute, policy['victims.catalogue.read'], (c) => {
    const cat = catalogue();
    return c.json(
      {
        version: cat.version,
        licence: cat.standard.licence,
        attribution: cat.standard.attribution,
        fields: cat.fields,
      },
      200,
    );
  });
  router.openapi(createRouteDef, policy['victims.persons.create'], async (c) => {
    const v = await registerPerson(victimsContext(c), c.req.valid('json'));
    return c.json({ person: presentPerson(v.record, v.pseudonym, v.opened) }, 201);
  });
  router.openapi(listRoute, policy['victims.persons.read'], async (c) => {
    const { persons, nextCursor } = await listVisiblePersons(victimsContext(c), c.req.valid('query'));
    return c.json(
      { persons: persons.map((v) => presentPersonSummary(v.record, v.pseudonym, v.opened)), nextCursor },
      200,
    );
  });
  router.openapi(readRoute, policy['victims.persons.read'], async (c) => {
    const v = await readPerson(victimsContext(c), c.req.valid('param').id);
    return c.json({ person: presentPerson(v.record, v.pseudonym, v.opened) }, 200);
  });
  router.openapi(updateRoute, policy['victims.persons.update'], async (c) => {
    const v = await changePerson(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ person: presentPerson(v.record, v.pseudonym, v.opened) }, 200);
  });
  registerCaseRoutes(router);
  registerCaseReferralRoutes(router);
  registerStatisticsRoutes(router);
}
