import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../shell/LanguageSelect.tsx';

/** The frame of the pages shown before the shell: brand, language switcher, one card. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="main" mih="100vh" bg="gray.0" p="md">
      <Group justify="flex-end">
        <LanguageSelect />
      </Group>
      <Center mt="xl">
        <Stack w="100%" maw={420} gap="xs">
          <Title order={1} ta="center">
            {t('app.name')}
          </Title>
          <Text ta="center" c="dimmed" size="sm">
            {t('app.tagline')}
          </Text>
          <Paper withBorder shadow="sm" p="lg" mt="md" radius="md">
            <Title order={2} size="h3" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
        </Stack>
      </Center>
    </Box>
  );
}
