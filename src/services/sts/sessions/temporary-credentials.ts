/**
 * Issuing temporary credentials (docs/aws-behaviour/iam-identities-and-quotas.md, docs/aws-behaviour/sts-sessions.md): an `ASIA…` access key id, a 40-character
 * secret and an opaque session token, sealed with the SecretBox before the session is recorded. The
 * plaintexts leave only in the response.
 */
import type { StsSessionRecord } from '../../../store/session-records.ts';
import type { OperationContext } from '../../operation.ts';
import { pruneExpiredSessions } from './session-pruning.ts';

/** The `Credentials` member of AssumeRole, GetSessionToken and GetFederationToken. */
export interface WireCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Expiration: Date;
}

/** What a session is, apart from its keys and times. */
export type SessionFacts = Omit<StsSessionRecord, 'accessKeyId' | 'secretCiphertext' | 'sessionTokenCiphertext' | 'issuedAt' | 'expiresAt'>;

// Real session tokens are long base64 strings; this prefix is what AWS's begin with.
const TOKEN_PREFIX = 'IQoJb3JpZ2luX2VjE';

/** Records a session of `durationSeconds` from now and returns its credentials. */
export async function issueCredentials(ctx: Pick<OperationContext, 'ids' | 'clock' | 'store' | 'secrets'>, facts: SessionFacts, durationSeconds: number): Promise<WireCredentials> {
  const accessKeyId = ctx.ids.accessKeyId('ASIA');
  const secretAccessKey = ctx.ids.secretAccessKey();
  const sessionToken = TOKEN_PREFIX + Buffer.from(ctx.ids.secretAccessKey() + ctx.ids.secretAccessKey() + ctx.ids.secretAccessKey()).toString('base64');
  const now = ctx.clock.now();
  // Expiration is answered to the second; the session ends exactly then.
  const issuedAt = new Date(Math.floor(now / 1000) * 1000);
  const expiresAt = new Date(issuedAt.getTime() + durationSeconds * 1000);
  await ctx.store.sessions.insert({
    ...facts, accessKeyId, secretCiphertext: ctx.secrets.seal(secretAccessKey), sessionTokenCiphertext: ctx.secrets.seal(sessionToken), issuedAt, expiresAt,
  });
  await pruneExpiredSessions(ctx);
  return { AccessKeyId: accessKeyId, SecretAccessKey: secretAccessKey, SessionToken: sessionToken, Expiration: expiresAt };
}
