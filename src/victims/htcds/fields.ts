import { type CatalogueField, catalogue } from '../catalogue.ts';

// The HTCDS file's columns: where each catalogue field goes in a row's parts (one part per record
// the flat row carries), and the header order. The test checks this covers every catalogue field.

export type Part =
  | 'identity'
  | 'profile'
  | 'person'
  | 'victim'
  | 'perpetrator'
  | 'organisation'
  | 'case'
  | 'link'
  | 'referral'
  | 'comment'
  | 'event'
  | 'plan'
  | 'item';

/** field → [part, key]. identity/profile/victim/perpetrator keys are the person API's (person-schema.ts). */
export const FIELD_HOMES: Readonly<Record<string, readonly [Part, string]>> = {
  org_Name: ['organisation', 'name'],
  org_ShippingCity: ['organisation', 'shippingCity'],
  org_ShippingCountry: ['organisation', 'shippingCountry'],
  org_ShippingState: ['organisation', 'shippingState'],
  org_ShippingStreet: ['organisation', 'shippingStreet'],
  org_ShippingPostalCode: ['organisation', 'shippingPostalCode'],
  org_ShippingLongitude: ['organisation', 'shippingLongitude'],
  org_ShippingLatitude: ['organisation', 'shippingLatitude'],
  org_Phone: ['organisation', 'phone'],
  org_Type: ['organisation', 'type'],
  prs_Salutation: ['identity', 'salutation'],
  prs_FirstName: ['identity', 'firstName'],
  prs_MiddleName: ['identity', 'middleName'],
  prs_SecondName: ['identity', 'secondName'],
  prs_Birthdate: ['identity', 'birthdate'],
  prs_Gender: ['profile', 'gender'],
  prs_Deceased: ['profile', 'deceased'],
  prs_MaritalStatus: ['profile', 'maritalStatus'],
  prs_NumberOfChildren: ['profile', 'numberOfChildren'],
  prs_PrimaryLanguage: ['profile', 'primaryLanguage'],
  prs_SecondaryLanguage: ['profile', 'secondaryLanguage'],
  prs_HighestLevelOfEducation: ['profile', 'highestLevelOfEducation'],
  prs_Citizenship: ['profile', 'citizenship'],
  prs_IdentityNumber: ['identity', 'identityNumber'],
  prs_Title: ['profile', 'title'],
  prs_Email: ['identity', 'email'],
  prs_HomePhone: ['identity', 'homePhone'],
  prs_MobilePhone: ['identity', 'mobilePhone'],
  prs_MailingCity: ['identity', 'mailingCity'],
  prs_MailingCountry: ['profile', 'mailingCountry'],
  prs_MailingState: ['identity', 'mailingState'],
  prs_MailingStreet: ['identity', 'mailingStreet'],
  prs_MailingPostalCode: ['identity', 'mailingPostalCode'],
  prs_MailingLongitude: ['identity', 'mailingLongitude'],
  prs_MailingLatitude: ['identity', 'mailingLatitude'],
  vic_AgreementToManagePersonalData: ['victim', 'agreementToManagePersonalData'],
  vic_TraffickingStatus: ['victim', 'traffickingStatus'],
  vic_TraffickingStatusDecisionMakingOrg: ['victim', 'traffickingStatusDecisionMakingOrg'],
  vic_RelationshipToTrafficker: ['victim', 'relationshipToTrafficker'],
  vic_AgeWhenTrafficked: ['victim', 'ageWhenTrafficked'],
  vic_RecruitmentWebsitesAndApps: ['victim', 'recruitmentWebsitesAndApps'],
  vic_MethodOfRecruitment: ['victim', 'methodOfRecruitment'],
  vic_LocationOfRecruitment: ['victim', 'locationOfRecruitment'],
  vic_MethodsOfControl: ['victim', 'methodsOfControl'],
  vic_TypeOfExploitation: ['victim', 'typeOfExploitation'],
  vic_ForcedLabourIndustry: ['victim', 'forcedLabourIndustry'],
  vic_TypeOfSexExploitation: ['victim', 'typeOfSexExploitation'],
  vic_LocationOfExploitation: ['victim', 'locationOfExploitation'],
  vic_ExploitationWebsitesAndApps: ['victim', 'exploitationWebsitesAndApps'],
  vic_Vulnerabilities: ['victim', 'vulnerabilities'],
  vic_DetailsOfVulnerabilities: ['victim', 'detailsOfVulnerabilities'],
  per_RoleInProcess: ['perpetrator', 'roleInProcess'],
  per_RoleDetails: ['perpetrator', 'roleDetails'],
  per_Organisation: ['perpetrator', 'organisation'],
  cas_Status: ['case', 'htcdsStatus'],
  cas_ReasonForCaseClosure: ['case', 'closeReason'],
  cas_CaseOwner: ['case', 'owner'],
  cas_ReferringOrganisation: ['referral', 'referringOrganisation'],
  cas_IncomingReferralDate: ['referral', 'incomingReferralDate'],
  cas_ReferringPrimaryCaseWorker: ['referral', 'referringPrimaryCaseWorker'],
  cas_ReasonForIncomingReferral: ['referral', 'reasonForIncomingReferral'],
  cas_IncomingReferralDetails: ['referral', 'incomingReferralDetails'],
  cas_ReferredOrganisation: ['referral', 'referredOrganisation'],
  cas_ReferredPrimaryCaseWorker: ['referral', 'referredPrimaryCaseWorker'],
  cas_ReasonForOutgoingReferral: ['referral', 'reasonForOutgoingReferral'],
  cas_OutgoingReferralDate: ['referral', 'outgoingReferralDate'],
  cas_OutgoingReferralDetails: ['referral', 'outgoingReferralDetails'],
  cco_CaseComment: ['comment', 'body'],
  hte_Longitude: ['event', 'longitude'],
  hte_Latitude: ['event', 'latitude'],
  hte_City: ['event', 'city'],
  hte_Country: ['event', 'country'],
  hte_State: ['event', 'state'],
  hte_Street: ['event', 'street'],
  hte_PostalCode: ['event', 'postalCode'],
  hte_Date: ['event', 'date'],
  hte_Type: ['event', 'type'],
  hte_Description: ['event', 'description'],
  spl_Objectives: ['plan', 'objectives'],
  spl_ActionPlan: ['plan', 'actionPlan'],
  spl_PlannedEndDate: ['plan', 'plannedEndDate'],
  spl_ActualEndDate: ['plan', 'actualEndDate'],
  spl_Type: ['plan', 'type'],
  con_Consent: ['person', 'conConsent'],
  jar_PersonExternalId: ['person', 'externalId'],
  jar_RegistrationDate: ['person', 'registeredOn'],
  jar_AgeAtRegistration: ['profile', 'ageAtRegistration'],
  jar_AgeIsEstimate: ['profile', 'ageIsEstimate'],
  jar_Ethnicity: ['profile', 'ethnicity'],
  jar_Disability: ['profile', 'disabilities'],
  jar_MigrationStatus: ['profile', 'migrationStatus'],
  jar_ForcedCriminalityType: ['victim', 'forcedCriminalityTypes'],
  jar_RecruitmentPlatform: ['victim', 'recruitmentPlatform'],
  jar_RecruitmentHandle: ['victim', 'recruitmentHandle'],
  jar_RecruitmentAdUrl: ['victim', 'recruitmentAdUrl'],
  jar_ScamCompoundName: ['victim', 'scamCompoundName'],
  jar_ScamCompoundCity: ['victim', 'scamCompoundCity'],
  jar_ScamCompoundCountry: ['victim', 'scamCompoundCountry'],
  jar_ScamCompoundLatitude: ['victim', 'scamCompoundLatitude'],
  jar_ScamCompoundLongitude: ['victim', 'scamCompoundLongitude'],
  jar_CaseExternalId: ['case', 'externalId'],
  jar_CaseLifecycleStatus: ['case', 'status'],
  jar_CaseOpenedOn: ['case', 'openedOn'],
  jar_CasePersonRole: ['link', 'role'],
  jar_SupportItemKind: ['item', 'kind'],
  jar_RepatriationStep: ['item', 'repatriationStep'],
  jar_SupportItemStatus: ['item', 'status'],
  jar_SupportItemProvider: ['item', 'provider'],
  jar_SupportItemStartDate: ['item', 'startDate'],
  jar_SupportItemDueDate: ['item', 'dueDate'],
  jar_SupportItemEndDate: ['item', 'endDate'],
};

