import { createContext, useContext } from 'react';
import type { Session } from './schema.ts';

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only usable below the authenticated shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside the signed-in shell');
  return session;
}
