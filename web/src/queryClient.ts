import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';
import { meQueryKey } from './platform/session/api.ts';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // A read answered 401 means the session ended: forget it, and the login page shows. (Writes
    // are left alone: a wrong current password or TOTP code may also answer 401.)
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.status === 401) client.setQueryData(meQueryKey, null);
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        // Retry only when the server could not be reached; an answer, even an error, is final.
        retry: (failures, error) => failures < 2 && error instanceof ApiError && error.status === 0,
      },
    },
  });
  return client;
}
