/**
 * Verifies `aws eks get-token` tokens as aws-iam-authenticator does: the format checks
 * (`presigned-token.ts`), then the presigned GetCallerIdentity replayed against STS with
 * `x-k8s-aws-id: <this cluster>` and `accept: application/json`. STS here is Tollgate's own pipeline,
 * called in-process (`replay` is the AWS app's `handle`), so the signature, the cluster binding (the
 * signed header), the 15-minute window and the credential's state (deleted key, deleted role, expired
 * session) are decided exactly as for any STS call.
 *
 * A verified token is remembered until it expires, and only while the caller's account generation is
 * unchanged (the counter every IAM change moves), so a deleted key or role is refused on the next request.
 */
import { BoundedCache } from '../../kernel/bounded-cache.ts';
import type { Clock } from '../../kernel/clock.ts';
import type { HttpRequest, HttpResponse } from '../../server/http-exchange.ts';
import type { Store } from '../../store/store.ts';
import { parsePresignedToken, TokenRefused, type StsHostCheck } from './presigned-token.ts';
import { IdentityRefused, stsIdentity, type StsIdentity } from './sts-identity.ts';

/** Runs one request through Tollgate's AWS pipeline. */
export type AwsReplay = (request: HttpRequest) => Promise<HttpResponse>;

interface Verified {
  readonly identity: StsIdentity;
  readonly expiresAt: number;
  readonly generation: number;
}

const MAX_REMEMBERED = 10_000;
const EMPTY = Buffer.alloc(0);

/** The outcome of a verification: the identity, or why the token was refused. */
export type Verification = { readonly ok: true; readonly identity: StsIdentity; readonly cached: boolean } | { readonly ok: false; readonly reason: string };

/** Verifies tokens for the clusters of one server. */
export class TokenVerifier {
  private readonly remembered: BoundedCache<string, Verified>;

  constructor(private readonly deps: { readonly replay: AwsReplay; readonly store: Store; readonly clock: Clock; readonly isStsHost: StsHostCheck }) {
    this.remembered = new BoundedCache(MAX_REMEMBERED, deps.clock);
  }

  /** Verifies `token` for the cluster named `clusterName`, as seen from `sourceIp`. */
  async verify(token: string, clusterName: string, sourceIp: string): Promise<Verification> {
    const now = this.deps.clock.now();
    const key = `${clusterName}\n${token}`;
    const known = this.remembered.get(key);
    if (known !== undefined) {
      if (now <= known.expiresAt && known.generation === (await this.deps.store.accounts.generation(known.identity.accountId))) {
        return { ok: true, identity: known.identity, cached: true };
      }
      this.remembered.delete(key);
    }
    try {
      const parsed = parsePresignedToken(token, now, this.deps.isStsHost);
      const response = await this.deps.replay({
        method: 'GET', path: '/', query: parsed.rawQuery, body: EMPTY, sourceIp, secure: parsed.origin.startsWith('https:'),
        headers: { host: parsed.host, 'x-k8s-aws-id': clusterName, accept: 'application/json' },
      });
      if (response.status !== 200) {
        return { ok: false, reason: `error from AWS (expected 200, got ${response.status}). Body: ${response.body}` };
      }
      const result = parseResult(response.body);
      const identity = stsIdentity(result, parsed.accessKeyId);
      // Read after STS answered: a change made meanwhile is then seen by the next request.
      const generation = await this.deps.store.accounts.generation(identity.accountId);
      this.remembered.set(key, { identity, expiresAt: parsed.expiresAt, generation }, parsed.expiresAt + 1);
      return { ok: true, identity, cached: false };
    } catch (error) {
      if (error instanceof TokenRefused || error instanceof IdentityRefused) return { ok: false, reason: error.message };
      throw error;
    }
  }
}

function parseResult(body: string): { Arn: string; Account: string; UserId: string } {
  const parsed = JSON.parse(body) as { GetCallerIdentityResponse?: { GetCallerIdentityResult?: Record<string, unknown> } };
  const result = parsed.GetCallerIdentityResponse?.GetCallerIdentityResult;
  const text = (name: string): string => {
    const value = result?.[name];
    if (typeof value !== 'string') throw new IdentityRefused(`GetCallerIdentity answered no ${name}`);
    return value;
  };
  return { Arn: text('Arn'), Account: text('Account'), UserId: text('UserId') };
}
