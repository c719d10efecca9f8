import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/session/context.ts';
import { mayImportHtcds } from '../roles.ts';
import { ExportCard } from './ExportCard.tsx';
import { ImportCard } from './ImportCard.tsx';

/** /victims/htcds — HTCDS 2.0 files: export (every reader, in their own view) and import (caseworkers). */
export function HtcdsTab() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <>
      <Text size="sm" c="dimmed" mb="md">
        {t('victims.htcds.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ExportCard />
        {mayImportHtcds(user.roles) && <ImportCard />}
      </SimpleGrid>
    </>
  );
}
