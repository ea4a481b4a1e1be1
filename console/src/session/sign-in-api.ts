/** The console's sign-in and sign-out calls (src/server/console-sign-in.ts on the server). */
import { signedFetch } from '../aws/signed-fetch.ts';
import { currentSession, setSession, type ConsoleSession } from './session-store.ts';

/** What the sign-in form sends. */
export type SignInRequest = { account: string; password: string } & ({ rootUser: true } | { rootUser: false; userName: string });

/** Signs in; resolves with the session, or rejects with the server's message. */
export async function signIn(request: SignInRequest): Promise<ConsoleSession> {
  const response = await fetch('/_tollgate/console/sign-in', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request.rootUser ? { account: request.account, rootUser: true, password: request.password } : { account: request.account, userName: request.userName, password: request.password }),
  });
  const body = await response.json() as Record<string, unknown>;
  if (!response.ok) throw new Error(typeof body['message'] === 'string' ? body['message'] : `Sign-in failed (HTTP ${response.status}).`);
  const session = body as unknown as ConsoleSession;
  setSession(session);
  return session;
}

/** Signs out: the server revokes the session's credentials, then the tab forgets them. */
export async function signOut(): Promise<void> {
  try {
    if (currentSession()) await signedFetch('POST', '/_tollgate/console/sign-out', { service: 'signin', region: 'us-east-1', body: '{}' });
  } finally {
    setSession(undefined);
  }
}
