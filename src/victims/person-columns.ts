import type { FieldCipher } from '../platform/crypto/fields.ts';
import { fieldContext } from './encrypted-columns.ts';
import type { PerpetratorInput, ProfileInput, VictimInput } from './person-schema.ts';

// Request fields → columns. A field left out stays undefined (Kysely leaves its column alone);
// null clears it (an empty list for multiselects). Age fields are set by the service (rules.ts).

const list = <T>(v: T[] | null | undefined): T[] | undefined => (v === undefined ? undefined : (v ?? []));

export function profileColumns(p: ProfileInput) {
  return {
    title: p.title,
    gender: p.gender,
    deceased: p.deceased,
    marital_status: p.maritalStatus,
    number_of_children: p.numberOfChildren,
    primary_language: p.primaryLanguage,
    secondary_language: p.secondaryLanguage,
    highest_level_of_education: p.highestLevelOfEducation,
    citizenship: list(p.citizenship),
    mailing_country: p.mailingCountry,
    ethnicity: p.ethnicity,
    disabilities: list(p.disabilities),
    migration_status: p.migrationStatus,
  };
}

function seal(cipher: FieldCipher, table: string, column: string, id: string, v: string | null | undefined) {
  if (v === undefined || v === null) return v;
  return cipher.encrypt(v, fieldContext(table, column, id));
}

export function victimColumns(cipher: FieldCipher, personId: string, v: VictimInput) {
  return {
    agreement_to_manage_personal_data: v.agreementToManagePersonalData,
    trafficking_status: v.traffickingStatus,
    trafficking_status_decision_making_org: v.traffickingStatusDecisionMakingOrg,
    relationship_to_trafficker: v.relationshipToTrafficker,
    age_when_trafficked: v.ageWhenTrafficked,
    recruitment_websites_and_apps: list(v.recruitmentWebsitesAndApps),
    method_of_recruitment: list(v.methodOfRecruitment),
    location_of_recruitment_id: v.locationOfRecruitmentId,
    methods_of_control: list(v.methodsOfControl),
    type_of_exploitation: list(v.typeOfExploitation),
    forced_labour_industry: v.forcedLabourIndustry,
    type_of_sex_exploitation: list(v.typeOfSexExploitation),
    location_of_exploitation_id: v.locationOfExploitationId,
    exploitation_websites_and_apps: list(v.exploitationWebsitesAndApps),
    vulnerabilities: list(v.vulnerabilities),
    details_of_vulnerabilities_enc: seal(
      cipher,
      'victim_contexts',
      'details_of_vulnerabilities_enc',
      personId,
      v.detailsOfVulnerabilities,
    ),
    forced_criminality_types: list(v.forcedCriminalityTypes),
    recruitment_platform: v.recruitmentPlatform,
    recruitment_handle: v.recruitmentHandle,
    recruitment_ad_url: v.recruitmentAdUrl,
    scam_compound_name: v.scamCompoundName,
    scam_compound_city: v.scamCompoundCity,
    scam_compound_country: v.scamCompoundCountry,
    scam_compound_latitude: v.scamCompoundLatitude,
    scam_compound_longitude: v.scamCompoundLongitude,
  };
}

export function perpetratorColumns(cipher: FieldCipher, personId: string, p: PerpetratorInput) {
  return {
    role_in_process: list(p.roleInProcess),
    organisation_id: p.organisationId,
    role_details_enc: seal(cipher, 'perpetrator_contexts', 'role_details_enc', personId, p.roleDetails),
  };
}
