/**
 * Kubernetes' refusals as kubectl and the EKS console show them: RBAC's `Error from server (Forbidden):
 * pods is forbidden: User "..." cannot list resource "pods" in API group "" in the namespace "default"`
 * (and its older `cannot list pods at the cluster scope`), the authenticator's `You must be logged in to
 * the server (Unauthorized)`, and the console's "does not have access to Kubernetes objects" banner.
 * On EKS the user is the IAM principal's ARN (an access entry's default username).
 * https://docs.aws.amazon.com/eks/latest/userguide/troubleshooting.html#unauthorized
 * https://kubernetes.io/docs/reference/access-authn-authz/rbac/
 */
import type { KubernetesDenial, ParsedDenial, PrincipalType } from './diagnosis.ts';
import { principalParts } from './principal-arn.ts';

const FORBIDDEN = /(?:([a-z0-9.-]+(?:\/[a-z0-9-]+)?)(?: "([^"]+)")? is )?forbidden: User "([^"]*)" cannot ([a-z]+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)"| at the cluster scope)?/;
const FORBIDDEN_OLD = /forbidden: User "([^"]*)" cannot ([a-z]+) ([a-z0-9./-]+)(?: in the namespace "([^"]+)"| at the cluster scope)/;
const UNAUTHORIZED = /You must be logged in to the server \(Unauthorized\)/;
const CONSOLE = /(?:does not|doesn't) have access to Kubernetes objects on this (?:EKS )?cluster/;

function subjectType(user: string): { type: PrincipalType; account: string | null } {
  const parts = principalParts(user);
  if (parts?.type) return { type: parts.type, account: parts.account };
  if (user === 'system:anonymous') return { type: 'Anonymous', account: null };
  if (user.startsWith('system:serviceaccount:')) return { type: 'KubernetesServiceAccount', account: null };
  return { type: 'KubernetesUser', account: null };
}

/** The API path of what was refused: `namespaces/demo/pods/demo-1/exec`, or `nodes` at the cluster scope. */
function objectPath(k: KubernetesDenial): string | null {
  if (!k.resource) return null;
  const [base, sub] = k.resource.split('/');
  return [k.namespace ? `namespaces/${k.namespace}` : '', base, k.name ?? '', sub ?? ''].filter(Boolean).join('/');
}

function denial(user: string | null, k: KubernetesDenial): ParsedDenial {
  const subject = user ? subjectType(user) : undefined;
  const group = k.apiGroup ? `.${k.apiGroup}` : '';
  return {
    principal: user || null,
    principalType: subject?.type ?? null,
    account: subject?.account ?? null,
    action: k.verb && k.resource ? `${k.verb} ${k.resource.replace(/^([^/]+)/, `$1${group}`)}` : null,
    actionInferred: false,
    resource: objectPath(k),
    operation: null,
    // RBAC has no deny: a Forbidden is always a missing permission.
    reason: { effect: k.status === 'Forbidden' ? 'implicit' : null, policyType: null },
    errorCode: k.status,
    service: 'kubernetes',
    requestId: null,
    encodedMessage: null,
    authorizationId: null,
    detail: null,
    via: null,
    kubernetes: k,
  };
}

/** The Kubernetes denial in a canonical text, if it holds one. */
export function parseKubernetesDenial(text: string): ParsedDenial | undefined {
  let m = FORBIDDEN.exec(text);
  if (m) {
    const [, , name, user, verb, resource, apiGroup, namespace] = m;
    return denial(user!, { status: 'Forbidden', verb, resource, apiGroup, name, namespace });
  }
  m = FORBIDDEN_OLD.exec(text);
  if (m) {
    const [, user, verb, resource, namespace] = m;
    return denial(user!, { status: 'Forbidden', verb, resource, namespace });
  }
  if (UNAUTHORIZED.test(text)) return denial(null, { status: 'Unauthorized' });
  if (CONSOLE.test(text)) return denial(null, { status: 'Forbidden' });
  return undefined;
}
