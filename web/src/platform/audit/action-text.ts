import type { TFunction } from 'i18next';
import en from '../../i18n/locales/en.json';

// What an audit entry's action and record type say in the interface language (`user.create` →
// "User account created", `case_note` → "Case note"). A referral's events (`referral.sent`) are
// named by the referrals' own event titles. Codes the locales do not name (entries written by an
// older or newer node) are shown as they are.

const actions = en.audit.actions;
const recordTypes = en.audit.recordTypes;
const referralEvents = en.referrals.events;

const isAction = (key: string): key is keyof typeof actions => Object.hasOwn(actions, key);
const isRecordType = (key: string): key is keyof typeof recordTypes => Object.hasOwn(recordTypes, key);
const isReferralEvent = (key: string): key is keyof typeof referralEvents =>
  Object.hasOwn(referralEvents, key);

export function actionTitle(t: TFunction, action: string): string {
  const key = action.replaceAll('.', '_');
  if (isAction(key)) return t(`audit.actions.${key}`);
  const kind = action.startsWith('referral.') ? action.slice('referral.'.length) : '';
  if (isReferralEvent(kind)) return t('audit.referralEvent', { event: t(`referrals.events.${kind}`) });
  return action;
}

export function recordTypeName(t: TFunction, recordType: string): string {
  return isRecordType(recordType) ? t(`audit.recordTypes.${recordType}`) : recordType;
}
