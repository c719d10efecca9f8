import { Button, Group, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { screeningKeys, screenPost } from '../api.ts';
import type { PostInput } from '../bulk.ts';
import { CountryField, LanguageField } from '../fields.tsx';
import { ScreenResultView } from '../result/ScreenResultView.tsx';

type Props = {
  country: string;
  lang: string;
  onCountry: (value: string) => void;
  onLang: (value: string) => void;
};

export function ScreenForm({ country, lang, onCountry, onLang }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const screen = useMutation({
    mutationFn: async (input: PostInput) => ({ text: input.text, answer: await screenPost(input) }),
    onSuccess: async ({ answer }) => {
      if (answer.alertId) await queryClient.invalidateQueries({ queryKey: screeningKeys.alerts });
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!text.trim()) return;
    screen.mutate({ text, ...(country && { country }), ...(lang && { lang }) });
  };

  return (
    <Stack>
      <form onSubmit={submit} data-testid="screen-form">
        <Stack>
          <Textarea
            label={t('screening.check.text')}
            description={t('screening.check.textHelp')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={6}
            maxRows={20}
            required
            data-testid="screen-text"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <CountryField
              label={t('screening.check.country')}
              description={t('screening.check.countryHelp')}
              value={country}
              onChange={onCountry}
            />
            <LanguageField
              label={t('screening.check.lang')}
              description={t('screening.check.langHelp')}
              value={lang}
              onChange={onLang}
            />
          </SimpleGrid>
          <ErrorAlert error={screen.error} />
          <Group>
            <Button type="submit" loading={screen.isPending} disabled={!text.trim()}>
              {t('screening.check.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {screen.data && <ScreenResultView text={screen.data.text} answer={screen.data.answer} />}
    </Stack>
  );
}
