import { randomUUID } from 'node:crypto';
import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import type { Exec } from '../../platform/db/database.ts';
import { invalid, notFound } from '../../platform/http/errors.ts';
import { findCase } from '../case-repo.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { maySeeCaseNarratives } from '../policy.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { maySeeCase, requireVisibleCase } from './access.ts';
import { recordCaseRead, recordCaseWrite } from './activity.ts';
import { EXTERNAL_ID_TAKEN, refuseDuplicate } from './duplicates.ts';
import type { ViewedEvent } from './events-presenters.ts';
import { type EventRow, findEvent, insertEvent, listCaseEvents, updateEvent } from './events-repo.ts';
import type { CreateEventInput, UpdateEventInput } from './events-schema.ts';
import { openNarrative } from './narrative.ts';
import { loadPersonRefs } from './person-refs.ts';
import { isLinkedPerson } from './plans-repo.ts';
import type { ActivityDetail } from './tables.ts';

// Trafficking events (HTCDS hte_) of the persons in a case. The description is encrypted and
// shown to caseworkers only.

function viewEvents(ctx: VictimsContext, rows: readonly EventRow[]): ViewedEvent[] {
  const allowed = maySeeCaseNarratives(ctx.principal.roles);
  return rows.map((row) => ({
    row,
    description: openNarrative(
      ctx.cipher,
      allowed,
      { table: 'trafficking_events', column: 'description_enc', id: row.id },
      row.description_enc,
    ),
  }));
}

async function present(ctx: VictimsContext, tx: Exec, rows: readonly EventRow[]) {
  const events = viewEvents(ctx, rows);
  const tampered: AuditEvent[] = events
    .filter((e) => e.description.status === 'tampered')
    .map((e) => ({
      actor: actorOf(ctx.principal),
      action: 'trafficking_event.tamper_detected',
      recordType: 'trafficking_event',
      recordId: e.row.id,
      change: { tampered: ['description'] },
    }));
  await appendAuditBatch(tx, tampered);
  const persons = await loadPersonRefs(
    ctx,
    tx,
    rows.map((r) => r.person_id),
  );
  return { events, persons };
}

function columnsOf(ctx: VictimsContext, id: string, input: UpdateEventInput) {
  const description = input.description;
  return {
    type: input.type,
    event_date: input.date,
    street: input.street,
    city: input.city,
    state: input.state,
    postal_code: input.postalCode,
    country: input.country,
    latitude: input.latitude,
    longitude: input.longitude,
    description_enc:
      description == null
        ? description
        : ctx.cipher.encrypt(description, fieldContext('trafficking_events', 'description_enc', id)),
  };
}

function eventDetail(input: UpdateEventInput): ActivityDetail {
  const detail: ActivityDetail = {};
  if (input.type !== undefined) detail.type = input.type;
  if (input.date !== undefined) detail.date = input.date;
  if (input.country !== undefined) detail.country = input.country;
  const places = ['street', 'city', 'state', 'postalCode', 'latitude', 'longitude'] as const;
  if (places.some((k) => input[k] !== undefined)) detail.placeChanged = true;
  if (input.description !== undefined) detail.descriptionChanged = true;
  return detail;
}

export async function addEvent(ctx: VictimsContext, caseId: string, input: CreateEventInput) {
  return refuseDuplicate({ trafficking_events_agency_id_external_id_key: EXTERNAL_ID_TAKEN }, () =>
    ctx.db.transaction().execute(async (tx) => {
      await requireVisibleCase(tx, ctx.principal, caseId);
      if (!(await isLinkedPerson(tx, caseId, input.personId))) {
        throw invalid('Invalid event: personId: is not linked to this case', [
          { path: 'personId', code: 'not_linked', message: 'is not linked to this case' },
        ]);
      }
      const id = randomUUID();
      const values = {
        ...columnsOf(ctx, id, input),
        id,
        agency_id: ctx.principal.agencyId,
        person_id: input.personId,
        case_id: caseId,
        external_id: input.externalId ?? null,
        created_by: ctx.principal.userId,
      };
      await insertEvent(tx, values);
      await recordCaseWrite(tx, ctx, {
        caseId,
        action: 'trafficking_event.create',
        recordType: 'trafficking_event',
        recordId: id,
        personId: input.personId,
        change: values,
        detail: eventDetail(input),
      });
      const row = await findEvent(tx, ctx.principal.agencyId, id);
      if (!row) throw new Error('the event just inserted is missing');
      return present(ctx, tx, [row]);
    }),
  );
}

export async function changeEvent(ctx: VictimsContext, eventId: string, input: UpdateEventInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const stored = await findEvent(tx, ctx.principal.agencyId, eventId, { forUpdate: true });
    const caseRow = stored?.case_id ? await findCase(tx, ctx.principal.agencyId, stored.case_id) : undefined;
    if (!stored || !caseRow || !(await maySeeCase(tx, ctx.principal, caseRow))) throw notFound('The event');
    const changes = columnsOf(ctx, eventId, input);
    await updateEvent(tx, eventId, changes);
    await recordCaseWrite(tx, ctx, {
      caseId: caseRow.id,
      action: 'trafficking_event.update',
      recordType: 'trafficking_event',
      recordId: eventId,
      personId: stored.person_id,
      change: { from: stored, changes },
      detail: eventDetail(input),
    });
    const row = await findEvent(tx, ctx.principal.agencyId, eventId);
    if (!row) throw new Error('the event just updated is missing');
    return present(ctx, tx, [row]);
  });
}

export async function listEvents(ctx: VictimsContext, caseId: string) {
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId);
    const rows = await listCaseEvents(tx, caseId);
    await recordCaseRead(tx, ctx, caseId, 'trafficking_event.list', { events: rows.map((r) => r.id) });
    return present(ctx, tx, rows);
  });
}
