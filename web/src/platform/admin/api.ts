import { getJson, sendJson, sendNoContent } from '../../api.ts';
import {
  type Agency,
  agencyAnswer,
  agencyList,
  resetPasswordAnswer,
  tokenCreated,
  tokenList,
  type User,
  userAnswer,
  userList,
} from './schema.ts';

export type AgencyInput = Pick<Agency, 'name' | 'orgType' | 'country'>;
export type NewUser = {
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  password: string;
};
export type UserChange = Partial<Pick<User, 'displayName' | 'roles' | 'disabled'>> & { agencyId?: string };
export type NewToken = { name: string; scopes: string[]; expiresAt?: string };

export const adminKeys = {
  agencies: ['admin', 'agencies'] as const,
  users: ['admin', 'users'] as const,
  tokens: ['admin', 'tokens'] as const,
};

export const listAgencies = async () => (await getJson('/api/agencies', agencyList)).agencies;
export const createAgency = async (input: AgencyInput) =>
  (await sendJson('POST', '/api/agencies', input, agencyAnswer)).agency;
export const updateAgency = async (id: string, change: Partial<AgencyInput>) =>
  (await sendJson('PATCH', `/api/agencies/${encodeURIComponent(id)}`, change, agencyAnswer)).agency;

export const listUsers = async () => (await getJson('/api/users', userList)).users;
export const createUser = async (input: NewUser) =>
  (await sendJson('POST', '/api/users', input, userAnswer)).user;
export const updateUser = async (id: string, change: UserChange) =>
  (await sendJson('PATCH', `/api/users/${encodeURIComponent(id)}`, change, userAnswer)).user;
export const resetPassword = async (id: string) =>
  (await sendJson('POST', `/api/users/${encodeURIComponent(id)}/reset-password`, {}, resetPasswordAnswer))
    .temporaryPassword;

export const listTokens = async () => (await getJson('/api/tokens', tokenList)).tokens;
export const createToken = (input: NewToken) => sendJson('POST', '/api/tokens', input, tokenCreated);
export const revokeToken = (id: string) => sendNoContent('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
