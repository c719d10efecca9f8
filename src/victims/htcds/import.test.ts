import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HtcdsDatabase, htcdsDatabase } from '../../../test/helpers/htcds.ts';
import { csvOf, htcdsRow, sortRows } from '../../../test/helpers/htcds-rows.ts';
import { flipByte } from '../../../test/helpers/tamper.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { openNarrative } from '../identification/narrative.ts';
import { birthdateKey, nameTokens, searchKeys } from '../search-keys.ts';
import { csvLine } from './csv.ts';
import { htcdsHeader } from './fields.ts';
import { firstEvents, firstItems, firstPlans, idsByKeys, linksOf, mergedAway, usersByName } from './repo.ts';

let t: HtcdsDatabase;
beforeEach(async () => {
  t = await htcdsDatabase();
});
afterEach(async () => t?.close());

async function count(table: string): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db);
  return Number(r.rows[0]?.n);
}

const rows = (n: number, from = 0) => Array.from({ length: n }, (_, i) => htcdsRow(from + i));

describe('checking a file', () => {
  it('reports every problem with its row and column, and writes nothing', async () => {
    const good = rows(4);
    const bad = [
      { ...good[0], prs_Birthdate: '2003-02-30', prs_Gender: 'Female' },
      {
        ...good[1],
        jar_RegistrationDate: '2020-01-01',
        prs_Birthdate: '2021-05-01',
        jar_AgeAtRegistration: '',
      },
      { ...good[2], vic_MethodsOfControl: 'DebtBondage;Beatings', prs_Deceased: 'yes', hte_Latitude: '95' },
      {
        ...good[3],
        jar_ForcedCriminalityType: 'RomanceInvestmentScam',
        vic_TypeOfExploitation: 'ForcedLabour',
      },
    ];
    const report = await t.importText(csvOf(bad));
    expect(report.written).toBe(false);
    expect(report.issues.map((i) => `${i.row} ${i.column}`)).toEqual([
      '2 prs_Birthdate',
      '2 prs_Gender',
      '3 prs_Birthdate',
      '4 prs_Deceased',
      '4 vic_MethodsOfControl',
      '4 hte_Latitude',
      '5 jar_ForcedCriminalityType',
    ]);
    const messages = Object.fromEntries(report.issues.map((i) => [`${i.row} ${i.column}`, i.message]));
    expect(messages['2 prs_Gender']).toBe('"Female" is not a value of prs_Gender');
    expect(messages['3 prs_Birthdate']).toBe('is after the registration date 2020-01-01');
    expect(messages['4 vic_MethodsOfControl']).toBe('"Beatings" is not a value of vic_MethodsOfControl');
    expect(messages['4 prs_Deceased']).toBe('must be TRUE or FALSE');
    for (const table of ['persons', 'cases', 'organisations', 'identification_assessments']) {
      expect(await count(table), table).toBe(0);
    }
    const audit = await t.db.selectFrom('audit_entries').select('action').execute();
    expect(audit.map((a) => a.action)).toEqual(['htcds.import']);
  });

  it('refuses a row that contradicts another row of the same person, and an unknown case owner', async () => {
    // Person 0 again, in case 1 (whose fields agree), but with another first name; case 2's owner unknown.
    const second = { ...htcdsRow(0, { caseNo: 1 }), prs_FirstName: 'Somebody else' };
    const report = await t.importText(
      csvOf([htcdsRow(0), second, { ...htcdsRow(2), cas_CaseOwner: 'nobody' }]),
    );
    expect(report.issues).toEqual([
      {
        row: 3,
        column: 'prs_FirstName',
        message: expect.stringContaining('differs from row 2, which has the same jar_PersonExternalId'),
      },
      { row: 4, column: 'cas_CaseOwner', message: '"nobody" is not a user of your agency' },
    ]);
    expect(await count('persons')).toBe(0);
  });

  it('checks rows in worker threads exactly as on the main thread, across chunks', async () => {
    // 600 rows go to the workers in several chunks; row 2's person reappears in row 552 with
    // another first name, and rows 300 and 551 have problems of their own.
    const file = rows(600, 100);
    file[298] = { ...file[298], prs_Gender: 'Female' } as (typeof file)[number];
    file[549] = { ...file[549], hte_Latitude: '95' } as (typeof file)[number];
    file[550] = { ...htcdsRow(100, { caseNo: 7 }), prs_FirstName: 'Somebody else' };
    const onMain = await t.importText(csvOf(file), { workers: 0 });
    const inWorkers = await t.importText(csvOf(file), { workers: 2 });
    expect(inWorkers.issues).toEqual(onMain.issues);
    expect(inWorkers.issues.map((i) => `${i.row} ${i.column}`)).toEqual([
      '300 prs_Gender',
      '551 hte_Latitude',
      '552 prs_FirstName',
    ]);
    expect(inWorkers.written).toBe(false);
    expect(await count('persons')).toBe(0);

    const written = await t.importText(csvOf(rows(30)), { workers: 2 });
    expect(written.issues).toEqual([]);
    expect(written.counts.persons.created).toBe(30);
    expect(await count('persons')).toBe(30);
  });

  it('reads a CSV file in worker threads as one thread reads it: malformed rows deep in it, CR line ends', async () => {
    // The workers parse blocks of 250 rows that the main thread cuts (csv-blocks.ts); what they
    // cannot read as cut is read again in one thread, so the problem is reported as always.
    const header = csvLine(htcdsHeader());
    const body = rows(300, 100).map((r) => csvLine(htcdsHeader().map((f) => r[f] ?? '')));
    const at = (i: number, edit: (line: string) => string) =>
      header + body.map((line, j) => (j === i ? edit(line) : line)).join('');
    const malformed: [string | Uint8Array, RegExp][] = [
      [at(259, (l) => `x"${l}`), /row 261, column 1: a quote inside an unquoted cell/],
      [at(259, (l) => `${l}\r\n`), /row 262: a blank line/],
      [
        at(299, (l) => l.replace(/\r\n$/, ',"open\r\n')),
        /row 301, column \d+: a quoted cell is never closed/,
      ],
      [
        Buffer.concat([Buffer.from(at(280, (l) => l)), Buffer.from([0xc3, 0x28]), Buffer.from('\r\n')]),
        /not valid UTF-8/,
      ],
    ];
    for (const [data, message] of malformed) {
      const onMain = await t.importText(data, { workers: 0 }).catch((e: Error) => e.message);
      const inWorkers = await t.importText(data, { workers: 2 }).catch((e: Error) => e.message);
      expect(onMain).toMatch(message);
      expect(inWorkers).toBe(onMain);
    }
    expect(await count('persons')).toBe(0);
    // Old Mac line ends (CR alone) are well-formed CSV that the cutter does not cut.
    const crOnly = header.replace(/\r\n$/, '\r') + body.map((l) => l.replace(/\r\n$/, '\r')).join('');
    const report = await t.importText(crOnly, { workers: 2 });
    expect(report.issues).toEqual([]);
    expect(report.counts.persons.created).toBe(300);
  });

  it('refuses malformed files whole: bad quoting, broken UTF-8, a foreign header, a fake XLSX', async () => {
    const header = htcdsHeader().join(',');
    const cases: [string | Uint8Array, 'csv' | 'xlsx', RegExp][] = [
      [
        `jar_PersonExternalId,prs_FirstName\nP1,Som"chai\n`,
        'csv',
        /row 2, column 2: a quote inside an unquoted cell/,
      ],
      [
        `jar_PersonExternalId,prs_FirstName\nP1,"Som"chai\n`,
        'csv',
        /row 2, column 2: text after the closing quote/,
      ],
      [
        Buffer.concat([
          Buffer.from('jar_PersonExternalId,prs_FirstName\nP1,'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from('\n'),
        ]),
        'csv',
        /not valid UTF-8/,
      ],
      [`jar_PersonExternalId,FirstName\nP1,A\n`, 'csv', /column 2 "FirstName" is not an HTCDS 2.0 field/],
      [`${header}\n`, 'csv', /a header but no rows/],
      [
        Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200, 7)]),
        'xlsx',
        /not a readable XLSX workbook/,
      ],
      [`${header}\n`, 'xlsx', /not an XLSX workbook \(it is not a ZIP archive\)/],
    ];
    for (const [data, format, message] of cases) {
      await expect(t.importText(data, { format }), String(message)).rejects.toThrow(message);
    }
    await expect(t.importText(csvOf(rows(3)), { maxBytes: 1000 })).rejects.toThrow(
      /larger than the limit of 1000 bytes \(JARING_HTCDS_MAX_BYTES\)/,
    );
    expect(await count('persons')).toBe(0);
  });
});

