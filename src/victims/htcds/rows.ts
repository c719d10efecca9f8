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

/**
 * The person's own columns: identity sealed, keyed search columns, profile. Every builder here
 * lists its columns in sorted order: the import's audit entries hold these objects, and canonical
 * JSON (platform/util) writes an object whose keys are in order without copying it.
 */
export function personColumns(
  cipher: FieldCipher,
  searchOf: SearchOf,
  id: string,
  person: { identity: Plain; profile: Plain; person: Plain },
) {
  const identity = identityInput(person.identity);
  const sealed = sealIdentity(cipher, id, identity);
  const search = searchOf(identity);
  const p = person.profile;
  return {
    age_at_registration: num(p, 'ageAtRegistration'),
    age_is_estimate: bool(p, 'ageIsEstimate') === true,
    birthdate_enc: sealed.birthdate_enc,
    birthdate_key: search.birthdate_key,
    citizenship: list(p, 'citizenship'),
    deceased: bool(p, 'deceased'),
    disabilities: list(p, 'disabilities'),
    email_enc: sealed.email_enc,
    ethnicity: text(p, 'ethnicity'),
    first_name_enc: sealed.first_name_enc,
    gender: text(p, 'gender'),
    highest_level_of_education: text(p, 'highestLevelOfEducation'),
    home_phone_enc: sealed.home_phone_enc,
    identity_number_enc: sealed.identity_number_enc,
    identity_number_key: search.identity_number_key,
    mailing_city_enc: sealed.mailing_city_enc,
    mailing_country: text(p, 'mailingCountry'),
    mailing_latitude_enc: sealed.mailing_latitude_enc,
    mailing_longitude_enc: sealed.mailing_longitude_enc,
    mailing_postal_code_enc: sealed.mailing_postal_code_enc,
    mailing_state_enc: sealed.mailing_state_enc,
    mailing_street_enc: sealed.mailing_street_enc,
    marital_status: text(p, 'maritalStatus'),
    middle_name_enc: sealed.middle_name_enc,
    migration_status: text(p, 'migrationStatus'),
    mobile_phone_enc: sealed.mobile_phone_enc,
    name_tokens: search.name_tokens,
    number_of_children: num(p, 'numberOfChildren'),
    phone_keys: search.phone_keys,
    primary_language: text(p, 'primaryLanguage'),
    registered_on: text(person.person, 'registeredOn') ?? undefined,
    salutation_enc: sealed.salutation_enc,
    second_name_enc: sealed.second_name_enc,
    secondary_language: text(p, 'secondaryLanguage'),
    title: text(p, 'title'),
  } satisfies Partial<Insertable<PersonsTable>>;
}

export type OrgIds = (name: string | null) => string | null;

export function victimColumns(seal: Seal, personId: string, v: Plain, org: OrgIds) {
  return {
    age_when_trafficked: num(v, 'ageWhenTrafficked'),
    agreement_to_manage_personal_data: bool(v, 'agreementToManagePersonalData'),
    details_of_vulnerabilities_enc: seal(
      'victim_contexts',
      'details_of_vulnerabilities_enc',
      personId,
      text(v, 'detailsOfVulnerabilities'),
    ),
    exploitation_websites_and_apps: list(v, 'exploitationWebsitesAndApps'),
    forced_criminality_types: list(v, 'forcedCriminalityTypes'),
    forced_labour_industry: text(v, 'forcedLabourIndustry'),
    location_of_exploitation_id: org(text(v, 'locationOfExploitation')),
    location_of_recruitment_id: org(text(v, 'locationOfRecruitment')),
    method_of_recruitment: list(v, 'methodOfRecruitment'),
    methods_of_control: list(v, 'methodsOfControl'),
    recruitment_ad_url: text(v, 'recruitmentAdUrl'),
    recruitment_handle: text(v, 'recruitmentHandle'),
    recruitment_platform: text(v, 'recruitmentPlatform'),
    recruitment_websites_and_apps: list(v, 'recruitmentWebsitesAndApps'),
    relationship_to_trafficker: text(v, 'relationshipToTrafficker'),
    scam_compound_city: text(v, 'scamCompoundCity'),
    scam_compound_country: text(v, 'scamCompoundCountry'),
    scam_compound_latitude: num(v, 'scamCompoundLatitude'),
    scam_compound_longitude: num(v, 'scamCompoundLongitude'),
    scam_compound_name: text(v, 'scamCompoundName'),
    trafficking_status: text(v, 'traffickingStatus'),
    trafficking_status_decision_making_org: text(v, 'traffickingStatusDecisionMakingOrg'),
    type_of_exploitation: list(v, 'typeOfExploitation'),
    type_of_sex_exploitation: list(v, 'typeOfSexExploitation'),
    vulnerabilities: list(v, 'vulnerabilities'),
  };
}

