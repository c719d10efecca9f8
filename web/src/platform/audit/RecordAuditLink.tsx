import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasAnyRole, type Role } from '../roles.ts';
import { useSession } from '../session/context.ts';
import { recordAuditPath } from './filters.ts';

/** Who reads the audit log (the server's `audit.read` policy). */
export const auditReaders: readonly Role[] = [
  'administrator',
  'investigator',
  'analyst',
  'central_authority',
];

/** "Who viewed or changed this record": the audit log filtered to one record, for those who read it. */
export function RecordAuditLink({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!hasAnyRole(user.roles, auditReaders)) return null;
  return (
    <Anchor component={Link} to={recordAuditPath(recordId)} size="sm" data-testid="record-audit-link">
      {t('audit.recordLink')}
    </Anchor>
  );
}
