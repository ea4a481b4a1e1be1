/**
 * The console's sign-in and sign-out (the part of AWS's sign-in service Tollgate has):
 *
 * `POST /_tollgate/console/sign-in` with JSON `{"account","userName","password"}` (an IAM user; `account`
 * is the 12-digit account id) or `{"account","rootUser":true,"password"}` (the root user, whose password
 * `tollgate accounts set-root-password` sets). The password is checked against the user's login profile
 * (scrypt); the answer is a console session (`console-session.ts`):
 * `{"credentials":{"accessKeyId","secretAccessKey","sessionToken","expiration"},"identity":{...},"passwordResetRequired"}`.
 * An unknown account, user or login profile and a wrong password get one and the same answer, after
 * the same work (a hash is checked either way), so the answer does not tell which names exist.
 * Failures are bounded per user and per client address (`password-attempts.ts`).
 *
 * `POST /_tollgate/console/sign-out`, SigV4-signed (service `signin`) with the console session's own
 * credentials: the session is deleted, and the next request signed with it is refused.
 *
 * Nothing here grants access to data: every page calls the AWS APIs with the session's credentials.
 */
import { isAwsError, type AwsError } from '../kernel/aws-error.ts';
import type { Clock } from '../kernel/clock.ts';
import { rootArn } from '../kernel/iam-arns.ts';
import type { IdGenerator } from '../kernel/ids.ts';
import type { SecretBox } from '../kernel/secret-box.ts';
import { hashPassword, verifyPassword } from '../services/iam/identities/identity-password.ts';
import { passwordAttempts, userAttemptKey } from '../services/iam/shared/password-attempts.ts';
import { verifySignature } from '../sigv4/index.ts';
import type { Store } from '../store/store.ts';
import { issueConsoleSession } from './console-session.ts';
import type { ResolvedCredential } from './credential-resolver.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';
import type { RequestLog } from './request-log.ts';

/** What sign-in and sign-out need. */
export interface ConsoleSignInDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly secrets: SecretBox;
  readonly log: RequestLog;
  readonly lookupCredentials: (accessKeyId: string) => Promise<ResolvedCredential | undefined>;
}

/** The one answer to every wrong account, user name or password (AWS's sign-in page text). */
export const AUTHENTICATION_FAILED = 'Your authentication information is incorrect. Please try again.';

/** A sign-in request, parsed. */
type SignInInput = { readonly account: string; readonly password: string } & ({ readonly rootUser: true } | { readonly rootUser: false; readonly userName: string });

/** Parses the JSON body of a sign-in; a string describing the problem when it is not one. */
export function parseSignIn(body: string): SignInInput | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'The request body is not JSON.';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'The request body must be a JSON object.';
  const record = value as Record<string, unknown>;
  const { account, password, userName, rootUser } = record;
  if (typeof account !== 'string' || account.trim() === '') return 'Enter an account ID.';
  if (typeof password !== 'string' || password === '') return 'Enter a password.';
  if (password.length > 128) return AUTHENTICATION_FAILED;
  if (rootUser === true) return { account: account.trim(), password, rootUser: true };
  if (typeof userName !== 'string' || userName.trim() === '') return 'Enter an IAM user name.';
  return { account: account.trim(), password, rootUser: false, userName: userName.trim() };
}

let decoyHash: Promise<string> | undefined;

/** A hash no password matches, checked when there is no real one so that every failure costs the same. */
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

