/**
 * The non-resource paths a cluster answers: health (`/healthz`, `/livez`, `/readyz`), `/version`,
 * discovery (`/api`, `/apis`, group and group-version documents) and OpenAPI v3. Everything else
 * outside the resource paths is 404, as kube-apiserver answers it.
 */
import { json, type ApiAnswer } from './api/api-context.ts';
import { aggregatedDiscovery, AGGREGATED_DISCOVERY, apiGroup, apiGroupList, apiResourceList, apiVersions, versionInfo, wantsAggregated } from './api/discovery.ts';
import { pathNotFound } from './kube-status.ts';
import { openApiDocument, openApiIndex } from './openapi/openapi-v3.ts';

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

/** The answer to a non-resource GET of `path`; `patch` is the cluster's Kubernetes patch version. */
export function nonResource(path: string, accept: string | undefined, patch: string, serverAddress: string): ApiAnswer {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (HEALTH.has(clean)) return { kind: 'json', status: 200, body: 'ok', contentType: 'text/plain; charset=utf-8' };
  if (clean === '/version') return json(versionInfo(patch));
  if (clean === '/api') {
    return wantsAggregated(accept) ? { kind: 'json', status: 200, body: aggregatedDiscovery(true), contentType: AGGREGATED_DISCOVERY } : json(apiVersions(serverAddress));
  }
  if (clean === '/apis') {
    return wantsAggregated(accept) ? { kind: 'json', status: 200, body: aggregatedDiscovery(false), contentType: AGGREGATED_DISCOVERY } : json(apiGroupList());
  }
  if (clean === '/openapi/v3') return json(openApiIndex());
  if (clean.startsWith('/openapi/v3/')) {
    const document = openApiDocument(clean.slice('/openapi/v3/'.length));
    if (document !== undefined) return { kind: 'json', status: 200, body: document, contentType: 'application/json' };
    throw pathNotFound();
  }
  const parts = clean.split('/').filter((p) => p !== '');
  if (parts[0] === 'api' && parts.length === 2) {
    const list = apiResourceList('', parts[1]!);
    if (list) return json(list);
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const group = apiGroup(parts[1]!);
    if (group) return json(group);
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const list = apiResourceList(parts[1]!, parts[2]!);
    if (list) return json(list);
  }
  throw pathNotFound();
}
