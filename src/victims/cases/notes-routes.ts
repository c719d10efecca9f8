import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsContext } from '../routes.ts';
import { presentNote } from './notes-presenters.ts';
import { createNoteBody, noteList, noteResult, notesQuery } from './notes-schema.ts';
import { addNote, listCaseNotes } from './notes-service.ts';
import { caseManagementPolicy as policy } from './policy.ts';
import { notFound, tags } from './route-kit.ts';

const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}/notes',
  summary: "A case's notes, newest first (bodies for caseworkers)",
  request: { params: idParam, query: notesQuery },
  responses: { 200: jsonResponse(noteList, 'A page of notes'), ...errorResponses, ...notFound },
});
const createNoteRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/cases/{id}/notes',
  summary: 'Add a note (HTCDS case comment; encrypted, never edited)',
  request: { params: idParam, ...jsonBody(createNoteBody) },
  responses: { 201: jsonResponse(noteResult, 'Added'), ...errorResponses, ...notFound },
});

export function registerNoteRoutes(router: Router): void {
  router.openapi(listRoute, policy['victims.case_notes.read'], async (c) => {
    const page = await listCaseNotes(victimsContext(c), c.req.valid('param').id, c.req.valid('query'));
    return c.json({ notes: page.notes.map(presentNote), nextCursor: page.nextCursor }, 200);
  });
  router.openapi(createNoteRoute, policy['victims.case_notes.create'], async (c) => {
    const note = await addNote(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ note: presentNote(note) }, 201);
  });
}
