/** Access-entry defaults (docs/aws-behaviour/eks-access-entries.md): the principal of a caller, and the default Kubernetes username of a principal. */
import type { RequestPrincipal } from '../../../policy/index.ts';

/** The IAM principal ARN an access entry names for a caller: a role session's role, else the caller's ARN. */
export function callerPrincipalArn(principal: RequestPrincipal): string | undefined {
  if (principal.type === 'AssumedRole') return principal.roleArn;
  return 'arn' in principal ? principal.arn : undefined;
}

/** The username EKS gives an entry of `type` for `principalArn` when the request names none. */
export function defaultUsername(principalArn: string, type: string): string {
  if (type === 'EC2_LINUX' || type === 'EC2_WINDOWS') return 'system:node:{{EC2PrivateDNSName}}';
  if (type === 'FARGATE_LINUX' || type === 'HYBRID_LINUX') return 'system:node:{{SessionName}}';
  const role = /^arn:aws:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/.exec(principalArn);
  if (role) return `arn:aws:sts::${role[1]}:assumed-role/${role[2]}/{{SessionName}}`;
  return principalArn;
}

/** The access-entry types of the model's documentation (docs/aws-behaviour/eks-access-entries.md). */
export const ACCESS_ENTRY_TYPES: readonly string[] = ['STANDARD', 'EC2_LINUX', 'EC2_WINDOWS', 'FARGATE_LINUX', 'EC2', 'HYBRID_LINUX', 'HYPERPOD_LINUX'];

/**
 * The groups EKS gives an entry of a node type (only STANDARD entries take groups from the request): the
 * AWS CLI's example of an EC2_LINUX entry answers `["system:nodes"]`, and every node type joins as a node.
 */
export function defaultKubernetesGroups(type: string): readonly string[] {
  return type === 'STANDARD' ? [] : ['system:nodes'];
}
