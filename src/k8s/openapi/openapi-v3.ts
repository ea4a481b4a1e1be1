/**
 * OpenAPI v3 as kube-apiserver publishes it (https://kubernetes.io/docs/concepts/overview/kubernetes-api/#openapi-v3):
 * `/openapi/v3` lists one document per group version, `/openapi/v3/api/v1?hash=…` and
 * `/openapi/v3/apis/GROUP/VERSION?hash=…` hold its paths and schemas. kubectl reads them to learn that
 * PATCH accepts `fieldValidation` (so `kubectl apply` leaves validation to the server), for the
 * list-merge keys of strategic merge patch, and for `kubectl explain`. Schemas come from the same
 * type table as the protobuf decoder; there are no descriptions.
 */
import { createHash } from 'node:crypto';
import { apiVersionOf, RESOURCE_TYPES, type ResourceType } from '../api/resource-types.ts';
import { allMessages, definitionName, isScalar, isStringListMessage, SPECIAL, type FieldSchema } from '../schema/type-schema.ts';

type Json = Record<string, unknown>;

const REF = (message: string): Json => ({ $ref: `#/components/schemas/${definitionName(message)}` });

function scalarSchema(type: string): Json {
  switch (type) {
    case 'string': return { type: 'string' };
    case 'bool': return { type: 'boolean' };
    case 'bytes': return { type: 'string', format: 'byte' };
    case 'double': case 'float': return { type: 'number', format: 'double' };
    case 'int32': case 'sint32': case 'uint32': case 'fixed32': return { type: 'integer', format: 'int32' };
    default: return { type: 'integer', format: 'int64' };
  }
}

function specialSchema(message: string): Json | undefined {
  switch (message) {
    case SPECIAL.time: case SPECIAL.microTime: return { type: 'string', format: 'date-time' };
    case SPECIAL.duration: return { type: 'string' };
    case SPECIAL.intOrString: return { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true };
    case SPECIAL.quantity: return { oneOf: [{ type: 'string' }, { type: 'number' }] };
    case SPECIAL.rawExtension: case SPECIAL.fieldsV1: return { type: 'object' };
    default: return isStringListMessage(message) ? { type: 'array', items: { type: 'string' } } : undefined;
  }
}

function valueSchema(type: string): Json {
  if (isScalar(type)) return scalarSchema(type);
  return specialSchema(type) ?? REF(type);
}

function fieldSchema(field: FieldSchema): Json {
  if (field.mapKey !== undefined) return { type: 'object', additionalProperties: valueSchema(field.type) };
  if (!field.repeated) return valueSchema(field.type);
  const out: Json = { type: 'array', items: valueSchema(field.type) };
  if (field.mergeKey) out['x-kubernetes-patch-merge-key'] = field.mergeKey;
  if (field.strategy) out['x-kubernetes-patch-strategy'] = field.strategy;
  if (field.listType) out['x-kubernetes-list-type'] = field.listType;
  if (field.listMapKeys) out['x-kubernetes-list-map-keys'] = field.listMapKeys;
  return out;
}

/** The component schema of every message (special ones in their JSON forms), keyed by definition name. */
function componentSchemas(): Record<string, Json> {
  const kindsByMessage = new Map<string, ResourceType>(RESOURCE_TYPES.map((t) => [t.message, t]));
  const out: Record<string, Json> = {};
  for (const [name, message] of allMessages()) {
    const special = specialSchema(name);
    if (special) {
      out[definitionName(name)] = special;
      continue;
    }
    const properties: Json = {};
    const type = kindsByMessage.get(name);
    if (type) {
      properties['apiVersion'] = { type: 'string' };
      properties['kind'] = { type: 'string' };
    }
    for (const field of message.fields) properties[field.name] = fieldSchema(field);
    const schema: Json = { type: 'object', properties };
    if (type) schema['x-kubernetes-group-version-kind'] = [{ group: type.group, kind: type.kind, version: type.version }];
    if (name === 'k8s.io.api.autoscaling.v1.Scale') schema['x-kubernetes-group-version-kind'] = [{ group: 'autoscaling', kind: 'Scale', version: 'v1' }];
    out[definitionName(name)] = schema;
  }
  for (const type of RESOURCE_TYPES.filter((t) => t.storage === 'objects')) {
    out[`${definitionName(type.message)}List`] = {
      type: 'object', required: ['items'],
      properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: REF('k8s.io.apimachinery.pkg.apis.meta.v1.ListMeta'), items: { type: 'array', items: REF(type.message) } },
      'x-kubernetes-group-version-kind': [{ group: type.group, kind: `${type.kind}List`, version: type.version }],
    };
  }
  return out;
}

const QUERY = (name: string, type = 'string'): Json => ({ name, in: 'query', schema: { type, uniqueItems: true } });
const WRITE_PARAMETERS = [QUERY('dryRun'), QUERY('fieldManager'), QUERY('fieldValidation')];
const LIST_PARAMETERS = [QUERY('continue'), QUERY('fieldSelector'), QUERY('labelSelector'), QUERY('limit', 'integer'), QUERY('resourceVersion'), QUERY('timeoutSeconds', 'integer'), QUERY('watch', 'boolean')];

