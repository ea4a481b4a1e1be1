/**
 * `GET /_tollgate/why/REQUEST_ID`: `tollgate why`'s JSON for the console. The caller signs the request
 * with SigV4 for the signing name `cloudtrail` and must be allowed `cloudtrail:LookupEvents` (the
 * permission that reads the trail); only requests recorded in the caller's own account are explained.
 * Errors are JSON `{"__type","message"}` as CloudTrail's awsJson1_1 answers them.
 */
import { isAwsError } from '../kernel/aws-error.ts';
import type { Clock } from '../kernel/clock.ts';
import type { AwsManagedPolicyCatalog } from '../services/iam/aws-managed-policy-catalog.ts';
import { verifySignature, type VerifyOptions } from '../sigv4/index.ts';
import type { Store } from '../store/store.ts';
import { explainRequest } from '../trail/why.ts';
import type { Authorizer } from './authorizer.ts';
import type { ResolvedCredential } from './credential-resolver.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';

/** How authorization names the trail's service and spells its denial (CloudTrail's awsJson1_1 code). */
const CLOUDTRAIL = { name: 'cloudtrail', accessDeniedCode: 'AccessDeniedException' } as const;

/** Where the explanations are served. */
export const WHY_PREFIX = '/_tollgate/why/';

/** What the route needs. */
export interface WhyRouteDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly catalog: AwsManagedPolicyCatalog;
  readonly authorizer: Authorizer;
  readonly lookupCredentials: (accessKeyId: string) => Promise<ResolvedCredential | undefined>;
  /** Writes the calls this process has not yet written to the trail (a denial just answered is explained at once). */
  readonly flushTrail: () => Promise<void>;
}

function json(status: number, body: unknown, requestId: string): HttpResponse {
  return { status, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
}

/** The route: an answer for requests under WHY_PREFIX, undefined for any other. */
export function whyRoute(deps: WhyRouteDependencies): (request: HttpRequest, requestId: string) => Promise<HttpResponse> | undefined {
  const verify: VerifyOptions<ResolvedCredential> = { lookupCredentials: deps.lookupCredentials, clock: deps.clock, service: 'cloudtrail', protocol: 'restJson1' };
  const answer = async (request: HttpRequest, requestId: string): Promise<HttpResponse> => {
    if (request.method !== 'GET') return { status: 405, headers: { allow: 'GET', 'content-type': 'text/plain; charset=utf-8' }, body: 'Method Not Allowed\n' };
    const wanted = decodeURIComponent(request.path.slice(WHY_PREFIX.length));
    try {
      const verified = await verifySignature(request, verify);
      const caller = verified.credential.caller;
      await deps.authorizer.authorize(caller, [{ action: 'cloudtrail:LookupEvents', resource: '*', messageResource: '' }], {
        sourceIp: request.sourceIp, secure: request.secure, time: new Date(deps.clock.now()), region: verified.scope.region,
        userAgent: request.headers['user-agent'], referer: request.headers.referer,
      }, CLOUDTRAIL);
      await deps.flushTrail();
      const explanation = await explainRequest(wanted, deps, caller.accountId);
      if (explanation === undefined) return json(404, { __type: 'ResourceNotFoundException', message: `No request ${wanted} is recorded in the audit trail of account ${caller.accountId}.` }, requestId);
      return json(200, explanation, requestId);
    } catch (error) {
      if (!isAwsError(error)) throw error;
      return json(error.httpStatus, { __type: error.code, message: error.message }, requestId);
    }
  };
  return (request, requestId) => (request.path.startsWith(WHY_PREFIX) ? answer(request, requestId) : undefined);
}
