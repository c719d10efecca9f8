import type { TFunction } from 'i18next';
import en from '../../i18n/locales/en.json';
import { actionTitle } from '../../platform/audit/action-text.ts';
import type { VictimLabels } from '../labels.ts';
import type { TimelineEntry } from './schema.ts';

// What a timeline entry says, in the interface language: its kind (`case.status` → "Case
// status changed", named like every audit action by `actionTitle`; `case.opened` and `case.person_linked`
// are the timeline's own) and the non-sensitive detail the server sends with it.

type TypeKey = keyof typeof en.victims.timeline.types;

const isTypeKey = (key: string): key is TypeKey => Object.hasOwn(en.victims.timeline.types, key);

export function entryTitle(t: TFunction, type: string): string {
  const key = type.replaceAll('.', '_');
  return isTypeKey(key) ? t(`victims.timeline.types.${key}`) : actionTitle(t, type);
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The details worth a line: statuses, kinds, steps, purposes, decisions; never free text. */
export function entryDetails(t: TFunction, labels: VictimLabels, entry: TimelineEntry): string[] {
  const d = entry.detail;
  const out: string[] = [];
  const caseStatus = (value: unknown) => {
    const s = text(value);
    return s === 'open' || s === 'active' || s === 'referred' || s === 'closed'
      ? t(`victims.cases.statuses.${s}`)
      : s;
  };
  if (entry.type === 'case.status') out.push(`${caseStatus(d.from)} → ${caseStatus(d.to)}`);
  if (text(d.kind)) out.push(labels.value('jar_SupportItemKind', text(d.kind)));
  if (text(d.repatriationStep)) out.push(labels.value('jar_RepatriationStep', text(d.repatriationStep)));
  if (text(d.status) && entry.type.startsWith('support_item')) {
    out.push(labels.value('jar_SupportItemStatus', text(d.status)));
  }
  if (text(d.type) && entry.type.startsWith('support_plan')) out.push(labels.value('spl_Type', text(d.type)));
  const purpose = text(d.purpose);
  if (
    purpose === 'services' ||
    purpose === 'information_sharing' ||
    purpose === 'referral' ||
    purpose === 'research'
  ) {
    out.push(t(`victims.consent.purposes.${purpose}`));
  }
  if (text(d.recipientCountry)) out.push(labels.country(text(d.recipientCountry)));
  const decision = text(d.decision);
  if (
    decision === 'presumed_victim' ||
    decision === 'victim' ||
    decision === 'not_victim' ||
    decision === 'needs_more_information'
  ) {
    out.push(t(`victims.decisions.${decision}`));
  }
  if (d.nonPunishment === true) out.push(t('victims.nonPunishment.badge'));
  const role = text(d.role);
  if (
    role === 'victim' ||
    role === 'perpetrator' ||
    role === 'witness' ||
    role === 'family' ||
    role === 'other'
  ) {
    out.push(t(`victims.cases.roles.${role}`));
  }
  if (text(d.dueOn)) out.push(`${t('victims.plans.due')} ${labels.date(text(d.dueOn))}`);
  return out;
}
