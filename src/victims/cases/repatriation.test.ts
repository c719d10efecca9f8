import { describe, expect, it } from 'vitest';
import { allowedValues } from '../catalogue.ts';
import type { RepatriationStep } from '../tables.ts';
import { itemProblems } from './item-rules.ts';
import { ITEM_KINDS, ITEM_STATUSES } from './plans-schema.ts';
import { REPATRIATION_STEPS, type StepState, stepConflicts } from './repatriation.ts';

const done: StepState = { status: 'done', notNeeded: false };
const planned: StepState = { status: 'planned', notNeeded: false };
const skipped: StepState = { status: 'cancelled', notNeeded: true };
const cancelled: StepState = { status: 'cancelled', notNeeded: false };

const plan = (entries: [RepatriationStep, StepState][]) => new Map(entries);

describe('the picklists', () => {
  it('equal the catalogue (data/htcds/fields.json), in its order', () => {
    expect([...REPATRIATION_STEPS]).toEqual(allowedValues('jar_RepatriationStep'));
    expect([...ITEM_KINDS]).toEqual(allowedValues('jar_SupportItemKind'));
    expect([...ITEM_STATUSES]).toEqual(allowedValues('jar_SupportItemStatus'));
  });
});

describe('stepConflicts', () => {
  it('lets the first step be done at once', () => {
    expect(stepConflicts(plan([['nationality_verification', done]]), 'nationality_verification')).toEqual([]);
  });

  it('refuses a step done before an earlier one, naming every step that holds it back', () => {
    const steps = plan([
      ['nationality_verification', done],
      ['travel_document', planned],
      ['border_handover', done],
    ]);
    expect(stepConflicts(steps, 'border_handover')).toEqual([
      {
        step: 'travel_document',
        code: 'step_not_done',
        message: 'travel_document is not done nor marked not needed',
      },
      { step: 'family_assessment', code: 'step_not_recorded', message: 'family_assessment is not recorded' },
      {
        step: 'travel_arrangements',
        code: 'step_not_recorded',
        message: 'travel_arrangements is not recorded',
      },
    ]);
  });

  it('lets steps marked not needed pass, but not steps merely cancelled', () => {
    const steps = plan([
      ['nationality_verification', done],
      ['travel_document', skipped],
      ['family_assessment', cancelled],
      ['travel_arrangements', done],
    ]);
    expect(stepConflicts(steps, 'travel_arrangements').map((c) => c.step)).toEqual(['family_assessment']);
    steps.set('family_assessment', skipped);
    expect(stepConflicts(steps, 'travel_arrangements')).toEqual([]);
  });

  it('allows the whole sequence done in order', () => {
    const steps = new Map<RepatriationStep, StepState>();
    for (const step of REPATRIATION_STEPS) {
      steps.set(step, done);
      expect(stepConflicts(steps, step)).toEqual([]);
    }
  });

  it('refuses to reopen an earlier step while a later one is done', () => {
    const steps = plan([
      ['nationality_verification', { status: 'in_progress', notNeeded: false }],
      ['travel_document', done],
    ]);
    expect(stepConflicts(steps, 'nationality_verification')).toEqual([
      {
        step: 'travel_document',
        code: 'later_step_done',
        message: 'travel_document, a later step, is already done',
      },
    ]);
    steps.set('nationality_verification', skipped);
    expect(stepConflicts(steps, 'nationality_verification')).toEqual([]);
  });

  it('lets steps run in parallel: only completion is ordered', () => {
    const inProgress: StepState = { status: 'in_progress', notNeeded: false };
    const steps = plan(REPATRIATION_STEPS.map((s) => [s, inProgress]));
    for (const step of REPATRIATION_STEPS) expect(stepConflicts(steps, step)).toEqual([]);
  });
});

describe('itemProblems', () => {
  const base = {
    kind: 'shelter',
    repatriationStep: null,
    status: 'planned' as const,
    notNeeded: false,
    startDate: null,
    dueDate: null,
    endDate: null,
  };
  const now = new Date('2025-06-01T00:00:00Z');

  it('accepts an item with consistent dates', () => {
    const item = { ...base, startDate: '2025-05-01', dueDate: '2025-05-10', endDate: '2025-05-01' };
    expect(itemProblems(item, now)).toEqual([]);
  });

  it('names each impossible field', () => {
    const item = { ...base, startDate: '2025-05-02', dueDate: '2025-05-01', endDate: '2025-05-01' };
    expect(itemProblems(item, now).map((i) => i.path)).toEqual(['endDate', 'dueDate']);
    const future = { ...base, status: 'done' as const, endDate: '2025-06-05' };
    expect(itemProblems(future, now)).toEqual([
      { path: 'endDate', code: 'in_future', message: 'is in the future, but the item is done' },
    ]);
    expect(itemProblems({ ...base, repatriationStep: 'travel_document' }, now).map((i) => i.path)).toEqual([
      'repatriationStep',
    ]);
    expect(itemProblems({ ...base, notNeeded: true }, now).map((i) => i.path)).toEqual([
      'notNeeded',
      'status',
    ]);
  });

  it('keeps "not needed" and "cancelled" together', () => {
    const step = { ...base, kind: 'repatriation', repatriationStep: 'family_assessment' };
    expect(itemProblems({ ...step, notNeeded: true, status: 'cancelled' }, now)).toEqual([]);
    expect(itemProblems({ ...step, notNeeded: true, status: 'done' }, now).map((i) => i.path)).toEqual([
      'status',
    ]);
  });
});
