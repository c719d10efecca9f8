import { z } from '@hono/zod-openapi';

// Response shapes for the OpenAPI document; presenters.ts and case-presenters.ts fill them.

const str = z.string().nullable();
const num = z.number().nullable();
const strings = z.array(z.string());

const integrity = z
  .object({
    status: z.enum(['ok', 'tampered']),
    tamperedFields: strings.openapi({ description: 'Fields whose stored value failed authentication' }),
  })
  .openapi('Integrity');

const identity = z
  .object({
    salutation: str,
    firstName: str,
    middleName: str,
    secondName: str,
    birthdate: str,
    identityNumber: str,
    email: str,
    homePhone: str,
    mobilePhone: str,
    mailingStreet: str,
    mailingCity: str,
    mailingState: str,
    mailingPostalCode: str,
    mailingLatitude: num,
    mailingLongitude: num,
  })
  .openapi('PersonIdentity');

const profile = z
  .object({
    title: str,
    gender: str,
    deceased: z.boolean().nullable(),
    maritalStatus: str,
    numberOfChildren: num,
    primaryLanguage: str,
    secondaryLanguage: str,
    highestLevelOfEducation: str,
    citizenship: strings,
    mailingCountry: str,
    ageAtRegistration: num,
    ageIsEstimate: z.boolean(),
    ethnicity: str,
    disabilities: strings,
    migrationStatus: str,
  })
  .openapi('PersonProfile');

const victim = z
  .object({
    agreementToManagePersonalData: z.boolean().nullable(),
    traffickingStatus: str,
    traffickingStatusDecisionMakingOrg: str,
    relationshipToTrafficker: str,
    ageWhenTrafficked: num,
    recruitmentWebsitesAndApps: strings,
    methodOfRecruitment: strings,
    locationOfRecruitmentId: str.openapi({ description: 'vic_LocationOfRecruitment (an organisation id)' }),
    methodsOfControl: strings,
    typeOfExploitation: strings,
    forcedLabourIndustry: str,
    typeOfSexExploitation: strings,
    locationOfExploitationId: str.openapi({ description: 'vic_LocationOfExploitation (an organisation id)' }),
    exploitationWebsitesAndApps: strings,
    vulnerabilities: strings,
    detailsOfVulnerabilities: str.optional().openapi({ description: 'Identity view only' }),
    forcedCriminalityTypes: strings,
    recruitmentPlatform: str,
    recruitmentHandle: str,
    recruitmentAdUrl: str,
    scamCompoundName: str,
    scamCompoundCity: str,
    scamCompoundCountry: str,
    scamCompoundLatitude: num,
    scamCompoundLongitude: num,
  })
  .openapi('VictimContext');

const perpetrator = z
  .object({
    roleInProcess: strings,
    organisationId: str.openapi({ description: 'per_Organisation (an organisation id)' }),
    roleDetails: str.optional().openapi({ description: 'Identity view only' }),
  })
  .openapi('PerpetratorContext');

const view = z.enum(['identity', 'pseudonym']);

export const person = z
  .object({
    id: z.string(),
    pseudonym: z.string(),
    view,
    externalId: str,
    registeredOn: z.string(),
    identity: identity.optional().openapi({ description: 'Identity view only' }),
    integrity: integrity.optional(),
    profile,
    victim: victim.nullable(),
    perpetrator: perpetrator.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Person');

export const personSummary = z
  .object({
    id: z.string(),
    pseudonym: z.string(),
    view,
    name: str.optional().openapi({ description: 'Identity view only' }),
    integrity: integrity.optional(),
    externalId: str,
    registeredOn: z.string(),
    gender: str,
    ageAtRegistration: num,
    citizenship: strings,
    traffickingStatus: str,
    typeOfExploitation: strings,
    isVictim: z.boolean(),
    isPerpetrator: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('PersonSummary');

export const personResult = z.object({ person });
export const personList = z.object({ persons: z.array(personSummary), nextCursor: str });

export const caseOut = z
  .object({
    id: z.string(),
    externalId: str,
    status: z.enum(['open', 'active', 'referred', 'closed']),
    htcdsStatus: z.string(),
    openedOn: z.string(),
    closedAt: str,
    closeReason: str.optional().openapi({ description: 'Caseworkers only' }),
    integrity: integrity.optional(),
    ownerId: str,
    persons: z.array(z.object({ role: z.string(), linkedAt: z.string(), person: personSummary })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Case');

export const caseResult = z.object({ case: caseOut });
export const caseList = z.object({ cases: z.array(caseOut), nextCursor: str });
