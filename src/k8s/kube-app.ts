/**
 * The Kubernetes API of EKS clusters, as one ordered pipeline per request (docs/design-notes.md,
 * "Kubernetes endpoints"): the cluster (ACTIVE or UPDATING, else 503) → its objects bootstrapped once
 * → authenticate (token verified through STS, identity mapped; 401 on any failure) → impersonation →
 * request attributes → authorize (RBAC, then access policies; 403 with Kubernetes's message) →
 * non-resource paths or the resource handlers → one audit line. Errors are Kubernetes Status
 * objects, rendered here only; anything unexpected is a 500 InternalError logged with its audit id.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../kernel/clock.ts';
import type { RequestLog } from '../server/request-log.ts';
import type { ClusterState } from '../services/eks/shared/eks-state.ts';
import { lifecycleStatus } from '../services/eks/shared/lifecycle.ts';
import { kubernetesVersion } from '../services/eks/clusters/eks-versions.ts';
import type { Store } from '../store/store.ts';
import type { ApiAnswer, ApiContext } from './api/api-context.ts';
import { ensureBootstrapped } from './api/bootstrap-objects.ts';
import { ClusterObjects } from './api/cluster-objects.ts';
import { handleResource } from './api/resource-handler.ts';
import { resourceType } from './api/resource-types.ts';
import { WatchHub } from './api/watch-hub.ts';
import { auditLine, type AuditEntry } from './audit-log.ts';
import { impersonate, impersonationOf } from './authn/impersonation.ts';
import { authenticate, mapToUser, type Authenticated, type Authentication } from './authn/kube-authenticator.ts';
import type { StsIdentity } from './authn/sts-identity.ts';
import type { TokenVerifier } from './authn/token-verifier.ts';
import { authorize as decide, type KubeDecision } from './authz/cluster-authorizer.ts';
import type { RequestAttributes } from './authz/policy-rule.ts';
import { ClusterAccessCache, type ClusterPolicy, type ClusterRef } from './cluster-access.ts';
import type { UserInfo } from './identity/user-info.ts';
import { forbidden, goQuote, internalError, isKubeError, pathNotFound, serviceUnavailable, unauthorized, type KubeError } from './kube-status.ts';
import { nonResource } from './non-resource.ts';
import { requestInfo, type RequestInfo } from './request-info.ts';

/** A request to a cluster's API, as received. */
export interface KubeRequest {
  readonly method: string;
  /** Still percent-encoded, without the query. */
  readonly path: string;
  readonly rawQuery: string;
  /** Lower-case names, repeated values joined. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** Lower-case names, every value (impersonation headers repeat). */
  readonly headersDistinct: Readonly<Record<string, readonly string[] | undefined>>;
  readonly body: Buffer;
  readonly sourceIp: string;
}

/** What the endpoint writes back. */
export type KubeResponse =
  | { readonly status: number; readonly headers: Readonly<Record<string, string | readonly string[]>>; readonly body: string }
  | { readonly status: number; readonly headers: Readonly<Record<string, string | readonly string[]>>; readonly watch: (write: (line: string) => void, closed: Promise<void>) => Promise<void> };

/** What the Kubernetes API is made of. */
export interface KubeAppDependencies {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: RequestLog;
  readonly verifier: TokenVerifier;
}

const parsedClusters = new WeakMap<object, ClusterState>();

function forbiddenFor(info: RequestAttributes, user: UserInfo): KubeError {
  if (!info.isResourceRequest) return forbidden(undefined, '', `User ${goQuote(user.username)} cannot ${info.verb} path ${goQuote(info.path)}`);
  const resource = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const where = info.namespace ? `in the namespace ${goQuote(info.namespace)}` : 'at the cluster scope';
  return forbidden({ group: info.apiGroup, resource: info.resource }, info.name, `User ${goQuote(user.username)} cannot ${info.verb} resource ${goQuote(resource)} in API group ${goQuote(info.apiGroup)} ${where}`);
}

/** The Kubernetes API of every cluster, for one process. */
export class KubeApp {
  readonly hub = new WatchHub();
  readonly access: ClusterAccessCache;
  /** Clusters (by unique id) whose bootstrap objects are known to be written. */
  private readonly bootstrapped = new Set<string>();

