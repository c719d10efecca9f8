import { createRoute } from '@hono/zod-openapi';
import { HttpError } from '../http/errors.ts';
import { errorResponses, jsonResponse } from '../http/fields.ts';
import type { Router } from '../http/router.ts';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES } from './actions.ts';
import { createCheckpoint, getLatestCheckpoint } from './checkpoint.ts';
import { auditPolicy as policy } from './policy.ts';
import { presentCheckpoint, presentConsistency, presentEntry, presentInclusion } from './presenters.ts';
import { proveConsistency, proveInclusion } from './proofs.ts';
import {
  catalogue,
  checkpointResult,
  consistencyQuery,
  consistencyResult,
  entriesQuery,
  entryList,
  inclusionQuery,
  inclusionResult,
} from './schema.ts';
import { listAuditEntries } from './service.ts';

const tags = ['audit'];
const notFoundResponse = { 404: { description: 'No checkpoint yet', content: errorResponses[400].content } };

const listEntriesRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/audit/entries',
  request: { query: entriesQuery },
  responses: { 200: jsonResponse(entryList, 'Integrated entries, newest first'), ...errorResponses },
});
const catalogueRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/audit/catalogue',
  responses: {
    200: jsonResponse(catalogue, 'Every action and record type an entry can name (to filter entries by)'),
    ...errorResponses,
  },
});
const latestCheckpointRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/audit/checkpoints/latest',
  responses: {
    200: jsonResponse(checkpointResult, 'The latest signed checkpoint'),
    ...errorResponses,
    ...notFoundResponse,
  },
});
const createCheckpointRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/audit/checkpoints',
  responses: {
    201: jsonResponse(checkpointResult, 'Queued entries integrated, then signed'),
    ...errorResponses,
  },
});
const inclusionRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/audit/proofs/inclusion',
  request: { query: inclusionQuery },
  responses: { 200: jsonResponse(inclusionResult, 'RFC 9162 §2.1.3 inclusion proof'), ...errorResponses },
});
const consistencyRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/audit/proofs/consistency',
  request: { query: consistencyQuery },
  responses: { 200: jsonResponse(consistencyResult, 'RFC 9162 §2.1.4 consistency proof'), ...errorResponses },
});

export function registerAuditRoutes(router: Router): void {
  router.openapi(listEntriesRoute, policy['audit.read'], async (c) => {
    const page = await listAuditEntries(c.var.deps.db, c.req.valid('query'));
    return c.json(
      { entries: page.entries.map(presentEntry), treeSize: page.treeSize, nextBefore: page.nextBefore },
      200,
    );
  });
  router.openapi(catalogueRoute, policy['audit.read'], (c) =>
    c.json({ actions: [...AUDIT_ACTIONS], recordTypes: [...AUDIT_RECORD_TYPES] }, 200),
  );
  router.openapi(latestCheckpointRoute, policy['audit.read'], async (c) => {
    const checkpoint = await getLatestCheckpoint(c.var.deps.db);
    if (!checkpoint) throw new HttpError(404, 'not_found', 'No audit checkpoint has been signed yet.');
    return c.json(presentCheckpoint(checkpoint, c.var.deps.node.publicKey), 200);
  });
  router.openapi(createCheckpointRoute, policy['audit.checkpoints.create'], async (c) => {
    const { deps } = c.var;
    const checkpoint = await createCheckpoint(deps);
    return c.json(presentCheckpoint(checkpoint, deps.node.publicKey), 201);
  });
  router.openapi(inclusionRoute, policy['audit.read'], async (c) => {
    const { index, treeSize } = c.req.valid('query');
    return c.json(presentInclusion(await proveInclusion(c.var.deps.db, index, treeSize)), 200);
  });
  router.openapi(consistencyRoute, policy['audit.read'], async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(presentConsistency(await proveConsistency(c.var.deps.db, from, to)), 200);
  });
}
