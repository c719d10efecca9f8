import { Alert, Button, Card, Group, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/common/ErrorAlert.tsx';
import { useFormatTime } from '../../platform/common/format.ts';
import { hasAnyRole } from '../../platform/roles.ts';
import { useSession } from '../../platform/session/context.ts';
import { retrainModel, screeningKeys } from '../api.ts';
import { useScreeningLabels } from '../labels.ts';
import { useModels } from '../queries.ts';
import type { ModelSummary, ModelsAnswer } from '../schema.ts';
import { MetricsTable } from './MetricsTable.tsx';

/**
 * The model that scores posts on this node, how many reviews could train the next one, and
 * retraining: offered from the server's minimum of each label, and only after a confirmation, as
 * the new model replaces the node's for every agency at once.
 */
export function ModelCard() {
  const { t } = useTranslation();
  const { user } = useSession();
  const labels = useScreeningLabels();
  const queryClient = useQueryClient();
  const models = useModels();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const retrain = useMutation({
    mutationFn: retrainModel,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: screeningKeys.models }),
    onSettled: () => setConfirming(false),
  });
  const canRetrain = hasAnyRole(user.roles, ['analyst', 'administrator']);
  const data = models.data;
  const enough = data !== undefined && hasEnoughReviews(data.reviewed);

  return (
    <Card withBorder data-testid="model-card" component="section" aria-labelledby={titleId}>
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3" id={titleId}>
            {t('screening.model.title')}
          </Title>
          {canRetrain && (
            <Button
              onClick={() => setConfirming(true)}
              disabled={!enough}
              loading={retrain.isPending}
              data-testid="retrain"
            >
              {t('screening.model.retrain')}
            </Button>
          )}
        </Group>
        {retrain.isSuccess && (
          <Alert
            color="green"
            role="status"
            data-testid="retrain-result"
            title={t('screening.model.retrained', { name: retrain.data.name })}
          >
            {/* Once the list is refetched the new model shows below as the active one. */}
            {data?.active?.id !== retrain.data.id && <ModelFacts model={retrain.data} />}
          </Alert>
        )}
        <ErrorAlert error={retrain.error} />
        {models.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
        <ErrorAlert error={models.error} />
        {data && (
          <>
            <Text data-testid="reviewed-count">
              {t('screening.model.reviewed', {
                total: labels.number(data.reviewed.confirmed + data.reviewed.dismissed),
                confirmed: labels.number(data.reviewed.confirmed),
                dismissed: labels.number(data.reviewed.dismissed),
              })}
            </Text>
            {!enough && (
              <Text size="sm" c="dimmed" data-testid="retrain-needs">
                {t('screening.model.needsReviews', {
                  minimum: labels.number(data.reviewed.minimumPerLabel),
                })}
              </Text>
            )}
            {data.active ? (
              <ModelFacts model={data.active} />
            ) : (
              <Text c="dimmed" data-testid="default-model">
                {t('screening.model.none', { name: data.defaultModel.name })}
              </Text>
            )}
          </>
        )}
      </Stack>
      <Modal
        opened={confirming && data !== undefined}
        onClose={() => setConfirming(false)}
        title={t('screening.model.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {data && (
          <Stack>
            <Text>
              {t('screening.model.confirmText', {
                confirmed: labels.number(data.reviewed.confirmed),
                dismissed: labels.number(data.reviewed.dismissed),
              })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                onClick={() => retrain.mutate()}
                loading={retrain.isPending}
                data-testid="confirm-retrain"
              >
                {t('screening.model.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}

function hasEnoughReviews({ confirmed, dismissed, minimumPerLabel }: ModelsAnswer['reviewed']): boolean {
  return confirmed >= minimumPerLabel && dismissed >= minimumPerLabel;
}

function ModelFacts({ model }: { model: ModelSummary }) {
  const { t } = useTranslation();
  const labels = useScreeningLabels();
  const formatTime = useFormatTime();
  return (
    <Stack gap="sm">
      <Table variant="vertical" layout="fixed" withTableBorder>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={200}>{t('screening.model.name')}</Table.Th>
            <Table.Td data-testid="model-name">{model.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('screening.model.created')}</Table.Th>
            <Table.Td>{formatTime(model.createdAt)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('screening.model.examples')}</Table.Th>
            <Table.Td data-testid="model-examples">{labels.number(model.examples)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <MetricsTable metrics={model.metrics} />
    </Stack>
  );
}
