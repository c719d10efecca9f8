import type { AuditAction } from '../../platform/audit/actions.ts';
import { type Actor, type AuditEvent, appendAudit, appendAuditBatch } from '../../platform/audit/append.ts';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import type { Exec } from '../../platform/db/database.ts';
import { type FieldIssue, invalid } from '../../platform/http/errors.ts';
import { requireVisibleCase } from '../cases/access.ts';
import { findOrganisation, insertOrganisation } from '../cases/organisations-repo.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { openField } from '../identity.ts';
import { maySeeReferralNarratives } from '../policy.ts';
import { actorOf, type VictimsContext } from '../service.ts';
import { type CaseReferralRow, findCaseReferral, saveCaseReferral } from './case-referral-repo.ts';
import {
  type ReferralDetailsInput,
  SEALED_REFERRAL_FIELDS,
  type SealedReferralField,
} from './case-referral-schema.ts';
import { organisationsByNames } from './repo.ts';

// A case's HTCDS Referral Details, read and set through the API (the import writes them in bulk).
// Each read and change is audited in its transaction; the sealed fields open only for the people
// who refer (caseworkers, referral focal points), and one that fails authentication is reported.

const TABLE = 'htcds_case_referrals';
const COLUMN: Record<SealedReferralField, string> = {
  referringPrimaryCaseWorker: 'referring_primary_case_worker_enc',
  incomingReferralDetails: 'incoming_referral_details_enc',
  referredPrimaryCaseWorker: 'referred_primary_case_worker_enc',
  outgoingReferralDetails: 'outgoing_referral_details_enc',
};

export type Opened = Record<SealedReferralField, { value: string | null } | 'tampered'>;
export type ViewedReferral = {
  caseId: string;
  /** undefined: nothing recorded yet. */
  row: CaseReferralRow | undefined;
  /** undefined: not shown to this reader. */
  opened: Opened | undefined;
};

function view(ctx: VictimsContext, caseId: string, row: CaseReferralRow | undefined): ViewedReferral {
  if (!maySeeReferralNarratives(ctx.principal.roles)) return { caseId, row, opened: undefined };
  const opened = Object.fromEntries(
    SEALED_REFERRAL_FIELDS.map((f) => {
      const sealed = (row?.[COLUMN[f] as keyof CaseReferralRow] ?? null) as string | null;
      return [f, openField(ctx.cipher, TABLE, COLUMN[f], caseId, sealed)];
    }),
  ) as Opened;
  return { caseId, row, opened };
}

export const tamperedFields = (v: ViewedReferral) =>
  SEALED_REFERRAL_FIELDS.filter((f) => v.opened?.[f] === 'tampered');

function auditOf(ctx: VictimsContext, action: AuditAction, v: ViewedReferral, change: unknown): AuditEvent[] {
  const actor = actorOf(ctx.principal);
  const event = { actor, recordType: 'case', recordId: v.caseId } as const;
  const tampered = tamperedFields(v);
  return [
    { ...event, action, change },
    ...(tampered.length > 0
      ? [{ ...event, action: 'case.tamper_detected' as const, change: { tampered } }]
      : []),
  ];
}

export async function readReferralDetails(ctx: VictimsContext, caseId: string): Promise<ViewedReferral> {
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId);
    const viewed = view(ctx, caseId, await findCaseReferral(tx, caseId));
    await appendAuditBatch(
      tx,
      auditOf(ctx, 'case.referral_details.read', viewed, { narratives: viewed.opened !== undefined }),
    );
    return viewed;
  });
}

