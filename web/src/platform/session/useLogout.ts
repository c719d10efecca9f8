import { useMutation, useQueryClient } from '@tanstack/react-query';
import { logOut, meQueryKey } from './api.ts';

/** Ends the session on the server, then forgets every cached answer of this user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
