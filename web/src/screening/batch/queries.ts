import { useQuery } from '@tanstack/react-query';
import { batchKeys, fetchBatch, listBatches } from './api.ts';
import { isActive } from './schema.ts';

const POLL_MS = 1500;

/** A batch, asked again every POLL_MS while it is being screened. */
export const useBatch = (id: string) =>
  useQuery({
    queryKey: batchKeys.one(id),
    queryFn: () => fetchBatch(id),
    refetchInterval: (query) => (query.state.data && !isActive(query.state.data) ? false : POLL_MS),
  });

export const useBatches = () =>
  useQuery({
    queryKey: batchKeys.list,
    queryFn: listBatches,
    refetchInterval: (query) => (query.state.data?.some(isActive) ? POLL_MS * 2 : false),
  });
