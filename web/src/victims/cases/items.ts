import { ApiError } from '../../api.ts';
import type { ItemChange, NewItem } from './api.ts';
import { type ItemKind, type ItemStatus, itemStatuses, type PlanItem } from './schema.ts';

// Pure rules of the plan board (src/victims/cases/README.md decides): the moves a card offers, the
// body of a new item, and a refusal of the repatriation order said as steps, not as codes.

/** A card's move: to a status, or (a repatriation step only) to "not needed". */
export type ItemMove = { to: ItemStatus | 'not_needed'; change: ItemChange };

// The status moves, in the order of work.
const statusMoves: Record<ItemStatus, readonly ItemStatus[]> = {
  planned: ['in_progress', 'done', 'cancelled'],
  in_progress: ['done', 'planned', 'cancelled'],
  done: ['in_progress'],
  cancelled: ['planned'],
};

/**
 * The moves a card offers. A repatriation step not done yet may be marked not needed (the server
 * makes it cancelled; it then holds back no later step); one marked so goes back to planned by
 * unmarking it, since a step marked not needed cannot take another status.
 */
export function itemMoves(item: PlanItem, today: string): ItemMove[] {
  if (item.notNeeded) return [{ to: 'planned', change: { notNeeded: false } }];
  const moves: ItemMove[] = statusMoves[item.status].map((to) => ({
    to,
    change: to === 'done' && !item.endDate ? { status: to, endDate: today } : { status: to },
  }));
  if (item.repatriationStep && item.status !== 'done') {
    moves.push({ to: 'not_needed', change: { notNeeded: true } });
  }
  return moves;
}

export type ItemForm = {
  kind: ItemKind;
  step: string;
  status: string;
  notNeeded: boolean;
  providerName: string;
  startDate: string;
  dueDate: string;
};

/** What the form sends: a step marked not needed carries no status (the server makes it cancelled). */
export function newItemBody(form: ItemForm): NewItem {
  const step = form.kind === 'repatriation' ? form.step : '';
  const notNeeded = step !== '' && form.notNeeded;
  return {
    kind: form.kind,
    ...(step && { repatriationStep: step }),
    ...(notNeeded
      ? { notNeeded: true }
      : { status: itemStatuses.find((s) => s === form.status) ?? 'planned' }),
    ...(form.providerName.trim() && { providerName: form.providerName.trim() }),
    ...(form.startDate && { startDate: form.startDate }),
    ...(form.dueDate && { dueDate: form.dueDate }),
  };
}

/** Steps that stand in the way of a change: earlier ones not done nor not needed, later ones done. */
export type StepOrderRefusal = { earlier: string[]; later: string[] };

/**
 * The steps a 409 `step_order` names (fields `repatriation.<step>`), split around the step that was
 * changed, in the plan's order; null for any other error, or one naming no step this plan knows.
 */
export function stepOrderRefusal(
  error: unknown,
  steps: readonly string[],
  changed: string | null | undefined,
): StepOrderRefusal | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'step_order') return null;
  const at = changed ? steps.indexOf(changed) : -1;
  const prefix = 'repatriation.';
  const named = new Set(
    error.fields.filter((f) => f.path.startsWith(prefix)).map((f) => f.path.slice(prefix.length)),
  );
  const blocking = steps.filter((step) => named.has(step));
  if (blocking.length === 0) return null;
  return {
    earlier: blocking.filter((step) => steps.indexOf(step) < at),
    later: blocking.filter((step) => steps.indexOf(step) > at),
  };
}
