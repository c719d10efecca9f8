import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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

/** One alert, fetched again when the interface language changes (its reasons are in that language). */
export function useAlert(id: string) {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: screeningKeys.alert(id, i18n.language), queryFn: () => fetchAlert(id) });
}

export const useWatchlist = () => useQuery({ queryKey: screeningKeys.watchlist, queryFn: listWatchlist });

export const useModels = () => useQuery({ queryKey: screeningKeys.models, queryFn: fetchModels });
