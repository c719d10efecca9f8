import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/helpers/app.ts';
import { auditActions, fullPerson, refusal, tamper } from '../../../test/helpers/victims.ts';

// The merge workflow over HTTP: four-eyes, tombstones, both histories visible, unmerge, races.

let t: TestApp;
let alice: TestClient;
let bala: TestClient;
let focalPoint: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  alice = await t.loginAs(['caseworker']);
  bala = await t.loginAs(['caseworker']);
  focalPoint = await t.loginAs(['referral_focal_point']);
});
afterAll(async () => t?.close());

let serial = 0;
async function person(body: object = fullPerson(`m-${++serial}`)): Promise<string> {
  const res = await alice.request('POST', '/api/victims/persons', { externalId: `m-${++serial}`, ...body });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return json.person.id;
}
const namedPerson = (firstName: string) =>
  person({ identity: { firstName, secondName: 'Sok', birthdate: '2001-04-05' } });

async function call(client: TestClient, method: string, path: string, body?: unknown, status = 200) {
  const res = await client.request(method, path, body);
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(status);
  return json;
}
const propose = async (survivorId: string, mergedId: string, by = alice) =>
  (
    await call(
      by,
      'POST',
      '/api/victims/merges',
      { survivorId, mergedId, reason: 'Same passport photo and mother’s name' },
      201,
    )
  ).merge;
const confirm = async (id: string, by = bala, body: object = {}) =>
  (await call(by, 'POST', `/api/victims/merges/${id}/confirm`, body)).merge;

const HASH = createHash('sha256').update('consent form').digest('hex');
const consentBody = {
  purpose: 'referral',
  categories: ['identity'],
  recipient: { country: 'KH' },
  subjectAge: 'adult',
  givenBy: { kind: 'subject' },
  method: { kind: 'signed_form', formSha256: HASH },
  htcds: { con_Consent: true },
  givenAt: new Date(Date.now() - 86_400_000).toISOString(),
  expiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
};

describe('proposing and confirming a merge', () => {
  it('needs a second caseworker, or the proposer’s stated reason, and keeps both histories visible', async () => {
    const survivor = await person();
    const merged = await person({
      ...fullPerson(`m-${++serial}`),
      identity: { firstName: 'Nguyen', secondName: 'Dao', birthdate: '2003-06-30' },
    });
    const kase = (
      await call(
        alice,
        'POST',
        '/api/victims/cases',
        { persons: [{ personId: merged, role: 'victim' }] },
        201,
      )
    ).case;
    const consent = (await call(alice, 'POST', `/api/victims/persons/${merged}/consents`, consentBody, 201))
      .consent;

    const proposal = await propose(survivor, merged);
    expect(proposal).toMatchObject({
      survivorId: survivor,
      mergedId: merged,
      status: 'proposed',
      reason: 'Same passport photo and mother’s name',
    });
    expect(proposal.evidence.reasons.map((r: { signal: string }) => r.signal)).toEqual(
      expect.arrayContaining(['name', 'birthdate']),
    );
    // Alone, the proposer must say why.
    const alone = await alice.request('POST', `/api/victims/merges/${proposal.id}/confirm`, {});
    expect(await refusal(alone, 400)).toEqual({ code: 'bad_request', paths: ['note'] });
    const done = await confirm(proposal.id);
    expect(done).toMatchObject({
      status: 'merged',
      decidedBy: bala.userId,
      selfConfirmed: false,
      decisionNote: null,
    });

    // From either record: the survivor, the tombstone, the case and the consent (still the tombstone's).
    for (const from of [survivor, merged]) {
      const group = await call(alice, 'GET', `/api/victims/persons/${from}/merged-records`);
      expect(group.survivorId).toBe(survivor);
      expect(
        group.persons.map((p: { person: { id: string }; mergedInto: string | null }) => [
          p.person.id,
          p.mergedInto,
        ]),
      ).toEqual([
        [survivor, null],
        [merged, survivor],
      ]);
      expect(group.cases).toEqual([
        expect.objectContaining({ caseId: kase.id, personId: merged, role: 'victim' }),
      ]);
      expect(group.consents).toEqual([
        expect.objectContaining({ id: consent.id, personId: merged, withdrawnAt: null }),
      ]);
    }
    // The tombstone is no one's duplicate any more, and has none of its own.
    const search = await call(alice, 'GET', `/api/victims/persons/${survivor}/duplicates`);
    expect(search.candidates.map((c: { person: { id: string } }) => c.person.id)).not.toContain(merged);
    expect(
      (await refusal(await alice.request('GET', `/api/victims/persons/${merged}/duplicates`), 409)).code,
    ).toBe('merged');

    const actions = (id: string) => auditActions(t, id).then((rows) => rows.map((r) => r.action));
    expect(await actions(proposal.id)).toEqual(
      expect.arrayContaining(['person_merge.propose', 'person_merge.confirm']),
    );
    expect(await actions(merged)).toContain('person.merge');
    expect(await actions(survivor)).toContain('person.merge');
  });

  it('lets the proposer confirm alone with a note, marked for review', async () => {
    const m = await propose(await namedPerson('Dara'), await namedPerson('Darra'));
    const done = await confirm(m.id, alice, { note: 'Only caseworker at the Poipet office tonight' });
    expect(done).toMatchObject({
      status: 'merged',
      selfConfirmed: true,
      decisionNote: 'Only caseworker at the Poipet office tonight',
    });
  });

  it('refuses what makes no sense, naming the field or the state', async () => {
    const a = await namedPerson('Vanna');
    const b = await namedPerson('Vana');
    const same = await alice.request('POST', '/api/victims/merges', {
      survivorId: a,
      mergedId: a,
      reason: 'x',
    });
    expect(same.status).toBe(400);
    expect((await same.json()).error).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'mergedId', code: 'must_differ', params: { field: 'survivorId' } }],
    });
    expect(
      (await refusal(await alice.request('POST', '/api/victims/merges', { survivorId: a, mergedId: b }), 400))
        .paths,
    ).toEqual(['reason']);
    const first = await propose(a, b);
    // One open proposal per pair, either way round.
    expect(
      (
        await refusal(
          await alice.request('POST', '/api/victims/merges', { survivorId: b, mergedId: a, reason: 'again' }),
          409,
        )
      ).code,
    ).toBe('conflict');
    const rejected = (
      await call(bala, 'POST', `/api/victims/merges/${first.id}/reject`, { note: 'Different mothers' })
    ).merge;
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: 'Different mothers' });
    expect(
      (await refusal(await bala.request('POST', `/api/victims/merges/${first.id}/confirm`, {}), 409)).code,
    ).toBe('conflict');
    // Once merged away, a person can be neither merged again nor absorb anyone.
    const c = await namedPerson('Vannak');
    await confirm((await propose(a, b)).id);
    expect(
      (
        await refusal(
          await alice.request('POST', '/api/victims/merges', { survivorId: c, mergedId: b, reason: 'r' }),
          409,
        )
      ).code,
    ).toBe('merged');
    expect(
      (
        await refusal(
          await alice.request('POST', '/api/victims/merges', { survivorId: b, mergedId: c, reason: 'r' }),
          409,
        )
      ).code,
    ).toBe('merged');
  });
});

