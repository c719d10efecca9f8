import { useQuery } from '@tanstack/react-query';
import { adminKeys, listAgencies, listTokens, listUsers } from './api.ts';

export const useAgencies = () => useQuery({ queryKey: adminKeys.agencies, queryFn: listAgencies });
export const useUsers = () => useQuery({ queryKey: adminKeys.users, queryFn: listUsers });
export const useTokens = () => useQuery({ queryKey: adminKeys.tokens, queryFn: listTokens });
