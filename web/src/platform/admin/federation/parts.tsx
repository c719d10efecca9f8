import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api.ts';
import { regionName } from '../../countries.ts';

/** "Cambodia (KH)" in the interface language. */
export function useCountryName(): (code: string) => string {
  const { i18n } = useTranslation();
  return useMemo(() => {
    return (code: string) => `${regionName(i18n, code)} (${code})`;
  }, [i18n, i18n.language]);
}

/** A key fingerprint, large and in groups, to be read aloud and compared group by group. */
export function Fingerprint({ value, testId, size = 26 }: { value: string; testId?: string; size?: number }) {
  return (
    <Text ff="monospace" fz={size} fw={700} lh={1.3} style={{ wordBreak: 'break-word' }} data-testid={testId}>
      {value}
    </Text>
  );
}

/** A labelled value of a node's card. */
export function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text style={{ wordBreak: 'break-all' }} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

/** What kind of failure a peering call met, as the title above the server's own message. */
export function usePeeringErrorTitle(): (error: unknown) => string | undefined {
  const { t } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiError)) return undefined;
    if (error.code === 'bad_invitation' || error.status === 400)
      return t('admin.federation.errors.badInvitation');
    if (error.status === 409) return t('admin.federation.errors.alreadyPeer');
    if (error.status === 502) return t('admin.federation.errors.unreachable');
    return undefined;
  };
}
