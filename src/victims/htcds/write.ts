import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { DB, Exec } from '../../platform/db/database.ts';
import type { Catalog } from '../identification/types.ts';
import { searchColumns } from '../identity.ts';
import { findPersons, updatePerson, upsertPerpetratorContext, upsertVictimContext } from '../repo.ts';
import type { SearchKeys } from '../search-keys.ts';
import { assessmentWrite, type Derived, deriveAssessment, derivedSignature } from './assess.ts';
import { type BatchStatement, copyRows, isCopy } from './copy-text.ts';
import { FileProblem } from './csv.ts';
import { mergeBlock, mergeCase, mergeOrganisation, mergePerson } from './merge.ts';
import type { ParsedRow } from './parse-row.ts';
import { blank, type Plain, partText, text } from './plain.ts';
import { recordQueries } from './recorder.ts';
import * as repo from './repo.ts';
import {
  caseColumns,
  eventColumns,
  itemColumns,
  organisationColumns,
  perpetratorColumns,
  personColumns,
  personRole,
  planColumns,
  referralColumns,
  type SearchOf,
  sealer,
  victimColumns,
} from './rows.ts';
import { resolveParameters, type SealPool } from './seal-pool.ts';
import {
  FULL_VIEW,
  type PersonPlain,
  plainCase,
  plainEvent,
  plainItem,
  plainOrganisation,
  plainPerson,
  plainPlan,
} from './stored.ts';

// Writes one batch of checked rows in the caller's transaction: loads what the rows' keys already
// name, lays each row over it (merge.ts), and inserts or updates only what differs, with the audit
// entries. Run again on the same rows, it finds everything equal and writes nothing.

export type Who = { userId: string; username: string; agencyId: string };
export type Tally = { created: number; updated: number; unchanged: number };
const RECORDS = [
  'persons',
  'cases',
  'links',
  'organisations',
  'referrals',
  'comments',
  'events',
  'plans',
  'items',
] as const;
export type ImportCounts = Record<(typeof RECORDS)[number], Tally> & { assessments: number };

const tally = (): Tally => ({ created: 0, updated: 0, unchanged: 0 });
export const emptyCounts = (): ImportCounts => ({
  persons: tally(),
  cases: tally(),
  links: tally(),
  organisations: tally(),
  referrals: tally(),
  comments: tally(),
  events: tally(),
  plans: tally(),
  items: tally(),
  assessments: 0,
});

/**
 * Persons, cases and organisations this import has written or found so far (key or name → id): a
 * later row of one only refers to it. Batches are prepared while the one before is being written,
 * so what a batch needs of earlier batches comes from here, not from the database.
 */
export type RunState = {
  persons: Map<string, string>;
  cases: Map<string, string>;
  orgs: Map<string, string>;
  /** Ids of the persons and cases this import created (not found stored). */
  created: Set<string>;
};

export const newRun = (): RunState => ({
  persons: new Map(),
  cases: new Map(),
  orgs: new Map(),
  created: new Set(),
});

export type BatchContext = {
  run: RunState;
  /** For reading what is stored; the writes go in applyBatch's transaction. */
  db: Exec;
  cipher: FieldCipher;
  /** Seals the batch's values in a worker thread (large files); without it they are sealed here. */
  seals?: SealPool;
  /** The batch goes to the writer thread, which sends rows of one shape as a COPY (copy-text.ts). */
  copy?: boolean;
  keys: SearchKeys;
  catalog: Catalog;
  who: Who;
  importId: string;
  source: string;
  today: string;
};

/** Parents before children: the order the inserts run in. */
const TABLES = [
  'organisations',
  'persons',
  'victim_contexts',
  'perpetrator_contexts',
  'htcds_interview_consents',
  'cases',
  'case_persons',
  'htcds_case_referrals',
  'case_comments',
  'trafficking_events',
  'support_plans',
  'support_plan_items',
  'identification_assessments',
] as const;
type Inserts = { [T in (typeof TABLES)[number]]: Insertable<DB[T]>[] };

