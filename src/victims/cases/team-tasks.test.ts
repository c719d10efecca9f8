import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { call, openCaseWith, registerPerson, writeCounts } from '../../../test/helpers/cases.ts';
import { auditActions, loginInOtherAgency, refusal, tamper } from '../../../test/helpers/victims.ts';

let t: TestApp;
let caseworker: TestClient;
let colleague: TestClient;
let investigator: TestClient;
let offTeam: TestClient;
let focalPoint: TestClient;
let researcher: TestClient;
let outsider: TestClient;
let caseId: string;

beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.loginAs(['caseworker']);
  colleague = await t.loginAs(['caseworker']);
  investigator = await t.loginAs(['investigator']);
  offTeam = await t.loginAs(['investigator']);
  focalPoint = await t.loginAs(['referral_focal_point']);
  researcher = await t.loginAs(['researcher']);
  outsider = await loginInOtherAgency(t, ['caseworker']);
  caseId = await openCaseWith(caseworker, [await registerPerson(caseworker)]);
});
afterAll(async () => t?.close());

describe('case team and owner', () => {
  it('adds members, shows them with the owner, and lets members see the case', async () => {
    expect(
      (await refusal(await investigator.request('GET', `/api/victims/cases/${caseId}/team`), 404)).code,
    ).toBe('not_found');
    const added = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/team`, 201, {
      userId: investigator.userId,
    });
    expect(added.team.owner).toMatchObject({ id: caseworker.userId, roles: ['caseworker'] });
    expect(added.team.members).toEqual([
      expect.objectContaining({
        id: investigator.userId,
        roles: ['investigator'],
        addedBy: caseworker.userId,
      }),
    ]);
    await call(caseworker, 'POST', `/api/victims/cases/${caseId}/team`, 201, { userId: focalPoint.userId });
    const seen = await call(investigator, 'GET', `/api/victims/cases/${caseId}/team`, 200);
    expect(seen.team.members.map((m: { id: string }) => m.id)).toEqual([
      investigator.userId,
      focalPoint.userId,
    ]);
    expect(await auditActions(t, caseId)).toEqual(
      expect.arrayContaining([
        { action: 'case_team.add', actor_id: caseworker.userId },
        { action: 'case_team.read', actor_id: investigator.userId },
      ]),
    );
  });

  it('hides the case from investigators off the team, and from other agencies, as "not found"', async () => {
    for (const client of [offTeam, outsider]) {
      for (const path of ['team', 'tasks', 'notes', 'timeline', 'support-plans', 'trafficking-events']) {
        const res = await client.request('GET', `/api/victims/cases/${caseId}/${path}`);
        expect(res.status, path).toBe(404);
      }
    }
    expect(
      (await refusal(await researcher.request('GET', `/api/victims/cases/${caseId}/team`), 403)).code,
    ).toBe('forbidden');
  });

  it('refuses members who are not of the agency, disabled, or without a case role; and duplicates', async () => {
    const disabled = await t.loginAs(['investigator']);
    await t.deps.db.updateTable('users').set({ disabled: true }).where('id', '=', disabled.userId).execute();
    const before = await writeCounts(t);
    const add = (body: object) => caseworker.request('POST', `/api/victims/cases/${caseId}/team`, body);
    for (const userId of [outsider.userId, researcher.userId, disabled.userId]) {
      expect((await refusal(await add({ userId }), 400)).paths).toEqual(['userId']);
    }
    expect((await refusal(await add({ userId: investigator.userId }), 409)).paths).toEqual(['userId']);
    expect((await refusal(await add({ userId: 'x', extra: 1 }), 400)).paths.sort()).toEqual([
      'extra',
      'userId',
    ]);
    expect(await writeCounts(t)).toEqual(before);
    const byInvestigator = await investigator.request('POST', `/api/victims/cases/${caseId}/team`, {});
    expect((await refusal(byInvestigator, 403)).code).toBe('forbidden');
  });

  it('gives the case to another caseworker only', async () => {
    const refused = await refusal(
      await caseworker.request('PUT', `/api/victims/cases/${caseId}/owner`, { userId: investigator.userId }),
      400,
    );
    expect(refused.paths).toEqual(['userId']);
    const changed = await call(caseworker, 'PUT', `/api/victims/cases/${caseId}/owner`, 200, {
      userId: colleague.userId,
    });
    expect(changed.team.owner.id).toBe(colleague.userId);
    const c = await call(colleague, 'GET', `/api/victims/cases/${caseId}`, 200);
    expect(c.case.ownerId).toBe(colleague.userId);
    await call(colleague, 'PUT', `/api/victims/cases/${caseId}/owner`, 200, { userId: caseworker.userId });
  });

  it('lists the users who may join a team (caseworkers only)', async () => {
    const { users } = await call(caseworker, 'GET', '/api/victims/case-team/candidates', 200);
    const ids = users.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([caseworker.userId, investigator.userId, focalPoint.userId]));
    expect(ids).not.toContain(researcher.userId);
    expect(ids).not.toContain(outsider.userId);
    await refusal(await investigator.request('GET', '/api/victims/case-team/candidates'), 403);
  });
});

describe('notes', () => {
  it('stores the body encrypted, shows it to caseworkers, withholds it from others', async () => {
    const { note } = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/notes`, 201, {
      body: 'Bà Đào nói rằng hộ chiếu bị giữ ở Sihanoukville.',
    });
    expect(note).toMatchObject({ bodyStatus: 'shown', authorId: caseworker.userId });
    const stored = await t.deps.db
      .selectFrom('case_comments')
      .select('body_enc')
      .where('id', '=', note.id)
      .executeTakeFirstOrThrow();
    expect(stored.body_enc).toMatch(/^jf1\./);
    expect(stored.body_enc).not.toContain('Sihanoukville');

    const mine = await call(caseworker, 'GET', `/api/victims/cases/${caseId}/notes`, 200);
    expect(mine.notes[0]).toMatchObject({ id: note.id, body: note.body, bodyStatus: 'shown' });
    const theirs = await call(investigator, 'GET', `/api/victims/cases/${caseId}/notes`, 200);
    expect(theirs.notes[0]).toEqual({ ...mine.notes[0], body: null, bodyStatus: 'withheld' });
    expect(await auditActions(t, note.id)).toEqual([
      { action: 'case_note.create', actor_id: caseworker.userId },
    ]);
    await refusal(
      await investigator.request('POST', `/api/victims/cases/${caseId}/notes`, { body: 'x' }),
      403,
    );
  });

  it('pages newest first and reports a tampered body instead of showing it', async () => {
    const ids: string[] = [];
    for (const body of ['one', 'two', 'three']) {
      ids.push((await call(caseworker, 'POST', `/api/victims/cases/${caseId}/notes`, 201, { body })).note.id);
    }
    const first = await call(caseworker, 'GET', `/api/victims/cases/${caseId}/notes?limit=2`, 200);
    expect(first.notes.map((n: { body: string }) => n.body)).toEqual(['three', 'two']);
    const second = await call(
      caseworker,
      'GET',
      `/api/victims/cases/${caseId}/notes?limit=2&cursor=${first.nextCursor}`,
      200,
    );
    expect(second.notes[0].body).toBe('one');

    await tamper(t, 'case_comments', 'body_enc', 'id', ids[1] ?? '');
    const after = await call(caseworker, 'GET', `/api/victims/cases/${caseId}/notes?limit=2`, 200);
    expect(after.notes[1]).toMatchObject({ id: ids[1], body: null, bodyStatus: 'tampered' });
    expect(await auditActions(t, ids[1] ?? '')).toContainEqual({
      action: 'case_note.tamper_detected',
      actor_id: caseworker.userId,
    });
  });

  it('refuses an empty or oversized body, naming it, and writes nothing', async () => {
    const before = await writeCounts(t);
    for (const body of ['', 'x'.repeat(20_001), 'a\u0000b']) {
      const r = await refusal(
        await caseworker.request('POST', `/api/victims/cases/${caseId}/notes`, { body }),
        400,
      );
      expect(r.paths).toEqual(['body']);
    }
    expect(await writeCounts(t)).toEqual(before);
  });
});

