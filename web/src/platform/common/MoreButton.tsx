import { Button, Group } from '@mantine/core';

/** The part of an infinite query (TanStack) a "load more" button needs. */
type Paged = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };

/** Loads the next page of a paged list; nothing when there is none. */
export function MoreButton({ pages, label, testId }: { pages: Paged; label: string; testId?: string }) {
  if (!pages.hasNextPage) return null;
  return (
    <Group>
      <Button
        variant="default"
        loading={pages.isFetchingNextPage}
        onClick={() => void pages.fetchNextPage()}
        data-testid={testId}
      >
        {label}
      </Button>
    </Group>
  );
}