const noInserts = (): Inserts => ({
  organisations: [],
  persons: [],
  victim_contexts: [],
  perpetrator_contexts: [],
  htcds_interview_consents: [],
  cases: [],
  case_persons: [],
  htcds_case_referrals: [],
  case_comments: [],
  trafficking_events: [],
  support_plans: [],
  support_plan_items: [],
  identification_assessments: [],
});

/** Everything a batch reads before it writes, keyed for lookup. */
async function loadStored(ctx: BatchContext, rows: readonly ParsedRow[]) {
  const { db: tx, who } = ctx;
  const fresh = (key: string | null, done: Map<string, string>) =>
    key !== null && !done.has(key) ? [key] : [];
  const personKeys = [...new Set(rows.flatMap((r) => fresh(r.personKey, ctx.run.persons)))];
  const caseKeys = [...new Set(rows.flatMap((r) => fresh(r.caseKey, ctx.run.cases)))];
  const personIds = await repo.idsByKeys(tx, 'persons', who.agencyId, personKeys);
  const caseIds = await repo.idsByKeys(tx, 'cases', who.agencyId, caseKeys);
  const pIds = [...personIds.values()];
  // The check pass refused tombstones; one merged since then stops the import here.
  const merged = await repo.mergedAway(tx, who.agencyId, personIds);
  if (merged.size > 0) {
    const [key, survivor] = [...merged][0] ?? [];
    throw new FileProblem(
      `person "${key}" was merged into person "${survivor}" while the file was being imported; run the import again.`,
    );
  }
  const cIds = [...caseIds.values()];
  // Links, events and plans of persons and cases met in earlier batches count too, unless this
  // import created the person or case: a person–case pair appears once in a file (check.ts), so what
  // the import wrote for one it created is another pair's, never the row's own.
  const idOf = (key: string | null, fresh: Map<string, string>, done: Map<string, string>) => {
    const id = key === null ? undefined : (fresh.get(key) ?? done.get(key));
    return id === undefined || ctx.run.created.has(id) ? [] : [id];
  };
  const allPersons = [...new Set(rows.flatMap((r) => idOf(r.personKey, personIds, ctx.run.persons)))];
  const allCases = [...new Set(rows.flatMap((r) => idOf(r.caseKey, caseIds, ctx.run.cases)))];
  const records = new Map((await findPersons(tx, who.agencyId, pIds)).map((r) => [r.person.id, r]));
  const cases = new Map((await repo.casesByIds(tx, who.agencyId, cIds)).map((c) => [c.id, c]));
  const referrals = await repo.referralsOf(tx, cIds);
  const plans = new Map((await repo.firstPlans(tx, allCases)).map((p) => [`${p.case_id}/${p.person_id}`, p]));
  const orgIds = [
    ...[...records.values()].flatMap((r) => [
      r.victim?.location_of_recruitment_id,
      r.victim?.location_of_exploitation_id,
      r.perpetrator?.organisation_id,
    ]),
    ...[...referrals.values()].flatMap((r) => [r.referring_organisation_id, r.referred_organisation_id]),
  ].filter((id): id is string => typeof id === 'string');
  const names = rows.flatMap((r) =>
    [
      r.values.victim.locationOfRecruitment,
      r.values.victim.locationOfExploitation,
      r.values.perpetrator.organisation,
      r.values.referral.referringOrganisation,
      r.values.referral.referredOrganisation,
      r.values.organisation.name,
    ].filter((n): n is string => typeof n === 'string' && !ctx.run.orgs.has(n)),
  );
  const owners = rows.flatMap((r) => (r.values.case.owner ? [r.values.case.owner] : []));
  return {
    personIds,
    caseIds,
    records,
    consents: await repo.interviewConsents(tx, pIds),
    assessments: await repo.latestAssessments(tx, who.agencyId, pIds),
    cases,
    referrals,
    comments: await repo.latestComments(tx, cIds),
    links: new Map((await repo.linksOf(tx, allCases)).map((l) => [`${l.case_id}/${l.person_id}`, l.role])),
    events: new Map(
      (await repo.firstEvents(tx, allPersons)).map((e) => [`${e.person_id}/${e.case_id ?? ''}`, e]),
    ),
    plans,
    items: await repo.firstItems(
      tx,
      [...plans.values()].map((p) => p.id),
    ),
    orgsById: await repo.organisationsByIds(tx, who.agencyId, orgIds),
    orgsByName: await repo.organisationsByNames(tx, who.agencyId, names),
    owners: await repo.usersByName(tx, who.agencyId, owners),
  };
}

