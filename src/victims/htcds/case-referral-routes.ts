import { createRoute } from '@hono/zod-openapi';
import { errorResponses, idParam, jsonBody, jsonResponse } from '../../platform/http/fields.ts';
import type { Router } from '../../platform/http/router.ts';
import { victimsPolicy as policy } from '../policy.ts';
import { victimsContext } from '../routes.ts';
import { presentReferralDetails } from './case-referral-presenters.ts';
import { referralDetailsBody, referralDetailsResult } from './case-referral-schema.ts';
import { readReferralDetails, setReferralDetails } from './case-referral-service.ts';

const tags = ['victims'];
const notFound = {
  404: { description: 'No such case in your agency', content: errorResponses[400].content },
};

const readRoute = createRoute({
  tags,
  method: 'get',
  path: '/api/victims/cases/{id}/referral-details',
  summary: 'The HTCDS Referral Details of a case (cas_ referral fields)',
  request: { params: idParam },
  responses: { 200: jsonResponse(referralDetailsResult, 'The details'), ...errorResponses, ...notFound },
});
const setRoute = createRoute({
  tags,
  method: 'put',
  path: '/api/victims/cases/{id}/referral-details',
  summary: 'Set the HTCDS Referral Details of a case; a field left out is cleared',
  request: { params: idParam, ...jsonBody(referralDetailsBody) },
  responses: { 200: jsonResponse(referralDetailsResult, 'Set'), ...errorResponses, ...notFound },
});

export function registerCaseReferralRoutes(router: Router): void {
  router.openapi(readRoute, policy['victims.cases.read'], async (c) => {
    const viewed = await readReferralDetails(victimsContext(c), c.req.valid('param').id);
    return c.json({ referralDetails: presentReferralDetails(viewed) }, 200);
  });
  router.openapi(setRoute, policy['victims.cases.update'], async (c) => {
    const viewed = await setReferralDetails(victimsContext(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ referralDetails: presentReferralDetails(viewed) }, 200);
  });
}
