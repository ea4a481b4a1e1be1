/**
 * What authentication and authorization read of a cluster, kept between requests while it is
 * unchanged: the principals EKS knows (access entries, node and Fargate roles), valid while the
 * owning account's generation is (every EKS write moves it); and the RBAC objects and aws-auth,
 * valid while the cluster's Kubernetes resource version is (every object write moves it). Both
 * checks are memoized point reads, so a request that finds both unchanged reads nothing else.
 */
import { BoundedCache } from '../kernel/bounded-cache.ts';
import type { AccessEntryState, ClusterState, FargateProfileState, NodegroupState } from '../services/eks/shared/eks-state.ts';
import type { Store } from '../store/store.ts';
import { ClusterObjects } from './api/cluster-objects.ts';
import { resourceType } from './api/resource-types.ts';
import { bindingOf, RbacAuthorizer, rulesOf, type Binding } from './authz/rbac-authorizer.ts';
import type { PolicyRule } from './authz/policy-rule.ts';
import { EMPTY_AWS_AUTH, parseAwsAuth, type AwsAuth } from './identity/aws-auth.ts';
import type { ClusterPrincipals } from './identity/identity-mapper.ts';

/** Where a cluster lives. */
export interface ClusterRef {
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
  readonly uid: string;
}

/** RBAC and aws-auth of one cluster at one resource version. */
export interface ClusterPolicy {
  readonly rbac: RbacAuthorizer;
  readonly awsAuth: AwsAuth;
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** Clusters whose principals and RBAC are kept at most (a cluster deleted long ago leaves at the bound). */
const MAX_CLUSTERS = 1024;

/** Caches of the clusters served by one process. */
export class ClusterAccessCache {
  private readonly principalsByCluster = new BoundedCache<string, { readonly generation: number; readonly value: ClusterPrincipals }>(MAX_CLUSTERS);
  private readonly policyByCluster = new BoundedCache<string, { readonly version: number; readonly value: ClusterPolicy }>(MAX_CLUSTERS);

  constructor(private readonly store: Store) {}

  /** The principals of `cluster` (whose state is `state`). */
  async principals(ref: ClusterRef, state: ClusterState): Promise<ClusterPrincipals> {
    const generation = await this.store.accounts.generation(ref.accountId);
    const known = this.principalsByCluster.get(ref.uid);
    // Every EKS write (entries, node groups, the cluster's configuration) moves the account's generation.
    if (known && known.generation === generation) return known.value;
    const list = async <T>(kind: 'accessentry' | 'nodegroup' | 'fargateprofile') =>
      (await this.store.eks.list(ref.accountId, ref.region, kind, ref.name)).map((d) => JSON.parse(d.data) as T);
    const entries = await list<AccessEntryState>('accessentry');
    const nodeRoles = new Map<string, 'node' | 'fargate'>();
    for (const ng of await list<NodegroupState>('nodegroup')) nodeRoles.set(canonicalRole(ng.nodeRole), 'node');
    for (const fp of await list<FargateProfileState>('fargateprofile')) nodeRoles.set(canonicalRole(fp.podExecutionRoleArn), 'fargate');
    const value: ClusterPrincipals = { cluster: state, region: ref.region, entries: new Map(entries.map((e) => [e.principalArn, e])), nodeRoles };
    this.principalsByCluster.set(ref.uid, { generation, value });
    return value;
  }

  /** RBAC and aws-auth of the cluster `uid`. */
  async policy(uid: string): Promise<ClusterPolicy> {
    const version = await this.store.kubernetes.resourceVersion(uid);
    const known = this.policyByCluster.get(uid);
    if (known && known.version === version) return known.value;
    const objects = new ClusterObjects(this.store, uid);
    const list = (resource: string) => objects.list(resourceType(RBAC_GROUP, 'v1', resource)!, '');
    const clusterRoles = new Map<string, readonly PolicyRule[]>();
    for (const role of await list('clusterroles')) clusterRoles.set(nameOf(role), rulesOf(role));
    const roles = new Map<string, readonly PolicyRule[]>();
    for (const role of await list('roles')) roles.set(`${namespaceOf(role)}/${nameOf(role)}`, rulesOf(role));
    const clusterRoleBindings = (await list('clusterrolebindings')).map((b) => bindingOf(b));
    const roleBindings = new Map<string, Binding[]>();
    for (const b of (await list('rolebindings')).map((o) => bindingOf(o))) {
      const inNamespace = roleBindings.get(b.namespace) ?? [];
      inNamespace.push(b);
      roleBindings.set(b.namespace, inNamespace);
    }
    const configMap = await objects.get(resourceType('', 'v1', 'configmaps')!, 'kube-system', 'aws-auth');
    const data = configMap?.['data'];
    const awsAuth = data !== null && typeof data === 'object' ? parseAwsAuth(data as Record<string, string>) : EMPTY_AWS_AUTH;
    const value: ClusterPolicy = { rbac: new RbacAuthorizer({ clusterRoles, roles, clusterRoleBindings, roleBindings }), awsAuth };
    this.policyByCluster.set(uid, { version, value });
    return value;
  }
}

function nameOf(object: Record<string, unknown>): string {
  return String((object['metadata'] as { name?: unknown } | undefined)?.name ?? '');
}

function namespaceOf(object: Record<string, unknown>): string {
  return String((object['metadata'] as { namespace?: unknown } | undefined)?.namespace ?? '');
}

/** A role ARN without its path, lower-cased: what an assumed-role session's canonical ARN is. */
function canonicalRole(arn: string): string {
  const match = /^arn:aws:iam::(\d{12}):role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return (match ? `arn:aws:iam::${match[1]}:role/${match[2]}` : arn).toLowerCase();
}
