import { z } from '@hono/zod-openapi';
import { rule, text } from '../../platform/http/fields.ts';
import { isoDate, pick } from '../person-schema.ts';
import { latestToday } from '../rules.ts';
import { REPATRIATION_STEPS } from './repatriation.ts';
import { namesAField } from './route-kit.ts';

// Request and response shapes of support plans (HTCDS spl_) and their items (ours). The item
// picklists equal the catalogue's jar_SupportItemKind / jar_SupportItemStatus (plans.test.ts).

export const ITEM_KINDS = [
  'shelter',
  'medical',
  'psychosocial',
  'legal_aid',
  'interpretation',
  'family_tracing',
  'repatriation',
  'rehabilitation',
  'reintegration',
] as const;
export const ITEM_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;

const notFuture = isoDate.refine((d) => d <= latestToday(), rule('in_future', 'is in the future'));
const narrative = text(8000);

const planFields = {
  type: pick('spl_Type').nullish().openapi({ description: 'spl_Type' }),
  objectives: narrative.nullish().openapi({ description: 'spl_Objectives (encrypted)' }),
  actionPlan: narrative.nullish().openapi({ description: 'spl_ActionPlan (encrypted)' }),
  plannedEndDate: isoDate.nullish(),
  actualEndDate: notFuture.nullish(),
};

export const createPlanBody = z
  .strictObject({ personId: z.uuid(), externalId: text(200).optional(), ...planFields })
  .openapi('CreateSupportPlan');
export type CreatePlanInput = z.infer<typeof createPlanBody>;

export const updatePlanBody = z
  .strictObject(planFields)
  .refine(...namesAField)
  .openapi('UpdateSupportPlan');
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

const itemFields = {
  status: z.enum(ITEM_STATUSES).optional(),
  notNeeded: z.boolean().optional().openapi({ description: 'Repatriation steps only; makes it cancelled' }),
  providerOrganisationId: z.uuid().nullish().openapi({ description: 'An organisation of your agency' }),
  providerName: text(300).nullish(),
  startDate: isoDate.nullish(),
  dueDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
};

export const createItemBody = z
  .strictObject({
    kind: z.enum(ITEM_KINDS),
    repatriationStep: z.enum(REPATRIATION_STEPS).optional(),
    ...itemFields,
  })
  .openapi('CreateSupportPlanItem');
export type CreateItemInput = z.infer<typeof createItemBody>;

export const updateItemBody = z
  .strictObject(itemFields)
  .refine(...namesAField)
  .openapi('UpdateSupportPlanItem');
export type UpdateItemInput = z.infer<typeof updateItemBody>;

const str = z.string().nullable();
const visibility = z.enum(['shown', 'withheld', 'tampered']);

export const personRef = z
  .object({
    id: z.string(),
    pseudonym: z.string(),
    view: z.enum(['identity', 'pseudonym']),
    name: str.optional().openapi({ description: 'Identity view only' }),
  })
  .openapi('PersonRef');

export const itemOut = z
  .object({
    id: z.string(),
    kind: z.enum(ITEM_KINDS),
    repatriationStep: z.enum(REPATRIATION_STEPS).nullable(),
    status: z.enum(ITEM_STATUSES),
    notNeeded: z.boolean(),
    providerOrganisationId: str,
    providerName: str,
    startDate: str,
    dueDate: str,
    endDate: str,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SupportPlanItem');

export const planOut = z
  .object({
    id: z.string(),
    caseId: z.string(),
    person: personRef,
    externalId: str,
    type: str,
    objectives: str,
    actionPlan: str,
    objectivesStatus: visibility.openapi({ description: 'Caseworkers see the narratives' }),
    actionPlanStatus: visibility,
    plannedEndDate: str,
    actualEndDate: str,
    items: z.array(itemOut),
    repatriation: z
      .array(z.object({ step: z.enum(REPATRIATION_STEPS), position: z.number(), item: itemOut.nullable() }))
      .openapi({ description: 'The six steps in order, each with its item if recorded' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SupportPlan');

export const planResult = z.object({ plan: planOut });
export const planList = z.object({ plans: z.array(planOut) });
