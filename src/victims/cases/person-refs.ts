import { appendAuditBatch } from '../../platform/audit/append.ts';
import type { Exec } from '../../platform/db/database.ts';
import { findPersons } from '../repo.ts';
import { searchKeys } from '../search-keys.ts';
import { readEvents, type VictimsContext, type ViewedPerson, viewPerson } from '../service.ts';

// Persons named by case-management records, as this reader may see them: the pseudonym always, the
// name only in the identity view (../policy.ts). Showing them is a read: audited as person.read.

export type PersonRefs = ReadonlyMap<string, ViewedPerson>;

export async function loadPersonRefs(
  ctx: VictimsContext,
  tx: Exec,
  ids: readonly string[],
): Promise<PersonRefs> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const keys = await searchKeys(ctx.db, ctx.cipher);
  const records = await findPersons(tx, ctx.principal.agencyId, unique);
  const viewed = records.map((r) => viewPerson(ctx, keys, r));
  await appendAuditBatch(tx, readEvents(ctx, 'person.read', viewed));
  return new Map(viewed.map((v) => [v.record.person.id, v]));
}

/** `{ id, pseudonym, view, name? }`; a person no longer found shows only its id. */
export function presentPersonRef(refs: PersonRefs, id: string) {
  const v = refs.get(id);
  if (!v) return { id, pseudonym: '', view: 'pseudonym' as const };
  if (!v.opened) return { id, pseudonym: v.pseudonym, view: 'pseudonym' as const };
  const o = v.opened.identity;
  const parts = [o.text('firstName'), o.text('middleName'), o.text('secondName')].filter((s) => s !== null);
  return {
    id,
    pseudonym: v.pseudonym,
    view: 'identity' as const,
    name: parts.length > 0 ? parts.join(' ') : null,
  };
}
