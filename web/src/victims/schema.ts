import * as z from 'zod/mini';

// The victims API's answers (src/victims/responses.ts on the server), parsed at the edge. Fields the
// pages do not use are left out: zod/mini drops them.

const str = z.nullish(z.string());
const num = z.nullish(z.number());
const strings = z._default(z.array(z.string()), []);

export const catalogueField = z.object({
  field: z.string(),
  section: z.string(),
  label: z.string(),
  type: z.string(),
  values: z.optional(z.array(z.string())),
  extensionValues: z.optional(z.array(z.string())),
});
export type CatalogueField = z.infer<typeof catalogueField>;

export const catalogueAnswer = z.object({
  version: z.number(),
  licence: z.string(),
  attribution: z.string(),
  fields: z.array(catalogueField),
});
export type Catalogue = z.infer<typeof catalogueAnswer>;

const integrity = z.object({ status: z.enum(['ok', 'tampered']), tamperedFields: strings });

export const personIdentity = z.object({
  firstName: str,
  middleName: str,
  secondName: str,
  birthdate: str,
  identityNumber: str,
  mobilePhone: str,
});

export const personProfile = z.object({
  gender: str,
  citizenship: strings,
  ageAtRegistration: num,
  ageIsEstimate: z._default(z.boolean(), false),
  ethnicity: str,
  disabilities: strings,
  migrationStatus: str,
  primaryLanguage: str,
});

export const victimContext = z.object({
  traffickingStatus: str,
  typeOfExploitation: strings,
  forcedCriminalityTypes: strings,
  recruitmentPlatform: str,
  recruitmentHandle: str,
  recruitmentAdUrl: str,
  locationOfRecruitmentId: str,
  locationOfExploitationId: str,
  scamCompoundName: str,
  scamCompoundCity: str,
  scamCompoundCountry: str,
  detailsOfVulnerabilities: str,
});
export type VictimContext = z.infer<typeof victimContext>;

export const person = z.object({
  id: z.string(),
  pseudonym: z.string(),
  view: z.enum(['identity', 'pseudonym']),
  externalId: str,
  registeredOn: z.string(),
  identity: z.optional(personIdentity),
  integrity: z.optional(integrity),
  profile: personProfile,
  victim: z.nullable(victimContext),
  perpetrator: z.nullable(z.object({ roleInProcess: strings })),
  createdAt: z.string(),
});
export type Person = z.infer<typeof person>;
export const personAnswer = z.object({ person });

export const personSummary = z.object({
  id: z.string(),
  pseudonym: z.string(),
  view: z.enum(['identity', 'pseudonym']),
  name: str,
  integrity: z.optional(integrity),
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
});
export type PersonSummary = z.infer<typeof personSummary>;
export const personList = z.object({ persons: z.array(personSummary), nextCursor: str });
export type PersonPage = z.infer<typeof personList>;

export const caseStatuses = ['open', 'active', 'referred', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const casePersonRoles = ['victim', 'perpetrator', 'witness', 'family', 'other'] as const;
export type CasePersonRole = (typeof casePersonRoles)[number];

export const caseRecord = z.object({
  id: z.string(),
  externalId: str,
  status: z.enum(caseStatuses),
  htcdsStatus: z.string(),
  openedOn: z.string(),
  closedAt: str,
  closeReason: str,
  integrity: z.optional(integrity),
  ownerId: str,
  persons: z.array(z.object({ role: z.string(), linkedAt: z.string(), person: personSummary })),
  createdAt: z.string(),
});
export type CaseRecord = z.infer<typeof caseRecord>;
export const caseAnswer = z.object({ case: caseRecord });
export const caseList = z.object({ cases: z.array(caseRecord), nextCursor: str });
export type CasePage = z.infer<typeof caseList>;
