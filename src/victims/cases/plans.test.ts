import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { call, openCaseWith, registerPerson, writeCounts } from '../../../test/helpers/cases.ts';
import { auditActions, loginInOtherAgency, refusal, tamper } from '../../../test/helpers/victims.ts';
import { REPATRIATION_STEPS } from './repatriation.ts';

let t: TestApp;
let caseworker: TestClient;
let investigator: TestClient;
let focalPoint: TestClient;
let outsider: TestClient;
let caseId: string;
let victimId: string;
let unlinkedId: string;
let shelterId: string;

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  investigator = await t.loginAs(['investigator']);
  focalPoint = await t.loginAs(['referral_focal_point']);
  outsider = await loginInOtherAgency(t, ['caseworker', 'referral_focal_point']);
  victimId = await registerPerson(caseworker);
  unlinkedId = await registerPerson(caseworker);
  caseId = await openCaseWith(caseworker, [victimId]);
  for (const userId of [investigator.userId, focalPoint.userId]) {
    await call(caseworker, 'POST', `/api/victims/cases/${caseId}/team`, 201, { userId });
  }
});
afterAll(async () => t?.close());

describe('organisations', () => {
  it('registers, lists by name and type, reads and changes providers of the agency', async () => {
    const { organisation } = await call(focalPoint, 'POST', '/api/victims/organisations', 201, {
      name: 'Hope Shelter Bangkok',
      type: 'NGO',
      city: 'Bangkok',
      country: 'TH',
      latitude: 13.75,
      longitude: 100.5,
      phone: '+66 2 000 0000',
      externalId: 'ORG-1',
    });
    shelterId = organisation.id;
    expect(organisation).toMatchObject({
      name: 'Hope Shelter Bangkok',
      type: 'NGO',
      country: 'TH',
      street: null,
    });
    await call(caseworker, 'POST', '/api/victims/organisations', 201, {
      name: 'Immigration Bureau',
      type: 'ImmigrationService',
    });
    const byName = await call(investigator, 'GET', '/api/victims/organisations?name=shelter', 200);
    expect(byName.organisations.map((o: { id: string }) => o.id)).toEqual([shelterId]);
    const byType = await call(investigator, 'GET', '/api/victims/organisations?type=ImmigrationService', 200);
    expect(byType.organisations.map((o: { name: string }) => o.name)).toEqual(['Immigration Bureau']);
    const page = await call(investigator, 'GET', '/api/victims/organisations?limit=1', 200);
    const next = await call(
      investigator,
      'GET',
      `/api/victims/organisations?limit=1&cursor=${page.nextCursor}`,
      200,
    );
    expect([...page.organisations, ...next.organisations].map((o: { name: string }) => o.name)).toEqual([
      'Hope Shelter Bangkok',
      'Immigration Bureau',
    ]);
    const changed = await call(caseworker, 'PATCH', `/api/victims/organisations/${shelterId}`, 200, {
      street: '1 Sukhumvit',
      phone: null,
    });
    expect(changed.organisation).toMatchObject({ street: '1 Sukhumvit', phone: null, city: 'Bangkok' });
    expect((await auditActions(t, shelterId)).map((a) => a.action)).toEqual([
      'organisation.create',
      'organisation.update',
    ]);
    await refusal(await outsider.request('GET', `/api/victims/organisations/${shelterId}`), 404);
    await refusal(await investigator.request('POST', '/api/victims/organisations', { name: 'x' }), 403);
  });

  it('refuses an unknown type, a bad country and a duplicate external id, naming the field', async () => {
    const before = await writeCounts(t);
    const post = (body: object) => caseworker.request('POST', '/api/victims/organisations', body);
    expect((await refusal(await post({ name: 'x', type: 'Church' }), 400)).paths).toEqual(['type']);
    expect((await refusal(await post({ name: 'x', country: 'Thailand' }), 400)).paths).toEqual(['country']);
    expect((await refusal(await post({ name: 'x', latitude: 91 }), 400)).paths).toEqual(['latitude']);
    expect((await refusal(await post({ name: 'x', externalId: 'ORG-1' }), 409)).paths).toEqual([
      'externalId',
    ]);
    expect(await writeCounts(t)).toEqual(before);
  });
});

