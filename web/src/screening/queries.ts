import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  type AlertFilters,
  fetchAlert,
  fetchModels,
  listAlerts,
  listWatchlist,
  screeningKeys,
} from './api.ts';

export const useAlerts = (filters: AlertFilters, before: string | undefined) =>
  useQuery({
    queryKey: screeningKeys.alertList(filters, before),
    queryFn: () => listAlerts(filters, before),
    placeholderData: keepPreviousData,
  });

export const useAlert = (id: string) =>
  useQuery({ queryKey: screeningKeys.alert(id), queryFn: () => fetchAlert(id) });

export const useWatchlist = () => useQuery({ queryKey: screeningKeys.watchlist, queryFn: listWatchlist });

export const useModels = () => useQuery({ queryKey: screeningKeys.models, queryFn: fetchModels });