describe('importing', () => {
  it('scores an assessment for each victim from the mapped fields; forced criminality raises the flag', async () => {
    const scam = htcdsRow(0); // i % 3 === 0: forced criminality, methods of control include debt bondage
    const report = await t.importText(csvOf([scam]));
    expect(report.counts.assessments).toBe(1);
    const a = await t.db.selectFrom('identification_assessments').selectAll().executeTakeFirstOrThrow();
    expect(a.non_punishment).toBe(true);
    expect(a.decision).toBe('presumed_victim');
    const sets = Object.fromEntries(
      a.answers.map((s) => [s.setId, s.answers.map((x) => x.indicatorId).sort()]),
    );
    expect(sets['ilo-forced-labour-11']).toEqual([
      'fl_debt_bondage',
      'fl_intimidation_threats',
      'fl_retention_of_documents',
    ]);
    expect(sets['forced-criminality-online-scams']).toEqual(
      expect.arrayContaining([
        'fc_forced_online_fraud',
        'fc_other_crimes',
        'fc_moved_to_compound',
        'fc_recruited_job_offer',
      ]),
    );
    const narrative = openNarrative(t.cipher, a.id, a.narrative_enc);
    expect(narrative).not.toBe('tampered');
    if (narrative !== 'tampered') {
      expect(narrative.rationale).toMatch(/Scored by an HTCDS import \(test.csv, row 2\)/);
      expect(narrative.notes['ilo-forced-labour-11/fl_debt_bondage']).toMatch(
        /vic_MethodsOfControl = DebtBondage/,
      );
    }
  });

  it('writes a person or case met again in a later batch once, with each row its own link, event, plan and item: new and stored ones alike', async () => {
    // Four cases of five persons, their rows spread over every batch of five, and a person in two
    // cases; then eight new persons join the stored cases.
    const file = [
      ...Array.from({ length: 20 }, (_, i) => htcdsRow(i, { cases: 4 })),
      htcdsRow(2, { caseNo: 3 }),
    ];
    const more = [...file, ...Array.from({ length: 8 }, (_, i) => htcdsRow(20 + i, { cases: 4 }))];
    const first = await t.importText(csvOf(file), { batchSize: 5 });
    expect((await t.exportBytes()).bytes.toString('utf8')).toBe(csvOf(sortRows(file)));
    const second = await t.importText(csvOf(more), { batchSize: 5 });
    expect((await t.exportBytes()).bytes.toString('utf8')).toBe(csvOf(sortRows(more)));
    expect(first.counts.persons.created).toBe(20);
    expect(first.counts.cases.created).toBe(4);
    expect(first.counts.links.created).toBe(21);
    expect(second.counts.persons).toEqual({ created: 8, updated: 0, unchanged: 20 });
    expect(second.counts.cases).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(second.counts.links).toEqual({ created: 8, updated: 0, unchanged: 21 });
    // The same counts as each file in one batch, where no row meets an earlier batch's records.
    const whole = await htcdsDatabase();
    try {
      expect((await whole.importText(csvOf(file), { batchSize: 1000 })).counts).toEqual(first.counts);
      expect((await whole.importText(csvOf(more), { batchSize: 1000 })).counts).toEqual(second.counts);
    } finally {
      await whole.close();
    }
  });

  it('is idempotent: the same file again changes nothing; a changed row updates only its records', async () => {
    const file = rows(6);
    const first = await t.importText(csvOf(file));
    expect(first.counts.persons).toEqual({ created: 6, updated: 0, unchanged: 0 });
    const audits = await count('audit_entries');
    const again = await t.importText(csvOf(file));
    expect(again.counts.persons).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(again.counts.cases).toEqual({ created: 0, updated: 0, unchanged: 6 });
    expect(again.counts.assessments).toBe(0);
    // Only the import's own start and end entries.
    expect(await count('audit_entries')).toBe(audits + 2);

    const changed = file.map((r, i) =>
      i === 2
        ? { ...r, prs_MobilePhone: '+66 81 234 5678', cco_CaseComment: 'Second interview refused.' }
        : r,
    );
    const third = await t.importText(csvOf(changed));
    expect(third.counts.persons).toEqual({ created: 0, updated: 1, unchanged: 5 });
    expect(third.counts.comments).toEqual({ created: 1, updated: 0, unchanged: 5 });
    // The assessment's inputs did not change: no new assessment.
    expect(third.counts.assessments).toBe(0);
    expect(await count('case_comments')).toBe(7);
    const person = await t.db
      .selectFrom('persons')
      .select(['id', 'mobile_phone_enc'])
      .where('external_id', '=', file[2]?.jar_PersonExternalId ?? '')
      .executeTakeFirstOrThrow();
    const context = fieldContext('persons', 'mobile_phone_enc', person.id);
    expect(t.cipher.decrypt(person.mobile_phone_enc ?? '', context)).toBe('+66812345678');

    const status = file.map((r, i) =>
      i === 1 ? { ...r, vic_TraffickingStatus: 'NotAVictimOfTrafficking' } : r,
    );
    const fourth = await t.importText(csvOf(status));
    expect(fourth.counts.assessments).toBe(1);
  });

  it('seals and writes in worker threads exactly as on the main thread: every value opens, the same entries are audited', async () => {
    const file = rows(45);
    const actions = async (db: HtcdsDatabase['db']) =>
      (await db.selectFrom('audit_entries').select('action').orderBy('id').execute()).map((a) => a.action);
    const first = await t.importText(csvOf(file), { sealWorker: true, writerThread: true, batchSize: 20 });
    expect(first.counts.persons.created).toBe(45);
    const audited = await actions(t.db);
    // Every value the worker sealed opens with the node's cipher: the export gives the file back.
    expect((await t.exportBytes()).bytes.toString('utf8')).toBe(csvOf(file));
    for (const a of await t.db
      .selectFrom('identification_assessments')
      .select(['id', 'narrative_enc'])
      .execute())
      expect(openNarrative(t.cipher, a.id, a.narrative_enc)).not.toBe('tampered');
    // The keyed search columns the worker computed are the node's own.
    const keys = await searchKeys(t.db, t.cipher);
    const stored = await t.db
      .selectFrom('persons')
      .select(['external_id', 'name_tokens', 'birthdate_key'])
      .execute();
    const byKey = new Map(stored.map((p) => [p.external_id, p]));
    for (const r of file) {
      expect(byKey.get(r.jar_PersonExternalId ?? '')).toMatchObject({
        name_tokens: nameTokens(keys, [r.prs_FirstName, r.prs_MiddleName, r.prs_SecondName]),
        birthdate_key: r.prs_Birthdate ? birthdateKey(keys, r.prs_Birthdate) : null,
      });
    }
    const onMain = await htcdsDatabase();
    try {
      const report = await onMain.importText(csvOf(file), {
        sealWorker: false,
        writerThread: false,
        batchSize: 20,
      });
      expect(first.counts).toEqual(report.counts);
      expect(audited).toEqual(await actions(onMain.db));
    } finally {
      await onMain.close();
    }
    const again = await t.importText(csvOf(file), { sealWorker: true, writerThread: true, batchSize: 20 });
    expect(again.counts.persons).toEqual({ created: 0, updated: 0, unchanged: 45 });
    // Updates through the worker: a name, a vulnerability note, an event's description, a comment.
    const changed = file.map((r, i) =>
      i === 7
        ? {
            ...r,
            prs_FirstName: 'Malee',
            vic_DetailsOfVulnerabilities: 'Owes nothing now.',
            hte_Description: 'Moved twice.',
            cco_CaseComment: 'Second interview refused.',
          }
        : r,
    );
    const third = await t.importText(csvOf(changed), { sealWorker: true, writerThread: true, batchSize: 20 });
    expect(third.counts.persons).toEqual({ created: 0, updated: 1, unchanged: 44 });
    expect(third.counts.events).toEqual({ created: 0, updated: 1, unchanged: 44 });
    expect((await t.exportBytes()).bytes.toString('utf8')).toBe(csvOf(changed));
    const tampered = await t.db
      .selectFrom('audit_entries')
      .select('action')
      .where('action', 'like', '%tamper%')
      .execute();
    expect(tampered).toEqual([]);
  });

  it("fails with the database's error when the writer thread's connection is lost, keeps the committed batches, and a re-run completes them exactly", async () => {
    const file = rows(60);
    let batches = 0;
    const failed = t.importText(csvOf(file), {
      writerThread: true,
      batchSize: 20,
      // After the first batch commits, before the second is sent: its server process is ended.
      onBatch: async () => {
        if (batches++ > 0) return;
        const ended = await sql<{ ok: boolean }>`select pg_terminate_backend(pid, 10000) as ok
          from pg_stat_activity
          where datname = current_database() and application_name = 'jaring htcds import'`.execute(t.db);
        expect(ended.rows).toEqual([{ ok: true }]);
      },
    });
    await expect(failed).rejects.toThrow(/terminat/i);
    expect(await count('persons')).toBe(20);
    const again = await t.importText(csvOf(file), { writerThread: true, batchSize: 20 });
    expect(again.counts.persons).toEqual({ created: 40, updated: 0, unchanged: 20 });
    expect(await count('persons')).toBe(60);
    expect((await t.exportBytes()).bytes.toString('utf8')).toBe(csvOf(file));
  });

  it('with partial, writes the good rows and skips every row of a person or case with a problem', async () => {
    const [a, b, c] = rows(3);
    const file = [
      a ?? {},
      { ...b, prs_Birthdate: 'soon' },
      { ...c, jar_CaseExternalId: b?.jar_CaseExternalId ?? '' },
    ];
    const report = await t.importText(csvOf(file), { partial: true });
    expect(report.issues.map((i) => i.row)).toEqual([3]);
    expect(report.writtenRows).toBe(1);
    expect(report.skippedRows).toBe(2);
    expect(await count('persons')).toBe(1);
  });

  it('refuses rows naming a person merged into another, and names the survivor', async () => {
    await t.importText(csvOf(rows(3)));
    const ids = await t.db
      .selectFrom('persons')
      .select(['id', 'external_id'])
      .where('external_id', 'in', ['TH-P-000000', 'TH-P-000001'])
      .execute();
    const idOf = (key: string) => ids.find((r) => r.external_id === key)?.id ?? '';
    const { userId } = t.caseworker;
    await t.db
      .insertInto('person_merges')
      .values({
        id: crypto.randomUUID(),
        agency_id: t.agencyId,
        survivor_id: idOf('TH-P-000000'),
        merged_id: idOf('TH-P-000001'),
        status: 'merged',
        evidence: JSON.stringify({}),
        reason_enc: 'x',
        proposed_by: userId,
        decided_by: userId,
        decided_at: new Date(),
        decision_note_enc: 'x',
        self_confirmed: true,
      })
      .execute();
    const changed = rows(3).map((r) => ({ ...r, prs_Title: 'Dr' }));
    const persons = await t.db.selectFrom('persons').select('title').execute();
    const refused = await t.importText(csvOf(changed));
    expect(refused.written).toBe(false);
    expect(refused.issues).toEqual([
      {
        row: 3,
        column: 'jar_PersonExternalId',
        message: 'person "TH-P-000001" was merged into person "TH-P-000000": use the surviving person\'s id',
      },
    ]);
    expect(await t.db.selectFrom('persons').select('title').execute()).toEqual(persons);

    const partial = await t.importText(csvOf(changed), { partial: true });
    expect(partial.counts.persons).toEqual({ created: 0, updated: 2, unchanged: 0 });
    expect(partial.skippedRows).toBe(1);
  });

  it('reads a file with only some columns; absent columns keep their stored values', async () => {
    await t.importText(csvOf(rows(2)));
    const few = ['jar_PersonExternalId', 'prs_Title'];
    const report = await t.importText(csvOf([{ ...htcdsRow(0), prs_Title: 'Fisher' }, htcdsRow(1)], few));
    expect(report.counts.persons).toEqual({ created: 0, updated: 1, unchanged: 1 });
    const exported = (await t.exportBytes()).bytes.toString('utf8');
    expect(exported).toBe(csvOf([{ ...htcdsRow(0), prs_Title: 'Fisher' }, htcdsRow(1)]));
  });
});

