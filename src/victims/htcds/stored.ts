import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { openField, openIdentity } from '../identity.ts';
import { presentIdentity } from '../presenters.ts';
import type { PersonRecord } from '../repo.ts';
import type { Plain } from './plain.ts';
import type { CaseRow, CommentRow, EventRow, ItemRow, OrgRow, PlanRow, ReferralRow } from './repo.ts';

// Stored records → plain values (explicit, field by field, so a new column never leaks into a file).
// Encrypted values are opened here; one that fails authentication is left empty and named in
// `tampered` (HTCDS field names), never shown as garbage.

export type View = { identity: boolean; narratives: boolean };
export const FULL_VIEW: View = { identity: true, narratives: true };

export type PersonPlain = {
  identity: Plain;
  profile: Plain;
  person: Plain;
  victim: Plain | null;
  perpetrator: Plain | null;
  organisation: Plain | null;
};

export type Opener = (
  field: string,
  table: string,
  column: string,
  id: string,
  sealed: string | null,
) => string | null;

/** Opens sealed values for one view, recording the fields that fail authentication. */
export function opener(cipher: FieldCipher, tampered: string[]): Opener {
  return (field, table, column, id, sealed) => {
    const opened = openField(cipher, table, column, id, sealed);
    if (opened !== 'tampered') return opened.value;
    tampered.push(field);
    return null;
  };
}

const NO_IDENTITY: Plain = {
  salutation: null,
  firstName: null,
  middleName: null,
  secondName: null,
  birthdate: null,
  identityNumber: null,
  email: null,
  homePhone: null,
  mobilePhone: null,
  mailingStreet: null,
  mailingCity: null,
  mailingState: null,
  mailingPostalCode: null,
  mailingLatitude: null,
  mailingLongitude: null,
};

const IDENTITY_FIELDS: Record<string, string> = {
  salutation: 'prs_Salutation',
  firstName: 'prs_FirstName',
  middleName: 'prs_MiddleName',
  secondName: 'prs_SecondName',
  birthdate: 'prs_Birthdate',
  identityNumber: 'prs_IdentityNumber',
  email: 'prs_Email',
  homePhone: 'prs_HomePhone',
  mobilePhone: 'prs_MobilePhone',
  mailingStreet: 'prs_MailingStreet',
  mailingCity: 'prs_MailingCity',
  mailingState: 'prs_MailingState',
  mailingPostalCode: 'prs_MailingPostalCode',
  mailingLatitude: 'prs_MailingLatitude',
  mailingLongitude: 'prs_MailingLongitude',
};

function plainIdentity(cipher: FieldCipher, r: PersonRecord, tampered: string[]): Plain {
  const o = openIdentity(cipher, r.person);
  for (const key of o.tampered) tampered.push(IDENTITY_FIELDS[key] ?? key);
  return presentIdentity(o);
}

export function plainOrganisation(o: OrgRow | undefined): Plain | null {
  if (!o) return null;
  return {
    name: o.name,
    shippingCity: o.shipping_city,
    shippingCountry: o.shipping_country,
    shippingState: o.shipping_state,
    shippingStreet: o.shipping_street,
    shippingPostalCode: o.shipping_postal_code,
    shippingLongitude: o.shipping_longitude,
    shippingLatitude: o.shipping_latitude,
    phone: o.phone,
    type: o.org_type,
  };
}

export function plainPerson(
  cipher: FieldCipher,
  r: PersonRecord,
  extra: { key: string; conConsent: boolean | null; orgs: ReadonlyMap<string, OrgRow>; view: View },
  tampered: string[],
): PersonPlain {
  const p = r.person;
  const open = opener(cipher, tampered);
  const orgName = (id: string | null | undefined) => (id ? (extra.orgs.get(id)?.name ?? null) : null);
  const v = r.victim;
  const narrative = (field: string, table: string, column: string, sealed: string | null) =>
    extra.view.narratives ? open(field, table, column, p.id, sealed) : null;
  return {
    identity: extra.view.identity ? plainIdentity(cipher, r, tampered) : NO_IDENTITY,
    profile: {
      title: p.title,
      gender: p.gender,
      deceased: p.deceased,
      maritalStatus: p.marital_status,
      numberOfChildren: p.number_of_children,
      primaryLanguage: p.primary_language,
      secondaryLanguage: p.secondary_language,
      highestLevelOfEducation: p.highest_level_of_education,
      citizenship: p.citizenship,
      mailingCountry: p.mailing_country,
      ageAtRegistration: p.age_at_registration,
      ageIsEstimate: p.age_is_estimate,
      ethnicity: p.ethnicity,
      disabilities: p.disabilities,
      migrationStatus: p.migration_status,
    },
    person: { externalId: extra.key, registeredOn: p.registered_on, conConsent: extra.conConsent },
    victim: v && {
      agreementToManagePersonalData: v.agreement_to_manage_personal_data,
      traffickingStatus: v.trafficking_status,
      traffickingStatusDecisionMakingOrg: v.trafficking_status_decision_making_org,
      relationshipToTrafficker: v.relationship_to_trafficker,
      ageWhenTrafficked: v.age_when_trafficked,
      recruitmentWebsitesAndApps: v.recruitment_websites_and_apps,
      methodOfRecruitment: v.method_of_recruitment,
      locationOfRecruitment: orgName(v.location_of_recruitment_id),
      methodsOfControl: v.methods_of_control,
      typeOfExploitation: v.type_of_exploitation,
      forcedLabourIndustry: v.forced_labour_industry,
      typeOfSexExploitation: v.type_of_sex_exploitation,
      locationOfExploitation: orgName(v.location_of_exploitation_id),
      exploitationWebsitesAndApps: v.exploitation_websites_and_apps,
      vulnerabilities: v.vulnerabilities,
      detailsOfVulnerabilities: narrative(
        'vic_DetailsOfVulnerabilities',
        'victim_contexts',
        'details_of_vulnerabilities_enc',
        v.details_of_vulnerabilities_enc,
      ),
      forcedCriminalityTypes: v.forced_criminality_types,
      recruitmentPlatform: v.recruitment_platform,
      recruitmentHandle: v.recruitment_handle,
      recruitmentAdUrl: v.recruitment_ad_url,
      scamCompoundName: v.scam_compound_name,
      scamCompoundCity: v.scam_compound_city,
      scamCompoundCountry: v.scam_compound_country,
      scamCompoundLatitude: v.scam_compound_latitude,
      scamCompoundLongitude: v.scam_compound_longitude,
    },
    perpetrator: r.perpetrator && {
      roleInProcess: r.perpetrator.role_in_process,
      roleDetails: narrative(
        'per_RoleDetails',
        'perpetrator_contexts',
        'role_details_enc',
        r.perpetrator.role_details_enc,
      ),
      organisation: orgName(r.perpetrator.organisation_id),
    },
    organisation: plainOrganisation(
      v?.location_of_exploitation_id ? extra.orgs.get(v.location_of_exploitation_id) : undefined,
    ),
  };
}

