/**
 * The console's way into clusters' Kubernetes APIs, on the AWS endpoint:
 * `/_tollgate/k8s/{region}/{cluster}/{kubernetes path}`, signed with SigV4 for `eks` like any EKS
 * call, authorized as `eks:AccessKubernetesApi` on the cluster ARN (the permission-only action the
 * EKS console checks before it reads Kubernetes objects), then forwarded to the cluster's API as the
 * calling IAM principal, mapped and authorized there as a token of that principal would be.
 * Watches are not forwarded (the AWS endpoint answers whole bodies).
 */
import { AwsError } from '../kernel/aws-error.ts';
import type { Caller } from '../services/operation.ts';
import type { HttpRequest, HttpResponse } from './http-exchange.ts';

/** Where proxied paths start. */
export const KUBERNETES_PROXY_PREFIX = '/_tollgate/k8s/';

/** A request to forward, as the cluster's API should see it. */
export interface ForwardedRequest {
  readonly method: string;
  readonly path: string;
  readonly rawQuery: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  readonly sourceIp: string;
}

/** Forwards to a cluster's Kubernetes API (implemented by src/k8s); undefined when the cluster does not exist. */
export interface KubernetesForwarder {
  forward(caller: Caller, region: string, cluster: string, request: ForwardedRequest): Promise<HttpResponse | undefined>;
}

/** The region, cluster and Kubernetes path of a proxied path; throws a 404 for a malformed one. */
export function proxiedTarget(path: string): { readonly region: string; readonly cluster: string; readonly path: string } {
  const match = /^\/_tollgate\/k8s\/([a-z0-9-]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) throw new AwsError('NotFoundException', 404, 'The proxied path must be /_tollgate/k8s/{region}/{cluster}/{kubernetes path}.');
  return { region: match[1]!, cluster: decodeURIComponent(match[2]!), path: match[3] ?? '/' };
}

/** Headers that are the AWS request's own, not the Kubernetes request's. */
const AWS_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token', 'x-amz-content-sha256', 'x-amz-user-agent', 'amz-sdk-invocation-id', 'amz-sdk-request', 'host']);

/** The Kubernetes request inside a proxied AWS request. */
export function forwardedRequest(request: HttpRequest, path: string): ForwardedRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!AWS_HEADERS.has(name)) headers[name] = value;
  const query = new URLSearchParams(request.query);
  for (const name of [...query.keys()]) if (name.toLowerCase().startsWith('x-amz-')) query.delete(name);
  if (query.get('watch') === 'true' || query.get('watch') === '1') {
    throw new AwsError('InvalidRequestException', 400, 'Watches are not forwarded by the console proxy; list instead.');
  }
  return { method: request.method, path, rawQuery: query.toString(), headers, body: request.body, sourceIp: request.sourceIp };
}
