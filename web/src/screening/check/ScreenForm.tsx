import { Button, Group, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { screeningKeys, screenPost } from '../api.ts';
import type { PostInput } from '../bulk.ts';
import { CountryField, LanguageField } from '../fields.tsx';
import { ScreenResultView } from '../result/ScreenResultView.tsx';
import { fitPost, MAX_POST_BYTES, postRows } from './post-limit.ts';

/** About the width of a character of the field's text, to count how a long line wraps. */
const CHAR_PX = 8;

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
  const [cut, setCut] = useState(false);
  const field = useElementSize<HTMLTextAreaElement>();
  const screen = useMutation({
    mutationFn: async (input: PostInput) => ({ text: input.text, answer: await screenPost(input) }),
    onSuccess: async ({ answer }) => {
      if (answer.alertId) await queryClient.invalidateQueries({ queryKey: screeningKeys.alerts });
    },
  });

  const change = (value: string) => {
    const fitted = fitPost(value);
    setText(fitted.text);
    setCut(fitted.cut);
  };

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
            onChange={(event) => change(event.currentTarget.value)}
            error={cut && t('screening.check.tooLong', { kilobytes: MAX_POST_BYTES / 1024 })}
            // The browser cuts a paste to this many UTF-16 units before inserting it (cheap), and
            // fitPost then to the server's limit in UTF-8 bytes.
            maxLength={MAX_POST_BYTES}
            ref={field.ref}
            rows={postRows(text, Math.floor(field.width / CHAR_PX), 6, 20)}
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
          <ErrorAlert
            error={screen.error}
            labels={{
              text: t('screening.check.text'),
              country: t('screening.check.country'),
              lang: t('screening.check.lang'),
            }}
          />
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