describe('tasks', () => {
  it('creates a task with an encrypted title, assignee and due date', async () => {
    const { task } = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/tasks`, 201, {
      title: 'Call the embassy of Viet Nam about a travel document',
      assigneeId: investigator.userId,
      dueOn: '2025-03-01',
    });
    expect(task).toMatchObject({
      titleStatus: 'shown',
      assigneeId: investigator.userId,
      dueOn: '2025-03-01',
      status: 'open',
      closedAt: null,
      createdBy: caseworker.userId,
    });
    const row = await t.deps.db
      .selectFrom('case_tasks')
      .select('title_enc')
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    expect(row.title_enc).not.toContain('embassy');
    // The assignee sees the title; another team member does not.
    const forAssignee = await call(investigator, 'GET', `/api/victims/cases/${caseId}/tasks`, 200);
    expect(forAssignee.tasks[0]).toMatchObject({ id: task.id, title: task.title, titleStatus: 'shown' });
    const forFocal = await call(focalPoint, 'GET', `/api/victims/cases/${caseId}/tasks`, 200);
    expect(forFocal.tasks[0]).toMatchObject({ id: task.id, title: null, titleStatus: 'withheld' });
  });

  it('refuses an assignee who cannot see the case, and bad dates, naming the field and its problem', async () => {
    const before = await writeCounts(t);
    const path = `/api/victims/cases/${caseId}/tasks`;
    // The web says the problem from its code, in the reader's language.
    const problems = async (res: Response) => {
      expect(res.status).toBe(400);
      const { error } = await res.json();
      return error.fields.map((f: { path: string; code: string }) => [f.path, f.code]);
    };
    expect(
      await problems(await caseworker.request('POST', path, { title: 'x', assigneeId: offTeam.userId })),
    ).toEqual([['assigneeId', 'cannot_see_case']]);
    expect(
      await problems(await caseworker.request('POST', path, { title: 'x', assigneeId: outsider.userId })),
    ).toEqual([['assigneeId', 'not_agency_user']]);
    const date = await refusal(
      await caseworker.request('POST', path, { title: 'x', dueOn: '2025-02-30' }),
      400,
    );
    expect(date.paths).toEqual(['dueOn']);
    const status = await refusal(await caseworker.request('POST', path, { title: 'x', status: 'done' }), 400);
    expect(status.paths).toEqual(['status']);
    expect(await writeCounts(t)).toEqual(before);
  });

  it('lets the assignee close their task, but change nothing else; others not at all', async () => {
    const { task } = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/tasks`, 201, {
      title: 'Take the statement',
      assigneeId: investigator.userId,
    });
    const other = await refusal(
      await focalPoint.request('PATCH', `/api/victims/tasks/${task.id}`, { status: 'done' }),
      403,
    );
    expect(other.code).toBe('forbidden');
    const more = await refusal(
      await investigator.request('PATCH', `/api/victims/tasks/${task.id}`, {
        status: 'done',
        dueOn: '2025-01-01',
      }),
      403,
    );
    expect(more.paths).toEqual(['dueOn']);
    const done = await call(investigator, 'PATCH', `/api/victims/tasks/${task.id}`, 200, { status: 'done' });
    expect(done.task).toMatchObject({ status: 'done', closedBy: investigator.userId });
    expect(done.task.closedAt).not.toBeNull();
    const reopened = await call(caseworker, 'PATCH', `/api/victims/tasks/${task.id}`, 200, {
      status: 'open',
      assigneeId: null,
    });
    expect(reopened.task).toMatchObject({ status: 'open', closedAt: null, closedBy: null, assigneeId: null });
    expect((await auditActions(t, task.id)).map((a) => a.action)).toEqual([
      'case_task.create',
      'case_task.update',
      'case_task.update',
    ]);
    await refusal(await outsider.request('PATCH', `/api/victims/tasks/${task.id}`, { status: 'done' }), 404);
    await refusal(await offTeam.request('PATCH', `/api/victims/tasks/${task.id}`, { status: 'done' }), 404);
  });

  it("lists the caller's open tasks, and the overdue ones on the caller's date", async () => {
    const path = `/api/victims/cases/${caseId}/tasks`;
    const early = await call(caseworker, 'POST', path, 201, {
      title: 'early',
      assigneeId: focalPoint.userId,
      dueOn: '2025-04-01',
    });
    const late = await call(caseworker, 'POST', path, 201, {
      title: 'late',
      assigneeId: focalPoint.userId,
      dueOn: '2025-04-10',
    });
    const undated = await call(caseworker, 'POST', path, 201, {
      title: 'undated',
      assigneeId: focalPoint.userId,
    });
    const all = await call(focalPoint, 'GET', '/api/victims/tasks/mine', 200);
    expect(all.tasks.map((x: { id: string }) => x.id)).toEqual([
      early.task.id,
      late.task.id,
      undated.task.id,
    ]);
    expect(all.tasks[0].title).toBe('early');
    const overdue = await call(focalPoint, 'GET', '/api/victims/tasks/mine?overdue=true&on=2025-04-05', 200);
    expect(overdue).toMatchObject({ on: '2025-04-05' });
    expect(overdue.tasks.map((x: { id: string }) => x.id)).toEqual([early.task.id]);
    const onDue = await call(focalPoint, 'GET', '/api/victims/tasks/mine?overdue=true&on=2025-04-10', 200);
    expect(onDue.tasks.map((x: { id: string }) => x.id)).toEqual([early.task.id]);
    await call(caseworker, 'PATCH', `/api/victims/tasks/${early.task.id}`, 200, { status: 'cancelled' });
    const after = await call(focalPoint, 'GET', '/api/victims/tasks/mine?overdue=true&on=2025-04-11', 200);
    expect(after.tasks.map((x: { id: string }) => x.id)).toEqual([late.task.id]);
    const bad = await refusal(
      await focalPoint.request('GET', '/api/victims/tasks/mine?overdue=yes&on=2099-01-01'),
      400,
    );
    expect(bad.paths).toEqual(['overdue']);
    const future = await refusal(
      await focalPoint.request('GET', '/api/victims/tasks/mine?on=2099-01-01'),
      400,
    );
    expect(future.paths).toEqual(['on']);
  });

  it('refuses to remove a member with open tasks until they are reassigned', async () => {
    const conflict = await refusal(
      await caseworker.request('DELETE', `/api/victims/cases/${caseId}/team/${focalPoint.userId}`),
      409,
    );
    expect(conflict.paths).toEqual(['userId']);
    const open = await t.deps.db
      .selectFrom('case_tasks')
      .select('id')
      .where('assignee_id', '=', focalPoint.userId)
      .where('status', '=', 'open')
      .execute();
    for (const { id } of open)
      await call(caseworker, 'PATCH', `/api/victims/tasks/${id}`, 200, { assigneeId: null });
    const removed = await call(
      caseworker,
      'DELETE',
      `/api/victims/cases/${caseId}/team/${focalPoint.userId}`,
      200,
    );
    expect(removed.team.members.map((m: { id: string }) => m.id)).toEqual([investigator.userId]);
    await refusal(await focalPoint.request('GET', `/api/victims/cases/${caseId}/tasks`), 404);
    await refusal(
      await caseworker.request('DELETE', `/api/victims/cases/${caseId}/team/${focalPoint.userId}`),
      404,
    );
  });

  it('reports a tampered title as tampered', async () => {
    const { task } = await call(caseworker, 'POST', `/api/victims/cases/${caseId}/tasks`, 201, {
      title: 'secret',
    });
    await tamper(t, 'case_tasks', 'title_enc', 'id', task.id);
    const { tasks } = await call(caseworker, 'GET', `/api/victims/cases/${caseId}/tasks`, 200);
    expect(tasks.find((x: { id: string }) => x.id === task.id)).toMatchObject({
      title: null,
      titleStatus: 'tampered',
    });
    const moved = await sql<{ n: string }>`select count(*) as n from audit_entries
      where action = 'case_task.tamper_detected' and record_id = ${task.id}`.execute(t.deps.db);
    expect(Number(moved.rows[0]?.n)).toBe(1);
  });
});
