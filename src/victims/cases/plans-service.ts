import { randomUUID } from 'node:crypto';
import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import type { Exec } from '../../platform/db/database.ts';
import { conflict, invalid, notFound } from '../../platform/http/errors.ts';
import { findCase } from '../case-repo.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { maySeeCaseNarratives } from '../policy.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { maySeeCase, requireVisibleCase } from './access.ts';
import { recordCaseRead, recordCaseWrite } from './activity.ts';
import { EXTERNAL_ID_TAKEN, refuseDuplicate } from './duplicates.ts';
import { openNarrative } from './narrative.ts';
import { loadPersonRefs, type PersonRefs } from './person-refs.ts';
import type { ViewedPlan } from './plans-presenters.ts';
import {
  findPlan,
  findPlanOf,
  insertPlan,
  isLinkedPerson,
  itemsOfPlans,
  listCasePlans,
  type PlanRow,
  updatePlan,
} from './plans-repo.ts';
import type { CreatePlanInput, UpdatePlanInput } from './plans-schema.ts';
import type { ActivityDetail } from './tables.ts';

// Support plans (HTCDS spl_): one per case–person. Items are in items-service.ts.

const NARRATIVES = [
  ['objectives', 'objectives_enc'],
  ['actionPlan', 'action_plan_enc'],
] as const;

export type PlansView = { plans: ViewedPlan[]; persons: PersonRefs };

/** The plan's case, if this reader may see it; else the plan is "not found". */
export async function requirePlan(
  ctx: VictimsContext,
  tx: Exec,
  planId: string,
  options: { forUpdate?: boolean; what?: string } = {},
) {
  const plan = await findPlan(tx, ctx.principal.agencyId, planId, options);
  const caseRow = plan && (await findCase(tx, ctx.principal.agencyId, plan.case_id));
  if (!plan || !caseRow || !(await maySeeCase(tx, ctx.principal, caseRow))) {
    throw notFound(options.what ?? 'The support plan');
  }
  return plan;
}

function tamperEvents(ctx: VictimsContext, plans: readonly ViewedPlan[]): AuditEvent[] {
  return plans.flatMap((p) => {
    const tampered = NARRATIVES.filter(([key]) => p[key].status === 'tampered').map(([key]) => key);
    if (tampered.length === 0) return [];
    return [
      {
        actor: actorOf(ctx.principal),
        action: 'support_plan.tamper_detected',
        recordType: 'support_plan',
        recordId: p.row.id,
        change: { tampered },
      },
    ];
  });
}

/** Plans with their items, narratives opened for this reader, persons as references (audited). */
export async function viewPlans(ctx: VictimsContext, tx: Exec, rows: readonly PlanRow[]): Promise<PlansView> {
  const items = await itemsOfPlans(
    tx,
    rows.map((r) => r.id),
  );
  const allowed = maySeeCaseNarratives(ctx.principal.roles);
  const plans = rows.map((row) => {
    const open = (column: string, sealed: string | null) =>
      openNarrative(ctx.cipher, allowed, { table: 'support_plans', column, id: row.id }, sealed);
    return {
      row,
      objectives: open('objectives_enc', row.objectives_enc),
      actionPlan: open('action_plan_enc', row.action_plan_enc),
      items: items.filter((i) => i.plan_id === row.id),
    };
  });
  await appendAuditBatch(tx, tamperEvents(ctx, plans));
  const persons = await loadPersonRefs(
    ctx,
    tx,
    rows.map((r) => r.person_id),
  );
  return { plans, persons };
}

export async function viewOnePlan(ctx: VictimsContext, tx: Exec, planId: string): Promise<PlansView> {
  const row = await findPlan(tx, ctx.principal.agencyId, planId);
  if (!row) throw new Error('the support plan is missing');
  return viewPlans(ctx, tx, [row]);
}

function sealNarratives(ctx: VictimsContext, id: string, input: UpdatePlanInput) {
  const seal = (column: string, value: string | null | undefined) =>
    value == null ? value : ctx.cipher.encrypt(value, fieldContext('support_plans', column, id));
  return {
    objectives_enc: seal('objectives_enc', input.objectives),
    action_plan_enc: seal('action_plan_enc', input.actionPlan),
  };
}

function planDetail(input: UpdatePlanInput): ActivityDetail {
  const detail: ActivityDetail = {};
  if (input.type !== undefined) detail.type = input.type;
  if (input.plannedEndDate !== undefined) detail.plannedEndDate = input.plannedEndDate;
  if (input.actualEndDate !== undefined) detail.actualEndDate = input.actualEndDate;
  for (const [key] of NARRATIVES) if (input[key] !== undefined) detail[`${key}Changed`] = true;
  return detail;
}

export async function createPlan(ctx: VictimsContext, caseId: string, input: CreatePlanInput) {
  return refuseDuplicate({ support_plans_agency_id_external_id_key: EXTERNAL_ID_TAKEN }, () =>
    ctx.db.transaction().execute(async (tx) => {
      await requireVisibleCase(tx, ctx.principal, caseId, { forUpdate: true });
      if (!(await isLinkedPerson(tx, caseId, input.personId))) {
        throw invalid('Invalid support plan: personId: is not linked to this case', [
          { path: 'personId', code: 'not_linked', message: 'is not linked to this case' },
        ]);
      }
      if (await findPlanOf(tx, caseId, input.personId)) {
        throw conflict('The person already has a support plan in this case.', [
          { path: 'personId', code: 'has_plan', message: 'already has a support plan in this case' },
        ]);
      }
      const id = randomUUID();
      const values = {
        ...sealNarratives(ctx, id, input),
        id,
        agency_id: ctx.principal.agencyId,
        case_id: caseId,
        person_id: input.personId,
        external_id: input.externalId ?? null,
        type: input.type,
        planned_end_date: input.plannedEndDate,
        actual_end_date: input.actualEndDate,
        created_by: ctx.principal.userId,
      };
      await insertPlan(tx, values);
      await recordCaseWrite(tx, ctx, {
        caseId,
        action: 'support_plan.create',
        recordType: 'support_plan',
        recordId: id,
        personId: input.personId,
        change: values,
        detail: planDetail(input),
      });
      return viewOnePlan(ctx, tx, id);
    }),
  );
}

export async function changePlan(ctx: VictimsContext, planId: string, input: UpdatePlanInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const stored = await requirePlan(ctx, tx, planId, { forUpdate: true });
    const changes = {
      ...sealNarratives(ctx, planId, input),
      type: input.type,
      planned_end_date: input.plannedEndDate,
      actual_end_date: input.actualEndDate,
    };
    await updatePlan(tx, planId, changes);
    await recordCaseWrite(tx, ctx, {
      caseId: stored.case_id,
      action: 'support_plan.update',
      recordType: 'support_plan',
      recordId: planId,
      personId: stored.person_id,
      change: { from: stored, changes },
      detail: planDetail(input),
    });
    return viewOnePlan(ctx, tx, planId);
  });
}

export async function readPlan(ctx: VictimsContext, planId: string) {
  return ctx.db.transaction().execute(async (tx) => {
    const plan = await requirePlan(ctx, tx, planId);
    await recordCaseRead(tx, ctx, plan.case_id, 'support_plan.read', { planId });
    return viewOnePlan(ctx, tx, planId);
  });
}

export async function listPlans(ctx: VictimsContext, caseId: string) {
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId);
    const rows = await listCasePlans(tx, caseId);
    await recordCaseRead(tx, ctx, caseId, 'support_plan.list', { plans: rows.map((r) => r.id) });
    return viewPlans(ctx, tx, rows);
  });
}