describe('exporting', () => {
  it('leaves a tampered value empty, never garbage, and records that it was found', async () => {
    await t.importText(csvOf(rows(2)));
    const person = await t.db
      .selectFrom('persons')
      .select(['id', 'first_name_enc'])
      .where('external_id', '=', 'TH-P-000000')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('persons')
      .set({ first_name_enc: flipByte(person.first_name_enc ?? '', 14) })
      .where('id', '=', person.id)
      .execute();
    const { bytes: file } = await t.exportBytes();
    const expected = csvOf([{ ...htcdsRow(0), prs_FirstName: '' }, htcdsRow(1)]);
    expect(file.toString('utf8')).toBe(expected);
    const found = await t.db
      .selectFrom('audit_entries')
      .select(['record_id'])
      .where('action', '=', 'htcds.export_tamper_detected')
      .execute();
    expect(found).toEqual([{ record_id: person.id }]);
  });
});

describe('whole-file lookups', () => {
  it('take more keys than a statement can have parameters (65,535)', async () => {
    await t.importText(csvOf(rows(2)));
    const keys = Array.from({ length: 70_000 }, (_, i) => `TH-P-${String(i).padStart(6, '0')}`);
    const ids = await idsByKeys(t.db, 'persons', t.agencyId, keys);
    expect([...ids.keys()].sort()).toEqual(['TH-P-000000', 'TH-P-000001']);
    expect((await mergedAway(t.db, t.agencyId, ids)).size).toBe(0);
    const owners = await usersByName(t.db, t.agencyId, [...keys, 'CASEWORKER']);
    expect([...owners.keys()]).toEqual(['caseworker']);
  });
});

