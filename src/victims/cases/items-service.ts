import { randomUUID } from 'node:crypto';
import type { Exec } from '../../platform/db/database.ts';
import { type FieldIssue, invalid, notFound } from '../../platform/http/errors.ts';
import type { VictimsContext } from '../service.ts';
import type { RepatriationStep } from '../tables.ts';
import { recordCaseWrite } from './activity.ts';
import { refuseDuplicate } from './duplicates.ts';
import { type ItemFacts, itemProblems } from './item-rules.ts';
import { findOrganisation } from './organisations-repo.ts';
import { findItem, type ItemRow, insertItem, itemsOfPlans, type PlanRow, updateItem } from './plans-repo.ts';
import type { CreateItemInput, UpdateItemInput } from './plans-schema.ts';
import { requirePlan, viewOnePlan } from './plans-service.ts';
import { type StepState, stepConflicts } from './repatriation.ts';
import type { ActivityDetail } from './tables.ts';

// Support-plan items and repatriation steps. The plan row is locked while an item changes, so two
// steps of one plan never change at once and the order rule (repatriation.ts) holds.

const STEP_TAKEN: Record<string, FieldIssue> = {
  support_plan_items_one_step: {
    path: 'repatriationStep',
    code: 'already_recorded',
    message: 'is already recorded in this plan',
  },
};

