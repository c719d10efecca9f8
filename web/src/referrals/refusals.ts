import type { TFunction } from 'i18next';
import { REFUSALS } from './schema.ts';

/**
 * Why a data category stays home, in the reader's language: the consent decision's reason, or the
 * server's message for a reason this version does not know. Said of a sent referral, "nothing to
 * share" was so when it was sent: an assessment recorded since can still be shared.
 */
export function refusalText(
  t: TFunction,
  refusal: { reason: string; message: string },
  sent: boolean,
): string {
  if (refusal.reason === 'nothing_to_share' && sent) return t('referrals.consent.nothingWhenSent');
  const known = REFUSALS.find((r) => r === refusal.reason);
  return known ? t(`referrals.refusals.${known}`) : refusal.message;
}
