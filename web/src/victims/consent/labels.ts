import type { TFunction } from 'i18next';
import type { FieldLabels } from '../../platform/common/field-problems.ts';

/** The consent form's labels by the API path each field is sent at (toConsentBody), to name refused fields. */
export function consentFieldLabels(t: TFunction): FieldLabels {
  return {
    purpose: t('victims.consent.purpose'),
    categories: t('victims.consent.categories'),
    'recipient.country': t('victims.consent.country'),
    'recipient.agency': t('victims.consent.agency'),
    subjectAge: t('victims.consent.subjectAge'),
    givenBy: t('victims.consent.givenBy'),
    'givenBy.name': t('victims.consent.giverName'),
    'givenBy.relationship': t('victims.consent.giverRelationship'),
    method: t('victims.consent.method'),
    'method.formSha256': t('victims.consent.formFile'),
    'method.witness.name': t('victims.consent.witnessName'),
    'method.witness.role': t('victims.consent.witnessRole'),
    'interpreter.language': t('victims.consent.interpreterLanguage'),
    'interpreter.name': t('victims.consent.interpreterName'),
    'htcds.con_Consent': t('victims.consent.consented'),
    givenAt: t('victims.consent.givenAt'),
    expiresAt: t('victims.consent.expiresOn'),
  };
}