function refuse(issues: FieldIssue[]): never {
  throw invalid(`Invalid item: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

async function requireProvider(ctx: VictimsContext, tx: Exec, id: string | null | undefined) {
  if (!id || (await findOrganisation(tx, ctx.principal.agencyId, id))) return;
  refuse([
    {
      path: 'providerOrganisationId',
      code: 'unknown_organisation',
      message: 'no such organisation in your agency',
    },
  ]);
}

/** The order rule over the plan's steps as they will be after this change. */
async function checkStepOrder(
  tx: Exec,
  plan: PlanRow,
  itemId: string,
  facts: ItemFacts & { step: RepatriationStep },
) {
  const steps = new Map<RepatriationStep, StepState>();
  for (const i of await itemsOfPlans(tx, [plan.id])) {
    if (i.repatriation_step && i.id !== itemId) {
      steps.set(i.repatriation_step, { status: i.status, notNeeded: i.not_needed });
    }
  }
  steps.set(facts.step, { status: facts.status, notNeeded: facts.notNeeded });
  const conflicts = stepConflicts(steps, facts.step);
  if (conflicts.length === 0) return;
  // Each field names a step by its code (`repatriation.<step>`), so a client can say it in its
  // reader's language instead of showing the English message.
  throw invalid(
    `Repatriation steps are completed in order: ${conflicts.map((c) => c.message).join('; ')}.`,
    conflicts.map((c) => ({ path: `repatriation.${c.step}`, code: c.code, message: c.message })),
    { status: 409, code: 'step_order' },
  );
}

function itemDetail(planId: string, f: ItemFacts, extra: ActivityDetail): ActivityDetail {
  return {
    planId,
    kind: f.kind,
    repatriationStep: f.repatriationStep,
    status: f.status,
    notNeeded: f.notNeeded,
    ...extra,
  };
}

export async function addItem(ctx: VictimsContext, planId: string, input: CreateItemInput) {
  return refuseDuplicate(STEP_TAKEN, () =>
    ctx.db.transaction().execute(async (tx) => {
      const plan = await requirePlan(ctx, tx, planId, { forUpdate: true });
      await requireProvider(ctx, tx, input.providerOrganisationId);
      const notNeeded = input.notNeeded ?? false;
      const facts: ItemFacts = {
        kind: input.kind,
        repatriationStep: input.repatriationStep ?? null,
        status: input.status ?? (notNeeded ? 'cancelled' : 'planned'),
        notNeeded,
        startDate: input.startDate ?? null,
        dueDate: input.dueDate ?? null,
        endDate: input.endDate ?? null,
      };
      const problems = itemProblems(facts);
      if (problems.length > 0) refuse(problems);
      const id = randomUUID();
      if (input.repatriationStep)
        await checkStepOrder(tx, plan, id, { ...facts, step: input.repatriationStep });
      const values = {
        id,
        agency_id: ctx.principal.agencyId,
        plan_id: planId,
        kind: input.kind,
        repatriation_step: input.repatriationStep ?? null,
        status: facts.status,
        not_needed: notNeeded,
        provider_organisation_id: input.providerOrganisationId ?? null,
        provider_name: input.providerName ?? null,
        start_date: facts.startDate,
        due_date: facts.dueDate,
        end_date: facts.endDate,
        created_by: ctx.principal.userId,
      };
      await insertItem(tx, values);
      await recordCaseWrite(tx, ctx, {
        caseId: plan.case_id,
        action: 'support_item.create',
        recordType: 'support_plan_item',
        recordId: id,
        personId: plan.person_id,
        change: values,
        detail: itemDetail(planId, facts, {
          providerOrganisationId: values.provider_organisation_id,
          startDate: facts.startDate,
          dueDate: facts.dueDate,
          endDate: facts.endDate,
        }),
      });
      return viewOnePlan(ctx, tx, planId);
    }),
  );
}

/** Status follows "not needed": marking makes it cancelled, unmarking makes it planned (unless given). */
function nextStatus(stored: ItemRow, input: UpdateItemInput) {
  if (input.status !== undefined) return input.status;
  if (input.notNeeded === true) return 'cancelled';
  if (input.notNeeded === false && stored.not_needed) return 'planned';
  return stored.status;
}

export async function changeItem(ctx: VictimsContext, itemId: string, input: UpdateItemInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const found = await findItem(tx, ctx.principal.agencyId, itemId);
    if (!found) throw notFound('The support-plan item');
    const what = 'The support-plan item';
    const plan = await requirePlan(ctx, tx, found.plan_id, { forUpdate: true, what });
    // Read again under the plan's lock: another change may have committed meanwhile.
    const stored = await findItem(tx, ctx.principal.agencyId, itemId);
    if (!stored) throw notFound(what);
    await requireProvider(ctx, tx, input.providerOrganisationId);
    const pick = <T>(given: T | null | undefined, kept: T | null) => (given === undefined ? kept : given);
    const facts: ItemFacts = {
      kind: stored.kind,
      repatriationStep: stored.repatriation_step,
      status: nextStatus(stored, input),
      notNeeded: input.notNeeded ?? stored.not_needed,
      startDate: pick(input.startDate, stored.start_date),
      dueDate: pick(input.dueDate, stored.due_date),
      endDate: pick(input.endDate, stored.end_date),
    };
    const problems = itemProblems(facts);
    if (problems.length > 0) refuse(problems);
    if (stored.repatriation_step)
      await checkStepOrder(tx, plan, itemId, { ...facts, step: stored.repatriation_step });
    const changes = {
      status: facts.status,
      not_needed: facts.notNeeded,
      provider_organisation_id: input.providerOrganisationId,
      provider_name: input.providerName,
      start_date: input.startDate,
      due_date: input.dueDate,
      end_date: input.endDate,
    };
    await updateItem(tx, itemId, changes);
    const given: ActivityDetail = {};
    for (const key of ['providerOrganisationId', 'startDate', 'dueDate', 'endDate'] as const) {
      const value = input[key];
      if (value !== undefined) given[key] = value;
    }
    if (input.providerName !== undefined) given.providerNameChanged = true;
    await recordCaseWrite(tx, ctx, {
      caseId: plan.case_id,
      action: 'support_item.update',
      recordType: 'support_plan_item',
      recordId: itemId,
      personId: plan.person_id,
      change: { from: stored, changes },
      detail: itemDetail(plan.id, facts, given),
    });
    return viewOnePlan(ctx, tx, plan.id);
  });
}