export function perpetratorColumns(seal: Seal, personId: string, p: Plain, org: OrgIds) {
  return {
    organisation_id: org(text(p, 'organisation')),
    role_details_enc: seal('perpetrator_contexts', 'role_details_enc', personId, text(p, 'roleDetails')),
    role_in_process: list(p, 'roleInProcess'),
  };
}

export function organisationColumns(o: Plain) {
  return {
    name: text(o, 'name') ?? '',
    org_type: text(o, 'type'),
    phone: text(o, 'phone'),
    shipping_city: text(o, 'shippingCity'),
    shipping_country: text(o, 'shippingCountry'),
    shipping_latitude: num(o, 'shippingLatitude'),
    shipping_longitude: num(o, 'shippingLongitude'),
    shipping_postal_code: text(o, 'shippingPostalCode'),
    shipping_state: text(o, 'shippingState'),
    shipping_street: text(o, 'shippingStreet'),
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
    close_reason_enc: seal('cases', 'close_reason_enc', id, text(c, 'closeReason')),
    htcds_status: text(c, 'htcdsStatus') ?? 'Active',
    opened_on: text(c, 'openedOn') ?? undefined,
    owner_id: ownerId,
    status: caseStatus(text(c, 'status')),
  };
}

export function referralColumns(seal: Seal, caseId: string, r: Plain, org: OrgIds) {
  const sealed = (column: string, key: string) => seal('htcds_case_referrals', column, caseId, text(r, key));
  return {
    incoming_referral_date: text(r, 'incomingReferralDate'),
    incoming_referral_details_enc: sealed('incoming_referral_details_enc', 'incomingReferralDetails'),
    outgoing_referral_date: text(r, 'outgoingReferralDate'),
    outgoing_referral_details_enc: sealed('outgoing_referral_details_enc', 'outgoingReferralDetails'),
    reason_for_incoming_referral: text(r, 'reasonForIncomingReferral'),
    reason_for_outgoing_referral: text(r, 'reasonForOutgoingReferral'),
    referred_organisation_id: org(text(r, 'referredOrganisation')),
    referred_primary_case_worker_enc: sealed('referred_primary_case_worker_enc', 'referredPrimaryCaseWorker'),
    referring_organisation_id: org(text(r, 'referringOrganisation')),
    referring_primary_case_worker_enc: sealed(
      'referring_primary_case_worker_enc',
      'referringPrimaryCaseWorker',
    ),
  };
}

export function eventColumns(seal: Seal, id: string, e: Plain) {
  return {
    city: text(e, 'city'),
    country: text(e, 'country'),
    description_enc: seal('trafficking_events', 'description_enc', id, text(e, 'description')),
    event_date: text(e, 'date'),
    latitude: num(e, 'latitude'),
    longitude: num(e, 'longitude'),
    postal_code: text(e, 'postalCode'),
    state: text(e, 'state'),
    street: text(e, 'street'),
    type: text(e, 'type'),
  };
}

export function planColumns(seal: Seal, id: string, p: Plain) {
  return {
    action_plan_enc: seal('support_plans', 'action_plan_enc', id, text(p, 'actionPlan')),
    actual_end_date: text(p, 'actualEndDate'),
    objectives_enc: seal('support_plans', 'objectives_enc', id, text(p, 'objectives')),
    planned_end_date: text(p, 'plannedEndDate'),
    type: text(p, 'type'),
  };
}

export function itemColumns(i: Plain) {
  const step = text(i, 'repatriationStep');
  return {
    due_date: text(i, 'dueDate'),
    end_date: text(i, 'endDate'),
    kind: itemKind(text(i, 'kind')),
    provider_name: text(i, 'provider'),
    repatriation_step: step === null ? null : repatriationStep(step),
    start_date: text(i, 'startDate'),
    status: itemStatus(text(i, 'status') ?? 'planned'),
  };
}
