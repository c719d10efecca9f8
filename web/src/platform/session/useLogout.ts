import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { logOut, meQueryKey } from './api.ts';

/** Ends the session on the server, then forgets every cached answer of this user. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      // Keep the session query itself (the gate observes it) and set it to "nobody".
      queryClient.setQueryData(meQueryKey, null);
      const session = queryClient.getQueryCache().find({ queryKey: meQueryKey, exact: true });
      queryClient.removeQueries({ predicate: (query) => query !== session });
      // The next person to sign in on this device starts at home, not on the last page.
      navigate('/', { replace: true });
    },
  });
}