/** Sign-in and sign-out over `deps`. */
export function consoleSignIn(deps: ConsoleSignInDependencies): { signIn(request: HttpRequest, requestId: string): Promise<HttpResponse>; signOut(request: HttpRequest, requestId: string): Promise<HttpResponse> } {
  const attempts = passwordAttempts(deps.store, deps.clock);

  async function signIn(request: HttpRequest, requestId: string): Promise<HttpResponse> {
    const begin = performance.now();
    // JSON only: a cross-site form cannot send it without the browser asking first.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return answer(415, { error: 'UnsupportedMediaType', message: 'Send the sign-in as application/json.' }, requestId);
    const input = parseSignIn(request.body.toString('utf8'));
    if (typeof input === 'string') return answer(400, { error: 'InvalidInput', message: input }, requestId);
    const userKey = input.rootUser ? `${input.account}/:root` : userAttemptKey(input.account, input.userName);
    const wait = Math.max(attempts.users.blockedFor(userKey), attempts.clients.blockedFor(request.sourceIp));
    const log = (status: number, principal: string | undefined, errorCode: string | undefined) => deps.log.request({
      requestId, service: 'signin', operation: 'ConsoleLogin', principal, decision: undefined, action: undefined, checks: undefined, decidedBy: undefined, reason: undefined, errorCode, status,
      latencyMs: Math.round((performance.now() - begin) * 1000) / 1000,
    });
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      log(429, undefined, 'TooManyAttempts');
      return answer(429, { error: 'TooManyAttempts', message: `Too many failed sign-in attempts. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.` }, requestId, { 'retry-after': String(Math.ceil(wait / 1000)) });
    }
    const found = await lookUp(input);
    const ok = await verifyPassword(input.password, found?.passwordHash ?? await decoy());
    if (!found || !ok) {
      attempts.users.fail(userKey);
      attempts.clients.fail(request.sourceIp);
      log(401, undefined, 'AuthenticationFailed');
      return answer(401, { error: 'AuthenticationFailed', message: AUTHENTICATION_FAILED }, requestId);
    }
    attempts.users.clear(userKey);
    const credentials = await issueConsoleSession(deps, found.accountId, found.userId, found.passwordResetRequired);
    log(200, found.arn, undefined);
    return answer(200, {
      credentials: { accessKeyId: credentials.AccessKeyId, secretAccessKey: credentials.SecretAccessKey, sessionToken: credentials.SessionToken, expiration: credentials.Expiration.toISOString() },
      identity: { accountId: found.accountId, arn: found.arn, type: found.userId === undefined ? 'Root' : 'IAMUser', ...(found.userName === undefined ? {} : { userName: found.userName }) },
      passwordResetRequired: found.passwordResetRequired,
    }, requestId);
  }

  /** The principal and its password hash, or undefined for any unknown name. */
  async function lookUp(input: SignInInput): Promise<{ accountId: string; userId: string | undefined; userName: string | undefined; arn: string; passwordHash: string; passwordResetRequired: boolean } | undefined> {
    if (!/^\d{12}$/.test(input.account)) return undefined;
    const accountId = input.account;
    if (input.rootUser) {
      const root = await deps.store.rootPasswords.get(accountId);
      return root && { accountId, userId: undefined, userName: undefined, arn: rootArn(accountId), passwordHash: root.passwordHash, passwordResetRequired: false };
    }
    const user = await deps.store.users.get(accountId, input.userName);
    if (!user) return undefined;
    const profile = await deps.store.loginProfiles.get(accountId, user.id);
    return profile && { accountId, userId: user.id, userName: user.name, arn: user.arn, passwordHash: profile.passwordHash, passwordResetRequired: profile.passwordResetRequired };
  }

  async function signOut(request: HttpRequest, requestId: string): Promise<HttpResponse> {
    let credential: ResolvedCredential;
    try {
      credential = (await verifySignature(request, { lookupCredentials: deps.lookupCredentials, clock: deps.clock, service: 'signin', protocol: 'restJson1' })).credential;
    } catch (error) {
      if (!isAwsError(error)) throw error;
      return awsErrorAnswer(error, requestId);
    }
    const caller = credential.caller;
    if (caller.session?.kind !== 'console') return answer(400, { error: 'InvalidInput', message: 'Only a console session signs out.' }, requestId);
    await deps.store.sessions.delete(caller.accessKeyId);
    deps.log.request({
      requestId, service: 'signin', operation: 'ConsoleLogout', principal: 'arn' in caller.principal ? caller.principal.arn : undefined,
      decision: undefined, action: undefined, checks: undefined, decidedBy: undefined, reason: undefined, errorCode: undefined, status: 200, latencyMs: 0,
    });
    return answer(200, { signedOut: true }, requestId);
  }

  return { signIn, signOut };
}

function awsErrorAnswer(error: AwsError, requestId: string): HttpResponse {
  return answer(error.httpStatus, { error: error.code, message: error.message }, requestId);
}

function answer(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}): HttpResponse {
  return { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-amzn-requestid': requestId, ...headers }, body: JSON.stringify(body) };
}
