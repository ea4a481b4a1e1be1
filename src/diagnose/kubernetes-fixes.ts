/**
 * Fixes for Kubernetes refusals on EKS: an access entry for the IAM principal with the access policy
 * that grants the verb (view for reads, edit for writes, the admin policies at the cluster scope), or
 * Kubernetes RBAC (a Role and RoleBinding, cluster-wide at the cluster scope) for subjects that are not
 * IAM principals. An Unauthorized means the cluster does not know the principal at all: an access entry.
 * https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html
 * https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
import type { DeniedRequest } from './denied-request.ts';
import type { Fix, JsonMap, KubernetesDenial } from './diagnosis.ts';
import { policyPrincipalArn } from './principal-arn.ts';

const READ_VERBS = new Set(['get', 'list', 'watch']);
const ACCESS_POLICY = 'arn:aws:eks::aws:cluster-access-policy/';

/** The EKS access policy that grants `k`'s verb at its scope. */
function accessPolicy(k: KubernetesDenial): string {
  const read = k.verb !== undefined && READ_VERBS.has(k.verb) && !/\/(exec|attach|portforward|proxy)$/.test(k.resource ?? '');
  if (k.namespace === undefined) return `${ACCESS_POLICY}${read ? 'AmazonEKSAdminViewPolicy' : 'AmazonEKSClusterAdminPolicy'}`;
  return `${ACCESS_POLICY}${read ? 'AmazonEKSViewPolicy' : 'AmazonEKSEditPolicy'}`;
}

function accessEntryFix(principalArn: string, k: KubernetesDenial | null): Fix {
  const scope: JsonMap = k?.namespace ? { type: 'namespace', namespaces: [k.namespace] } : { type: 'cluster' };
  const policyArn = k?.verb ? accessPolicy(k) : `${ACCESS_POLICY}AmazonEKSViewPolicy`;
  const scopeArg = k?.namespace ? `type=namespace,namespaces=${k.namespace}` : 'type=cluster';
  return {
    kind: 'eks-access-entry',
    where: `an EKS access entry for ${principalArn} with an access policy, created by a cluster administrator: aws eks create-access-entry --cluster-name CLUSTER --principal-arn ${principalArn}; aws eks associate-access-policy --cluster-name CLUSTER --principal-arn ${principalArn} --policy-arn ${policyArn} --access-scope ${scopeArg}`,
    policy: { principalArn, accessPolicies: [{ policyArn, accessScope: scope }] },
  };
}

function rbacFix(subject: string, k: KubernetesDenial): Fix {
  const [resource = '', sub] = (k.resource ?? '').split('/');
  const [plural = '', ...groupParts] = resource.split('.');
  const apiGroup = k.apiGroup ?? groupParts.join('.');
  const rule: JsonMap = {
    apiGroups: [apiGroup],
    resources: [sub ? `${plural}/${sub}` : plural],
    ...(k.name ? { resourceNames: [k.name] } : {}),
    verbs: [k.verb ?? 'get'],
  };
  const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(subject);
  const subjects: JsonMap[] = [sa ? { kind: 'ServiceAccount', name: sa[2]!, namespace: sa[1]! } : { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: subject }];
  const name = 'tollgate-diagnose';
  const namespaced = k.namespace !== undefined;
  const meta: JsonMap = namespaced ? { name, namespace: k.namespace! } : { name };
  const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: namespaced ? 'Role' : 'ClusterRole', metadata: meta, rules: [rule] };
  const binding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: namespaced ? 'RoleBinding' : 'ClusterRoleBinding',
    metadata: meta,
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: role.kind, name },
    subjects,
  };
  return {
    kind: 'kubernetes-rbac',
    where: `Kubernetes RBAC in the cluster, applied by a cluster administrator: kubectl apply -f rbac.json (a ${role.kind} granting ${k.verb ?? 'the verb'} on ${k.resource ?? 'the resource'} and a ${binding.kind} to ${subject})`,
    policy: { apiVersion: 'v1', kind: 'List', items: [role, binding] },
  };
}

/** The fixes for a Kubernetes refusal. */
export function kubernetesFixes(req: DeniedRequest): Fix[] {
  const k = req.denial.kubernetes;
  if (!k) return [];
  const iamArn = req.principal ? policyPrincipalArn(req.principal, { masked: true }) : undefined;
  if (k.status === 'Unauthorized' || k.verb === undefined) return [accessEntryFix(iamArn ?? 'PRINCIPAL_ARN', k.status === 'Unauthorized' ? null : k)];
  const fixes: Fix[] = [];
  if (iamArn) fixes.push(accessEntryFix(iamArn, k));
  if (req.denial.principal) fixes.push(rbacFix(req.denial.principal, k));
  return fixes;
}
