import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../platform/http/context.ts';
import { requirePrincipal } from '../platform/http/errors.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../platform/http/fields.ts';
import type { Router } from '../platform/http/router.ts';
import { decideReferral, readShared, recordStatus } from './incoming-service.ts';
import { createReferral, sendReferral, shareAssessment } from './outgoing-service.ts';
import { referralPolicy as policy } from './policy.ts';
import {
  presentRecipientAgencies,
  presentReferral,
  presentReferralSummary,
  presentShared,
} from './presenters.ts';
import {
  listAgencyReferrals,
  listRecipients,
  type ReferralDetail,
  readReferral,
  recipientAgencies,
} from './read-service.ts';
import { createReferralBody, decisionBody, listQuery, statusInputBody } from './schema.ts';

const tags = ['referrals'];
const more = {
  404: { description: 'Not found', content: errorResponses[400].content },
  409: { description: 'Not possible in its state, or not consented', content: errorResponses[400].content },
};
const referralSchema = z.looseObject({ id: z.string(), status: z.string(), direction: z.string() });
const one = z.object({ referral: referralSchema });
const route = <M extends 'get' | 'post'>(method: M, path: string, summary: string, extra: object = {}) =>
  ({ tags, method, path, summary, ...extra }) as const;

const listRoute = createRoute({
  ...route('get', '/api/referrals', 'Outgoing or incoming referrals of your agency, newest first'),
  request: { query: listQuery },
  responses: {
    200: jsonResponse(z.object({ referrals: z.array(referralSchema) }), 'The referrals'),
    ...errorResponses,
  },
});
const recipientsRoute = createRoute({
  ...route('get', '/api/referrals/recipients', 'The active peer nodes a referral can go to'),
  responses: {
    200: jsonResponse(
      z.object({
        recipients: z.array(z.object({ peerId: z.string(), country: z.string(), name: z.string() })),
      }),
      'The peers',
    ),
    ...errorResponses,
  },
});
const agenciesRoute = createRoute({
  ...route(
    'get',
    '/api/referrals/recipients/{id}/agencies',
    "An active peer's agencies, asked of that peer now (signed); or why they could not be had",
  ),
  request: { params: idParam },
  responses: {
    200: jsonResponse(
      z.discriminatedUnion('available', [
        z.object({
          peerId: z.string(),
          country: z.string(),
          available: z.literal(true),
          agencies: z.array(z.object({ id: z.string(), name: z.string() })),
          fetchedAt: z.string(),
        }),
        z.object({
          peerId: z.string(),
          country: z.string(),
          available: z.literal(false),
          reason: z.enum(['unreachable', 'refused', 'invalid']),
          message: z.string(),
        }),
      ]),
      "The peer's agencies, or why not (the name may then be typed)",
    ),
    ...errorResponses,
    404: more[404],
  },
});
const createRoute_ = createRoute({
  ...route('post', '/api/referrals', 'Draft a referral of a person to an agency of a peer country'),
  request: jsonBody(createReferralBody),
  responses: { 201: jsonResponse(one, 'Drafted'), ...errorResponses, ...more },
});
const readRoute = createRoute({
  ...route(
    'get',
    '/api/referrals/{id}',
    'A referral with its timeline, receipts and (drafts) consent preview',
  ),
  request: { params: idParam },
  responses: { 200: jsonResponse(one, 'The referral'), ...errorResponses, ...more },
});
const sendRoute = createRoute({
  ...route('post', '/api/referrals/{id}/send', 'Send a draft: only the data categories consent allows leave'),
  request: { params: idParam },
  responses: { 200: jsonResponse(one, 'Sent'), ...errorResponses, ...more },
});
const assessmentRoute = createRoute({
  ...route(
    'post',
    '/api/referrals/{id}/share-assessment',
    "Share the person's latest identification assessment",
  ),
  request: { params: idParam },
  responses: { 200: jsonResponse(one, 'Shared'), ...errorResponses, ...more },
});
const decisionRoute = createRoute({
  ...route('post', '/api/referrals/{id}/decision', 'Accept or decline an incoming referral, with a reason'),
  request: { params: idParam, ...jsonBody(decisionBody) },
  responses: { 200: jsonResponse(one, 'Decided'), ...errorResponses, ...more },
});
const statusRoute = createRoute({
  ...route(
    'post',
    '/api/referrals/{id}/status',
    'Record a repatriation step, a reintegration update, completion or closure',
  ),
  request: { params: idParam, ...jsonBody(statusInputBody) },
  responses: { 200: jsonResponse(one, 'Recorded'), ...errorResponses, ...more },
});
const sharedRoute = createRoute({
  ...route(
    'get',
    '/api/referrals/{id}/shared',
    'The personal data an incoming referral shared (audited; the sender gets a receipt)',
  ),
  request: { params: idParam },
  responses: {
    200: jsonResponse(z.object({ shared: z.looseObject({ purged: z.boolean() }) }), 'The shared data'),
    ...errorResponses,
    ...more,
  },
});

