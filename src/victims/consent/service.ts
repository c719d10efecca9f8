import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Db, Exec, Tx } from '../../platform/db/database.ts';
import type { NodeIdentity } from '../../platform/http/context.ts';
import { conflict, notFound } from '../../platform/http/errors.ts';
import { withdrawReferralsRelyingOn } from '../../referrals/withdraw.ts';
import { refuseMergedAway } from '../duplicates/guard.ts';
import { tombstoneMerge } from '../duplicates/repo.ts';
import { findPerson, type PersonRow } from '../repo.ts';
import { ageOn } from '../rules.ts';
import { mayShare } from './decision.ts';
import { factsOf } from './presenters.ts';
import {
  databaseNow,
  findWithdrawal,
  insertConsent,
  insertWithdrawal,
  listConsents,
  lockConsent,
  lockConsentsForDecision,
} from './repo.ts';
import { CONSENT_RULES, isChildAt } from './rules.ts';
import type { RecordConsentInput, WithdrawInput } from './schema.ts';
import {
  type OpenedConsent,
  openConsent,
  openSealed,
  sealConsentName,
  sealWithdrawalNote,
} from './sealing.ts';
import type { Decision, ShareRequest } from './types.ts';

// Commands and queries of the consent module. Each runs in one transaction with its audit entry.
// Persons are reached through the victims repository, scoped to the caller's agency: a person of
// another agency is "not found".

/** Who acts: a logged-in principal fits. */
export type ConsentActor = { userId: string; username: string; agencyId: string };

const actorOf = (a: ConsentActor) => ({ id: a.userId, label: a.username });

async function requirePerson(db: Exec, actor: ConsentActor, personId: string, what = 'The person') {
  const record = await findPerson(db, actor.agencyId, personId);
  if (!record) throw notFound(what);
  return record.person;
}

export async function recordConsent(
  db: Db,
  cipher: FieldCipher,
  actor: ConsentActor,
  personId: string,
  input: RecordConsentInput,
): Promise<OpenedConsent> {
  return db.transaction().execute(async (tx) => {
    await requirePerson(tx, actor, personId);
    await refuseMergedAway(tx, personId, 'id');
    const id = randomUUID();
    const giver = input.givenBy.kind === 'subject' ? null : input.givenBy;
    const witness = input.method.witness ?? null;
    const seal = (column: string, value: string) => sealConsentName(cipher, column, id, value);
    const consent = await insertConsent(tx, {
      id,
      person_id: personId,
      agency_id: actor.agencyId,
      purpose: input.purpose,
      categories: input.categories,
      recipient_country: input.recipient.country,
      recipient_agency: input.recipient.agency ?? null,
      given_by: input.givenBy.kind,
      subject_age: input.subjectAge,
      giver_name_enc: giver ? seal('giver_name_enc', giver.name) : null,
      giver_relationship: giver ? giver.relationship : null,
      method: input.method.kind,
      form_sha256: input.method.kind === 'signed_form' ? input.method.formSha256 : null,
      witness_name_enc: witness ? seal('witness_name_enc', witness.name) : null,
      witness_role: witness?.role ?? null,
      interpreter_language: input.interpreter?.language ?? null,
      interpreter_name_enc: input.interpreter ? seal('interpreter_name_enc', input.interpreter.name) : null,
      con_consent: input.htcds.con_Consent,
      given_at: input.givenAt,
      expires_at: input.expiresAt,
      recorded_by: actor.userId,
    });
    // The digest covers what was agreed, not the names (a digest of a name can be confirmed by guessing).
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'consent.record',
      recordType: 'consent',
      recordId: id,
      change: { ...factsOf({ consent, withdrawal: null }), formSha256: consent.form_sha256 },
    });
    return openConsent(cipher, { consent, withdrawal: null });
  });
}

