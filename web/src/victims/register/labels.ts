import type { TFunction } from 'i18next';
import type { FieldLabels } from '../../platform/common/field-problems.ts';

/** The person form's labels by the API path each field is sent at (toBody), to name refused fields. */
export function personFieldLabels(t: TFunction): FieldLabels {
  return {
    registeredOn: t('victims.person.registeredOn'),
    externalId: t('victims.person.externalId'),
    'identity.firstName': t('victims.person.firstName'),
    'identity.middleName': t('victims.person.middleName'),
    'identity.secondName': t('victims.person.secondName'),
    'identity.birthdate': t('victims.person.birthdate'),
    'identity.identityNumber': t('victims.person.identityNumber'),
    'identity.mobilePhone': t('victims.person.mobilePhone'),
    'profile.ageAtRegistration': t('victims.person.age'),
    'profile.ageIsEstimate': t('victims.person.ageIsEstimate'),
    'profile.gender': t('victims.person.gender'),
    'profile.citizenship': t('victims.person.citizenship'),
    'profile.ethnicity': t('victims.person.ethnicity'),
    'profile.disabilities': t('victims.person.disabilities'),
    'profile.migrationStatus': t('victims.person.migrationStatus'),
    'victim.typeOfExploitation': t('victims.person.typeOfExploitation'),
    'victim.forcedCriminalityTypes': t('victims.person.forcedCriminalityTypes'),
    'victim.recruitmentPlatform': t('victims.person.recruitmentPlatform'),
    'victim.recruitmentHandle': t('victims.person.recruitmentHandle'),
    'victim.recruitmentAdUrl': t('victims.person.recruitmentAdUrl'),
    'victim.locationOfRecruitmentId': t('victims.person.locationOfRecruitment'),
    'victim.locationOfExploitationId': t('victims.person.locationOfExploitation'),
    'victim.scamCompoundName': t('victims.person.scamCompoundName'),
    'victim.scamCompoundCity': t('victims.person.scamCompoundCity'),
    'victim.scamCompoundCountry': t('victims.person.scamCompoundCountry'),
    'victim.detailsOfVulnerabilities': t('victims.person.detailsOfVulnerabilities'),
  };
}