const differs = (
  part: Parameters<typeof partText>[0],
  a: Plain | null | undefined,
  b: Plain | null | undefined,
) => partText(part, a) !== partText(part, b);

/** The assessment signature of the person's latest assessment, if any. */
function latestSignature(latest: repo.LatestAssessment | undefined): string | null {
  if (!latest) return null;
  return derivedSignature({
    subjectAge: latest.subject_age,
    decision: latest.decision,
    sets: latest.answers.map((s) => ({
      setId: s.setId,
      answers: new Map(s.answers.map((a) => [a.indicatorId, a.answer])),
    })),
  });
}

const YIELD_EVERY = 20;

/**
 * What a batch will write, computed from what is stored and compiled when the batch is prepared:
 * the inserts (parents before children), then the updates, then the audit entries' insert
 * (`appendAuditBatch`, with their digests). Sent as they are in one transaction (`applyBatch`, or
 * the writer thread of write-thread.ts).
 */
export type PreparedBatch = { statements: BatchStatement[] };

/**
 * Prepares a batch: reads what is stored, lays the rows over it, queues the values to seal, scores
 * the assessments, and counts. What it returns compiles the batch's statements once every value is
 * sealed: a caller with a seal worker prepares the next batch first, meanwhile.
 */
export async function prepareBatch(
  ctx: BatchContext,
  rows: readonly ParsedRow[],
  counts: ImportCounts,
): Promise<() => Promise<PreparedBatch>> {
  const { cipher, who } = ctx;
  const s = await loadStored(ctx, rows);
  // What the batch seals: values are pending until `settle` when a worker seals them.
  const sealing = ctx.seals?.cipher();
  const seal = sealer(sealing ?? cipher);
  const searchOf: SearchOf = sealing
    ? (identity) => sealing.searchColumns(identity)
    : (identity) => searchColumns(ctx.keys, null, identity);
  const inserts = noInserts();
  /** Updates of stored rows: recorded (recorder.ts) once the batch's values are sealed. */
  const later: ((tx: Exec) => Promise<unknown>)[] = [];
  const audit: AuditEvent[] = [];
  const actor = { id: who.userId, label: who.username };
  const tampered: string[] = [];
  const base = { via: 'htcds.import', importId: ctx.importId };

  // Organisations by name: the oldest of that name, else one created here.
  const orgByName = ctx.run.orgs;
  const orgChanges: unknown[] = [];
  const orgId = (name: string | null): string | null => {
    if (name === null) return null;
    const known = orgByName.get(name) ?? s.orgsByName.get(name)?.id;
    if (known) {
      orgByName.set(name, known);
      return known;
    }
    const id = randomUUID();
    inserts.organisations.push({ id, agency_id: who.agencyId, name });
    orgByName.set(name, id);
    counts.organisations.created += 1;
    orgChanges.push({ id, name });
    return id;
  };
  const describeOrg = (row: ParsedRow) => {
    const given = row.values.organisation.name ?? null;
    // The first row naming an organisation describes it; the check pass made the others agree.
    if (given === null || orgByName.has(given)) return;
    const stored = s.orgsByName.get(given);
    const merged = mergeOrganisation(plainOrganisation(stored), row);
    if (!merged) return;
    const name = text(merged, 'name');
    if (name === null) return;
    const columns = organisationColumns(merged);
    if (stored) {
      orgByName.set(name, stored.id);
      if (!differs('organisation', plainOrganisation(stored), merged)) return;
      later.push((tx) => tx.updateTable('organisations').set(columns).where('id', '=', stored.id).execute());
      counts.organisations.updated += 1;
      orgChanges.push({ id: stored.id, ...columns });
      return;
    }
    const id = randomUUID();
    inserts.organisations.push({ id, agency_id: who.agencyId, ...columns });
    orgByName.set(name, id);
    counts.organisations.created += 1;
    orgChanges.push({ id, ...columns });
  };

  const personState = ctx.run.persons;
  const caseState = ctx.run.cases;

  let done = 0;
  for (const row of rows) {
    // Let the batch being written meanwhile send its next statement: without this, PostgreSQL
    // waits for the whole preparation (measured: writing and preparing did not overlap at all).
    if (++done % YIELD_EVERY === 0) {
      sealing?.flush();
      await new Promise((resolve) => setImmediate(resolve));
    }
    orgChanges.length = 0;
    describeOrg(row);
    let personId: string | null = null;
    let caseId: string | null = null;

    if (row.personKey !== null) {
      personId = personState.get(row.personKey) ?? (await writePerson(row, row.personKey));
    }
    if (row.caseKey !== null) {
      caseId = caseState.get(row.caseKey) ?? (await writeCase(row, row.caseKey));
    }
    const children = writeChildren(row, personId, caseId);
    if (children || orgChanges.length > 0) {
      audit.push({
        actor,
        action: 'htcds.import_row',
        recordType: personId ? 'person' : 'case',
        recordId: personId ?? caseId,
        // Keys in sorted order (canonical JSON writes it without a copy); undefined ones are dropped.
        change: {
          event: children?.event,
          importId: base.importId,
          item: children?.item,
          link: children?.link,
          organisations: [...orgChanges],
          plan: children?.plan,
          row: row.row,
          via: base.via,
        },
      });
    }
  }

  async function writePerson(row: ParsedRow, key: string): Promise<string> {
    const storedId = s.personIds.get(key);
    const record = storedId ? s.records.get(storedId) : undefined;
    const stored = record
      ? plainPerson(
          cipher,
          record,
          { key, conConsent: s.consents.get(record.person.id) ?? null, orgs: s.orgsById, view: FULL_VIEW },
          tampered,
        )
      : undefined;
    const merged = mergePerson(stored, row, key, ctx.today);
    const id = record?.person.id ?? randomUUID();
    personState.set(key, id);
    if (!record) ctx.run.created.add(id);
    const parts = ['identity', 'profile', 'person', 'victim', 'perpetrator'] as const;
    // A new person is written whole: its parts are compared only with a stored one.
    const changed = stored ? parts.filter((p) => differs(p, stored[p], merged[p])) : [];
    if (stored && changed.length === 0) {
      counts.persons.unchanged += 1;
      return id;
    }
    const own = personColumns(sealing ?? cipher, searchOf, id, merged);
    const victim = merged.victim && victimColumns(seal, id, merged.victim, orgId);
    const perpetrator = merged.perpetrator && perpetratorColumns(seal, id, merged.perpetrator, orgId);
    const conConsent = merged.person.conConsent;
    if (!record) {
      inserts.persons.push({ ...own, id, agency_id: who.agencyId, external_id: key, created_by: who.userId });
      if (victim) inserts.victim_contexts.push({ ...victim, person_id: id });
      if (perpetrator) inserts.perpetrator_contexts.push({ ...perpetrator, person_id: id });
      if (typeof conConsent === 'boolean') {
        inserts.htcds_interview_consents.push({
          person_id: id,
          agency_id: who.agencyId,
          con_consent: conConsent,
        });
      }
      counts.persons.created += 1;
    } else {
      if (changed.some((p) => p === 'identity' || p === 'profile' || p === 'person')) {
        later.push((tx) => updatePerson(tx, id, own));
      }
      if (victim && changed.includes('victim')) later.push((tx) => upsertVictimContext(tx, id, victim));
      if (perpetrator && changed.includes('perpetrator'))
        later.push((tx) => upsertPerpetratorContext(tx, id, perpetrator));
      if (changed.includes('person')) later.push((tx) => writeConsent(tx, id, conConsent));
      counts.persons.updated += 1;
    }
    audit.push({
      actor,
      action: record ? 'person.update' : 'person.create',
      recordType: 'person',
      recordId: id,
      // Keys in sorted order, as the columns (rows.ts): canonical JSON writes it without a copy.
      change: {
        conConsent,
        importId: base.importId,
        perpetrator,
        person: own,
        row: row.row,
        via: base.via,
        victim,
      },
    });
    assess(row, id, merged, record !== undefined);
    return id;
  }

  async function writeConsent(tx: Exec, personId: string, value: unknown) {
    if (typeof value !== 'boolean') {
      await tx.deleteFrom('htcds_interview_consents').where('person_id', '=', personId).execute();
      return;
    }
    await tx
      .insertInto('htcds_interview_consents')
      .values({ person_id: personId, agency_id: who.agencyId, con_consent: value })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ con_consent: value, updated_at: new Date() }))
      .execute();
  }

  function assess(row: ParsedRow, personId: string, merged: PersonPlain, existed: boolean) {
    const derived: Derived | null = deriveAssessment(ctx.catalog, merged);
    if (!derived) return;
    if (existed && latestSignature(s.assessments.get(personId)) === derivedSignature(derived)) return;
    const written = assessmentWrite(sealing ?? cipher, ctx.catalog, who, personId, derived, {
      name: ctx.source,
      row: row.row,
    });
    if (!written) return;
    inserts.identification_assessments.push(written.row);
    audit.push(written.audit);
    counts.assessments += 1;
  }

  async function writeCase(row: ParsedRow, key: string): Promise<string> {
    const storedId = s.caseIds.get(key);
    const stored = storedId ? s.cases.get(storedId) : undefined;
    const referral = storedId ? s.referrals.get(storedId) : undefined;
    const comment = storedId ? s.comments.get(storedId) : undefined;
    const plain = stored
      ? plainCase(cipher, stored, { key, referral, comment, orgs: s.orgsById, view: FULL_VIEW }, tampered)
      : undefined;
    const merged = mergeCase(plain, row, key, ctx.today);
    const owner = text(merged, 'owner');
    const ownerRow = owner === null ? undefined : s.owners.get(owner.toLowerCase());
    merged.owner = ownerRow?.username ?? null;
    const id = stored?.id ?? randomUUID();
    caseState.set(key, id);
    if (!stored) ctx.run.created.add(id);
    const columns = caseColumns(seal, id, merged, ownerRow?.id ?? null);
    const caseChanged = !plain || differs('case', plain.case, merged);
    const closed = columns.status === 'closed';
    if (!stored) {
      inserts.cases.push({
        ...columns,
        id,
        agency_id: who.agencyId,
        external_id: key,
        closed_at: closed ? new Date() : null,
        created_by: who.userId,
      });
      counts.cases.created += 1;
    } else if (caseChanged) {
      const closedAt = closed ? (stored.status === 'closed' ? undefined : new Date()) : null;
      later.push((tx) =>
        tx
          .updateTable('cases')
          .set({ ...columns, closed_at: closedAt, updated_at: new Date() })
          .where('id', '=', id)
          .execute(),
      );
      counts.cases.updated += 1;
    } else counts.cases.unchanged += 1;

    const mergedReferral = mergeBlock('referral', plain?.referral, row);
    let referralColumns_: ReturnType<typeof referralColumns> | null = null;
    if (mergedReferral && differs('referral', plain?.referral, mergedReferral)) {
      const values = referralColumns(seal, id, mergedReferral, orgId);
      referralColumns_ = values;
      if (referral) {
        later.push((tx) =>
          tx
            .updateTable('htcds_case_referrals')
            .set({ ...values, updated_at: new Date() })
            .where('case_id', '=', id)
            .execute(),
        );
        counts.referrals.updated += 1;
      } else {
        inserts.htcds_case_referrals.push({ ...values, case_id: id, agency_id: who.agencyId });
        counts.referrals.created += 1;
      }
    } else if (mergedReferral) counts.referrals.unchanged += 1;
    const comment_ = writeComment(row, id, text(plain?.comment, 'body'));
    if (caseChanged || referralColumns_ || comment_) {
      audit.push({
        actor,
        action: stored ? 'case.update' : 'case.create',
        recordType: 'case',
        recordId: id,
        change: {
          ...base,
          row: row.row,
          case: caseChanged ? columns : undefined,
          referral: referralColumns_,
          comment: comment_,
        },
      });
    }
    return id;
  }

  /** A comment unlike the case's latest is appended (comments are history: never changed). */
  function writeComment(row: ParsedRow, caseId: string, latest: string | null) {
    if (!row.filled.has('comment')) return null;
    const body = row.values.comment.body ?? null;
    if (body === null || body === latest) {
      counts.comments.unchanged += 1;
      return null;
    }
    const id = randomUUID();
    const sealed = seal('case_comments', 'body_enc', id, body) ?? '';
    inserts.case_comments.push({
      id,
      agency_id: who.agencyId,
      case_id: caseId,
      author_id: who.userId,
      body_enc: sealed,
    });
    counts.comments.created += 1;
    return { id, body_enc: sealed };
  }

  /** The row's link, event, plan and item; what changed, for the audit entry. */
  function writeChildren(row: ParsedRow, personId: string | null, caseId: string | null) {
    const change: { event?: object; item?: object; link?: object; plan?: object } = {};
    if (personId && caseId) {
      const pair = `${caseId}/${personId}`;
      const storedRole = s.links.get(pair);
      const role = personRole(row.values.link.role ?? storedRole ?? 'victim');
      if (storedRole === undefined) {
        inserts.case_persons.push({
          case_id: caseId,
          person_id: personId,
          agency_id: who.agencyId,
          role,
          linked_by: who.userId,
        });
        s.links.set(pair, role);
        counts.links.created += 1;
        change.link = { role };
      } else if (storedRole !== role) {
        later.push((tx) =>
          tx
            .updateTable('case_persons')
            .set({ role })
            .where('case_id', '=', caseId)
            .where('person_id', '=', personId)
            .execute(),
        );
        counts.links.updated += 1;
        change.link = { role };
      } else counts.links.unchanged += 1;
    }
    if (personId && row.filled.has('event')) {
      const stored = s.events.get(`${personId}/${caseId ?? ''}`);
      const plain = plainEvent(cipher, stored, FULL_VIEW, tampered);
      const merged = mergeBlock('event', plain, row) ?? blank('event');
      const id = stored?.id ?? randomUUID();
      const values = eventColumns(seal, id, merged);
      if (!stored) {
        inserts.trafficking_events.push({
          ...values,
          id,
          agency_id: who.agencyId,
          person_id: personId,
          case_id: caseId,
          created_by: who.userId,
        });
        counts.events.created += 1;
        change.event = { id, ...values };
      } else if (differs('event', plain, merged)) {
        later.push((tx) =>
          tx
            .updateTable('trafficking_events')
            .set({ ...values, updated_at: new Date() })
            .where('id', '=', id)
            .execute(),
        );
        counts.events.updated += 1;
        change.event = { id, ...values };
      } else counts.events.unchanged += 1;
    }
    if (personId && caseId && (row.filled.has('plan') || row.filled.has('item'))) {
      const stored = s.plans.get(`${caseId}/${personId}`);
      const plain = plainPlan(cipher, stored, FULL_VIEW, tampered);
      const merged = mergeBlock('plan', plain, row) ?? plain ?? blank('plan');
      const planId = stored?.id ?? randomUUID();
      const values = planColumns(seal, planId, merged);
      if (!stored) {
        inserts.support_plans.push({
          ...values,
          id: planId,
          agency_id: who.agencyId,
          case_id: caseId,
          person_id: personId,
          created_by: who.userId,
        });
        counts.plans.created += 1;
        change.plan = { id: planId, ...values };
      } else if (differs('plan', plain, merged)) {
        later.push((tx) =>
          tx
            .updateTable('support_plans')
            .set({ ...values, updated_at: new Date() })
            .where('id', '=', planId)
            .execute(),
        );
        counts.plans.updated += 1;
        change.plan = { id: planId, ...values };
      } else counts.plans.unchanged += 1;
      if (row.filled.has('item')) {
        const storedItem = stored ? s.items.get(stored.id) : undefined;
        const itemPlain = plainItem(storedItem);
        const mergedItem = mergeBlock('item', itemPlain, row) ?? blank('item');
        const itemValues = itemColumns(mergedItem);
        if (!storedItem) {
          const id = randomUUID();
          inserts.support_plan_items.push({
            ...itemValues,
            id,
            agency_id: who.agencyId,
            plan_id: planId,
            created_by: who.userId,
          });
          counts.items.created += 1;
          change.item = { id, ...itemValues };
        } else if (differs('item', itemPlain, mergedItem)) {
          later.push((tx) =>
            tx
              .updateTable('support_plan_items')
              .set({ ...itemValues, updated_at: new Date() })
              .where('id', '=', storedItem.id)
              .execute(),
          );
          counts.items.updated += 1;
          change.item = { id: storedItem.id, ...itemValues };
        } else counts.items.unchanged += 1;
      }
    }
    return Object.keys(change).length > 0 ? change : null;
  }

  if (tampered.length > 0) {
    audit.push({
      actor,
      action: 'htcds.import_tamper_detected',
      recordType: 'import',
      recordId: null,
      change: { ...base, fields: [...new Set(tampered)] },
    });
  }
  sealing?.flush();
  return async () => {
    // Sealed values are read where they are (seal-pool.ts: PendingSeal) as the statements are compiled.
    await sealing?.settle();
    const statements: BatchStatement[] = [
      ...insertQueries(ctx.db, inserts, ctx.copy === true),
      ...(await recordQueries(async (db) => {
        for (const update of later) await update(db);
      })),
      ...(await recordQueries((db) => appendAuditBatch(db, audit))),
    ];
    return { statements: statements.map((s) => (isCopy(s) ? s : resolveParameters(s))) };
  };
}

/** The inserts, parents before children; with `copy`, rows of one shape as a COPY each table. */
function insertQueries(db: Exec, inserts: Inserts, copy: boolean): BatchStatement[] {
  const insert = <T extends Exclude<(typeof TABLES)[number], 'identification_assessments'>>(
    table: T,
  ): BatchStatement[] => {
    const rows = inserts[table];
    const columns = copy ? repo.sharedColumns(rows) : null;
    return columns ? [copyRows(table, columns, rows)] : repo.insertManyQueries(db, table, rows);
  };
  return [
    ...TABLES.flatMap((table) => (table === 'identification_assessments' ? [] : insert(table))),
    ...[repo.insertAssessmentsQuery(db, inserts.identification_assessments) ?? []].flat(),
  ];
}

/** Writes a prepared batch (prepared without `copy`) in the caller's transaction. */
export async function applyBatch(tx: Exec, p: PreparedBatch): Promise<void> {
  for (const statement of p.statements) {
    if (isCopy(statement)) throw new Error('a batch with a COPY is written by the writer thread');
    await tx.executeQuery(statement);
  }
}
