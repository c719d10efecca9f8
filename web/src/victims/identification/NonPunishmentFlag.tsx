import { Alert, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVictimLabels } from '../labels.ts';
import type { NonPunishmentReference } from './schema.ts';

type Props = {
  /** The node's reference (GET /api/victims/identification/sets); the locale's wording without it. */
  reference: NonPunishmentReference | undefined;
  /** The indicators answered yes that raised it, already in the interface language. */
  because?: readonly { key: string; text: string; lang: string }[];
  children?: ReactNode;
  testId: string;
};

/**
 * The non-punishment flag (ACTIP Art. 14(7)): shown in red at the top of the person, so nobody
 * treats a victim forced into crime as an offender by overlooking it.
 */
export function NonPunishmentFlag({ reference, because = [], children, testId }: Props) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const body = reference ? labels.text(reference.labels) : null;
  const instrument = reference ? labels.text(reference.names.instrument) : null;
  const article = reference ? labels.text(reference.names.article) : null;
  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={t('victims.nonPunishment.title', { article: article?.text ?? '14(7)' })}
      data-testid={testId}
    >
      <Text size="sm" lang={body?.lang}>
        {body?.text ?? t('victims.nonPunishment.text')}
      </Text>
      {instrument && article && (
        <Text size="xs" mt={4} style={{ opacity: 0.9 }}>
          <span lang={instrument.lang}>{instrument.text}</span>,{' '}
          <span lang={article.lang}>{article.text}</span>
        </Text>
      )}
      {because.length > 0 && (
        <>
          <Text size="sm" fw={700} mt="xs">
            {t('victims.nonPunishment.because')}
          </Text>
          <List size="sm" c="white">
            {because.map((item) => (
              <List.Item key={item.key}>
                <span lang={item.lang}>{item.text}</span>
              </List.Item>
            ))}
          </List>
        </>
      )}
      {children}
    </Alert>
  );
}
