/**
 * The review kinds, answered and never stored (https://kubernetes.io/docs/reference/kubernetes-api/authentication-resources/
 * and …/authorization-resources/): SelfSubjectReview (`kubectl auth whoami`), SelfSubjectAccessReview
 * (`kubectl auth can-i`), SelfSubjectRulesReview (`kubectl auth can-i --list`, RBAC rules only: EKS
 * does not list access-policy permissions), SubjectAccessReview and LocalSubjectAccessReview (RBAC
 * for the user named), and TokenReview (an `aws eks get-token` token of this cluster).
 */
import type { AccessEntryState } from '../../services/eks/shared/eks-state.ts';
import type { KubeDecision } from '../authz/cluster-authorizer.ts';
import type { RequestAttributes } from '../authz/policy-rule.ts';
import type { RbacAuthorizer } from '../authz/rbac-authorizer.ts';
import type { UserInfo } from '../identity/user-info.ts';
import { badRequest } from '../kube-status.ts';
import type { KubeObject } from './cluster-objects.ts';

type Json = Record<string, unknown>;

/** What answering a review needs. */
export interface ReviewContext {
  readonly user: UserInfo;
  readonly entry: AccessEntryState | undefined;
  readonly rbac: RbacAuthorizer;
  /** The request's namespace (LocalSubjectAccessReview). */
  readonly namespace: string;
  authorize(user: UserInfo, entry: AccessEntryState | undefined, attributes: RequestAttributes): KubeDecision;
  /** The user of a token of this cluster, or why it was refused. */
  authenticateToken(token: string): Promise<{ readonly user: UserInfo } | { readonly error: string }>;
}

function objectAt(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** The request attributes of a review's spec. */
function attributesOf(spec: Json): RequestAttributes {
  const resource = spec['resourceAttributes'];
  const nonResource = spec['nonResourceAttributes'];
  if (resource !== undefined && resource !== null) {
    const r = objectAt(resource);
    return {
      isResourceRequest: true, path: '', verb: text(r['verb']), apiGroup: text(r['group']), namespace: text(r['namespace']),
      resource: text(r['resource']), subresource: text(r['subresource']), name: text(r['name']),
    };
  }
  if (nonResource !== undefined && nonResource !== null) {
    const n = objectAt(nonResource);
    return { isResourceRequest: false, path: text(n['path']), verb: text(n['verb']), apiGroup: '', namespace: '', resource: '', subresource: '', name: '' };
  }
  throw badRequest('exactly one of nonResourceAttributes or resourceAttributes must be specified');
}

function accessStatus(decision: KubeDecision): Json {
  return decision.allowed ? { allowed: true, reason: decision.reason } : { allowed: false };
}

function userInfoJson(user: UserInfo): Json {
  return { username: user.username, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups, ...(Object.keys(user.extra).length > 0 ? { extra: user.extra } : {}) };
}

function answer(body: KubeObject, status: Json): KubeObject {
  return { kind: body['kind'], apiVersion: body['apiVersion'], metadata: { ...objectAt(body['metadata']), creationTimestamp: null }, ...(body['spec'] !== undefined ? { spec: body['spec'] } : {}), status };
}

/** Answers a review of `kind`. */
export async function answerReview(kind: string, body: KubeObject, ctx: ReviewContext): Promise<KubeObject> {
  const spec = objectAt(body['spec']);
  switch (kind) {
    case 'SelfSubjectReview':
      return { kind, apiVersion: body['apiVersion'], metadata: { creationTimestamp: null }, status: { userInfo: userInfoJson(ctx.user) } };
    case 'SelfSubjectAccessReview':
      return answer(body, accessStatus(ctx.authorize(ctx.user, ctx.entry, attributesOf(spec))));
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview': {
      const attributes = attributesOf(spec);
      if (kind === 'LocalSubjectAccessReview' && attributes.namespace !== ctx.namespace) {
        throw badRequest(`spec.resourceAttributes.namespace must match namespace: ${ctx.namespace}`);
      }
      const extra = objectAt(spec['extra']) as Record<string, string[]>;
      const user: UserInfo = { username: text(spec['user']), uid: text(spec['uid']), groups: Array.isArray(spec['groups']) ? spec['groups'].map(String) : [], extra };
      return answer(body, accessStatus(ctx.authorize(user, undefined, attributes)));
    }
    case 'SelfSubjectRulesReview': {
      const namespace = text(spec['namespace']);
      const rules = ctx.rbac.rulesFor(ctx.user, namespace);
      const resourceRules = rules.filter((r) => (r.nonResourceURLs ?? []).length === 0).map((r) => ({
        verbs: r.verbs, ...(r.apiGroups ? { apiGroups: r.apiGroups } : {}), ...(r.resources ? { resources: r.resources } : {}), ...(r.resourceNames ? { resourceNames: r.resourceNames } : {}),
      }));
      const nonResourceRules = rules.filter((r) => (r.nonResourceURLs ?? []).length > 0).map((r) => ({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs }));
      return answer(body, { resourceRules, nonResourceRules, incomplete: false });
    }
    case 'TokenReview': {
      const token = text(spec['token']);
      const outcome = await ctx.authenticateToken(token);
      const audiences = Array.isArray(spec['audiences']) ? spec['audiences'] : undefined;
      const status: Json = 'user' in outcome
        ? { authenticated: true, user: userInfoJson(outcome.user), ...(audiences ? { audiences } : {}) }
        : { user: {}, error: outcome.error };
      return { kind, apiVersion: body['apiVersion'], metadata: { creationTimestamp: null }, spec: { ...spec, token: '' }, status };
    }
    default:
      throw badRequest(`no review of kind ${kind}`);
  }
}
