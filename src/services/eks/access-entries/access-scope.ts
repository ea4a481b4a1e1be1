/**
 * Access-policy associations (docs/aws-behaviour/eks-access-entries.md, docs/aws-behaviour/eks-kubernetes-authorization.md): the scope of a request, the `eks:` keys it sets, and
 * the policy it names. Namespace names are not checked for existence, and wildcards such as `dev-*`
 * are allowed, as AWS allows them. Texts here are Tollgate's (AWS's are not recorded).
 */
import type { AwsError } from '../../../kernel/aws-error.ts';
import type { ContextInput } from '../../../policy/index.ts';
import { accessPolicy } from './access-policies.ts';
import { invalidParameter, resourceNotFound } from '../shared/eks-errors.ts';

/** An access scope as the request gives it (the model already checked `type` is cluster or namespace). */
export interface AccessScopeInput {
  readonly type?: string;
  readonly namespaces?: readonly string[];
}

/** The scope to store: a cluster scope has no namespaces; a namespace scope needs at least one. */
export function checkScope(cluster: string, scope: AccessScopeInput): { type: string; namespaces: string[] } {
  const type = scope.type ?? 'cluster';
  const namespaces = [...(scope.namespaces ?? [])];
  const fields = { clusterName: cluster };
  if (type === 'namespace' && namespaces.length === 0) throw invalidParameter('At least one namespace must be specified when the access scope type is namespace.', fields);
  if (type === 'cluster' && namespaces.length > 0) throw invalidParameter('Namespaces cannot be specified when the access scope type is cluster.', fields);
  return { type, namespaces };
}

/** `eks:policyArn`, `eks:accessScope` and `eks:namespaces`, each only when known. */
export function scopeContext(policyArn: string, scope: AccessScopeInput | undefined): Record<string, ContextInput> {
  return {
    'eks:policyArn': policyArn,
    ...(scope?.type === undefined ? {} : { 'eks:accessScope': scope.type }),
    ...(scope?.namespaces === undefined ? {} : { 'eks:namespaces': [...scope.namespaces] }),
  };
}

/** 404 for a policy ARN that names none of AWS's access policies. */
function policyNotFound(cluster: string, policyArn: string): AwsError {
  return resourceNotFound(`The specified policyArn ${policyArn} could not be found.`, { clusterName: cluster });
}

/** Refuses a policy ARN that is not one of AWS's access policies. */
export function checkPolicyArn(cluster: string, policyArn: string): void {
  if (!accessPolicy(policyArn)) throw policyNotFound(cluster, policyArn);
}

/** 404 for a policy the entry does not have associated. */
export function associationNotFound(cluster: string, policyArn: string): AwsError {
  return resourceNotFound(`The specified policyArn ${policyArn} is not associated with this access entry.`, { clusterName: cluster });
}
