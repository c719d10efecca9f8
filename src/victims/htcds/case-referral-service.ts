import { type AuditEvent, appendAuditBatch } from '../../platform/audit/append.ts';
import { badRequest, type FieldIssue } from '../../platform/http/errors.ts';
import { requireVisibleCase } from '../cases/access.ts';
import { findOrganisation } from '../cases/organisations-repo.ts';
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

function auditOf(ctx: VictimsContext, action: string, v: ViewedReferral, change: unknown): AuditEvent[] {
  const actor = actorOf(ctx.principal);
  const event = { actor, recordType: 'case', recordId: v.caseId };
  const tampered = tamperedFields(v);
  return [
    { ...event, action, change },
    ...(tampered.length > 0 ? [{ ...event, action: 'case.tamper_detected', change: { tampered } }] : []),
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
        issues.push({ path, message: 'no such organisation in your agency' });
    }
    if (issues.length > 0) {
      throw badRequest(
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
