import { z } from '@hono/zod-openapi';
import { countryCode, name, rule, text } from '../platform/http/fields.ts';
import { allowedValues } from './catalogue.ts';

// Request shapes for persons. Picklists come from the HTCDS catalogue (data/htcds/fields.json);
// an unknown value is a 400 naming the field. Rules across fields and stored values (a birth date
// after the registration date) are in rules.ts. Every field may be left out or null (no value);
// on update, null clears it.

export const pick = (field: string) => z.enum(allowedValues(field));

const noRepeats = (values: readonly string[]) => new Set(values).size === values.length;

export const pickMany = (field: string) => {
  const values = allowedValues(field);
  return z
    .array(z.enum(values))
    .max(values.length)
    .refine(noRepeats, rule('duplicate', 'lists a value twice'));
};

/**
 * A calendar date (YYYY-MM-DD, a real day) from 1900 on. The range is checked only on a date
 * written as one, so "14/03/1998" gets one problem, not a second about 1900 (zod runs every check).
 */
export const isoDate = z.iso
  .date('must be a real date written YYYY-MM-DD')
  .refine(
    (d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || d >= '1900-01-01',
    rule('date_too_early', 'must not be before 1900-01-01', { minimum: '1900-01-01' }),
  );

/** E.164 as HTCDS notes it (^\+?[1-9]\d{1,14}$), after removing spaces, dots, dashes and brackets. */
export const E164 = /^\+?[1-9]\d{1,14}$/;
export const normalisePhone = (value: string) => value.replace(/[\s().-]/g, '');
const phone = text(40).refine(
  (v) => E164.test(normalisePhone(v)),
  rule('phone_e164', 'must be a phone number in E.164 form: + country code and number, at most 15 digits'),
);

const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be an ISO 639 language code such as th, mya or zh-TW');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const countries = z.array(countryCode).max(10).refine(noRepeats, rule('duplicate', 'lists a country twice'));
const httpUrl = text(2048).refine(
  (v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  },
  rule('http_url', 'must be an http or https URL'),
);

/** HTCDS prs_ identity fields; all encrypted at rest. */
const identityShape = {
  salutation: name(50).nullish(),
  firstName: name(200).nullish(),
  middleName: name(200).nullish(),
  secondName: name(200).nullish(),
  birthdate: isoDate.nullish(),
  identityNumber: text(100).nullish(),
  email: z.email('must be an email address').max(320).nullish(),
  homePhone: phone.nullish(),
  mobilePhone: phone.nullish(),
  mailingStreet: text(500).nullish(),
  mailingCity: text(200).nullish(),
  mailingState: text(200).nullish(),
  mailingPostalCode: text(40).nullish(),
  mailingLatitude: latitude.nullish(),
  mailingLongitude: longitude.nullish(),
};

/** Person fields that identify no one on their own (plain, for statistics), and vulnerability factors. */
const profileShape = {
  title: text(200).nullish(),
  gender: pick('prs_Gender').nullish(),
  deceased: z.boolean().nullish(),
  maritalStatus: pick('prs_MaritalStatus').nullish(),
  numberOfChildren: z.number().int().min(0).max(99).nullish(),
  primaryLanguage: language.nullish(),
  secondaryLanguage: language.nullish(),
  highestLevelOfEducation: pick('prs_HighestLevelOfEducation').nullish(),
  citizenship: countries.nullish(),
  mailingCountry: countryCode.nullish(),
  ageAtRegistration: z.number().int().min(0).max(130).nullish(),
  ageIsEstimate: z.boolean().nullish(),
  ethnicity: text(100).nullish(),
  disabilities: pickMany('jar_Disability').nullish(),
  migrationStatus: pick('jar_MigrationStatus').nullish(),
};

/** An HTCDS lookup to an organisation (a place or provider): the id of one of your agency's organisations. */
const organisationRef = (field: string) =>
  z
    .uuid()
    .nullish()
    .openapi({
      description: `${field}: the id of an organisation of your agency (/api/victims/organisations)`,
    });

/** HTCDS vic_ fields plus the forced-criminality, recruitment and scam-compound extensions. */
const victimShape = {
  agreementToManagePersonalData: z.boolean().nullish(),
  traffickingStatus: pick('vic_TraffickingStatus').nullish(),
  traffickingStatusDecisionMakingOrg: pick('vic_TraffickingStatusDecisionMakingOrg').nullish(),
  relationshipToTrafficker: pick('vic_RelationshipToTrafficker').nullish(),
  ageWhenTrafficked: z.number().int().min(0).max(130).nullish(),
  recruitmentWebsitesAndApps: pickMany('vic_RecruitmentWebsitesAndApps').nullish(),
  methodOfRecruitment: pickMany('vic_MethodOfRecruitment').nullish(),
  locationOfRecruitmentId: organisationRef('vic_LocationOfRecruitment'),
  methodsOfControl: pickMany('vic_MethodsOfControl').nullish(),
  typeOfExploitation: pickMany('vic_TypeOfExploitation').nullish(),
  forcedLabourIndustry: pick('vic_ForcedLabourIndustry').nullish(),
  typeOfSexExploitation: pickMany('vic_TypeOfSexExploitation').nullish(),
  locationOfExploitationId: organisationRef('vic_LocationOfExploitation'),
  exploitationWebsitesAndApps: pickMany('vic_ExploitationWebsitesAndApps').nullish(),
  vulnerabilities: pickMany('vic_Vulnerabilities').nullish(),
  detailsOfVulnerabilities: text(4000).nullish(),
  forcedCriminalityTypes: pickMany('jar_ForcedCriminalityType').nullish(),
  recruitmentPlatform: pick('jar_RecruitmentPlatform').nullish(),
  recruitmentHandle: text(200).nullish(),
  recruitmentAdUrl: httpUrl.nullish(),
  scamCompoundName: text(200).nullish(),
  scamCompoundCity: text(200).nullish(),
  scamCompoundCountry: countryCode.nullish(),
  scamCompoundLatitude: latitude.nullish(),
  scamCompoundLongitude: longitude.nullish(),
};

const perpetratorShape = {
  roleInProcess: pickMany('per_RoleInProcess').nullish(),
  roleDetails: text(4000).nullish(),
  organisationId: organisationRef('per_Organisation'),
};

export const identityInput = z.strictObject(identityShape);
export const profileInput = z.strictObject(profileShape);
export const victimInput = z.strictObject(victimShape);
export const perpetratorInput = z.strictObject(perpetratorShape);
export type IdentityInput = z.infer<typeof identityInput>;
export type ProfileInput = z.infer<typeof profileInput>;
export type VictimInput = z.infer<typeof victimInput>;
export type PerpetratorInput = z.infer<typeof perpetratorInput>;

export const createPersonBody = z
  .strictObject({
    externalId: text(200).optional(),
    registeredOn: isoDate.optional(),
    identity: identityInput.optional(),
    profile: profileInput.optional(),
    victim: victimInput.optional(),
    perpetrator: perpetratorInput.optional(),
  })
  .openapi('CreatePerson');
export type CreatePersonInput = z.infer<typeof createPersonBody>;

export const updatePersonBody = z
  .strictObject({
    registeredOn: isoDate.optional(),
    identity: identityInput.optional(),
    profile: profileInput.optional(),
    victim: victimInput.optional(),
    perpetrator: perpetratorInput.optional(),
  })
  .refine((o) => Object.keys(o).length > 0, rule('nothing_to_change', 'must change at least one field'))
  .openapi('UpdatePerson');
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

export const personListQuery = z.strictObject({
  name: text(200).optional().openapi({ description: 'Fuzzy name search; needs identity access' }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.uuid().optional().openapi({ description: 'The id of the last person of the previous page' }),
});