export async function setReferralDetails(
  ctx: VictimsContext,
  caseId: string,
  input: ReferralDetailsInput,
): Promise<ViewedReferral> {
  const { agencyId } = ctx.principal;
  return ctx.db.transaction().execute(async (tx) => {
    await requireVisibleCase(tx, ctx.principal, caseId, { forUpdate: true });
    const issues: FieldIssue[] = [];
    for (const path of ['referringOrganisationId', 'referredOrganisationId'] as const) {
      const id = input[path];
      if (id && !(await findOrganisation(tx, agencyId, id)))
        issues.push({ path, code: 'unknown_organisation', message: 'no such organisation in your agency' });
    }
    if (issues.length > 0) {
      throw invalid(
        `Invalid referral details: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    const seal = (f: SealedReferralField) => {
      const value = input[f];
      return value == null ? null : ctx.cipher.encrypt(value, fieldContext(TABLE, COLUMN[f], caseId));
    };
    const values = {
      referring_organisation_id: input.referringOrganisationId ?? null,
      incoming_referral_date: input.incomingReferralDate ?? null,
      referring_primary_case_worker_enc: seal('referringPrimaryCaseWorker'),
      reason_for_incoming_referral: input.reasonForIncomingReferral ?? null,
      incoming_referral_details_enc: seal('incomingReferralDetails'),
      referred_organisation_id: input.referredOrganisationId ?? null,
      referred_primary_case_worker_enc: seal('referredPrimaryCaseWorker'),
      reason_for_outgoing_referral: input.reasonForOutgoingReferral ?? null,
      outgoing_referral_date: input.outgoingReferralDate ?? null,
      outgoing_referral_details_enc: seal('outgoingReferralDetails'),
    };
    const before = await findCaseReferral(tx, caseId);
    const row = await saveCaseReferral(tx, { caseId, agencyId }, values);
    const viewed = view(ctx, caseId, row);
    await appendAuditBatch(
      tx,
      auditOf(ctx, 'case.referral_details.update', viewed, { from: before ?? null, to: values }),
    );
    return viewed;
  });
}

export type SentReferral = {
  agencyId: string;
  caseId: string;
  referralId: string;
  /** YYYY-MM-DD */
  sentOn: string;
  reason: string | null;
  details: string | null;
  /** The agency referred to, abroad: the referred organisation (found by name, or registered). */
  receivingAgency: string;
  receivingCountry: string;
};

/** The agency's organisation of this name (the first registered), or a new one in that country. */
async function organisationNamed(tx: Exec, actor: Actor, agencyId: string, name: string, country: string) {
  const found = (await organisationsByNames(tx, agencyId, [name])).get(name);
  if (found) return found.id;
  const row = await insertOrganisation(tx, { agency_id: agencyId, name, shipping_country: country });
  await appendAudit(tx, {
    actor,
    action: 'organisation.create',
    recordType: 'organisation',
    recordId: row.id,
    change: row,
  });
  return row.id;
}

/**
 * A cross-border referral of the case was sent (src/referrals): it becomes the case's outgoing
 * referral in its HTCDS Referral Details (date, reason, details, the agency referred to as the
 * referred organisation), unless an outgoing referral is
 * recorded there already, which stays as it is (the flat HTCDS record holds one; the referrals
 * module keeps every referral). In the sender's transaction, audited.
 */
export async function noteSentReferral(tx: Exec, cipher: FieldCipher, actor: Actor, sent: SentReferral) {
  const stored = await findCaseReferral(tx, sent.caseId);
  const outgoing = stored && [
    stored.referred_organisation_id,
    stored.referred_primary_case_worker_enc,
    stored.reason_for_outgoing_referral,
    stored.outgoing_referral_date,
    stored.outgoing_referral_details_enc,
  ];
  if (outgoing?.some((v) => v !== null)) return;
  // Only the outgoing columns: an incoming referral recorded on the case stays as it is.
  const values = {
    referred_organisation_id: await organisationNamed(
      tx,
      actor,
      sent.agencyId,
      sent.receivingAgency,
      sent.receivingCountry,
    ),
    referred_primary_case_worker_enc: null,
    reason_for_outgoing_referral: sent.reason,
    outgoing_referral_date: sent.sentOn,
    outgoing_referral_details_enc:
      sent.details === null
        ? null
        : cipher.encrypt(sent.details, fieldContext(TABLE, COLUMN.outgoingReferralDetails, sent.caseId)),
  };
  await saveCaseReferral(tx, { caseId: sent.caseId, agencyId: sent.agencyId }, values);
  await appendAudit(tx, {
    actor,
    action: 'case.referral_details.update',
    recordType: 'case',
    recordId: sent.caseId,
    change: { source: 'referral', referralId: sent.referralId, from: stored ?? null, to: values },
  });
}