const slaOf = (c: Context<AppEnv>) => ({
  ackHours: c.var.deps.config.referralAckHours,
  decisionHours: c.var.deps.config.referralDecisionHours,
});
const detail = (c: Context<AppEnv>, d: ReferralDetail) =>
  presentReferral(c.var.deps.cipher, d.referral, d, slaOf(c), new Date());

export function registerReferralRoutes(router: Router): void {
  router.openapi(listRoute, policy['referrals.read'], async (c) => {
    const rows = await listAgencyReferrals(
      c.var.deps,
      requirePrincipal(c.var.principal),
      c.req.valid('query'),
    );
    const now = new Date();
    return c.json({ referrals: rows.map((r) => presentReferralSummary(r, slaOf(c), now)) }, 200);
  });

  router.openapi(recipientsRoute, policy['referrals.read'], async (c) => {
    const peers = await listRecipients(c.var.deps);
    return c.json(
      { recipients: peers.map((p) => ({ peerId: p.id, country: p.country, name: p.name })) },
      200,
    );
  });

  router.openapi(agenciesRoute, policy['referrals.write'], async (c) => {
    const { peer, directory } = await recipientAgencies(c.var.deps, c.req.valid('param').id);
    return c.json(presentRecipientAgencies(peer, directory), 200);
  });

  router.openapi(createRoute_, policy['referrals.write'], async (c) => {
    const actor = requirePrincipal(c.var.principal);
    const row = await createReferral(c.var.deps, actor, c.req.valid('json'));
    return c.json({ referral: detail(c, await readReferral(c.var.deps, actor, row.id)) }, 201);
  });

  router.openapi(readRoute, policy['referrals.read'], async (c) => {
    const d = await readReferral(c.var.deps, requirePrincipal(c.var.principal), c.req.valid('param').id);
    return c.json({ referral: detail(c, d) }, 200);
  });

  router.openapi(sendRoute, policy['referrals.write'], async (c) => {
    const actor = requirePrincipal(c.var.principal);
    const { id } = c.req.valid('param');
    await sendReferral(c.var.deps, actor, id);
    return c.json({ referral: detail(c, await readReferral(c.var.deps, actor, id)) }, 200);
  });

  router.openapi(assessmentRoute, policy['referrals.write'], async (c) => {
    const actor = requirePrincipal(c.var.principal);
    const { id } = c.req.valid('param');
    await shareAssessment(c.var.deps, actor, id);
    return c.json({ referral: detail(c, await readReferral(c.var.deps, actor, id)) }, 200);
  });

  router.openapi(decisionRoute, policy['referrals.write'], async (c) => {
    const actor = requirePrincipal(c.var.principal);
    const { id } = c.req.valid('param');
    await decideReferral(c.var.deps, actor, id, c.req.valid('json'));
    return c.json({ referral: detail(c, await readReferral(c.var.deps, actor, id)) }, 200);
  });

  router.openapi(statusRoute, policy['referrals.write'], async (c) => {
    const actor = requirePrincipal(c.var.principal);
    const { id } = c.req.valid('param');
    await recordStatus(c.var.deps, actor, id, c.req.valid('json'));
    return c.json({ referral: detail(c, await readReferral(c.var.deps, actor, id)) }, 200);
  });

  router.openapi(sharedRoute, policy['referrals.read_shared'], async (c) => {
    const shared = await readShared(c.var.deps, requirePrincipal(c.var.principal), c.req.valid('param').id);
    return c.json({ shared: presentShared(shared) }, 200);
  });
}