  constructor(private readonly deps: KubeAppDependencies) {
    this.access = new ClusterAccessCache(deps.store);
  }

  /** The cluster `ref`, when it is still the same cluster; undefined when deleted or replaced. */
  private async cluster(ref: ClusterRef): Promise<ClusterState | undefined> {
    const doc = await this.deps.store.eks.get({ accountId: ref.accountId, region: ref.region, kind: 'cluster', cluster: ref.name, name: ref.name });
    if (!doc) return undefined;
    let state = parsedClusters.get(doc);
    if (!state) parsedClusters.set(doc, (state = JSON.parse(doc.data) as ClusterState));
    return state.id === ref.uid ? state : undefined;
  }

  /** A request received on the cluster's endpoint. */
  async handle(ref: ClusterRef, request: KubeRequest): Promise<KubeResponse> {
    return this.run(ref, request, (state, policy) => authenticate(
      { store: this.deps.store, verifier: this.deps.verifier, access: this.access }, request.headers.authorization, ref, state, policy, request.sourceIp,
    ));
  }

  /**
   * A request forwarded for an IAM principal already authenticated by SigV4 and authorized for
   * `eks:AccessKubernetesApi` (the console's proxy): mapped to the cluster's user as a token of the
   * same principal would be.
   */
  async forward(ref: ClusterRef, identity: StsIdentity, request: KubeRequest): Promise<KubeResponse> {
    return this.run(ref, request, (state, policy) => mapToUser(this.deps.store, identity, ref, state, this.access, policy));
  }

  /** The reference of the cluster `name` in an account and Region, or undefined. */
  async clusterRef(accountId: string, region: string, name: string): Promise<ClusterRef | undefined> {
    const doc = await this.deps.store.eks.get({ accountId, region, kind: 'cluster', cluster: name, name });
    if (!doc) return undefined;
    const state = JSON.parse(doc.data) as ClusterState;
    return { accountId, region, name, uid: state.id };
  }

  private async run(ref: ClusterRef, request: KubeRequest, who: (state: ClusterState, policy: ClusterPolicy) => Promise<Authentication>): Promise<KubeResponse> {
    const begin = performance.now();
    const auditId = randomUUID();
    const audit: { -readonly [K in keyof AuditEntry]: AuditEntry[K] } = {
      auditId, cluster: `arn:aws:eks:${ref.region}:${ref.accountId}:cluster/${ref.name}`, iamPrincipal: undefined, username: undefined, mappedBy: undefined,
      verb: request.method.toLowerCase(), resource: undefined, namespace: undefined, name: undefined, path: request.path,
      decision: undefined, reason: undefined, status: 0, latencyMs: 0,
    };
    let response: KubeResponse;
    try {
      const state = await this.cluster(ref);
      const status = state && lifecycleStatus(state, this.deps.clock.now());
      if (!state || (status !== 'ACTIVE' && status !== 'UPDATING')) throw serviceUnavailable(`cluster ${ref.name} is ${status ?? 'gone'}: its Kubernetes API is served while it is ACTIVE`);
      const now = this.deps.clock.now();
      if (!this.bootstrapped.has(ref.uid)) {
        await ensureBootstrapped(this.deps.store, ref.uid, Buffer.from(state.certificateData, 'base64').toString('utf8'), `${new Date(now).toISOString().slice(0, 19)}Z`);
        this.bootstrapped.add(ref.uid);
      }
      const policy = await this.access.policy(ref.uid);
      const authentication = await who(state, policy);
      if (!authentication.ok) {
        audit.iamPrincipal = authentication.identity?.arn;
        audit.reason = authentication.reason;
        throw unauthorized();
      }
      const caller = authentication.caller;
      audit.iamPrincipal = caller.identity?.arn;
      audit.mappedBy = caller.mapped.source;
      const query = new URLSearchParams(request.rawQuery);
      const info = requestInfo(request.method, request.path, query);
      Object.assign(audit, { verb: info.verb, path: info.path, ...(info.isResourceRequest ? { resource: [info.apiGroup, info.resource, info.subresource].filter((p, i) => p !== '' || i === 1).join('/'), namespace: info.namespace || undefined, name: info.name || undefined } : {}) });
      let user = caller.mapped.user;
      let entry = caller.mapped.entry;
      const authorizeAs = (u: UserInfo, e: typeof entry) => (attributes: RequestAttributes): KubeDecision => decide(policy.rbac, u, e, attributes);
      const asked = impersonationOf(request.headersDistinct);
      if (asked) {
        user = impersonate(user, asked, authorizeAs(user, entry));
        entry = undefined;
        audit.impersonatedUser = user.username;
      }
      audit.username = caller.mapped.user.username;
      const decision = decide(policy.rbac, user, entry, info);
      audit.decision = decision.allowed ? 'allow' : 'deny';
      audit.reason = decision.reason || undefined;
      if (!decision.allowed) throw forbiddenFor(info, user);
      const answer = info.isResourceRequest
        ? await this.resource(ref, state, info, query, request, user, entry, policy, authorizeAs(user, entry), now)
        : nonResourceAnswer(info, request, state);
      response = render(answer, auditId);
    } catch (error) {
      response = renderError(error, auditId, this.deps.log);
    }
    audit.status = response.status;
    audit.latencyMs = Math.round((performance.now() - begin) * 1000) / 1000;
    this.deps.log.info('kubernetes request', auditLine(audit));
    return response;
  }

