import { ApiError, getJson, sendJson, sendNoContent, setCsrfToken } from '../../api.ts';
import { loginAnswer, meAnswer, type Session, type TotpSetup, totpSetupAnswer } from './schema.ts';

export const meQueryKey = ['auth', 'me'] as const;

/** The current session, or null when nobody is signed in (401). */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await getJson('/api/auth/me', meAnswer);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export type Credentials = { username: string; password: string; totp?: string };

export async function logIn(credentials: Credentials): Promise<void> {
  const answer = await sendJson('POST', '/api/auth/login', credentials, loginAnswer);
  setCsrfToken(answer.csrfToken);
}

export async function logOut(): Promise<void> {
  try {
    await sendNoContent('POST', '/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return sendNoContent('POST', '/api/auth/password', { currentPassword, newPassword });
}

export function setUpTotp(): Promise<TotpSetup> {
  return sendJson('POST', '/api/auth/totp/setup', {}, totpSetupAnswer);
}

export function enableTotp(code: string): Promise<void> {
  return sendNoContent('POST', '/api/auth/totp/enable', { code });
}

export function disableTotp(code: string): Promise<void> {
  return sendNoContent('POST', '/api/auth/totp/disable', { code });
}
