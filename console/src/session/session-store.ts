/**
 * The signed-in session of this browser tab: the console session's temporary credentials and who they
 * belong to, kept in sessionStorage (gone with the tab). Nothing else is remembered.
 */

/** Temporary credentials as the sign-in endpoint returns them. */
export interface SessionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** ISO 8601. */
  readonly expiration: string;
}

/** Who is signed in. */
export interface SessionIdentity {
  readonly accountId: string;
  readonly arn: string;
  readonly type: 'IAMUser' | 'Root';
  readonly userName?: string;
}

/** A signed-in session. */
export interface ConsoleSession {
  readonly credentials: SessionCredentials;
  readonly identity: SessionIdentity;
  /** True while the user must set a new password before anything else. */
  readonly passwordResetRequired: boolean;
}

const KEY = 'tollgate.console.session';
const listeners = new Set<() => void>();

function isSession(value: unknown): value is ConsoleSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const c = v['credentials'] as Record<string, unknown> | undefined;
  const i = v['identity'] as Record<string, unknown> | undefined;
  return typeof c === 'object' && c !== null && typeof c['accessKeyId'] === 'string' && typeof c['secretAccessKey'] === 'string'
    && typeof c['sessionToken'] === 'string' && typeof c['expiration'] === 'string'
    && typeof i === 'object' && i !== null && typeof i['accountId'] === 'string' && typeof i['arn'] === 'string'
    && typeof v['passwordResetRequired'] === 'boolean';
}

/** The current session, or undefined when signed out or expired. */
export function currentSession(): ConsoleSession | undefined {
  const text = sessionStorage.getItem(KEY);
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isSession(value)) return undefined;
  if (Date.parse(value.credentials.expiration) <= Date.now()) return undefined;
  return value;
}

/** Stores `session` (undefined: forgets it) and tells the listeners. */
export function setSession(session: ConsoleSession | undefined): void {
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  for (const listener of listeners) listener();
}

/** Calls `listener` whenever the session changes; returns the unsubscribe function. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** How the top bar names the principal: `marymajor @ 1111-2222-3333`. */
export function displayName(identity: SessionIdentity): string {
  const account = identity.accountId.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1-$2-$3');
  return `${identity.type === 'Root' ? 'root' : identity.userName ?? identity.arn} @ ${account}`;
}