  private async resource(
    ref: ClusterRef, state: ClusterState, info: RequestInfo, query: URLSearchParams, request: KubeRequest, user: UserInfo,
    entry: Authenticated['mapped']['entry'], policy: ClusterPolicy, authorize: (a: RequestAttributes) => KubeDecision, now: number,
  ): Promise<ApiAnswer> {
    const type = resourceType(info.apiGroup, info.apiVersion, info.resource);
    if (!type || (info.namespace !== '' && !type.namespaced && info.resource !== 'namespaces')) throw pathNotFound();
    // A namespaced resource outside a namespace is served for listing and watching across namespaces only.
    if (type.namespaced && info.namespace === '' && type.storage === 'objects' && info.verb !== 'list' && info.verb !== 'watch') throw pathNotFound();
    const ctx: ApiContext = {
      store: this.deps.store, cluster: state, objects: new ClusterObjects(this.deps.store, ref.uid), info, type, query,
      headers: request.headers, body: request.body, now, user, entry, policy, hub: this.hub, authorize,
      reviews: {
        user, entry, rbac: policy.rbac, namespace: info.namespace,
        authorize: (u, e, attributes) => decide(policy.rbac, u, e, attributes),
        authenticateToken: async (token) => {
          const outcome = await authenticate({ store: this.deps.store, verifier: this.deps.verifier, access: this.access }, `Bearer ${token}`, ref, state, policy, request.sourceIp);
          return outcome.ok ? { user: outcome.caller.mapped.user } : { error: outcome.reason };
        },
      },
    };
    return handleResource(ctx);
  }
}

function nonResourceAnswer(info: RequestInfo, request: KubeRequest, state: ClusterState): ApiAnswer {
  if (info.verb !== 'get' && info.verb !== 'head') throw pathNotFound();
  const patch = kubernetesVersion(state.version)?.patch ?? `${state.version}.0`;
  return nonResource(info.path, request.headers.accept, patch, `ip-10-0-0-1.ec2.internal:443`);
}

function baseHeaders(auditId: string, contentType: string): Record<string, string> {
  return { 'audit-id': auditId, 'cache-control': 'no-cache, private', 'content-type': contentType };
}

function render(answer: ApiAnswer, auditId: string): KubeResponse {
  if (answer.kind === 'watch') return { status: 200, headers: baseHeaders(auditId, 'application/json'), watch: answer.run };
  const headers: Record<string, string | readonly string[]> = baseHeaders(auditId, answer.contentType ?? 'application/json');
  if (answer.warnings) headers['warning'] = answer.warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  return { status: answer.status, headers, body: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body) };
}

function renderError(error: unknown, auditId: string, log: RequestLog): KubeResponse {
  let status;
  if (isKubeError(error)) {
    status = error.status;
  } else {
    log.failure(auditId, error);
    status = internalError('an unexpected error occurred').status;
  }
  return { status: status.code, headers: baseHeaders(auditId, 'application/json'), body: JSON.stringify(status) };
}
