import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../platform/audit/actions.ts';
import { type Actor, type AuditEvent, appendAudit, appendAuditBatch } from '../platform/audit/append.ts';
import type { FieldCipher } from '../platform/crypto/fields.ts';
import type { Db, Exec } from '../platform/db/database.ts';
import { type FieldIssue, HttpError, invalid, notFound } from '../platform/http/errors.ts';
import type { Principal } from '../platform/http/policy.ts';
import { findOrganisation } from './cases/organisations-repo.ts';
import { refuseMergedAway } from './duplicates/guard.ts';
import {
  mergeIdentity,
  openField,
  openIdentity,
  sealIdentity,
  searchColumns,
  TamperedError,
} from './identity.ts';
import { perpetratorColumns, profileColumns, victimColumns } from './person-columns.ts';
import type { CreatePersonInput, UpdatePersonInput } from './person-schema.ts';
import { maySearchByName, personView } from './policy.ts';
import type { OpenedPerson } from './presenters.ts';
import {
  findPerson,
  insertPerson,
  listPersons,
  type PersonRecord,
  refuseDuplicateExternalId,
  updatePerson,
  upsertPerpetratorContext,
  upsertVictimContext,
} from './repo.ts';
import { effectiveAge, personProblems } from './rules.ts';
import { nameTokens, pseudonymOf, type SearchKeys, searchKeys } from './search-keys.ts';

// Commands and queries on persons. Each runs in one transaction with its audit entries: a write
// and its entry commit together, and a read is returned only once its entry is written.

export type VictimsContext = { db: Db; cipher: FieldCipher; principal: Principal };

/** A person as one reader may see it: `opened` only for the identity view. */
export type ViewedPerson = { record: PersonRecord; pseudonym: string; opened: OpenedPerson | null };

export const actorOf = (p: Principal): Actor => ({ id: p.userId, label: p.username });
const todayUtc = () => new Date().toISOString().slice(0, 10);