export type CasePlain = { case: Plain; referral: Plain | null; comment: Plain | null };

export function plainCase(
  cipher: FieldCipher,
  c: CaseRow,
  extra: {
    key: string;
    referral: ReferralRow | undefined;
    comment: CommentRow | undefined;
    orgs: ReadonlyMap<string, OrgRow>;
    view: View;
  },
  tampered: string[],
): CasePlain {
  const open = opener(cipher, tampered);
  const hidden = !extra.view.narratives;
  const orgName = (id: string | null) => (id ? (extra.orgs.get(id)?.name ?? null) : null);
  const r = extra.referral;
  const sealedRef = (field: string, column: string, sealed: string | null) =>
    hidden || !r ? null : open(field, 'htcds_case_referrals', column, r.case_id, sealed);
  return {
    case: {
      externalId: extra.key,
      htcdsStatus: c.htcds_status,
      closeReason: hidden
        ? null
        : open('cas_ReasonForCaseClosure', 'cases', 'close_reason_enc', c.id, c.close_reason_enc),
      owner: c.owner_username,
      status: c.status,
      openedOn: c.opened_on,
    },
    referral: r
      ? {
          referringOrganisation: orgName(r.referring_organisation_id),
          incomingReferralDate: r.incoming_referral_date,
          referringPrimaryCaseWorker: sealedRef(
            'cas_ReferringPrimaryCaseWorker',
            'referring_primary_case_worker_enc',
            r.referring_primary_case_worker_enc,
          ),
          reasonForIncomingReferral: r.reason_for_incoming_referral,
          incomingReferralDetails: sealedRef(
            'cas_IncomingReferralDetails',
            'incoming_referral_details_enc',
            r.incoming_referral_details_enc,
          ),
          referredOrganisation: orgName(r.referred_organisation_id),
          referredPrimaryCaseWorker: sealedRef(
            'cas_ReferredPrimaryCaseWorker',
            'referred_primary_case_worker_enc',
            r.referred_primary_case_worker_enc,
          ),
          reasonForOutgoingReferral: r.reason_for_outgoing_referral,
          outgoingReferralDate: r.outgoing_referral_date,
          outgoingReferralDetails: sealedRef(
            'cas_OutgoingReferralDetails',
            'outgoing_referral_details_enc',
            r.outgoing_referral_details_enc,
          ),
        }
      : null,
    comment:
      extra.comment && !hidden
        ? {
            body: open(
              'cco_CaseComment',
              'case_comments',
              'body_enc',
              extra.comment.id,
              extra.comment.body_enc,
            ),
          }
        : null,
  };
}

export function plainEvent(cipher: FieldCipher, e: EventRow | undefined, view: View, tampered: string[]) {
  if (!e) return null;
  const description = view.narratives
    ? opener(cipher, tampered)(
        'hte_Description',
        'trafficking_events',
        'description_enc',
        e.id,
        e.description_enc,
      )
    : null;
  const event: Plain = {
    longitude: e.longitude,
    latitude: e.latitude,
    city: e.city,
    country: e.country,
    state: e.state,
    street: e.street,
    postalCode: e.postal_code,
    date: e.event_date,
    type: e.type,
    description,
  };
  return event;
}

export function plainPlan(cipher: FieldCipher, p: PlanRow | undefined, view: View, tampered: string[]) {
  if (!p) return null;
  const open = opener(cipher, tampered);
  const plan: Plain = {
    objectives: view.narratives
      ? open('spl_Objectives', 'support_plans', 'objectives_enc', p.id, p.objectives_enc)
      : null,
    actionPlan: view.narratives
      ? open('spl_ActionPlan', 'support_plans', 'action_plan_enc', p.id, p.action_plan_enc)
      : null,
    plannedEndDate: p.planned_end_date,
    actualEndDate: p.actual_end_date,
    type: p.type,
  };
  return plan;
}

export function plainItem(i: ItemRow | undefined): Plain | null {
  if (!i) return null;
  return {
    kind: i.kind,
    repatriationStep: i.repatriation_step,
    status: i.status,
    provider: i.provider_name,
    startDate: i.start_date,
    dueDate: i.due_date,
    endDate: i.end_date,
  };
}
