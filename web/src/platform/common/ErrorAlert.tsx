import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldErrors, useErrorMessage } from './errors.ts';

type Props = { error: unknown; title?: string };

/** The server's error, translated where we know its code, with per-field messages below it. */
export function ErrorAlert({ error, title }: Props) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  if (!error) return null;
  const fields = fieldErrors(error);
  return (
    <Alert color="red" title={title ?? t('common.error')} role="alert">
      {describe(error)}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((field) => (
            <List.Item key={`${field.path}:${field.message}`}>
              {field.path ? `${field.path}: ${field.message}` : field.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
