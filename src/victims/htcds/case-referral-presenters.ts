import { SEALED_REFERRAL_FIELDS } from './case-referral-schema.ts';
import { tamperedFields, type ViewedReferral } from './case-referral-service.ts';

// What a reader sees of a case's referral details: every field null when nothing is recorded; the
// sealed fields only for the people who refer, a tampered one as null and named in `integrity`.

export function presentReferralDetails(v: ViewedReferral) {
  const r = v.row;
  const base = {
    caseId: v.caseId,
    referringOrganisationId: r?.referring_organisation_id ?? null,
    incomingReferralDate: r?.incoming_referral_date ?? null,
    reasonForIncomingReferral: r?.reason_for_incoming_referral ?? null,
    referredOrganisationId: r?.referred_organisation_id ?? null,
    reasonForOutgoingReferral: r?.reason_for_outgoing_referral ?? null,
    outgoingReferralDate: r?.outgoing_referral_date ?? null,
    updatedAt: r ? r.updated_at.toISOString() : null,
  };
  const opened = v.opened;
  if (opened === undefined) return base;
  const sealed = Object.fromEntries(
    SEALED_REFERRAL_FIELDS.map((f) => {
      const o = opened[f];
      return [f, o === 'tampered' ? null : o.value];
    }),
  );
  const tampered = tamperedFields(v);
  return {
    ...base,
    ...sealed,
    integrity: {
      status: tampered.length > 0 ? ('tampered' as const) : ('ok' as const),
      tamperedFields: tampered,
    },
  };
}
