/**
 * What a Kubernetes request asks for, read from its method, path and query as kube-apiserver's
 * RequestInfoFactory reads them: resource requests under `/api/v1` and `/apis/GROUP/VERSION`
 * (namespace, resource, name, subresource; GET without a name is list, or watch with `watch=true`,
 * named by a `metadata.name=` field selector; DELETE without a name is deletecollection), everything
 * else a non-resource request whose verb is the lower-cased method. Authorization decides on exactly
 * these attributes.
 */

/** The attributes of a request. */
export interface RequestInfo {
  readonly isResourceRequest: boolean;
  /** The percent-decoded path. */
  readonly path: string;
  readonly verb: string;
  readonly apiGroup: string;
  readonly apiVersion: string;
  readonly namespace: string;
  readonly resource: string;
  readonly subresource: string;
  readonly name: string;
}

/** Subresources of a namespace that stay the namespace's (`/api/v1/namespaces/NAME/status`). */
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const METHOD_VERBS: Readonly<Record<string, string>> = { POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

function truthy(value: string | null): boolean {
  return value === 'true' || value === '1';
}

/** Reads the request info of `method PATH?query`. */
export function requestInfo(method: string, rawPath: string, query: URLSearchParams): RequestInfo {
  const path = safeDecode(rawPath);
  const nonResource: RequestInfo = {
    isResourceRequest: false, path, verb: method.toLowerCase(), apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '',
  };
  const parts = path.split('/').filter((p) => p !== '');
  let rest: string[];
  let apiGroup = '';
  let apiVersion: string;
  if (parts[0] === 'api') {
    if (parts.length < 3) return nonResource;
    apiVersion = parts[1]!;
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length < 4) return nonResource;
    apiGroup = parts[1]!;
    apiVersion = parts[2]!;
    rest = parts.slice(3);
  } else {
    return nonResource;
  }
  let verb = METHOD_VERBS[method.toUpperCase()] ?? method.toLowerCase();
  if (rest[0] === 'watch') {
    // The deprecated `/watch/` prefix.
    verb = 'watch';
    rest = rest.slice(1);
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length > 1) {
    namespace = rest[1]!;
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2]!)) rest = rest.slice(2);
  }
  const resource = rest[0] ?? '';
  let name = rest[1] ?? '';
  const subresource = rest.length >= 3 ? rest[2]! : '';
  if (name === '' && verb === 'get') {
    verb = truthy(query.get('watch')) ? 'watch' : 'list';
    // A list or watch of one name (kubectl get NAME -w, kubectl wait) is authorized for that name.
    const exact = /^metadata\.name==?([^,!=]+)$/.exec(query.get('fieldSelector') ?? '');
    if (exact && !/[/%]/.test(exact[1]!) && exact[1] !== '.' && exact[1] !== '..') name = exact[1]!;
  }
  if (verb === 'list' && truthy(query.get('watch'))) verb = 'watch';
  if (name === '' && verb === 'delete') verb = 'deletecollection';
  return { isResourceRequest: true, path, verb, apiGroup, apiVersion, namespace, resource, subresource, name };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
