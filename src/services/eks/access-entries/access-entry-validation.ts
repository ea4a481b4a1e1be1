/**
 * What CreateAccessEntry and UpdateAccessEntry accept (docs/aws-behaviour/eks-access-entries.md; https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html): the
 * principal, the type, the Kubernetes groups and the username. Texts marked "observed" were seen in
 * real AWS output; the others are Tollgate's wording of the documented rule (AWS's text is not recorded).
 */
import type { OperationContext } from '../../operation.ts';
import { ACCESS_ENTRY_TYPES } from './access-entry-defaults.ts';
import { invalidPrincipal, serviceLinkedPrincipal } from './access-entry-errors.ts';
import { invalidParameter } from '../shared/eks-errors.ts';

const PRINCIPAL = /^arn:aws:iam::(\d{12}):(role|user)\/((?:[^/]+\/)*)([^/]+)$/;
const RESERVED_PREFIXES = ['system:', 'eks:', 'aws:', 'amazon:', 'iam:'];

/** The access-entry type of a request: STANDARD when absent. */
export function checkType(cluster: string, type: string | undefined): string {
  const chosen = type ?? 'STANDARD';
  if (!ACCESS_ENTRY_TYPES.includes(chosen)) {
    throw invalidParameter(`The type ${chosen} is invalid. Valid types are: ${ACCESS_ENTRY_TYPES.join(', ')}`, { clusterName: cluster });
  }
  return chosen;
}

/**
 * The principal must be an existing IAM user or role (any account for STANDARD, a role of the cluster's
 * account for the node types), never a session ARN (observed text) nor a service-linked role (observed).
 */
export async function checkPrincipal(ctx: OperationContext, cluster: string, principalArn: string, type: string): Promise<void> {
  const m = PRINCIPAL.exec(principalArn);
  if (!m) throw invalidPrincipal(cluster);
  const [, account, kind, path] = m as unknown as [string, string, 'role' | 'user', string, string];
  if (kind === 'role' && path.startsWith('aws-service-role/')) throw serviceLinkedPrincipal(cluster);
  if (type !== 'STANDARD' && (kind !== 'role' || account !== ctx.caller.accountId)) throw invalidPrincipal(cluster);
  const name = m[4]!;
  const record = kind === 'role' ? await ctx.store.roles.get(account, name) : await ctx.store.users.get(account, name);
  // The ARN must match with its path: role/a/r and role/r are different principals.
  if (!record || record.arn !== principalArn) throw invalidPrincipal(cluster);
}

/** Groups are the request's only for STANDARD entries, and none may start with `system:` (observed text). */
export function checkGroups(cluster: string, type: string, groups: readonly string[] | undefined): void {
  if (groups === undefined || groups.length === 0) return;
  if (type !== 'STANDARD') throw invalidParameter(`kubernetesGroups can only be specified for access entries of type STANDARD, not ${type}.`, { clusterName: cluster });
  for (const group of groups) {
    if (group.startsWith('system:')) throw invalidParameter(`The kubernetes group name ${group} is invalid, it cannot start with system:`, { clusterName: cluster });
  }
}

/**
 * A custom username: only for STANDARD entries; not under a reserved prefix; a `{{SessionName}}` or
 * `{{SessionNameRaw}}` template must follow a `:` so no session can forge another user's name.
 */
export function checkUsername(cluster: string, type: string, username: string | undefined): void {
  if (username === undefined) return;
  const fields = { clusterName: cluster };
  if (type !== 'STANDARD') throw invalidParameter(`username can only be specified for access entries of type STANDARD, not ${type}.`, fields);
  const reserved = RESERVED_PREFIXES.find((prefix) => username.startsWith(prefix));
  if (reserved !== undefined) throw invalidParameter(`The username ${username} is invalid, it cannot start with ${reserved}`, fields);
  const template = /\{\{SessionName(?:Raw)?\}\}/g;
  for (let m = template.exec(username); m; m = template.exec(username)) {
    if (username[m.index - 1] !== ':') throw invalidParameter(`The username ${username} is invalid, ${m[0]} must be preceded by a ':'`, fields);
  }
}
