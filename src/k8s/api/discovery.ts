/**
 * API discovery as kubectl reads it (https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api):
 * the aggregated form (`apidiscovery.k8s.io/v2` APIGroupDiscoveryList) when the Accept header asks
 * for it, as kubectl 1.32 does first, else the unaggregated documents: `/api` (APIVersions),
 * `/apis` (APIGroupList), `/apis/GROUP` (APIGroup), `/api/v1` and `/apis/GROUP/VERSION`
 * (APIResourceList). `/version` answers the cluster's EKS Kubernetes version.
 */
import { createHash } from 'node:crypto';
import { API_GROUPS, apiVersionOf, RESOURCE_TYPES, type ResourceType } from './resource-types.ts';

/** The media type of aggregated discovery. */
export const AGGREGATED_DISCOVERY = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether the Accept header asks for aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params.includes('g=apidiscovery.k8s.io') && params.includes('v=v2') && params.includes('as=APIGroupDiscoveryList');
  });
}

function storageVersionHash(type: ResourceType): string {
  return createHash('sha256').update(`${type.group}/${type.version}/${type.kind}`).digest('base64').slice(0, 11);
}

function resourcesOf(group: string, version: string): ResourceType[] {
  return RESOURCE_TYPES.filter((t) => t.group === group && t.version === version);
}

/** `/api/v1` or `/apis/GROUP/VERSION`, or undefined when not served. */
export function apiResourceList(group: string, version: string): object | undefined {
  const types = resourcesOf(group, version);
  if (types.length === 0) return undefined;
  const resources: object[] = [];
  for (const t of types) {
    resources.push({
      name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: t.verbs,
      ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length > 0 ? { categories: t.categories } : {}),
      ...(t.storage === 'objects' ? { storageVersionHash: storageVersionHash(t) } : {}),
    });
    for (const sub of t.subresources) {
      resources.push({
        name: `${t.resource}/${sub.name}`, singularName: '', namespaced: t.namespaced,
        ...(sub.group !== t.group ? { group: sub.group, version: sub.version } : {}), kind: sub.kind, verbs: sub.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}

function groupDocument(name: string, version: string): object {
  const gv = { groupVersion: `${name}/${version}`, version };
  return { name, versions: [gv], preferredVersion: gv };
}

/** `/apis/GROUP`, or undefined. */
export function apiGroup(name: string): object | undefined {
  const group = API_GROUPS.find((g) => g.name === name);
  return group && { kind: 'APIGroup', apiVersion: 'v1', ...groupDocument(group.name, group.version) };
}

/** `/apis`. */
export function apiGroupList(): object {
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: API_GROUPS.map((g) => groupDocument(g.name, g.version)) };
}

/** `/api`. */
export function apiVersions(serverAddress: string): object {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function discoveryVersion(group: string, version: string): object {
  return {
    version,
    resources: resourcesOf(group, version).map((t) => ({
      resource: t.resource,
      responseKind: { group: t.group, version: t.version, kind: t.kind },
      scope: t.namespaced ? 'Namespaced' : 'Cluster',
      singularResource: t.singular,
      verbs: t.verbs,
      ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
      ...(t.categories.length > 0 ? { categories: t.categories } : {}),
      ...(t.subresources.length > 0 ? {
        subresources: t.subresources.map((s) => ({ subresource: s.name, responseKind: { group: s.group, version: s.version, kind: s.kind }, verbs: s.verbs })),
      } : {}),
    })),
    freshness: 'Current',
  };
}

/** Aggregated discovery of `/api` (the core group) or `/apis` (every named group). */
export function aggregatedDiscovery(core: boolean): object {
  const items = core
    ? [{ metadata: { creationTimestamp: null }, versions: [discoveryVersion('', 'v1')] }]
    : API_GROUPS.map((g) => ({ metadata: { name: g.name, creationTimestamp: null }, versions: [discoveryVersion(g.name, g.version)] }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

/** `/version` for an EKS cluster at Kubernetes `patch` (`1.34.4`). */
export function versionInfo(patch: string): object {
  const [major = '1', minor = '0'] = patch.split('.');
  return {
    major, minor: `${minor}+`, emulationMajor: major, emulationMinor: minor, minCompatibilityMajor: major, minCompatibilityMinor: String(Math.max(0, Number(minor) - 1)),
    gitVersion: `v${patch}-eks-${createHash('sha1').update(patch).digest('hex').slice(0, 7)}`,
    gitCommit: createHash('sha1').update(`eks ${patch}`).digest('hex'), gitTreeState: 'clean', buildDate: '2026-01-01T00:00:00Z',
    goVersion: 'go1.24.9', compiler: 'gc', platform: 'linux/amd64',
  };
}
