import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../platform/session/context.ts';
import { mayWorkReferrals } from './roles.ts';

type Props = { personId: string } & ({ caseId?: undefined } | { caseId: string; name: string });

/**
 * "Refer" on a person's page: opens the referral form for this person. On a case page, with the
 * case and the person's name: the referral is then the case's too.
 */
export function ReferButton(props: Props) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!mayWorkReferrals(user.roles)) return null;
  const query = new URLSearchParams({ personId: props.personId });
  if (props.caseId !== undefined) query.set('caseId', props.caseId);
  return (
    <Button
      component={Link}
      to={`/referrals/new?${query}`}
      variant="light"
      // Its own width, also in a column (a person's page), where a flex item would stretch.
      w="fit-content"
      size={props.caseId === undefined ? 'sm' : 'compact-sm'}
      data-testid="refer-person"
    >
      {props.caseId === undefined
        ? t('referrals.refer.action')
        : t('referrals.refer.actionFor', { name: props.name })}
    </Button>
  );
}