describe('support plans', () => {
  let planId: string;

  it('makes one plan per case–person, narratives encrypted and for caseworkers only', async () => {
    const { plan } = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/support-plans`, 201, {
      personId: victimId,
      type: 'SocialCare',
      objectives: 'Safe shelter, then return home to Hà Nội.',
      actionPlan: 'Shelter; medical check; family tracing; repatriation.',
      plannedEndDate: '2025-12-31',
    });
    planId = plan.id;
    expect(plan).toMatchObject({
      caseId,
      type: 'SocialCare',
      objectivesStatus: 'shown',
      plannedEndDate: '2025-12-31',
      person: { id: victimId, view: 'identity', name: 'Nguyễn Thị Đào' },
      items: [],
    });
    expect(plan.repatriation.map((s: { step: string; position: number }) => [s.position, s.step])).toEqual(
      REPATRIATION_STEPS.map((step, i) => [i + 1, step]),
    );
    const row = await t.deps.db
      .selectFrom('support_plans')
      .select(['objectives_enc', 'action_plan_enc'])
      .where('id', '=', planId)
      .executeTakeFirstOrThrow();
    expect(`${row.objectives_enc} ${row.action_plan_enc}`).not.toMatch(/Hà Nội|family/);

    const seen = await call(investigator, 'GET', `/api/victims/support-plans/${planId}`, 200);
    expect(seen.plan).toMatchObject({ objectives: null, objectivesStatus: 'withheld', actionPlan: null });
    expect(seen.plan.person).toEqual({
      id: victimId,
      pseudonym: expect.stringMatching(/^P-/),
      view: 'pseudonym',
    });
    expect(JSON.stringify(seen)).not.toMatch(/Nguyễn|Đào|Hà Nội/);

    const again = await refusal(
      await caseworker.request('POST', `/api/victims/cases/${caseId}/support-plans`, { personId: victimId }),
      409,
    );
    expect(again.paths).toEqual(['personId']);
    const unlinked = await refusal(
      await caseworker.request('POST', `/api/victims/cases/${caseId}/support-plans`, {
        personId: unlinkedId,
      }),
      400,
    );
    expect(unlinked.paths).toEqual(['personId']);
    const badType = await refusal(
      await caseworker.request('POST', `/api/victims/cases/${caseId}/support-plans`, {
        personId: victimId,
        type: 'Shelter',
        actualEndDate: '2999-01-01',
      }),
      400,
    );
    expect(badType.paths.sort()).toEqual(['actualEndDate', 'type']);
    const future = await caseworker.request('POST', `/api/victims/cases/${caseId}/support-plans`, {
      personId: victimId,
      actualEndDate: '2999-01-01',
    });
    expect((await future.json()).error.fields).toEqual([
      { path: 'actualEndDate', code: 'in_future', message: 'is in the future' },
    ]);
    await refusal(
      await focalPoint.request('POST', `/api/victims/cases/${caseId}/support-plans`, { personId: victimId }),
      403,
    );
  });

  it('changes a plan (null clears) and reports tampered narratives', async () => {
    const { plan } = await call(caseworker, 'PATCH', `/api/victims/support-plans/${planId}`, 200, {
      plannedEndDate: null,
      actionPlan: 'Shelter first.',
    });
    expect(plan).toMatchObject({ plannedEndDate: null, actionPlan: 'Shelter first.', type: 'SocialCare' });
    await tamper(t, 'support_plans', 'objectives_enc', 'id', planId);
    const read = await call(caseworker, 'GET', `/api/victims/support-plans/${planId}`, 200);
    expect(read.plan).toMatchObject({
      objectives: null,
      objectivesStatus: 'tampered',
      actionPlanStatus: 'shown',
    });
    expect(await auditActions(t, planId)).toContainEqual({
      action: 'support_plan.tamper_detected',
      actor_id: caseworker.userId,
    });
    await call(caseworker, 'PATCH', `/api/victims/support-plans/${planId}`, 200, {
      objectives: 'Re-entered.',
    });
  });

  it('adds items with a provider and dates, and refuses impossible dates naming the field', async () => {
    const { plan } = await call(caseworker, 'POST', `/api/victims/support-plans/${planId}/items`, 201, {
      kind: 'shelter',
      providerOrganisationId: shelterId,
      startDate: '2025-02-14',
      dueDate: '2025-05-14',
    });
    expect(plan.items).toEqual([
      expect.objectContaining({
        kind: 'shelter',
        status: 'planned',
        notNeeded: false,
        providerOrganisationId: shelterId,
        startDate: '2025-02-14',
        dueDate: '2025-05-14',
        endDate: null,
        repatriationStep: null,
      }),
    ]);
    const itemId = plan.items[0].id;
    const before = await writeCounts(t);
    const add = (body: object) =>
      caseworker.request('POST', `/api/victims/support-plans/${planId}/items`, body);
    const cases: [object, string[]][] = [
      [{ kind: 'spa' }, ['kind']],
      [{ kind: 'medical', status: 'finished' }, ['status']],
      [{ kind: 'medical', startDate: '2025-03-02', endDate: '2025-03-01' }, ['endDate']],
      [{ kind: 'medical', startDate: '2025-03-02', dueDate: '2025-03-01' }, ['dueDate']],
      [{ kind: 'medical', status: 'done', endDate: '2999-01-01' }, ['endDate']],
      [{ kind: 'medical', repatriationStep: 'travel_document' }, ['repatriationStep']],
      [{ kind: 'medical', notNeeded: true }, ['notNeeded']],
      [
        { kind: 'medical', providerOrganisationId: '00000000-0000-4000-8000-000000000000' },
        ['providerOrganisationId'],
      ],
    ];
    for (const [body, paths] of cases) {
      expect((await refusal(await add(body), 400)).paths, JSON.stringify(body)).toEqual(paths);
    }
    const patch = (body: object) =>
      caseworker.request('PATCH', `/api/victims/support-plan-items/${itemId}`, body);
    expect((await refusal(await patch({ endDate: '2025-02-13' }), 400)).paths).toEqual(['endDate']);
    expect((await refusal(await patch({ kind: 'medical' }), 400)).paths).toEqual(['kind']);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('lets referral focal points keep items up to date, and no one outside the team', async () => {
    const { plan } = await call(caseworker, 'GET', `/api/victims/support-plans/${planId}`, 200);
    const itemId = plan.items[0].id;
    const changed = await call(focalPoint, 'PATCH', `/api/victims/support-plan-items/${itemId}`, 200, {
      status: 'in_progress',
      providerName: 'Hope Shelter (annex)',
    });
    expect(changed.plan.items[0]).toMatchObject({
      status: 'in_progress',
      providerName: 'Hope Shelter (annex)',
    });
    await refusal(
      await investigator.request('PATCH', `/api/victims/support-plan-items/${itemId}`, { status: 'done' }),
      403,
    );
    await refusal(
      await outsider.request('PATCH', `/api/victims/support-plan-items/${itemId}`, { status: 'done' }),
      404,
    );
    await refusal(await outsider.request('GET', `/api/victims/support-plans/${planId}`), 404);
    expect((await auditActions(t, itemId)).map((a) => a.action)).toEqual([
      'support_item.create',
      'support_item.update',
    ]);
  });

  it('completes repatriation steps only in order, unless an earlier step is marked not needed', async () => {
    const step = async (repatriationStep: string, body: object = {}) => {
      const { plan } = await call(focalPoint, 'POST', `/api/victims/support-plans/${planId}/items`, 201, {
        kind: 'repatriation',
        repatriationStep,
        ...body,
      });
      return plan.items.find((i: { repatriationStep: string }) => i.repatriationStep === repatriationStep).id;
    };
    const verification = await step('nationality_verification', {
      status: 'in_progress',
      startDate: '2025-02-20',
    });
    const travelDoc = await step('travel_document', { providerOrganisationId: shelterId });
    // Done before nationality verification: refused, naming what holds it back.
    const early = await refusal(
      await focalPoint.request('PATCH', `/api/victims/support-plan-items/${travelDoc}`, { status: 'done' }),
      409,
    );
    expect(early.code).toBe('step_order');
    expect(early.paths).toEqual(['repatriation.nationality_verification']);
    const dup = await refusal(
      await focalPoint.request('POST', `/api/victims/support-plans/${planId}/items`, {
        kind: 'repatriation',
        repatriationStep: 'travel_document',
      }),
      409,
    );
    expect(dup.paths).toEqual(['repatriationStep']);
    const handover = await refusal(
      await focalPoint.request('POST', `/api/victims/support-plans/${planId}/items`, {
        kind: 'repatriation',
        repatriationStep: 'border_handover',
        status: 'done',
      }),
      409,
    );
    expect(handover.code).toBe('step_order');
    expect(handover.paths).toEqual([
      'repatriation.nationality_verification',
      'repatriation.travel_document',
      'repatriation.family_assessment',
      'repatriation.travel_arrangements',
    ]);

    await call(focalPoint, 'PATCH', `/api/victims/support-plan-items/${verification}`, 200, {
      status: 'done',
      endDate: '2025-03-01',
    });
    await call(focalPoint, 'PATCH', `/api/victims/support-plan-items/${travelDoc}`, 200, { status: 'done' });
    // Family assessment not needed: marked so, it becomes cancelled and lets travel arrangements finish.
    const family = await step('family_assessment', { notNeeded: true });
    const arrangements = await step('travel_arrangements', { status: 'done' });
    const { plan } = await call(caseworker, 'GET', `/api/victims/support-plans/${planId}`, 200);
    expect(
      plan.repatriation.map((s: { step: string; item: { status: string; notNeeded: boolean } | null }) => [
        s.step,
        s.item?.status ?? null,
        s.item?.notNeeded ?? null,
      ]),
    ).toEqual([
      ['nationality_verification', 'done', false],
      ['travel_document', 'done', false],
      ['family_assessment', 'cancelled', true],
      ['travel_arrangements', 'done', false],
      ['border_handover', null, null],
      ['reception_in_origin', null, null],
    ]);
    // An earlier step cannot be reopened, nor un-marked, while a later one is done.
    const reopen = await refusal(
      await focalPoint.request('PATCH', `/api/victims/support-plan-items/${travelDoc}`, {
        status: 'in_progress',
      }),
      409,
    );
    expect(reopen.paths).toEqual(['repatriation.travel_arrangements']);
    const unmark = await refusal(
      await focalPoint.request('PATCH', `/api/victims/support-plan-items/${family}`, { notNeeded: false }),
      409,
    );
    expect(unmark.paths).toEqual(['repatriation.travel_arrangements']);
    const contradict = await refusal(
      await focalPoint.request('PATCH', `/api/victims/support-plan-items/${family}`, { status: 'done' }),
      400,
    );
    expect(contradict.paths).toEqual(['status']);
    // Reopening the last done step frees the earlier ones again.
    await call(focalPoint, 'PATCH', `/api/victims/support-plan-items/${arrangements}`, 200, {
      status: 'in_progress',
    });
    const unmarked = await call(focalPoint, 'PATCH', `/api/victims/support-plan-items/${family}`, 200, {
      notNeeded: false,
    });
    expect(unmarked.plan.repatriation[2].item).toMatchObject({ status: 'planned', notNeeded: false });
  });

  it('lists the plans of a case, and hides them from other agencies', async () => {
    const { plans } = await call(investigator, 'GET', `/api/victims/cases/${caseId}/support-plans`, 200);
    expect(plans.map((p: { id: string }) => p.id)).toEqual([planId]);
    expect(plans[0].items.length).toBe(5);
    await refusal(await outsider.request('GET', `/api/victims/cases/${caseId}/support-plans`), 404);
  });
});

describe('trafficking events', () => {
  it('records events of linked persons, description for caseworkers only', async () => {
    const { event } = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/trafficking-events`, 201, {
      personId: victimId,
      type: 'Recruitment',
      date: '2024-11-02',
      city: 'Hà Nội',
      country: 'Viet Nam',
      description: 'Recruited through a Telegram job advert promising data-entry work.',
      externalId: 'HTE-1',
    });
    expect(event).toMatchObject({ type: 'Recruitment', date: '2024-11-02', descriptionStatus: 'shown' });
    await call(caseworker, 'POST', `/api/victims/cases/${caseId}/trafficking-events`, 201, {
      personId: victimId,
      type: 'Exploitation',
      date: '2024-12-01',
      city: 'Sihanoukville',
    });
    const { events } = await call(
      investigator,
      'GET',
      `/api/victims/cases/${caseId}/trafficking-events`,
      200,
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual(['Recruitment', 'Exploitation']);
    expect(events[0]).toMatchObject({ description: null, descriptionStatus: 'withheld', city: 'Hà Nội' });
    expect(events[0].person.view).toBe('pseudonym');
    const changed = await call(caseworker, 'PATCH', `/api/victims/trafficking-events/${event.id}`, 200, {
      date: '2024-11-01',
      description: null,
    });
    expect(changed.event).toMatchObject({
      date: '2024-11-01',
      description: null,
      descriptionStatus: 'shown',
    });
    expect((await auditActions(t, event.id)).map((a) => a.action)).toEqual([
      'trafficking_event.create',
      'trafficking_event.update',
    ]);
  });

  it('refuses future dates, unknown types, unlinked persons and duplicate external ids', async () => {
    const before = await writeCounts(t);
    const post = (body: object) =>
      caseworker.request('POST', `/api/victims/cases/${caseId}/trafficking-events`, body);
    expect((await refusal(await post({ personId: victimId, date: '2999-01-01' }), 400)).paths).toEqual([
      'date',
    ]);
    expect((await refusal(await post({ personId: victimId, type: 'Transport' }), 400)).paths).toEqual([
      'type',
    ]);
    expect((await refusal(await post({ personId: unlinkedId }), 400)).paths).toEqual(['personId']);
    expect((await refusal(await post({ personId: victimId, externalId: 'HTE-1' }), 409)).paths).toEqual([
      'externalId',
    ]);
    expect(await writeCounts(t)).toEqual(before);
    await refusal(
      await focalPoint.request('POST', `/api/victims/cases/${caseId}/trafficking-events`, {
        personId: victimId,
      }),
      403,
    );
  });
});
