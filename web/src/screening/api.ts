import { ApiError, getJson, sendJson, sendNoContent, withQuery } from '../api.ts';
import type { PostInput } from './bulk.ts';
import {
  type AlertDetail,
  type AlertStatus,
  type AlertSummary,
  alertAnswer,
  alertList,
  modelsAnswer,
  type RiskLevel,
  retrainAnswer,
  screenAnswer,
  watchlistAnswer,
  watchlistList,
} from './schema.ts';

export const alertPageSize = 50;

export type AlertFilters = {
  status?: AlertStatus;
  level?: RiskLevel;
  lang?: string;
  mine?: boolean;
  /** Only the alerts raised by this batch upload. */
  batch?: string;
  q?: string;
};

export const screeningKeys = {
  alerts: ['screening', 'alerts'] as const,
  alertList: (filters: AlertFilters, before: string | undefined) =>
    ['screening', 'alerts', 'list', filters, before ?? 'newest'] as const,
  /** `lang`: the interface language the alert's reasons were fetched in (sent as Accept-Language). */
  alert: (id: string, lang: string) => ['screening', 'alerts', 'one', id, lang] as const,
  watchlist: ['screening', 'watchlist'] as const,
  models: ['screening', 'models'] as const,
};

const alertPath = (id: string) => `/api/alerts/${encodeURIComponent(id)}`;

export const screenPost = (input: PostInput) => sendJson('POST', '/api/screen', input, screenAnswer);

export async function listAlerts(filters: AlertFilters, before: string | undefined): Promise<AlertSummary[]> {
  const path = withQuery('/api/alerts', {
    status: filters.status,
    level: filters.level,
    lang: filters.lang,
    assignee: filters.mine ? 'me' : undefined,
    batch: filters.batch,
    q: filters.q || undefined,
    before,
    limit: alertPageSize,
  });
  return (await getJson(path, alertList)).alerts;
}

export const fetchAlert = async (id: string): Promise<AlertDetail> =>
  (await getJson(alertPath(id), alertAnswer)).alert;

export const assignAlert = async (id: string, assigneeId: string | null): Promise<AlertDetail> =>
  (await sendJson('POST', `${alertPath(id)}/assign`, { assigneeId }, alertAnswer)).alert;

export type Decision = 'confirmed' | 'dismissed';

export const reviewAlert = async (id: string, decision: Decision, reason: string): Promise<AlertDetail> =>
  (await sendJson('POST', `${alertPath(id)}/review`, { decision, reason }, alertAnswer)).alert;

export const listWatchlist = async () => (await getJson('/api/watchlist', watchlistList)).entries;

export type NewWatchlistEntry = { kind: string; value: string; note?: string };

export const addWatchlistEntry = async (input: NewWatchlistEntry) =>
  (await sendJson('POST', '/api/watchlist', input, watchlistAnswer)).entry;

export const removeWatchlistEntry = (id: string) =>
  sendNoContent('DELETE', `/api/watchlist/${encodeURIComponent(id)}`);

export const fetchModels = () => getJson('/api/screening/models', modelsAnswer);

export const retrainModel = async () =>
  (await sendJson('POST', '/api/screening/models/retrain', {}, retrainAnswer)).model;

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
