import { type Narrative, narrativeValue } from './narrative.ts';
import { type PersonRefs, presentPersonRef } from './person-refs.ts';
import type { ItemRow, PlanRow } from './plans-repo.ts';
import { REPATRIATION_STEPS } from './repatriation.ts';

// A support plan as the API shows it: its items, and the repatriation steps in order. The
// narratives only when opened for this reader; the person as a reference for this reader's view.

export type ViewedPlan = { row: PlanRow; objectives: Narrative; actionPlan: Narrative; items: ItemRow[] };

export function presentItem(i: ItemRow) {
  return {
    id: i.id,
    kind: i.kind,
    repatriationStep: i.repatriation_step,
    status: i.status,
    notNeeded: i.not_needed,
    providerOrganisationId: i.provider_organisation_id,
    providerName: i.provider_name,
    startDate: i.start_date,
    dueDate: i.due_date,
    endDate: i.end_date,
    createdAt: i.created_at.toISOString(),
    updatedAt: i.updated_at.toISOString(),
  };
}

export function presentPlan(p: ViewedPlan, persons: PersonRefs) {
  return {
    id: p.row.id,
    caseId: p.row.case_id,
    person: presentPersonRef(persons, p.row.person_id),
    externalId: p.row.external_id,
    type: p.row.type,
    objectives: narrativeValue(p.objectives),
    objectivesStatus: p.objectives.status,
    actionPlan: narrativeValue(p.actionPlan),
    actionPlanStatus: p.actionPlan.status,
    plannedEndDate: p.row.planned_end_date,
    actualEndDate: p.row.actual_end_date,
    items: p.items.map(presentItem),
    repatriation: REPATRIATION_STEPS.map((step, position) => {
      const item = p.items.find((i) => i.repatriation_step === step);
      return { step, position: position + 1, item: item ? presentItem(item) : null };
    }),
    createdAt: p.row.created_at.toISOString(),
    updatedAt: p.row.updated_at.toISOString(),
  };
}