function operation(type: ResourceType, action: string, kind: { group: string; version: string; kind: string }, parameters: Json[], body: string | undefined, response: string): Json {
  const content = (schema: Json) => Object.fromEntries(['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'].map((m) => [m, { schema }]));
  const op: Json = {
    operationId: `${action}${type.kind}`,
    parameters,
    responses: { '200': { description: 'OK', content: content(REF(response)) }, '401': { description: 'Unauthorized' } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': kind,
  };
  if (body) {
    op['requestBody'] = action === 'patch'
      ? { content: Object.fromEntries(['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'].map((m) => [m, { schema: { type: 'object' } }])) }
      : { content: content(REF(body)) };
  }
  return op;
}

function pathsOf(group: string, version: string): Json {
  const base = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
  const paths: Json = {};
  for (const type of RESOURCE_TYPES.filter((t) => t.group === group && t.version === version)) {
    const gvk = { group: type.group, version: type.version, kind: type.kind };
    const collection = type.namespaced ? `${base}/namespaces/{namespace}/${type.resource}` : `${base}/${type.resource}`;
    const nsParam = type.namespaced ? [{ name: 'namespace', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } }] : [];
    const nameParam = [{ name: 'name', in: 'path', required: true, schema: { type: 'string', uniqueItems: true } }];
    if (type.storage === 'review') {
      paths[collection] = { parameters: nsParam, post: operation(type, 'post', gvk, WRITE_PARAMETERS, type.message, type.message) };
      continue;
    }
    const list = `${type.message}List`;
    paths[collection] = {
      parameters: nsParam,
      get: operation(type, 'list', gvk, LIST_PARAMETERS, undefined, list),
      post: operation(type, 'post', gvk, WRITE_PARAMETERS, type.message, type.message),
      ...(type.verbs.includes('deletecollection') ? { delete: operation(type, 'deletecollection', gvk, [...WRITE_PARAMETERS, ...LIST_PARAMETERS], undefined, 'k8s.io.apimachinery.pkg.apis.meta.v1.Status') } : {}),
    };
    paths[`${collection}/{name}`] = {
      parameters: [...nameParam, ...nsParam],
      get: operation(type, 'get', gvk, [], undefined, type.message),
      put: operation(type, 'put', gvk, WRITE_PARAMETERS, type.message, type.message),
      patch: operation(type, 'patch', gvk, [...WRITE_PARAMETERS, QUERY('force', 'boolean')], 'patch', type.message),
      delete: operation(type, 'delete', gvk, WRITE_PARAMETERS, undefined, 'k8s.io.apimachinery.pkg.apis.meta.v1.Status'),
    };
    for (const sub of type.subresources) {
      const subKind = { group: sub.group, version: sub.version, kind: sub.kind };
      const message = sub.kind === 'Scale' ? 'k8s.io.api.autoscaling.v1.Scale' : type.message;
      paths[`${collection}/{name}/${sub.name}`] = {
        parameters: [...nameParam, ...nsParam],
        get: operation(type, 'get', subKind, [], undefined, message),
        put: operation(type, 'put', subKind, WRITE_PARAMETERS, message, message),
        patch: operation(type, 'patch', subKind, [...WRITE_PARAMETERS, QUERY('force', 'boolean')], 'patch', message),
      };
    }
    if (type.namespaced) paths[`${base}/${type.resource}`] = { get: operation(type, 'list', gvk, LIST_PARAMETERS, undefined, list) };
  }
  return paths;
}

interface Published {
  readonly index: Json;
  readonly documents: ReadonlyMap<string, { readonly body: string; readonly hash: string }>;
}

let published: Published | undefined;

/** The group versions served, as OpenAPI v3 names them: `api/v1`, `apis/apps/v1`. */
function groupVersions(): { key: string; group: string; version: string }[] {
  const seen = new Map<string, { key: string; group: string; version: string }>();
  for (const type of RESOURCE_TYPES) {
    const key = type.group === '' ? `api/${type.version}` : `apis/${apiVersionOf(type)}`;
    if (!seen.has(key)) seen.set(key, { key, group: type.group, version: type.version });
  }
  return [...seen.values()];
}

function publish(): Published {
  if (published) return published;
  const schemas = componentSchemas();
  const documents = new Map<string, { body: string; hash: string }>();
  for (const gv of groupVersions()) {
    const body = JSON.stringify({ openapi: '3.0.0', info: { title: 'Kubernetes', version: 'unversioned' }, paths: pathsOf(gv.group, gv.version), components: { schemas } });
    documents.set(gv.key, { body, hash: createHash('sha512').update(body).digest('hex').toUpperCase() });
  }
  const paths: Json = {};
  for (const [key, doc] of documents) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${doc.hash}` };
  published = { index: { paths }, documents };
  return published;
}

/** `/openapi/v3`: the index of documents. */
export function openApiIndex(): Json {
  return publish().index;
}

/** `/openapi/v3/KEY` (`api/v1`, `apis/apps/v1`), or undefined. */
export function openApiDocument(key: string): string | undefined {
  return publish().documents.get(key)?.body;
}
