import { createRoute, z } from '@hono/zod-openapi';
import { requirePrincipal } from '../../platform/http/errors.ts';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { consentPolicy as policy } from './policy.ts';
import { presentConsent } from './presenters.ts';
import { consentSchema, decisionQuery, decisionSchema, recordConsentBody, withdrawBody } from './schema.ts';
import { askSharing, listPersonConsents, recordConsent, withdrawConsent } from './service.ts';

const tags = ['consent'];
const notFound = { 404: { description: 'Not found', content: errorResponses[400].content } };
const consentResponse = z.object({ consent: consentSchema });

const recordRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/persons/{id}/consents',
  summary: "Record a person's consent for one purpose, data categories and recipient",
  request: { params: idParam, ...jsonBody(recordConsentBody) },
  responses: { 201: jsonResponse(consentResponse, 'Recorded'), ...errorResponses, ...notFound },
});
const listRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/persons/{id}/consents',
  summary: "A person's consents and withdrawals, newest first",
  request: { params: idParam },
  responses: {
    200: jsonResponse(
      z.object({
        consents: z.array(consentSchema),
        mergedInto: z.uuid().nullable().openapi({
          description: 'The person this record was merged into: it takes no new consent (null if live)',
        }),
      }),
      'The consents',
    ),
    ...errorResponses,
    ...notFound,
  },
});
const withdrawRoute = createRoute({
  tags,
  method: 'post',
  path: '/api/victims/consents/{id}/withdraw',
  summary: 'Withdraw a consent, with effect from this moment',
  request: { params: idParam, ...jsonBody(withdrawBody) },
  responses: {
    200: jsonResponse(consentResponse, 'Withdrawn'),
    409: { description: 'Already withdrawn', content: errorResponses[400].content },
    ...errorResponses,
    ...notFound,
  },
});
const decisionRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/persons/{id}/consent-decision',
  summary: 'May this data category go to this recipient for this purpose? (nothing is shared)',
  request: { params: idParam, query: decisionQuery },
  responses: {
    200: jsonResponse(z.object({ decision: decisionSchema }), 'The decision and its reason'),
    ...errorResponses,
    ...notFound,
  },
});

export function registerConsentRoutes(router: Router): void {
  router.openapi(recordRoute, policy['victims.consent.record'], async (c) => {
    const { db, cipher } = c.var.deps;
    const principal = requirePrincipal(c.var.principal);
    const opened = await recordConsent(db, cipher, principal, c.req.valid('param').id, c.req.valid('json'));
    return c.json({ consent: presentConsent(opened, new Date()) }, 201);
  });

  router.openapi(listRoute, policy['victims.consent.read'], async (c) => {
    const { db, cipher } = c.var.deps;
    const principal = requirePrincipal(c.var.principal);
    const { consents, mergedInto } = await listPersonConsents(db, cipher, principal, c.req.valid('param').id);
    const now = new Date();
    return c.json({ consents: consents.map((o) => presentConsent(o, now)), mergedInto }, 200);
  });

  router.openapi(withdrawRoute, policy['victims.consent.withdraw'], async (c) => {
    const { db, cipher, node } = c.var.deps;
    const principal = requirePrincipal(c.var.principal);
    const opened = await withdrawConsent(
      db,
      cipher,
      principal,
      c.req.valid('param').id,
      c.req.valid('json'),
      {
        node,
      },
    );
    // At least the withdrawal's own instant (database clock), so the answer says "withdrawn".
    const now = Math.max(Date.now(), opened.withdrawal?.withdrawn_at.getTime() ?? 0);
    return c.json({ consent: presentConsent(opened, new Date(now)) }, 200);
  });

  router.openapi(decisionRoute, policy['victims.consent.decide'], async (c) => {
    const { db, cipher } = c.var.deps;
    const q = c.req.valid('query');
    const answer = await askSharing(db, cipher, requirePrincipal(c.var.principal), {
      personId: c.req.valid('param').id,
      purpose: q.purpose,
      category: q.category,
      recipient: { country: q.country, agency: q.agency ?? null },
      at: q.at === undefined ? undefined : new Date(q.at),
    });
    return c.json({ decision: { ...answer, at: answer.at.toISOString() } }, 200);
  });
}
