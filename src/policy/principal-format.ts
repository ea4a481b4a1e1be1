/**
 * Which values a Principal element may hold (docs/aws-behaviour/iam-policy-language.md): account ids, `:root`, user and role
 * ARNs, role-session and federated-user ARNs, unique ids of users and roles, `*`, service principals and
 * federation providers. Partial wildcards are refused.
 */
import type { PrincipalBlock } from './policy-document.ts';

const AWS_PRINCIPAL = [
  /^\d{12}$/,
  /^arn:aws[a-z-]*:iam::\d{12}:(root|user\/[\w+=,.@/-]+|role\/[\w+=,.@/-]+)$/,
  /^arn:aws[a-z-]*:sts::\d{12}:(assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+|federated-user\/[\w+=,.@-]+)$/,
  /^(AIDA|AROA)[A-Z0-9]{12,}$/,
];
const SERVICE_PRINCIPAL = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/;
const FEDERATED_PRINCIPAL = /^(arn:aws[a-z-]*:iam::\d{12}:(saml-provider|oidc-provider)\/\S+|[a-z0-9-]+(\.[a-z0-9-]+)+)$/;

/** IAM's `Invalid principal in policy` message for the first bad value in `block`, if any. */
export function principalFormatError(block: PrincipalBlock): string | undefined {
  if (block.wildcard) return undefined;
  for (const value of block.AWS) {
    if (value !== '*' && !AWS_PRINCIPAL.some((re) => re.test(value))) return `Invalid principal in policy: "AWS":"${value}"`;
  }
  for (const value of block.Service) {
    if (!SERVICE_PRINCIPAL.test(value)) return `Invalid principal in policy: "SERVICE":"${value}"`;
  }
  for (const value of block.Federated) {
    if (!FEDERATED_PRINCIPAL.test(value)) return `Invalid principal in policy: "FEDERATED":"${value}"`;
  }
  return undefined;
}
