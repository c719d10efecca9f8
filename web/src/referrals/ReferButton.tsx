import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../platform/session/context.ts';
import { mayWorkReferrals } from './roles.ts';

/** "Refer" on a person's page: opens the referral form for this person. */
export function ReferButton({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!mayWorkReferrals(user.roles)) return null;
  return (
    <Button
      component={Link}
      to={`/referrals/new?personId=${encodeURIComponent(personId)}`}
      variant="light"
      data-testid="refer-person"
    >
      {t('referrals.refer.action')}
    </Button>
  );
}
