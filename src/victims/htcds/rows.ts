import type { Insertable } from 'kysely';
import type { FieldCipher } from '../../platform/crypto/fields.ts';
import { CASE_PERSON_ROLES, CASE_STATUSES } from '../case-schema.ts';
import { fieldContext } from '../encrypted-columns.ts';
import { type SearchColumns, sealIdentity } from '../identity.ts';
import type { IdentityInput } from '../person-schema.ts';
import type {
  CasePersonRole,
  CaseStatus,
  PersonsTable,
  RepatriationStep,
  SupportItemKind,
  SupportItemStatus,
} from '../tables.ts';
import { bool, list, num, type Plain, text } from './plain.ts';

// Plain values → the columns they are stored in, sealing encrypted fields with their row's AAD.
// The inverse of stored.ts, field by field.

export type Seal = (table: string, column: string, id: string, value: string | null) => string | null;

export const sealer =
  (cipher: FieldCipher): Seal =>
  (table, column, id, value) =>
    value === null ? null : cipher.encrypt(value, fieldContext(table, column, id));

function identityInput(p: Plain): IdentityInput {
  return {
    salutation: text(p, 'salutation'),
    firstName: text(p, 'firstName'),
    middleName: text(p, 'middleName'),
    secondName: text(p, 'secondName'),
    birthdate: text(p, 'birthdate'),
    identityNumber: text(p, 'identityNumber'),
    email: text(p, 'email'),
    homePhone: text(p, 'homePhone'),
    mobilePhone: text(p, 'mobilePhone'),
    mailingStreet: text(p, 'mailingStreet'),
    mailingCity: text(p, 'mailingCity'),
    mailingState: text(p, 'mailingState'),
    mailingPostalCode: text(p, 'mailingPostalCode'),
    mailingLatitude: num(p, 'mailingLatitude'),
    mailingLongitude: num(p, 'mailingLongitude'),
  };
}

/** The keyed search columns of a new identity (`searchColumns` of identity.ts, or its worker's). */
export type SearchOf = (identity: IdentityInput) => SearchColumns;

/** The person's own columns: identity sealed, keyed search columns, profile. */
export function personColumns(
  cipher: FieldCipher,
  searchOf: SearchOf,
  id: string,
  person: { identity: Plain; profile: Plain; person: Plain },
) {
  const identity = identityInput(person.identity);
  const p = person.profile;
  return {
    ...sealIdentity(cipher, id, identity),
    ...searchOf(identity),
    registered_on: text(person.person, 'registeredOn') ?? undefined,
    title: text(p, 'title'),
    gender: text(p, 'gender'),
    deceased: bool(p, 'deceased'),
    marital_status: text(p, 'maritalStatus'),
    number_of_children: num(p, 'numberOfChildren'),
    primary_language: text(p, 'primaryLanguage'),
    secondary_language: text(p, 'secondaryLanguage'),
    highest_level_of_education: text(p, 'highestLevelOfEducation'),
    citizenship: list(p, 'citizenship'),
    mailing_country: text(p, 'mailingCountry'),
    age_at_registration: num(p, 'ageAtRegistration'),
    age_is_estimate: bool(p, 'ageIsEstimate') === true,
    ethnicity: text(p, 'ethnicity'),
    disabilities: list(p, 'disabilities'),
    migration_status: text(p, 'migrationStatus'),
  } satisfies Partial<Insertable<PersonsTable>>;
}

export type OrgIds = (name: string | null) => string | null;

export function victimColumns(seal: Seal, personId: string, v: Plain, org: OrgIds) {
  return {
    agreement_to_manage_personal_data: bool(v, 'agreementToManagePersonalData'),
    trafficking_status: text(v, 'traffickingStatus'),
    trafficking_status_decision_making_org: text(v, 'traffickingStatusDecisionMakingOrg'),
    relationship_to_trafficker: text(v, 'relationshipToTrafficker'),
    age_when_trafficked: num(v, 'ageWhenTrafficked'),
    recruitment_websites_and_apps: list(v, 'recruitmentWebsitesAndApps'),
    method_of_recruitment: list(v, 'methodOfRecruitment'),
    location_of_recruitment_id: org(text(v, 'locationOfRecruitment')),
    methods_of_control: list(v, 'methodsOfControl'),
    type_of_exploitation: list(v, 'typeOfExploitation'),
    forced_labour_industry: text(v, 'forcedLabourIndustry'),
    type_of_sex_exploitation: list(v, 'typeOfSexExploitation'),
    location_of_exploitation_id: org(text(v, 'locationOfExploitation')),
    exploitation_websites_and_apps: list(v, 'exploitationWebsitesAndApps'),
    vulnerabilities: list(v, 'vulnerabilities'),
    details_of_vulnerabilities_enc: seal(
      'victim_contexts',
      'details_of_vulnerabilities_enc',
      personId,
      text(v, 'detailsOfVulnerabilities'),
    ),
    forced_criminality_types: list(v, 'forcedCriminalityTypes'),
    recruitment_platform: text(v, 'recruitmentPlatform'),
    recruitment_handle: text(v, 'recruitmentHandle'),
    recruitment_ad_url: text(v, 'recruitmentAdUrl'),
    scam_compound_name: text(v, 'scamCompoundName'),
    scam_compound_city: text(v, 'scamCompoundCity'),
    scam_compound_country: text(v, 'scamCompoundCountry'),
    scam_compound_latitude: num(v, 'scamCompoundLatitude'),
    scam_compound_longitude: num(v, 'scamCompoundLongitude'),
  };
}

