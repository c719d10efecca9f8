import { appendAudit, appendAuditBatch } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Exec } from '../../platform/db/database.ts';
import { HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { openField } from '../identity.ts';
import { normalisePhone } from '../person-schema.ts';
import { findPerson, findPersons, type PersonRow } from '../repo.ts';
import {
  birthdateKey,
  identityNumberKey,
  nameTokens,
  phoneKey,
  type SearchKeys,
  searchKeys,
} from '../search-keys.ts';
import { actorOf, readEvents, type VictimsContext, type ViewedPerson, viewPerson } from '../service.ts';
import { type CandidateRow, mergedInto, searchCandidates, tombstoneMerge } from './repo.ts';
import type { CheckInput } from './schema.ts';
import { birthFacts, type Evidence, type Probe, scoreCandidate } from './score.ts';

// Possible duplicates of a person, or of a registration not yet saved. Caseworkers only (the answer
// shows identities). Each search writes its audit entry and one read entry per candidate shown.

export type Candidate = { viewed: ViewedPerson; evidence: Evidence };

/** Below this a candidate is noise: a faint name likeness and nothing else. */
export const MIN_SCORE = 0.15;
const todayUtc = () => new Date().toISOString().slice(0, 10);

export function storedProbe(cipher: FieldCipher, row: CandidateRow | PersonRow): Probe {
  const sealed = openField(cipher, 'persons', 'birthdate_enc', row.id, row.birthdate_enc);
  return {
    tokens: row.name_tokens,
    birthdateKey: row.birthdate_key,
    identityNumberKey: row.identity_number_key,
    phoneKeys: row.phone_keys,
    // A tampered birth date compares as unknown; its keyed value still matches exactly.
    birth: birthFacts({
      birthdate: sealed === 'tampered' ? null : sealed.value,
      ageAtRegistration: row.age_at_registration,
      registeredOn: row.registered_on,
    }),
  };
}

export function probeOfInput(keys: SearchKeys, input: CheckInput): Probe {
  const id = input.identity;
  const phones = [id.homePhone, id.mobilePhone].filter((p): p is string => Boolean(p)).map(normalisePhone);
  return {
    tokens: nameTokens(keys, [id.firstName, id.middleName, id.secondName]),
    birthdateKey: id.birthdate ? birthdateKey(keys, id.birthdate) : null,
    identityNumberKey: id.identityNumber ? identityNumberKey(keys, id.identityNumber) : null,
    phoneKeys: [...new Set(phones.map((p) => phoneKey(keys, p)))],
    birth: birthFacts({
      birthdate: id.birthdate ?? null,
      ageAtRegistration: input.profile?.ageAtRegistration ?? null,
      registeredOn: input.registeredOn ?? todayUtc(),
    }),
  };
}

async function rankCandidates(
  ctx: VictimsContext,
  tx: Exec,
  keys: SearchKeys,
  probe: Probe,
  excludeIds: readonly string[],
  limit: number,
): Promise<Candidate[]> {
  const rows = await searchCandidates(tx, { ...probe, agencyId: ctx.principal.agencyId, excludeIds });
  const best = rows
    .map((row) => ({ id: row.id, evidence: scoreCandidate(probe, storedProbe(ctx.cipher, row)) }))
    .filter((c) => c.evidence.score >= MIN_SCORE)
    .sort((a, b) => b.evidence.score - a.evidence.score || a.id.localeCompare(b.id))
    .slice(0, limit);
  const records = new Map(
    (
      await findPersons(
        tx,
        ctx.principal.agencyId,
        best.map((c) => c.id),
      )
    ).map((r) => [r.person.id, r]),
  );
  return best.flatMap((c) => {
    const record = records.get(c.id);
    return record ? [{ viewed: viewPerson(ctx, keys, record), evidence: c.evidence }] : [];
  });
}

/** Candidates for a registration before it is saved (the registration wizard's warning). */
export async function checkRegistration(ctx: VictimsContext, input: CheckInput): Promise<Candidate[]> {
  const keys = await searchKeys(ctx.db, ctx.cipher);
  const probe = probeOfInput(keys, input);
  if (probe.tokens === '' && probe.identityNumberKey === null && probe.phoneKeys.length === 0) {
    throw invalid('Give a name, an identity number or a phone number to look for.', [
      {
        path: 'identity',
        code: 'nothing_to_search',
        message: 'needs a name with letters or digits, an identity number or a phone',
      },
    ]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const candidates = await rankCandidates(ctx, tx, keys, probe, [], input.limit);
    // The question is an identity read too ("is this person registered?"); its values stay out of the digest.
    await appendAudit(tx, {
      actor: actorOf(ctx.principal),
      action: 'person.duplicate_check',
      recordType: 'person',
      recordId: null,
      change: { candidates: candidates.map((c) => c.viewed.record.person.id) },
    });
    await appendAuditBatch(
      tx,
      readEvents(
        ctx,
        'person.duplicate_candidate',
        candidates.map((c) => c.viewed),
      ),
    );
    return candidates;
  });
}

/** Candidates for a registered person, leaving out itself and whoever is already merged into it. */
export async function duplicatesOf(
  ctx: VictimsContext,
  personId: string,
  limit: number,
): Promise<{ subject: ViewedPerson; candidates: Candidate[] }> {
  const keys = await searchKeys(ctx.db, ctx.cipher);
  return ctx.db.transaction().execute(async (tx) => {
    const record = await findPerson(tx, ctx.principal.agencyId, personId);
    if (!record) throw notFound('The person');
    const tombstone = await tombstoneMerge(tx, personId);
    if (tombstone) {
      throw new HttpError(
        409,
        'merged',
        `This person was merged into ${tombstone.survivor_id}; look for duplicates from that record.`,
      );
    }
    const subject = viewPerson(ctx, keys, record);
    const absorbed = (await mergedInto(tx, ctx.principal.agencyId, personId)).map((m) => m.merged_id);
    const probe = storedProbe(ctx.cipher, record.person);
    const candidates = await rankCandidates(ctx, tx, keys, probe, [personId, ...absorbed], limit);
    await appendAudit(tx, {
      actor: actorOf(ctx.principal),
      action: 'person.duplicate_search',
      recordType: 'person',
      recordId: personId,
      change: { candidates: candidates.map((c) => c.viewed.record.person.id) },
    });
    await appendAuditBatch(
      tx,
      readEvents(
        ctx,
        'person.duplicate_candidate',
        candidates.map((c) => c.viewed),
      ),
    );
    return { subject, candidates };
  });
}
