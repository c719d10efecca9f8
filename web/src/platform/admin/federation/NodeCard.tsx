import { Card, Center, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../common/ErrorAlert.tsx';
import { useOwnNode } from './api.ts';
import { Fact, Fingerprint, useCountryName } from './parts.tsx';

/** This node's card, with its key fingerprint large enough to read aloud to the other side. */
export function NodeCard() {
  const { t } = useTranslation();
  const node = useOwnNode();
  const country = useCountryName();
  if (node.isPending) {
    return (
      <Center p="lg">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (node.isError) return <ErrorAlert error={node.error} />;
  const n = node.data;
  return (
    <Card withBorder data-testid="federation-node" data-node-id={n.nodeId}>
      <Stack gap="sm">
        <Title order={3}>{t('admin.federation.node.title')}</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('admin.federation.country')} value={country(n.country)} />
          <Fact label={t('admin.federation.name')} value={n.name} />
          <Fact label={t('admin.federation.url')} value={n.baseUrl} testId="federation-node-url" />
        </SimpleGrid>
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('admin.federation.fingerprint')}
          </Text>
          <Fingerprint value={n.fingerprint} size={32} testId="federation-node-fingerprint" />
        </Stack>
        <Text>{t('admin.federation.node.readAloud')}</Text>
      </Stack>
    </Card>
  );
}