describe('batch lookups', () => {
  it("find each person's and case's first event, plan and item, and every link, by id", async () => {
    await t.importText(csvOf(rows(2)));
    const person = await t.db
      .selectFrom('persons')
      .select('id')
      .where('external_id', '=', 'TH-P-000000')
      .executeTakeFirstOrThrow();
    const links = await t.db.selectFrom('case_persons').select(['case_id', 'person_id', 'role']).execute();
    const link = links.find((l) => l.person_id === person.id);
    if (!link) throw new Error('the import linked no case');
    const plan = await t.db
      .selectFrom('support_plans')
      .select('id')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    const item = await t.db
      .selectFrom('support_plan_items')
      .select('id')
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    const base = { agency_id: t.agencyId, person_id: person.id, case_id: link.case_id };
    // An event recorded before the imported one is first; a plan and an item recorded after are not.
    const earlier = await t.db
      .insertInto('trafficking_events')
      .values({ ...base, type: 'Recruitment', created_at: sql<Date>`now() - interval '1 day'` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const later = await t.db
      .insertInto('support_plans')
      .values({ ...base, created_at: sql<Date>`now() + interval '1 day'` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('support_plan_items')
      .values({
        agency_id: t.agencyId,
        plan_id: plan.id,
        kind: 'medical',
        created_at: sql<Date>`now() + interval '1 day'`,
      })
      .execute();
    await t.db
      .insertInto('support_plan_items')
      .values({ agency_id: t.agencyId, plan_id: later.id, kind: 'shelter' })
      .execute();

    const events = await firstEvents(t.db, [person.id, person.id]);
    expect(events.map((e) => [e.id, e.case_id])).toEqual([[earlier.id, link.case_id]]);
    const plans = await firstPlans(t.db, [link.case_id]);
    expect(plans.find((p) => p.person_id === person.id)?.id).toBe(plan.id);
    expect(plans).toHaveLength(links.filter((l) => l.case_id === link.case_id).length);
    const items = await firstItems(t.db, [plan.id, later.id]);
    expect(items.get(plan.id)?.id).toBe(item.id);
    expect(items.get(later.id)?.kind).toBe('shelter');
    const found = await linksOf(t.db, [...new Set(links.map((l) => l.case_id))]);
    const key = (l: { case_id: string; person_id: string }) => `${l.case_id}/${l.person_id}`;
    expect(found.map(key).sort()).toEqual(links.map(key).sort());
  });
});
