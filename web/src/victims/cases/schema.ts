import * as z from 'zod/mini';

// Case-management answers (src/victims/cases/*-schema.ts on the server): support plans and the
// timeline.

export const itemKinds = [
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
export type ItemKind = (typeof itemKinds)[number];
export const itemStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ItemStatus = (typeof itemStatuses)[number];

const str = z.nullish(z.string());

export const personRef = z.object({
  id: z.string(),
  pseudonym: z.string(),
  view: z.enum(['identity', 'pseudonym']),
  name: str,
});
export type PersonRef = z.infer<typeof personRef>;

export const planItem = z.object({
  id: z.string(),
  kind: z.enum(itemKinds),
  repatriationStep: str,
  status: z.enum(itemStatuses),
  notNeeded: z._default(z.boolean(), false),
  providerName: str,
  startDate: str,
  dueDate: str,
  endDate: str,
});
export type PlanItem = z.infer<typeof planItem>;

export const plan = z.object({
  id: z.string(),
  caseId: z.string(),
  person: personRef,
  type: str,
  objectives: str,
  objectivesStatus: z.enum(['shown', 'withheld', 'tampered']),
  plannedEndDate: str,
  actualEndDate: str,
  items: z.array(planItem),
  repatriation: z.array(z.object({ step: z.string(), position: z.number(), item: z.nullable(planItem) })),
});
export type Plan = z.infer<typeof plan>;
export const planAnswer = z.object({ plan });
export const planList = z.object({ plans: z.array(plan) });

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  source: z.string(),
  type: z.string(),
  actor: z.nullable(z.object({ id: z.nullable(z.string()), username: z.nullable(z.string()) })),
  person: z.nullable(personRef),
  recordType: z.string(),
  recordId: z.string(),
  detail: z.record(z.string(), detailValue),
  text: z.nullish(z.string()),
  textStatus: z.optional(z.enum(['shown', 'withheld', 'tampered'])),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;
export const timelinePage = z.object({
  entries: z.array(timelineEntry),
  users: z.record(z.string(), z.object({ username: z.string(), displayName: z.string() })),
  nextCursor: z.nullable(z.string()),
});
export type TimelinePage = z.infer<typeof timelinePage>;
