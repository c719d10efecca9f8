import type { RepatriationStep, SupportItemStatus } from '../tables.ts';

// Repatriation steps, in order (issue 4 §3; the catalogue's jar_RepatriationStep lists them in this
// order, checked by repatriation.test.ts). The rule: a step may be done only when every earlier
// step is recorded and done or marked not needed. Only completion is ordered: steps may be planned
// or in progress together. Pure.

export const REPATRIATION_STEPS = [
  'nationality_verification',
  'travel_document',
  'family_assessment',
  'travel_arrangements',
  'border_handover',
  'reception_in_origin',
] as const satisfies readonly RepatriationStep[];

export type StepState = { status: SupportItemStatus; notNeeded: boolean };

/** Done or marked not needed: it no longer holds back the later steps. */
const settled = (s: StepState | undefined) => s !== undefined && (s.status === 'done' || s.notNeeded);

export type StepConflict = {
  step: RepatriationStep;
  code: 'step_not_recorded' | 'step_not_done' | 'later_step_done';
  message: string;
};

/**
 * What the plan's steps, after changing `changed`, break of the rule — only the breaches that the
 * change makes (a record imported out of order elsewhere in the plan does not block other work).
 */
export function stepConflicts(
  steps: ReadonlyMap<RepatriationStep, StepState>,
  changed: RepatriationStep,
): StepConflict[] {
  const at = REPATRIATION_STEPS.indexOf(changed);
  const state = steps.get(changed);
  const conflicts: StepConflict[] = [];
  if (state?.status === 'done') {
    for (const earlier of REPATRIATION_STEPS.slice(0, at)) {
      if (settled(steps.get(earlier))) continue;
      conflicts.push(
        steps.has(earlier)
          ? { step: earlier, code: 'step_not_done', message: `${earlier} is not done nor marked not needed` }
          : { step: earlier, code: 'step_not_recorded', message: `${earlier} is not recorded` },
      );
    }
  }
  if (!settled(state)) {
    for (const later of REPATRIATION_STEPS.slice(at + 1)) {
      if (steps.get(later)?.status === 'done') {
        conflicts.push({
          step: later,
          code: 'later_step_done',
          message: `${later}, a later step, is already done`,
        });
      }
    }
  }
  return conflicts;
}