function refuse(issues: FieldIssue[]): never {
  throw invalid(`Invalid person: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}

/** The HTCDS organisation lookups of a request: each must name an organisation of the agency. */
async function refuseForeignOrganisations(
  tx: Exec,
  agencyId: string,
  input: Pick<CreatePersonInput, 'victim' | 'perpetrator'>,
): Promise<void> {
  const refs: Array<[string, string | null | undefined]> = [
    ['victim.locationOfRecruitmentId', input.victim?.locationOfRecruitmentId],
    ['victim.locationOfExploitationId', input.victim?.locationOfExploitationId],
    ['perpetrator.organisationId', input.perpetrator?.organisationId],
  ];
  const issues: FieldIssue[] = [];
  for (const [path, id] of refs) {
    if (id && !(await findOrganisation(tx, agencyId, id)))
      issues.push({ path, code: 'unknown_organisation', message: 'no such organisation in your agency' });
  }
  if (issues.length > 0) refuse(issues);
}

function tamperedConflict(err: TamperedError): HttpError {
  return invalid(
    'A stored identity value failed authentication (it was modified in the database). Re-enter it to replace it.',
    err.fields.map((f) => ({ path: `identity.${f}`, code: 'tampered', message: 'is tampered' })),
    { status: 409, code: 'tampered' },
  );
}

function openPerson(cipher: FieldCipher, r: PersonRecord): OpenedPerson {
  const identity = openIdentity(cipher, r.person);
  const tampered = identity.tampered.map((k) => `identity.${k}`);
  const narrative = (path: string, table: string, column: string, sealed: string | null | undefined) => {
    const opened = openField(cipher, table, column, r.person.id, sealed ?? null);
    if (opened !== 'tampered') return opened.value;
    tampered.push(path);
    return null;
  };
  return {
    identity,
    detailsOfVulnerabilities: narrative(
      'victim.detailsOfVulnerabilities',
      'victim_contexts',
      'details_of_vulnerabilities_enc',
      r.victim?.details_of_vulnerabilities_enc,
    ),
    roleDetails: narrative(
      'perpetrator.roleDetails',
      'perpetrator_contexts',
      'role_details_enc',
      r.perpetrator?.role_details_enc,
    ),
    tampered,
  };
}

export function viewPerson(ctx: VictimsContext, keys: SearchKeys, record: PersonRecord): ViewedPerson {
  const view = personView(ctx.principal.roles, {
    hasVictimContext: record.victim !== null,
    hasPerpetratorContext: record.perpetrator !== null,
  });
  return {
    record,
    pseudonym: pseudonymOf(keys, record.person.id),
    opened: view === 'identity' ? openPerson(ctx.cipher, record) : null,
  };
}

/** The audit entries of showing these persons: one per person, and one per tampered record. */
export function readEvents(
  ctx: VictimsContext,
  action: AuditAction,
  viewed: readonly ViewedPerson[],
): AuditEvent[] {
  const actor = actorOf(ctx.principal);
  return viewed.flatMap((v) => {
    const view = v.opened ? 'identity' : 'pseudonym';
    const read: AuditEvent = {
      actor,
      action,
      recordType: 'person',
      recordId: v.record.person.id,
      change: { view },
    };
    const tampered = v.opened?.tampered ?? [];
    if (tampered.length === 0) return [read];
    return [
      read,
      {
        actor,
        action: 'person.tamper_detected',
        recordType: 'person',
        recordId: v.record.person.id,
        change: { tampered },
      },
    ];
  });
}

async function loadForView(ctx: VictimsContext, tx: Exec, keys: SearchKeys, id: string) {
  const record = await findPerson(tx, ctx.principal.agencyId, id);
  if (!record) throw notFound('The person');
  return viewPerson(ctx, keys, record);
}

export async function registerPerson(ctx: VictimsContext, input: CreatePersonInput): Promise<ViewedPerson> {
  const keys = await searchKeys(ctx.db, ctx.cipher);
  const id = randomUUID();
  const identity = input.identity ?? {};
  const profile = input.profile ?? {};
  const registeredOn = input.registeredOn ?? todayUtc();
  const facts = {
    registeredOn,
    birthdate: identity.birthdate ?? null,
    ageAtRegistration: profile.ageAtRegistration,
    storedAgeAtRegistration: null,
    ageWhenTrafficked: input.victim?.ageWhenTrafficked ?? null,
    typeOfExploitation: input.victim?.typeOfExploitation ?? [],
    forcedCriminalityTypes: input.victim?.forcedCriminalityTypes ?? [],
  };
  const problems = personProblems(facts);
  if (problems.length > 0) refuse(problems);
  const row = {
    ...profileColumns(profile),
    ...sealIdentity(ctx.cipher, id, identity),
    ...searchColumns(keys, null, identity),
    id,
    agency_id: ctx.principal.agencyId,
    external_id: input.externalId ?? null,
    registered_on: registeredOn,
    age_at_registration: effectiveAge(facts),
    age_is_estimate: facts.birthdate === null && (profile.ageIsEstimate ?? false),
    created_by: ctx.principal.userId,
  };
  return refuseDuplicateExternalId(() =>
    ctx.db.transaction().execute(async (tx) => {
      await refuseForeignOrganisations(tx, ctx.principal.agencyId, input);
      await insertPerson(tx, row);
      const victim = input.victim && victimColumns(ctx.cipher, id, input.victim);
      const perpetrator = input.perpetrator && perpetratorColumns(ctx.cipher, id, input.perpetrator);
      if (victim) await upsertVictimContext(tx, id, victim);
      if (perpetrator) await upsertPerpetratorContext(tx, id, perpetrator);
      await appendAudit(tx, {
        actor: actorOf(ctx.principal),
        action: 'person.create',
        recordType: 'person',
        recordId: id,
        change: { person: row, victim, perpetrator },
      });
      return loadForView(ctx, tx, keys, id);
    }),
  );
}

export async function readPerson(ctx: VictimsContext, id: string): Promise<ViewedPerson> {
  const keys = await searchKeys(ctx.db, ctx.cipher);
  return ctx.db.transaction().execute(async (tx) => {
    const viewed = await loadForView(ctx, tx, keys, id);
    await appendAuditBatch(tx, readEvents(ctx, 'person.read', [viewed]));
    return viewed;
  });
}

export async function changePerson(
  ctx: VictimsContext,
  id: string,
  input: UpdatePersonInput,
): Promise<ViewedPerson> {
  const keys = await searchKeys(ctx.db, ctx.cipher);
  return ctx.db.transaction().execute(async (tx) => {
    const stored = await findPerson(tx, ctx.principal.agencyId, id, { forUpdate: true });
    if (!stored) throw notFound('The person');
    await refuseMergedAway(tx, id, 'id');
    const identity = input.identity ?? {};
    const profile = input.profile ?? {};
    const opened = openIdentity(ctx.cipher, stored.person);
    let row: ReturnType<typeof sealIdentity> & ReturnType<typeof searchColumns>;
    let birthdate: string | null;
    try {
      birthdate = mergeIdentity(opened, identity, ['birthdate']).get('birthdate') ?? null;
      row = { ...sealIdentity(ctx.cipher, id, identity), ...searchColumns(keys, opened, identity) };
    } catch (err) {
      if (err instanceof TamperedError) throw tamperedConflict(err);
      throw err;
    }
    const facts = {
      registeredOn: input.registeredOn ?? stored.person.registered_on,
      birthdate,
      ageAtRegistration: profile.ageAtRegistration,
      storedAgeAtRegistration: stored.person.age_at_registration,
      ageWhenTrafficked:
        input.victim?.ageWhenTrafficked === undefined
          ? (stored.victim?.age_when_trafficked ?? null)
          : input.victim.ageWhenTrafficked,
      typeOfExploitation: input.victim?.typeOfExploitation ?? stored.victim?.type_of_exploitation ?? [],
      forcedCriminalityTypes:
        input.victim?.forcedCriminalityTypes ?? stored.victim?.forced_criminality_types ?? [],
    };
    const problems = personProblems(facts);
    if (problems.length > 0) refuse(problems);
    await refuseForeignOrganisations(tx, ctx.principal.agencyId, input);
    const changes = {
      ...profileColumns(profile),
      ...row,
      registered_on: input.registeredOn,
      age_at_registration: effectiveAge(facts),
      age_is_estimate:
        birthdate === null &&
        (profile.ageIsEstimate === undefined
          ? stored.person.age_is_estimate
          : (profile.ageIsEstimate ?? false)),
    };
    await updatePerson(tx, id, changes);
    const victim = input.victim && victimColumns(ctx.cipher, id, input.victim);
    const perpetrator = input.perpetrator && perpetratorColumns(ctx.cipher, id, input.perpetrator);
    if (victim) await upsertVictimContext(tx, id, victim);
    if (perpetrator) await upsertPerpetratorContext(tx, id, perpetrator);
    await appendAudit(tx, {
      actor: actorOf(ctx.principal),
      action: 'person.update',
      recordType: 'person',
      recordId: id,
      change: { person: changes, victim, perpetrator },
    });
    return loadForView(ctx, tx, keys, id);
  });
}

export async function listVisiblePersons(
  ctx: VictimsContext,
  query: { name?: string; limit: number; cursor?: string },
): Promise<{ persons: ViewedPerson[]; nextCursor: string | null }> {
  const keys = await searchKeys(ctx.db, ctx.cipher);
  let tokens: string | undefined;
  if (query.name !== undefined) {
    if (!maySearchByName(ctx.principal.roles)) {
      throw new HttpError(403, 'forbidden', 'Searching by name needs identity access (caseworkers).');
    }
    tokens = nameTokens(keys, [query.name]);
    if (tokens === '') refuse([{ path: 'name', code: 'no_letters', message: 'has no letters or digits' }]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const records = await listPersons(tx, ctx.principal.agencyId, {
      limit: query.limit + 1,
      afterId: query.cursor,
      nameTokens: tokens,
    });
    const page = records.slice(0, query.limit);
    const persons = page.map((r) => viewPerson(ctx, keys, r));
    await appendAuditBatch(tx, readEvents(ctx, 'person.list', persons));
    const last = page.at(-1);
    const more = records.length > query.limit && tokens === undefined;
    return { persons, nextCursor: more && last ? last.person.id : null };
  });
}