export async function withdrawConsent(
  db: Db,
  cipher: FieldCipher,
  actor: ConsentActor,
  consentId: string,
  input: WithdrawInput,
  /** The node's identity, to queue `referral.withdraw` for referrals that relied on the consent. */
  sharing?: { node: NodeIdentity },
): Promise<OpenedConsent> {
  return db.transaction().execute(async (tx) => {
    // Locked first: a share deciding on this consent finishes before, or sees the withdrawal.
    const consent = await lockConsent(tx, consentId);
    if (!consent) throw notFound('The consent');
    await requirePerson(tx, actor, consent.person_id, 'The consent');
    if (await findWithdrawal(tx, consentId)) throw conflict('The consent was already withdrawn.');
    const id = randomUUID();
    const withdrawal = await insertWithdrawal(tx, {
      id,
      consent_id: consentId,
      person_id: consent.person_id,
      stated_by: input.statedBy,
      method: input.method.kind,
      form_sha256: input.method.kind === 'written' ? input.method.formSha256 : null,
      note_enc: input.note === undefined ? null : sealWithdrawalNote(cipher, id, input.note),
      recorded_by: actor.userId,
    });
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'consent.withdraw',
      recordType: 'consent',
      recordId: consentId,
      change: {
        personId: consent.person_id,
        withdrawalId: id,
        statedBy: input.statedBy,
        method: withdrawal.method,
        formSha256: withdrawal.form_sha256,
        withdrawnAt: withdrawal.withdrawn_at.toISOString(),
      },
    });
    // Referrals sent under this consent are withdrawn, and their peers told, in this transaction.
    await withdrawReferralsRelyingOn(
      tx,
      sharing && { cipher, node: sharing.node },
      actorOf(actor),
      consentId,
    );
    return openConsent(cipher, { consent, withdrawal });
  });
}

/**
 * A person's consents, newest first, and the person their record was merged into, if it was (a
 * tombstone takes no new consent; its own stay listed and withdrawable).
 */
export async function listPersonConsents(
  db: Db,
  cipher: FieldCipher,
  actor: ConsentActor,
  personId: string,
): Promise<{ consents: OpenedConsent[]; mergedInto: string | null }> {
  return db.transaction().execute(async (tx) => {
    await requirePerson(tx, actor, personId);
    const history = await listConsents(tx, personId);
    const merge = await tombstoneMerge(tx, personId);
    await appendAudit(tx, {
      actor: actorOf(actor),
      action: 'consent.read',
      recordType: 'person',
      recordId: personId,
      change: { consents: history.map((h) => h.consent.id) },
    });
    return { consents: history.map((h) => openConsent(cipher, h)), mergedInto: merge?.survivor_id ?? null };
  });
}

/**
 * The person's status at `at` from what the victims module holds: the birth date, else the age at
 * registration plus the whole years since (which can only underestimate, so errs towards "child").
 * Undefined when neither is known or the birth date fails authentication: the decision then takes
 * the status recorded on the consents.
 */
export function childStatus(cipher: FieldCipher, person: PersonRow, at: Date): boolean | undefined {
  const birth = openSealed(cipher, 'persons', 'birthdate_enc', person.id, person.birthdate_enc);
  if (birth !== 'tampered' && birth.value !== null) return isChildAt(birth.value, at);
  if (person.age_at_registration === null) return undefined;
  const since = ageOn(person.registered_on, at.toISOString().slice(0, 10));
  return person.age_at_registration + Math.max(0, since) < CONSENT_RULES.childAgeBelow.value;
}

export type SharingQuestion = Omit<ShareRequest, 'at' | 'subjectIsChild'> & { at?: Date };
export type SharingAnswer = Decision & { at: Date };

/**
 * The sharing decision for every path that sends a victim's data anywhere. Call it inside the
 * transaction that shares: it locks the person's consents (FOR SHARE) so a withdrawal waits for
 * that transaction, or is seen by it, and it writes the audit entry of the question and answer.
 * Without `at`, the moment is the database clock after the locks are granted.
 */
export async function decideSharing(
  tx: Tx,
  cipher: FieldCipher,
  actor: ConsentActor,
  question: SharingQuestion,
): Promise<SharingAnswer> {
  const person = await requirePerson(tx, actor, question.personId);
  const history = await lockConsentsForDecision(tx, question.personId);
  const at = question.at ?? (await databaseNow(tx));
  const decision = mayShare(history.map(factsOf), {
    ...question,
    at,
    subjectIsChild: childStatus(cipher, person, at),
  });
  await appendAudit(tx, {
    actor: actorOf(actor),
    action: 'consent.decide',
    recordType: 'person',
    recordId: question.personId,
    change: {
      question: { ...question, at: at.toISOString() },
      decision: { allowed: decision.allowed, reason: decision.reason, consentId: decision.consentId },
    },
  });
  return { ...decision, at };
}

/** The decision alone (the UI's consent panel asks it); nothing is shared. */
export async function askSharing(
  db: Db,
  cipher: FieldCipher,
  actor: ConsentActor,
  question: SharingQuestion,
): Promise<SharingAnswer> {
  return db.transaction().execute((tx) => decideSharing(tx, cipher, actor, question));
}
