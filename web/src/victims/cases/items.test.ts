import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.ts';
import { type ItemForm, itemMoves, newItemBody, stepOrderRefusal } from './items.ts';
import type { PlanItem } from './schema.ts';

const step: PlanItem = {
  id: 'i1',
  kind: 'repatriation',
  repatriationStep: 'family_assessment',
  status: 'planned',
  notNeeded: false,
  providerName: null,
  startDate: null,
  dueDate: null,
  endDate: null,
};
const shelter: PlanItem = { ...step, kind: 'shelter', repatriationStep: null };
const today = '2025-03-01';

describe('itemMoves', () => {
  it('offers "not needed" for a repatriation step not done yet, and only there', () => {
    expect(itemMoves(step, today)).toContainEqual({ to: 'not_needed', change: { notNeeded: true } });
    expect(itemMoves({ ...step, status: 'in_progress' }, today).map((m) => m.to)).toContain('not_needed');
    expect(itemMoves({ ...step, status: 'done' }, today).map((m) => m.to)).not.toContain('not_needed');
    expect(itemMoves(shelter, today).map((m) => m.to)).not.toContain('not_needed');
  });

  it('brings a step marked not needed back by unmarking it, not by a status it cannot take', () => {
    expect(itemMoves({ ...step, status: 'cancelled', notNeeded: true }, today)).toEqual([
      { to: 'planned', change: { notNeeded: false } },
    ]);
  });

  it('ends an item done today unless it has an end date', () => {
    expect(itemMoves(shelter, today)[1]).toEqual({ to: 'done', change: { status: 'done', endDate: today } });
    const ended = itemMoves({ ...shelter, endDate: '2025-02-01' }, today);
    expect(ended[1]).toEqual({ to: 'done', change: { status: 'done' } });
  });
});

describe('newItemBody', () => {
  const form: ItemForm = {
    kind: 'repatriation',
    step: 'family_assessment',
    status: 'planned',
    notNeeded: false,
    providerName: ' IOM ',
    startDate: '',
    dueDate: '2025-04-01',
  };

  it('sends a step marked not needed without a status', () => {
    expect(newItemBody({ ...form, notNeeded: true })).toEqual({
      kind: 'repatriation',
      repatriationStep: 'family_assessment',
      notNeeded: true,
      providerName: 'IOM',
      dueDate: '2025-04-01',
    });
    expect(newItemBody(form)).toMatchObject({ status: 'planned' });
  });

  it('marks nothing not needed but a repatriation step', () => {
    expect(newItemBody({ ...form, kind: 'shelter', notNeeded: true })).toEqual({
      kind: 'shelter',
      status: 'planned',
      providerName: 'IOM',
      dueDate: '2025-04-01',
    });
  });
});

describe('stepOrderRefusal', () => {
  const steps = [
    'nationality_verification',
    'travel_document',
    'family_assessment',
    'travel_arrangements',
    'border_handover',
    'reception_in_origin',
  ];
  const refusal = (...named: string[]) =>
    new ApiError(
      409,
      'step_order',
      'Repatriation steps are completed in order: …',
      named.map((s) => ({ path: `repatriation.${s}`, message: `${s} is not recorded` })),
    );

  it('names the steps that hold a step back, in order, as step codes to translate', () => {
    expect(
      stepOrderRefusal(refusal('travel_document', 'family_assessment'), steps, 'border_handover'),
    ).toEqual({ earlier: ['travel_document', 'family_assessment'], later: [] });
  });

  it('names the later steps already done when an earlier one would leave done', () => {
    expect(stepOrderRefusal(refusal('travel_arrangements'), steps, 'travel_document')).toEqual({
      earlier: [],
      later: ['travel_arrangements'],
    });
  });

  it('is null for other errors', () => {
    expect(stepOrderRefusal(new ApiError(409, 'conflict', 'taken'), steps, 'travel_document')).toBeNull();
    expect(stepOrderRefusal(new Error('x'), steps, 'travel_document')).toBeNull();
    const unknownStep = refusal('teleport');
    expect(stepOrderRefusal(unknownStep, steps, 'travel_document')).toBeNull();
  });
});
