import {
  Alert,
  Button,
  Card,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useSession } from '../../platform/session/context.ts';
import { CountryField } from '../fields.tsx';
import { mayReadIdentity } from '../roles.ts';
import { fetchExport, type Recipient, saveFile } from './api.ts';
import { type ExportFormat, type ExportPurpose, exportFormats, exportPurposes } from './schema.ts';

const isFormat = (value: string): value is ExportFormat => exportFormats.some((f) => f === value);
const isPurpose = (value: string | null): value is ExportPurpose => exportPurposes.some((p) => p === value);

/**
 * Downloads the agency's persons and cases as one HTCDS 2.0 file. For someone outside the node, a
 * recipient and purpose: the server then keeps only persons whose consent allows it.
 */
export function ExportCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [forRecipient, setForRecipient] = useState(false);
  const [country, setCountry] = useState('');
  const [agency, setAgency] = useState('');
  const [purpose, setPurpose] = useState<ExportPurpose | null>(null);
  const recipient: Recipient | undefined =
    forRecipient && country && purpose
      ? { country, purpose, ...(agency.trim() && { agency: agency.trim() }) }
      : undefined;
  const ready = !forRecipient || recipient !== undefined;
  const download = useMutation({
    mutationFn: async () => {
      const file = await fetchExport(format, recipient);
      saveFile(file);
      return file;
    },
  });
  const figures = download.data?.figures;
  // A result describes the file of the choices it was made with: changing one clears it.
  const choose =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      download.reset();
      set(value);
    };
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby="htcds-export-title"
      data-testid="htcds-export-card"
    >
      <Stack>
        <Title order={2} size="h3" id="htcds-export-title">
          {t('victims.htcds.export.title')}
        </Title>
        <Text size="sm">{t('victims.htcds.export.help')}</Text>
        <Text size="sm" c="dimmed">
          {t(
            mayReadIdentity(user.roles)
              ? 'victims.htcds.export.identities'
              : 'victims.htcds.export.pseudonyms',
          )}
        </Text>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('victims.htcds.format')}
          </Text>
          <SegmentedControl
            value={format}
            onChange={(value) => isFormat(value) && choose(setFormat)(value)}
            data={[
              { value: 'csv', label: t('victims.htcds.csv') },
              { value: 'xlsx', label: t('victims.htcds.xlsx') },
            ]}
            data-testid="htcds-format"
          />
        </Stack>
        <Switch
          label={t('victims.htcds.export.forRecipient')}
          description={t('victims.htcds.export.forRecipientHelp')}
          checked={forRecipient}
          onChange={(event) => choose(setForRecipient)(event.currentTarget.checked)}
          data-testid="htcds-for-recipient"
        />
        {forRecipient && (
          <Stack gap="sm" data-testid="htcds-recipient">
            <Alert color="blue" variant="light">
              {t('victims.htcds.export.consentRule')}
            </Alert>
            <CountryField
              label={t('victims.htcds.export.country')}
              value={country}
              onChange={choose(setCountry)}
              required
              testId="htcds-recipient-country"
            />
            <TextInput
              label={t('victims.htcds.export.agency')}
              description={t('victims.htcds.export.agencyHelp')}
              value={agency}
              onChange={(event) => choose(setAgency)(event.currentTarget.value)}
              maxLength={200}
            />
            <Select
              label={t('victims.htcds.export.purpose')}
              data={exportPurposes.map((p) => ({ value: p, label: t(`victims.consent.purposes.${p}`) }))}
              value={purpose}
              onChange={(value) => choose(setPurpose)(isPurpose(value) ? value : null)}
              required
              data-testid="htcds-purpose"
            />
          </Stack>
        )}
        <ErrorAlert
          error={download.error}
          title={t('victims.htcds.export.failed')}
          labels={{
            recipientCountry: t('victims.htcds.export.country'),
            recipientAgency: t('victims.htcds.export.agency'),
            purpose: t('victims.htcds.export.purpose'),
          }}
        />
        {download.data && figures && (
          <Alert color="green" variant="light" data-testid="htcds-export-result">
            <Text size="sm">
              {t('victims.htcds.export.done', {
                file: download.data.fileName,
                rows: figures.rows,
                persons: figures.persons,
                cases: figures.cases,
              })}
            </Text>
            {figures.withheld > 0 && (
              <Text size="sm" mt={4}>
                {t('victims.htcds.export.withheld', { count: figures.withheld })}
              </Text>
            )}
          </Alert>
        )}
        <Button
          onClick={() => download.mutate()}
          loading={download.isPending}
          disabled={!ready}
          style={{ alignSelf: 'flex-start' }}
          data-testid="htcds-export"
        >
          {t(format === 'csv' ? 'victims.htcds.export.downloadCsv' : 'victims.htcds.export.downloadXlsx')}
        </Button>
      </Stack>
    </Card>
  );
}
