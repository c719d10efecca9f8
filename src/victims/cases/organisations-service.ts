import type { AuditAction } from '../../platform/audit/actions.ts';
import { type AuditEvent, appendAudit } from '../../platform/audit/append.ts';
import { notFound } from '../../platform/http/errors.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { EXTERNAL_ID_TAKEN, refuseDuplicate } from './duplicates.ts';
import {
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  type OrganisationRow,
  updateOrganisation,
} from './organisations-repo.ts';
import type { CreateOrganisationInput, UpdateOrganisationInput } from './organisations-schema.ts';

// Organisations (HTCDS org_) of the agency: providers of support-plan items, responsible
// organisations of repatriation steps. Not personal data; audited all the same.

type Fields = Omit<UpdateOrganisationInput, 'name'>;

function columnsOf(input: Fields) {
  return {
    org_type: input.type,
    shipping_street: input.street,
    shipping_city: input.city,
    shipping_state: input.state,
    shipping_postal_code: input.postalCode,
    shipping_country: input.country,
    shipping_latitude: input.latitude,
    shipping_longitude: input.longitude,
    phone: input.phone,
  };
}

const audit = (
  ctx: VictimsContext,
  action: AuditAction,
  recordId: string | null,
  change: unknown,
): AuditEvent => ({
  actor: actorOf(ctx.principal),
  action,
  recordType: 'organisation',
  recordId,
  change,
});

const duplicates = { organisations_agency_id_external_id_key: EXTERNAL_ID_TAKEN };

export async function createOrganisation(ctx: VictimsContext, input: CreateOrganisationInput) {
  return refuseDuplicate(duplicates, () =>
    ctx.db.transaction().execute(async (tx) => {
      const row = await insertOrganisation(tx, {
        ...columnsOf(input),
        agency_id: ctx.principal.agencyId,
        external_id: input.externalId ?? null,
        name: input.name,
      });
      await appendAudit(tx, audit(ctx, 'organisation.create', row.id, row));
      return row;
    }),
  );
}

export async function changeOrganisation(ctx: VictimsContext, id: string, input: UpdateOrganisationInput) {
  return ctx.db.transaction().execute(async (tx) => {
    const stored = await findOrganisation(tx, ctx.principal.agencyId, id, { forUpdate: true });
    if (!stored) throw notFound('The organisation');
    const row = await updateOrganisation(tx, id, { ...columnsOf(input), name: input.name });
    await appendAudit(tx, audit(ctx, 'organisation.update', id, { from: stored, to: row }));
    return row;
  });
}

export async function readOrganisation(ctx: VictimsContext, id: string): Promise<OrganisationRow> {
  return ctx.db.transaction().execute(async (tx) => {
    const row = await findOrganisation(tx, ctx.principal.agencyId, id);
    if (!row) throw notFound('The organisation');
    await appendAudit(tx, audit(ctx, 'organisation.read', id, {}));
    return row;
  });
}

export async function listAgencyOrganisations(
  ctx: VictimsContext,
  query: { name?: string; type?: string; limit: number; cursor?: string },
) {
  return ctx.db.transaction().execute(async (tx) => {
    const rows = await listOrganisations(tx, ctx.principal.agencyId, {
      name: query.name,
      type: query.type,
      afterId: query.cursor,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    await appendAudit(tx, audit(ctx, 'organisation.list', null, { query, count: page.length }));
    const last = page.at(-1);
    return { organisations: page, nextCursor: rows.length > query.limit && last ? last.id : null };
  });
}