describe('unmerging', () => {
  it('makes the tombstone a live record again, keeping the merge’s history', async () => {
    const survivor = await namedPerson('Sophea');
    const merged = await namedPerson('Sopheak');
    const m = await confirm((await propose(survivor, merged)).id);
    expect(
      (await refusal(await alice.request('POST', `/api/victims/merges/${m.id}/unmerge`, {}), 400)).paths,
    ).toEqual(['reason']);
    const undone = (
      await call(alice, 'POST', `/api/victims/merges/${m.id}/unmerge`, { reason: 'Twins, not one person' })
    ).merge;
    expect(undone).toMatchObject({
      status: 'unmerged',
      unmergedBy: alice.userId,
      unmergeReason: 'Twins, not one person',
      decidedBy: bala.userId,
    });
    const group = await call(alice, 'GET', `/api/victims/persons/${survivor}/merged-records`);
    expect(group.persons.map((p: { person: { id: string } }) => p.person.id)).toEqual([survivor]);
    expect((await call(alice, 'GET', `/api/victims/persons/${merged}/merged-records`)).survivorId).toBe(
      merged,
    );
    await call(alice, 'GET', `/api/victims/persons/${merged}/duplicates`);
    expect(
      (
        await refusal(
          await alice.request('POST', `/api/victims/merges/${m.id}/unmerge`, { reason: 'again' }),
          409,
        )
      ).code,
    ).toBe('conflict');
    const history = await call(alice, 'GET', `/api/victims/merges?personId=${merged}`);
    expect(history.merges.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([
      [m.id, 'unmerged'],
    ]);
    expect((await auditActions(t, merged)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['person.merge', 'person.unmerge']),
    );
  });

  it('adds nothing new to a merged-away person, and does again once it is unmerged', async () => {
    const survivor = await namedPerson('Dara');
    const merged = await namedPerson('Darra');
    const before = await call(alice, 'POST', `/api/victims/persons/${merged}/consents`, consentBody, 201);
    const m = await confirm((await propose(survivor, merged)).id);
    const caseId = (await call(alice, 'POST', '/api/victims/cases', { ownerId: alice.userId }, 201)).case.id;
    const assessment = {
      subjectAge: 'adult',
      sets: [
        {
          setId: 'ilo-forced-labour-11',
          answers: [{ indicatorId: 'fl_restriction_of_movement', answer: 'yes' }],
        },
      ],
      decision: 'needs_more_information',
      rationale: 'First interview',
    };
    const writes: Array<[string, string, object]> = [
      ['PATCH', `/api/victims/persons/${merged}`, { identity: { secondName: 'Sok' } }],
      ['POST', `/api/victims/persons/${merged}/consents`, consentBody],
      ['POST', `/api/victims/persons/${merged}/identification-assessments`, assessment],
      ['POST', `/api/victims/cases/${caseId}/persons`, { personId: merged, role: 'victim' }],
    ];
    for (const [method, path, body] of writes) {
      const res = await alice.request(method, path, body);
      expect(res.status, path).toBe(409);
      expect((await res.json()).error.message, path).toContain(survivor);
    }
    // Its consents list says where it went, to a focal point too (who cannot read merge groups), so
    // no page offers to record a consent there; the survivor's says nothing.
    const consentsOf = (id: string) => call(focalPoint, 'GET', `/api/victims/persons/${id}/consents`);
    expect(await consentsOf(merged)).toMatchObject({
      mergedInto: survivor,
      consents: [{ id: before.consent.id }],
    });
    expect((await consentsOf(survivor)).mergedInto).toBeNull();
    // A consent it gave can still be withdrawn, and its history read.
    await call(alice, 'POST', `/api/victims/consents/${before.consent.id}/withdraw`, {
      statedBy: 'subject',
      method: { kind: 'written', formSha256: HASH },
    });
    await call(alice, 'POST', `/api/victims/merges/${m.id}/unmerge`, { reason: 'Two different people' });
    for (const [method, path, body] of writes) {
      const res = await alice.request(method, path, body);
      expect(res.status, path).toBeLessThan(300);
    }
    expect((await consentsOf(merged)).mergedInto).toBeNull();
  });

  it('keeps merge rows as history: the database refuses to delete or rewind them', async () => {
    const m = await confirm((await propose(await namedPerson('Bora'), await namedPerson('Borey'))).id);
    await expect(sql`delete from person_merges where id = ${m.id}`.execute(t.deps.db)).rejects.toThrow(
      /history/,
    );
    await expect(
      sql`update person_merges set status = 'proposed' where id = ${m.id}`.execute(t.deps.db),
    ).rejects.toThrow(/history/);
    await expect(
      sql`update person_merges set survivor_id = merged_id, merged_id = survivor_id where id = ${m.id}`.execute(
        t.deps.db,
      ),
    ).rejects.toThrow(/history/);
  });

  it('reports a tampered reason as tampered, never as text', async () => {
    const m = await propose(await namedPerson('Thida'), await namedPerson('Tida'));
    await tamper(t, 'person_merges', 'reason_enc', 'id', m.id);
    const read = (await call(alice, 'GET', `/api/victims/merges/${m.id}`)).merge;
    expect(read.reason).toBeNull();
    expect(read.integrity).toEqual({ status: 'tampered', tamperedFields: ['reason'] });
  });
});

describe('concurrent merges', () => {
  it('lets only one of two merges of the same person win', async () => {
    const shared = await namedPerson('Rattana');
    const [p1, p2] = [
      await propose(await namedPerson('Ratana'), shared),
      await propose(await namedPerson('Rathana'), shared),
    ];
    const results = await Promise.all(
      [p1, p2].map((p) => bala.request('POST', `/api/victims/merges/${p.id}/confirm`, {})),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const live = await t.deps.db
      .selectFrom('person_merges')
      .select('id')
      .where('merged_id', '=', shared)
      .where('status', '=', 'merged')
      .execute();
    expect(live).toHaveLength(1);
  });

  it('never closes a cycle, however the confirmations interleave', async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b, c] = [
        await namedPerson(`Chan${round}a`),
        await namedPerson(`Chan${round}b`),
        await namedPerson(`Chan${round}c`),
      ];
      const proposals = [await propose(a, b), await propose(b, c), await propose(c, a)];
      const results = await Promise.all(
        proposals.map((p) => bala.request('POST', `/api/victims/merges/${p.id}/confirm`, {})),
      );
      const won = results.filter((r) => r.status === 200).length;
      expect(won).toBeGreaterThanOrEqual(1);
      expect(won).toBeLessThanOrEqual(2);
      for (const r of results) expect([200, 409]).toContain(r.status);
      // Following survivors from any of the three ends somewhere, and all three end at the same place.
      const ends = await Promise.all(
        [a, b, c].map(
          async (id) => (await call(alice, 'GET', `/api/victims/persons/${id}/merged-records`)).survivorId,
        ),
      );
      if (won === 2) expect(new Set(ends).size).toBe(1);
    }
  });
});
