import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { presentEvent } from './events-presenters.ts';
import { createEventBody, eventList, eventResult, updateEventBody } from './events-schema.ts';
import { addEvent, changeEvent, listEvents } from './events-service.ts';
import { caseManagementPolicy as policy } from './policy.ts';
import { conflict, notFound, tags } from './route-kit.ts';

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}/trafficking-events',
  summary: "The trafficking events (HTCDS hte_) of a case's persons, in the order they happened",
  request: { params: idParam },
  responses: { 200: jsonResponse(eventList, 'The events'), ...errorResponses, ...notFound },
});
const createEventRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases/{id}/trafficking-events',
  summary: 'Record where and when recruitment, transit or exploitation happened',
  request: { params: idParam, ...jsonBody(createEventBody) },
  responses: { 201: jsonResponse(eventResult, 'Recorded'), ...errorResponses, ...notFound, ...conflict },
});
const updateRoute = createRoute({
  tags,
  method: 'patch',
  path: '/api/victims/trafficking-events/{id}',
  summary: 'Change an event; null clears a field',
  request: { params: idParam, ...jsonBody(updateEventBody) },
  responses: { 200: jsonResponse(eventResult, 'Changed'), ...errorResponses, ...notFound },
});

export function registerEventRoutes(router: Router): void {
  router.openapi(listRoute, policy['victims.trafficking_events.read'], async (c) => {
    const v = await listEvents(victimsContext(c), c.req.valid('param').id);
    return c.json({ events: v.events.map((e) => presentEvent(e, v.persons)) }, 200);
  });
  router.openapi(createEventRoute, policy['victims.trafficking_events.write'], async (c) => {
    const v = await addEvent(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    const [event] = v.events;
    if (!event) throw new Error('no event to show');
    return c.json({ event: presentEvent(event, v.persons) }, 201);
  });
  router.openapi(updateRoute, policy['victims.trafficking_events.write'], async (c) => {
    const v = await changeEvent(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    const [event] = v.events;
    if (!event) throw new Error('no event to show');
    return c.json({ event: presentEvent(event, v.persons) }, 200);
  });
}
