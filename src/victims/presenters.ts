import type { OpenedIdentity } from './identity.ts';
import type { PerpetratorRow, PersonRecord, PersonRow, VictimRow } from './repo.ts';

// What each reader sees of a person. Every returned field is listed here, so a new column never
// leaks by accident. The identity view adds `identity`, the encrypted narratives and `integrity`;
// the pseudonym view has neither, and nothing in it was decrypted.

export type OpenedPerson = {
  identity: OpenedIdentity;
  detailsOfVulnerabilities: string | null;
  roleDetails: string | null;
  /** API paths of stored values that failed authentication. */
  tampered: string[];
};

/** The decrypted identity fields, by API name (also the HTCDS export's source). */
export function presentIdentity(o: OpenedIdentity) {
  return {
    salutation: o.text('salutation'),
    firstName: o.text('firstName'),
    middleName: o.text('middleName'),
    secondName: o.text('secondName'),
    birthdate: o.text('birthdate'),
    identityNumber: o.text('identityNumber'),
    email: o.text('email'),
    homePhone: o.text('homePhone'),
    mobilePhone: o.text('mobilePhone'),
    mailingStreet: o.text('mailingStreet'),
    mailingCity: o.text('mailingCity'),
    mailingState: o.text('mailingState'),
    mailingPostalCode: o.text('mailingPostalCode'),
    mailingLatitude: o.number('mailingLatitude'),
    mailingLongitude: o.number('mailingLongitude'),
  };
}

function presentProfile(p: PersonRow) {
  return {
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
  };
}

function presentVictim(v: VictimRow) {
  return {
    agreementToManagePersonalData: v.agreement_to_manage_personal_data,
    traffickingStatus: v.trafficking_status,
    traffickingStatusDecisionMakingOrg: v.trafficking_status_decision_making_org,
    relationshipToTrafficker: v.relationship_to_trafficker,
    ageWhenTrafficked: v.age_when_trafficked,
    recruitmentWebsitesAndApps: v.recruitment_websites_and_apps,
    methodOfRecruitment: v.method_of_recruitment,
    locationOfRecruitmentId: v.location_of_recruitment_id,
    methodsOfControl: v.methods_of_control,
    typeOfExploitation: v.type_of_exploitation,
    forcedLabourIndustry: v.forced_labour_industry,
    typeOfSexExploitation: v.type_of_sex_exploitation,
    locationOfExploitationId: v.location_of_exploitation_id,
    exploitationWebsitesAndApps: v.exploitation_websites_and_apps,
    vulnerabilities: v.vulnerabilities,
    forcedCriminalityTypes: v.forced_criminality_types,
    recruitmentPlatform: v.recruitment_platform,
    recruitmentHandle: v.recruitment_handle,
    recruitmentAdUrl: v.recruitment_ad_url,
    scamCompoundName: v.scam_compound_name,
    scamCompoundCity: v.scam_compound_city,
    scamCompoundCountry: v.scam_compound_country,
    scamCompoundLatitude: v.scam_compound_latitude,
    scamCompoundLongitude: v.scam_compound_longitude,
  };
}

const presentPerpetrator = (p: PerpetratorRow) => ({
  roleInProcess: p.role_in_process,
  organisationId: p.organisation_id,
});

const integrityOf = (tampered: string[]) => ({
  status: tampered.length > 0 ? ('tampered' as const) : ('ok' as const),
  tamperedFields: tampered,
});

export function presentPerson(r: PersonRecord, pseudonym: string, opened: OpenedPerson | null) {
  const base = {
    id: r.person.id,
    pseudonym,
    externalId: r.person.external_id,
    registeredOn: r.person.registered_on,
    profile: presentProfile(r.person),
    createdAt: r.person.created_at.toISOString(),
    updatedAt: r.person.updated_at.toISOString(),
  };
  if (opened === null) {
    return {
      ...base,
      view: 'pseudonym' as const,
      victim: r.victim && presentVictim(r.victim),
      perpetrator: r.perpetrator && presentPerpetrator(r.perpetrator),
    };
  }
  return {
    ...base,
    view: 'identity' as const,
    identity: presentIdentity(opened.identity),
    victim: r.victim && {
      ...presentVictim(r.victim),
      detailsOfVulnerabilities: opened.detailsOfVulnerabilities,
    },
    perpetrator: r.perpetrator && { ...presentPerpetrator(r.perpetrator), roleDetails: opened.roleDetails },
    integrity: integrityOf(opened.tampered),
  };
}

/** One line of a list: the name only in the identity view. */
export function presentPersonSummary(r: PersonRecord, pseudonym: string, opened: OpenedPerson | null) {
  const base = {
    id: r.person.id,
    pseudonym,
    externalId: r.person.external_id,
    registeredOn: r.person.registered_on,
    gender: r.person.gender,
    ageAtRegistration: r.person.age_at_registration,
    citizenship: r.person.citizenship,
    traffickingStatus: r.victim?.trafficking_status ?? null,
    typeOfExploitation: r.victim?.type_of_exploitation ?? [],
    isVictim: r.victim !== null,
    isPerpetrator: r.perpetrator !== null,
    createdAt: r.person.created_at.toISOString(),
  };
  if (opened === null) return { ...base, view: 'pseudonym' as const };
  const o = opened.identity;
  const parts = [o.text('firstName'), o.text('middleName'), o.text('secondName')].filter((s) => s !== null);
  return {
    ...base,
    view: 'identity' as const,
    name: parts.length > 0 ? parts.join(' ') : null,
    integrity: integrityOf(opened.tampered),
  };
}

export type PresentedPerson = ReturnType<typeof presentPerson>;
export type PresentedPersonSummary = ReturnType<typeof presentPersonSummary>;
