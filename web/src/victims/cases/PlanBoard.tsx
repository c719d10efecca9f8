import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../platform/session/context.ts';
import { useVictimLabels } from '../labels.ts';
import { localToday } from '../register/draft.ts';
import { mayWriteItems } from '../roles.ts';
import { AddItemForm } from './AddItemForm.tsx';
import { caseKeys, changeItem } from './api.ts';
import { ItemErrorAlert } from './ItemErrorAlert.tsx';
import { type ItemMove, itemMoves } from './items.ts';
import { RepatriationSteps } from './RepatriationSteps.tsx';
import { itemStatuses, type Plan, type PlanItem } from './schema.ts';

/** One person's support plan as a board: a column per item status, repatriation steps in order. */
export function PlanBoard({ plan, caseId }: { plan: Plan; caseId: string }) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const writer = mayWriteItems(user.roles);
  // The server checks dates and the repatriation order; a refusal names the steps in the way.
  const change = useMutation({
    mutationFn: ({ item, move }: { item: PlanItem; move: ItemMove }) => changeItem(item.id, move.change),
    onSettled: () => queryClient.invalidateQueries({ queryKey: caseKeys.all(caseId) }),
  });
  const name = plan.person.name || plan.person.pseudonym;
  return (
    <Card withBorder padding="sm" data-testid="plan-board" data-plan-id={plan.id}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={3} size="h4">
            {t('victims.plans.for', { name })}
          </Title>
          <Text size="sm" c="dimmed">
            {[
              plan.type && labels.value('spl_Type', plan.type),
              plan.plannedEndDate &&
                `${t('victims.plans.plannedEndDate')}: ${labels.date(plan.plannedEndDate)}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {plan.objectives && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {plan.objectives}
            </Text>
          )}
        </div>
        {writer && !adding && (
          <Button size="compact-sm" variant="light" onClick={() => setAdding(true)} data-testid="item-add">
            {t('victims.plans.addItem')}
          </Button>
        )}
      </Group>
      {adding && <AddItemForm plan={plan} caseId={caseId} onDone={() => setAdding(false)} />}
      <ItemErrorAlert error={change.error} plan={plan} step={change.variables?.item.repatriationStep} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} mt="sm" spacing="xs">
        {itemStatuses.map((status) => {
          const items = plan.items.filter((item) => item.status === status);
          return (
            <Stack
              key={status}
              gap="xs"
              p="xs"
              bg="var(--mantine-color-default-hover)"
              style={{ borderRadius: 6 }}
              data-testid={`plan-column-${status}`}
            >
              <Group justify="space-between">
                <Text fw={700} size="sm">
                  {labels.value('jar_SupportItemStatus', status)}
                </Text>
                <Badge size="sm" variant="light" color="gray">
                  {items.length}
                </Badge>
              </Group>
              {items.map((item) => (
                <ItemCard
                  key={item.id}
                  item={item}
                  onMove={writer ? (move) => change.mutate({ item, move }) : undefined}
                  busy={change.isPending}
                />
              ))}
            </Stack>
          );
        })}
      </SimpleGrid>
      <RepatriationSteps plan={plan} />
    </Card>
  );
}

type CardProps = { item: PlanItem; onMove: ((move: ItemMove) => void) | undefined; busy: boolean };

function ItemCard({ item, onMove, busy }: CardProps) {
  const { t } = useTranslation();
  const labels = useVictimLabels();
  const title = item.repatriationStep
    ? `${labels.value('jar_SupportItemKind', item.kind)}: ${labels.value('jar_RepatriationStep', item.repatriationStep)}`
    : labels.value('jar_SupportItemKind', item.kind);
  const dates = [
    item.startDate && `${t('victims.plans.start')} ${labels.date(item.startDate)}`,
    item.dueDate && `${t('victims.plans.due')} ${labels.date(item.dueDate)}`,
    item.endDate && `${t('victims.plans.end')} ${labels.date(item.endDate)}`,
  ].filter(Boolean);
  return (
    <Card withBorder padding="xs" data-testid="plan-item" data-kind={item.kind} data-status={item.status}>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      {item.notNeeded && (
        <Text size="xs" c="dimmed">
          {t('victims.plans.notNeeded')}
        </Text>
      )}
      {item.providerName && <Text size="xs">{item.providerName}</Text>}
      {dates.length > 0 && (
        <Text size="xs" c="dimmed">
          {dates.join(' · ')}
        </Text>
      )}
      {onMove && (
        <Group gap={4} mt={4}>
          {itemMoves(item, localToday()).map((move) => (
            <Button
              key={move.to}
              size="compact-xs"
              variant="subtle"
              disabled={busy}
              onClick={() => onMove(move)}
              data-testid={`item-to-${move.to}`}
            >
              →{' '}
              {move.to === 'not_needed'
                ? t('victims.plans.notNeeded')
                : labels.value('jar_SupportItemStatus', move.to)}
            </Button>
          ))}
        </Group>
      )}
    </Card>
  );
}