/** The two columns that identify a row's records; they close the header. */
export const PERSON_KEY = 'jar_PersonExternalId';
export const CASE_KEY = 'jar_CaseExternalId';

/** Identity: what only identity readers see (persons' encrypted prs_ fields). */
export const IDENTITY_PARTS: ReadonlySet<Part> = new Set(['identity']);

/** Narratives: encrypted free text that caseworkers see (and nobody else). */
export const NARRATIVE_FIELDS: ReadonlySet<string> = new Set([
  'vic_DetailsOfVulnerabilities',
  'per_RoleDetails',
  'cas_ReasonForCaseClosure',
  'cas_ReferringPrimaryCaseWorker',
  'cas_IncomingReferralDetails',
  'cas_ReferredPrimaryCaseWorker',
  'cas_OutgoingReferralDetails',
  'cco_CaseComment',
  'hte_Description',
  'spl_Objectives',
  'spl_ActionPlan',
]);

export type Column = { index: number; field: CatalogueField; part: Part; key: string };

function homeOf(field: CatalogueField): readonly [Part, string] {
  const home = FIELD_HOMES[field.field];
  if (!home) throw new Error(`HTCDS file: catalogue field ${field.field} has no column home`);
  return home;
}

let columns: Column[] | undefined;

/**
 * The header: every standard field in catalogue order (the standard's order), then the jar_
 * extensions in catalogue order, then the two external-id columns that key the row.
 */
export function htcdsColumns(): readonly Column[] {
  if (columns) return columns;
  const fields = catalogue().fields;
  const keys = [PERSON_KEY, CASE_KEY];
  const ordered = [
    ...fields.filter((f) => f.status !== 'EXTENSION'),
    ...fields.filter((f) => f.status === 'EXTENSION' && !keys.includes(f.field)),
    ...keys.map((k) => fields.find((f) => f.field === k)).filter((f) => f !== undefined),
  ];
  columns = ordered.map((field, index) => {
    const [part, key] = homeOf(field);
    return { index, field, part, key };
  });
  return columns;
}

export const htcdsHeader = (): string[] => htcdsColumns().map((c) => c.field.field);

let byName: Map<string, Column> | undefined;

export function columnOf(field: string): Column {
  byName ??= new Map(htcdsColumns().map((c) => [c.field.field, c]));
  const column = byName.get(field);
  if (!column) throw new Error(`no HTCDS column ${field}`);
  return column;
}
