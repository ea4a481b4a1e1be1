/**
 * Which service a request is for, on one endpoint (docs/aws-behaviour/wire-protocols.md): the SigV4 credential scope decides
 * when present; then the Host name; then the shape of the request.
 */
import type { HttpRequest } from './http-exchange.ts';

/** The services this endpoint serves. */
export type ServiceName = 'iam' | 'sts' | 'eks' | 'cloudtrail';

const SCOPE_SERVICE = /Credential=[^/,\s]+\/\d{8}\/[^/]+\/([a-z0-9-]+)\/aws4_request/;
const QUERY_SCOPE_SERVICE = /(?:^|&)X-Amz-Credential=[^&/]+(?:%2F|\/)\d{8}(?:%2F|\/)[^&%/]+(?:%2F|\/)([a-z0-9-]+)(?:%2F|\/)aws4_request/i;
const EKS_PATHS = /^\/(clusters|tags\/|addons|cluster-versions|eks-anywhere-subscriptions|capabilities)/;

/** The service of `request`, or undefined when nothing tells. */
export function resolveService(request: HttpRequest): ServiceName | undefined {
  const scope = SCOPE_SERVICE.exec(request.headers.authorization ?? '')?.[1] ?? QUERY_SCOPE_SERVICE.exec(request.query)?.[1];
  if (scope === 'iam' || scope === 'sts' || scope === 'eks' || scope === 'cloudtrail') return scope;
  const host = (request.headers.host ?? '').toLowerCase();
  if (host.startsWith('iam.')) return 'iam';
  if (host.startsWith('sts.')) return 'sts';
  if (host.startsWith('eks.')) return 'eks';
  if (host.startsWith('cloudtrail.') || /^(com\.amazonaws\.cloudtrail\.|CloudTrail_)/.test(request.headers['x-amz-target'] ?? '')) return 'cloudtrail';
  if (EKS_PATHS.test(request.path) || (request.headers['content-type'] ?? '').startsWith('application/json')) return 'eks';
  const form = `${request.query}&${request.body.length < 65_536 ? request.body.toString('latin1') : ''}`;
  if (/(?:^|&)Version=2011-06-15(?:&|$)/.test(form)) return 'sts';
  if (/(?:^|&)Version=2010-05-08(?:&|$)/.test(form)) return 'iam';
  if (/(?:^|&)Action=(AssumeRole|GetCallerIdentity|GetSessionToken|GetFederationToken)/.test(form)) return 'sts';
  if (/(?:^|&)Action=/.test(form)) return 'iam';
  return undefined;
}