export function perpetratorColumns(seal: Seal, personId: string, p: Plain, org: OrgIds) {
  return {
    role_in_process: list(p, 'roleInProcess'),
    role_details_enc: seal('perpetrator_contexts', 'role_details_enc', personId, text(p, 'roleDetails')),
    organisation_id: org(text(p, 'organisation')),
  };
}

export function organisationColumns(o: Plain) {
  return {
    name: text(o, 'name') ?? '',
    org_type: text(o, 'type'),
    shipping_street: text(o, 'shippingStreet'),
    shipping_city: text(o, 'shippingCity'),
    shipping_state: text(o, 'shippingState'),
    shipping_postal_code: text(o, 'shippingPostalCode'),
    shipping_country: text(o, 'shippingCountry'),
    shipping_latitude: num(o, 'shippingLatitude'),
    shipping_longitude: num(o, 'shippingLongitude'),
    phone: text(o, 'phone'),
  };
}

const pickOf =
  <T extends string>(values: readonly T[], what: string) =>
  (v: string | null): T => {
    const found = values.find((x) => x === v);
    if (found === undefined) throw new Error(`HTCDS import: ${String(v)} is not a ${what}`);
    return found;
  };

export const caseStatus = pickOf<CaseStatus>(CASE_STATUSES, 'case status');
export const personRole = pickOf<CasePersonRole>(CASE_PERSON_ROLES, 'case role');
const itemKind = pickOf<SupportItemKind>(
  [
    'shelter',
    'medical',
    'psychosocial',
    'legal_aid',
    'interpretation',
    'family_tracing',
    'repatriation',
    'rehabilitation',
    'reintegration',
  ],
  'support item kind',
);
const itemStatus = pickOf<SupportItemStatus>(
  ['planned', 'in_progress', 'done', 'cancelled'],
  'support item status',
);
const repatriationStep = pickOf<RepatriationStep>(
  [
    'nationality_verification',
    'travel_document',
    'family_assessment',
    'travel_arrangements',
    'border_handover',
    'reception_in_origin',
  ],
  'repatriation step',
);

export function caseColumns(seal: Seal, id: string, c: Plain, ownerId: string | null) {
  return {
    status: caseStatus(text(c, 'status')),
    htcds_status: text(c, 'htcdsStatus') ?? 'Active',
    close_reason_enc: seal('cases', 'close_reason_enc', id, text(c, 'closeReason')),
    opened_on: text(c, 'openedOn') ?? undefined,
    owner_id: ownerId,
  };
}

export function referralColumns(seal: Seal, caseId: string, r: Plain, org: OrgIds) {
  const sealed = (column: string, key: string) => seal('htcds_case_referrals', column, caseId, text(r, key));
  return {
    referring_organisation_id: org(text(r, 'referringOrganisation')),
    incoming_referral_date: text(r, 'incomingReferralDate'),
    referring_primary_case_worker_enc: sealed(
      'referring_primary_case_worker_enc',
      'referringPrimaryCaseWorker',
    ),
    reason_for_incoming_referral: text(r, 'reasonForIncomingReferral'),
    incoming_referral_details_enc: sealed('incoming_referral_details_enc', 'incomingReferralDetails'),
    referred_organisation_id: org(text(r, 'referredOrganisation')),
    referred_primary_case_worker_enc: sealed('referred_primary_case_worker_enc', 'referredPrimaryCaseWorker'),
    reason_for_outgoing_referral: text(r, 'reasonForOutgoingReferral'),
    outgoing_referral_date: text(r, 'outgoingReferralDate'),
    outgoing_referral_details_enc: sealed('outgoing_referral_details_enc', 'outgoingReferralDetails'),
  };
}

export function eventColumns(seal: Seal, id: string, e: Plain) {
  return {
    type: text(e, 'type'),
    event_date: text(e, 'date'),
    street: text(e, 'street'),
    city: text(e, 'city'),
    state: text(e, 'state'),
    postal_code: text(e, 'postalCode'),
    country: text(e, 'country'),
    latitude: num(e, 'latitude'),
    longitude: num(e, 'longitude'),
    description_enc: seal('trafficking_events', 'description_enc', id, text(e, 'description')),
  };
}

export function planColumns(seal: Seal, id: string, p: Plain) {
  return {
    type: text(p, 'type'),
    objectives_enc: seal('support_plans', 'objectives_enc', id, text(p, 'objectives')),
    action_plan_enc: seal('support_plans', 'action_plan_enc', id, text(p, 'actionPlan')),
    planned_end_date: text(p, 'plannedEndDate'),
    actual_end_date: text(p, 'actualEndDate'),
  };
}

export function itemColumns(i: Plain) {
  const step = text(i, 'repatriationStep');
  return {
    kind: itemKind(text(i, 'kind')),
    repatriation_step: step === null ? null : repatriationStep(step),
    status: itemStatus(text(i, 'status') ?? 'planned'),
    provider_name: text(i, 'provider'),
    start_date: text(i, 'startDate'),
    due_date: text(i, 'dueDate'),
    end_date: text(i, 'endDate'),
  };
}
