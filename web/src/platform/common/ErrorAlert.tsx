import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors.ts';
import type { FieldLabels } from './field-problems.ts';

type Props = { error: unknown; title?: string; labels?: FieldLabels };

/**
 * The server's error in the interface language, with each refused field below it, named by the
 * form's `labels` (API path → the label the form shows) where it gives them.
 */
export function ErrorAlert({ error, title, labels }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  const { summary, fields } = errorText(t, error, labels);
  return (
    // A long unbroken value in a message (a link, an identifier) wraps instead of running off the box.
    <Alert color="red" title={title ?? t('common.error')} role="alert" style={{ overflowWrap: 'anywhere' }}>
      {summary}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
