/**
 * The resource-format rules of policy validation (docs/aws-behaviour/iam-policy-language.md), with IAM's messages.
 */
import { MALFORMED } from './validation-error.ts';

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc', '*']);
const IAM_RESOURCE_TYPES = [
  'user/', 'federated-user/', 'role/', 'group/', 'instance-profile/', 'mfa/', 'server-certificate/', 'policy/',
  'sms-mfa/', 'saml-provider/', 'oidc-provider/', 'report/', 'access-report/',
];

/** True when `resource` fails legacy parsing: `::` with fewer than five colons, or an empty service. */
export function failsLegacyResourceParsing(resource: string): boolean {
  if (resource === '*' || !resource.includes('::')) return false;
  const parts = resource.split(':');
  return parts.length < 6 || parts[2] === '';
}

/** IAM's message for the first format error of `resource`, or undefined when it is well formed. */
export function resourceFormatError(resource: string): string | undefined {
  if (resource === '*') return undefined;
  if (!resource.includes(':')) return `Resource ${resource} must be in ARN format or "*".`;
  const parts = resource.split(':');
  const partition = parts[1] ?? '';
  if (!PARTITIONS.has(partition) && !/[*?]/.test(partition)) {
    const seg = (i: number) => parts[i] ?? '*';
    const rest = parts.length > 5 ? parts.slice(5).join(':') : '*';
    return `Partition "${partition}" is not valid for resource "arn:${partition}:${seg(2)}:${seg(3)}:${seg(4)}:${rest}".`;
  }
  if (parts.length < 3 || parts[2] === '') return MALFORMED.resourceVendor;
  const service = parts[2];
  const region = parts[3] ?? '';
  const rest = parts.slice(5).join(':');
  if (service === 'iam') {
    if (region !== '') return `IAM resource ${resource} cannot contain region information.`;
    if (parts.length >= 6 && rest !== '*' && rest !== 'root' && !IAM_RESOURCE_TYPES.some((t) => rest.startsWith(t))) {
      return MALFORMED.iamResourcePath;
    }
  }
  if (service === 's3' && region !== '' && !rest.startsWith('accesspoint/')) {
    return `Resource ${resource} can not contain region information.`;
  }
  return undefined;
}

/** The first format error among `resources`, checked in reverse lexical order (the order IAM's answers suggest; not documented). */
export function firstResourceFormatError(resources: readonly string[]): string | undefined {
  for (const resource of [...resources].sort().reverse()) {
    const error = resourceFormatError(resource);
    if (error) return error;
  }
  return undefined;
}
