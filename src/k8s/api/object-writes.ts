/**
 * create, update, patch and delete of stored objects, with the API server's checks in its order:
 * decode (with field validation), the object's name and namespace against the request, the kind's
 * validation, the namespace's existence, RBAC's escalation guard, then the write, in one store
 * transaction so that "already exists" and "has been modified" hold across processes. `dryRun=All`
 * runs everything but the write. https://kubernetes.io/docs/reference/using-api/api-concepts/
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound, unsupportedMediaType } from '../kube-status.ts';
import type { FieldError } from '../kube-status.ts';
import { json, rfc3339, type ApiAnswer, type ApiContext } from './api-context.ts';
import { metadataOf, type KubeObject } from './cluster-objects.ts';
import { hasGeneration, nameProblems, prepareForCreate, validateObject, validateUpdate } from './kind-strategies.ts';
import { typed } from './object-reads.ts';
import { jsonPatch, mergePatch, strategicMerge } from './patch.ts';
import { guardRbacWrite } from './rbac-guard.ts';
import { checkFields, decodeObjectBody, mediaType, parseText } from './request-body.ts';
import { apiVersionOf, RESOURCE_TYPES, resourceType } from './resource-types.ts';
import { metadataMapErrors, nameErrors, required } from './validation.ts';

const NAMESPACES = resourceType('', 'v1', 'namespaces')!;
const GENERATE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const UNDELETABLE_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);
const PATCH_TYPES = ['application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json'];

function dryRun(ctx: ApiContext): boolean {
  const values = ctx.query.getAll('dryRun');
  if (values.some((v) => v !== 'All')) throw badRequest(`dryRun: Unsupported value: ${JSON.stringify(values.find((v) => v !== 'All'))}: supported values: "All"`);
  return values.length > 0;
}

function generatedName(prefix: string): string {
  let suffix = '';
  for (const byte of randomBytes(5)) suffix += GENERATE_ALPHABET[byte % GENERATE_ALPHABET.length];
  return `${prefix}${suffix}`;
}

/** The body as an object of this request's kind, checked against the request (kind, name, namespace). */
function bodyObject(ctx: ApiContext): { object: KubeObject; warnings: string[] } {
  const object = decodeObjectBody(ctx.body, ctx.headers['content-type']);
  const expected = apiVersionOf(ctx.type);
  if (object['kind'] !== undefined && object['kind'] !== ctx.type.kind) throw badRequest(`the kind of the provided object (${String(object['kind'])}) does not match the expected kind (${ctx.type.kind})`);
  if (object['apiVersion'] !== undefined && object['apiVersion'] !== expected) {
    throw badRequest(`the API version in the data (${String(object['apiVersion'])}) does not match the expected API version (${expected})`);
  }
  const warnings = mediaType(ctx.headers['content-type']) === 'application/vnd.kubernetes.protobuf'
    ? []
    : checkFields(object, ctx.type.message, ctx.type.kind, expected, ctx.query.get('fieldValidation'));
  return { object: { ...object, apiVersion: expected, kind: ctx.type.kind }, warnings };
}

function commonErrors(ctx: ApiContext, object: KubeObject): FieldError[] {
  const metadata = metadataOf(object);
  const name = String(metadata['name'] ?? '');
  const errs: FieldError[] = [];
  if (name === '') errs.push(required('metadata.name', 'name or generateName is required'));
  else errs.push(...nameErrors('metadata.name', name, nameProblems(ctx.type, name)));
  return [...errs, ...metadataMapErrors(metadata), ...validateObject(ctx.type, object)];
}

function checkNamespaceOf(ctx: ApiContext, object: KubeObject): void {
  const metadata = metadataOf(object);
  if (!ctx.type.namespaced) {
    Reflect.deleteProperty(metadata, 'namespace');
    return;
  }
  const given = metadata['namespace'];
  if (given !== undefined && given !== '' && given !== ctx.info.namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  metadata['namespace'] = ctx.info.namespace;
}

async function requireNamespace(ctx: ApiContext, objects = ctx.objects): Promise<void> {
  if (!ctx.type.namespaced) return;
  if (!(await objects.get(NAMESPACES, '', ctx.info.namespace))) throw notFound(NAMESPACES, ctx.info.namespace);
}

function strategyContext(ctx: ApiContext) {
  return { now: rfc3339(ctx.now), serviceCidr: ctx.cluster.kubernetesNetworkConfig.serviceIpv4Cidr };
}

/** POST of a new object. */
export async function createObject(ctx: ApiContext): Promise<ApiAnswer> {
  const { object, warnings } = bodyObject(ctx);
  checkNamespaceOf(ctx, object);
  const metadata = metadataOf(object);
  if ((metadata['name'] === undefined || metadata['name'] === '') && typeof metadata['generateName'] === 'string' && metadata['generateName'] !== '') {
    metadata['name'] = generatedName(metadata['generateName']);
  }
  for (const field of ['uid', 'resourceVersion', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'selfLink', 'managedFields']) Reflect.deleteProperty(metadata, field);
  metadata['uid'] = randomUUID();
  metadata['creationTimestamp'] = rfc3339(ctx.now);
  if (hasGeneration(ctx.type)) metadata['generation'] = 1;
  else Reflect.deleteProperty(metadata, 'generation');
  prepareForCreate(ctx.type, object, strategyContext(ctx));
  const errors = commonErrors(ctx, object);
  const name = String(metadata['name'] ?? '');
  if (errors.length > 0) throw invalid(ctx.type.group, ctx.type.kind, name, errors);
  guardRbacWrite(ctx, object);
  const dry = dryRun(ctx);
  const stored = await ctx.store.transaction(async (tx) => {
    const objects = ctx.objects.within(tx);
    await requireNamespace(ctx, objects);
    if (await objects.get(ctx.type, ctx.info.namespace, name)) throw alreadyExists(ctx.type, name);
    if (dry) return { ...object, metadata: { ...metadata } };
    const written = await objects.put(ctx.type, object);
    if (ctx.type.kind === 'Namespace') await populateNamespace(ctx, objects, name);
    return written;
  });
  if (!dry) ctx.hub.changed(ctx.objects.clusterUid);
  return json(typed(ctx.type, stored), 201, warnings);
}

/** What the namespace controllers make in a new namespace: its `default` ServiceAccount and `kube-root-ca.crt`. */
async function populateNamespace(ctx: ApiContext, objects: ApiContext['objects'], namespace: string): Promise<void> {
  const now = rfc3339(ctx.now);
  await objects.put(resourceType('', 'v1', 'serviceaccounts')!, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace, uid: randomUUID(), creationTimestamp: now } });
  await objects.put(resourceType('', 'v1', 'configmaps')!, {
    apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace, uid: randomUUID(), creationTimestamp: now },
    data: { 'ca.crt': Buffer.from(ctx.cluster.certificateData, 'base64').toString('utf8') },
  });
}

/** Writes `next` over `current` (which has the version the precondition compares), or nothing when unchanged. */
async function replace(ctx: ApiContext, current: KubeObject, next: KubeObject, subresource: string, warnings: readonly string[]): Promise<ApiAnswer> {
  const name = ctx.info.name;
  const oldMeta = metadataOf(current);
  const metadata = metadataOf(next);
  if (metadata['name'] !== undefined && metadata['name'] !== name) throw badRequest(`the name of the object (${String(metadata['name'])}) does not match the name on the URL (${name})`);
  const expected = metadata['resourceVersion'];
  if (expected !== undefined && expected !== '' && expected !== oldMeta['resourceVersion']) {
    throw conflict(ctx.type, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  let candidate: KubeObject;
  if (subresource === 'status') {
    candidate = { ...current, status: next['status'] };
  } else {
    candidate = { ...next, apiVersion: current['apiVersion'], kind: current['kind'] };
    if (ctx.type.subresources.some((s) => s.name === 'status') && current['status'] !== undefined) candidate['status'] = current['status'];
  }
  const candidateMeta = subresource === 'status' ? { ...oldMeta } : { ...metadata };
  for (const field of ['uid', 'creationTimestamp', 'namespace', 'generation']) {
    if (oldMeta[field] === undefined) Reflect.deleteProperty(candidateMeta, field);
    else candidateMeta[field] = oldMeta[field];
  }
  candidateMeta['name'] = name;
  candidate['metadata'] = candidateMeta;
  const comparable = (o: KubeObject) => JSON.stringify({ ...o, metadata: { ...metadataOf(o), resourceVersion: undefined, generation: undefined } });
  if (hasGeneration(ctx.type) && JSON.stringify(candidate['spec']) !== JSON.stringify(current['spec'])) candidateMeta['generation'] = Number(oldMeta['generation'] ?? 1) + 1;
  const errors = [...commonErrors(ctx, candidate), ...validateUpdate(ctx.type, candidate, current)];
  if (errors.length > 0) throw invalid(ctx.type.group, ctx.type.kind, name, errors);
  if (comparable(candidate) === comparable(current)) return json(typed(ctx.type, current), 200, warnings);
  if (subresource === '') guardRbacWrite(ctx, candidate);
  if (dryRun(ctx)) return json(typed(ctx.type, { ...candidate, metadata: { ...candidateMeta, resourceVersion: oldMeta['resourceVersion'] } }), 200, warnings);
  const stored = await ctx.store.transaction(async (tx) => {
    const objects = ctx.objects.within(tx);
    const latest = await objects.get(ctx.type, ctx.info.namespace, name);
    if (!latest) throw notFound(ctx.type, name);
    if (metadataOf(latest)['resourceVersion'] !== oldMeta['resourceVersion']) {
      throw conflict(ctx.type, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    return objects.put(ctx.type, candidate);
  });
  ctx.hub.changed(ctx.objects.clusterUid);
  return json(typed(ctx.type, stored), 200, warnings);
}

async function current(ctx: ApiContext): Promise<KubeObject> {
  const object = await ctx.objects.get(ctx.type, ctx.info.namespace, ctx.info.name);
  if (!object) throw notFound(ctx.type, ctx.info.name);
  return object;
}

/** PUT of an object or its status. */
export async function updateObject(ctx: ApiContext): Promise<ApiAnswer> {
  const existing = await current(ctx);
  const { object, warnings } = bodyObject(ctx);
  checkNamespaceOf(ctx, object);
  return replace(ctx, existing, object, ctx.info.subresource, warnings);
}

/** Refuses a patch type other than JSON patch, merge patch and strategic merge patch (server-side apply is not served). */
export function checkPatchType(ctx: ApiContext): void {
  if (!PATCH_TYPES.includes(mediaType(ctx.headers['content-type']))) throw unsupportedMediaType(PATCH_TYPES);
}

/** The patched form of `target` by the request's patch body. */
export function applyPatch(ctx: ApiContext, target: KubeObject, message: string | undefined): KubeObject {
  checkPatchType(ctx);
  const type = mediaType(ctx.headers['content-type']);
  const patch = parseText(ctx.body.toString('utf8'), false);
  const result = type === 'application/json-patch+json' ? jsonPatch(target, patch)
    : type === 'application/merge-patch+json' ? mergePatch(target, patch)
      : strategicMerge(target, patch, message);
  if (result === null || typeof result !== 'object' || Array.isArray(result)) throw badRequest('the patch did not produce an object');
  return result as KubeObject;
}

/** PATCH of an object or its status. */
export async function patchObject(ctx: ApiContext): Promise<ApiAnswer> {
  checkPatchType(ctx);
  const existing = await current(ctx);
  const patched = applyPatch(ctx, existing, ctx.type.message);
  const warnings = ctx.info.subresource === '' && mediaType(ctx.headers['content-type']) !== 'application/json-patch+json'
    ? checkFields(patched, ctx.type.message, ctx.type.kind, apiVersionOf(ctx.type), ctx.query.get('fieldValidation'))
    : [];
  return replace(ctx, existing, patched, ctx.info.subresource, warnings);
}

function deleteOptions(ctx: ApiContext): { uid?: string; resourceVersion?: string } {
  if (ctx.body.length === 0) return {};
  const options = decodeObjectBody(ctx.body, ctx.headers['content-type']);
  const preconditions = options['preconditions'];
  return preconditions !== null && typeof preconditions === 'object' ? (preconditions as { uid?: string; resourceVersion?: string }) : {};
}

/** DELETE of one object (a namespace takes everything in it along). */
export async function deleteObject(ctx: ApiContext): Promise<ApiAnswer> {
  const name = ctx.info.name;
  if (ctx.type.kind === 'Namespace' && UNDELETABLE_NAMESPACES.has(name)) throw forbidden(ctx.type, name, 'this namespace may not be deleted');
  const preconditions = deleteOptions(ctx);
  const dry = dryRun(ctx);
  const deleted = await ctx.store.transaction(async (tx) => {
    const objects = ctx.objects.within(tx);
    const existing = await objects.get(ctx.type, ctx.info.namespace, name);
    if (!existing) throw notFound(ctx.type, name);
    const metadata = metadataOf(existing);
    if (preconditions.uid && preconditions.uid !== metadata['uid']) {
      throw conflict(ctx.type, name, `Precondition failed: UID in precondition: ${preconditions.uid}, UID in object meta: ${String(metadata['uid'])}`);
    }
    if (preconditions.resourceVersion && preconditions.resourceVersion !== metadata['resourceVersion']) {
      throw conflict(ctx.type, name, `Precondition failed: ResourceVersion in precondition: ${preconditions.resourceVersion}, ResourceVersion in object meta: ${String(metadata['resourceVersion'])}`);
    }
    if (dry) return existing;
    if (ctx.type.kind === 'Namespace') {
      for (const type of RESOURCE_TYPES) {
        if (!type.namespaced || type.storage !== 'objects') continue;
        for (const object of await objects.list(type, name)) await objects.delete(type, name, String(metadataOf(object)['name']));
      }
    }
    const gone = (await objects.delete(ctx.type, ctx.info.namespace, name))!;
    if (ctx.type.kind === 'Namespace') {
      metadataOf(gone)['deletionTimestamp'] = rfc3339(ctx.now);
      gone['status'] = { phase: 'Terminating' };
    }
    return gone;
  });
  if (!dry) ctx.hub.changed(ctx.objects.clusterUid);
  return json(typed(ctx.type, deleted));
}

/** DELETE of a collection: every object the selectors match, in the request's namespace. */
export async function deleteCollection(ctx: ApiContext, matches: (object: KubeObject) => boolean): Promise<ApiAnswer> {
  const dry = dryRun(ctx);
  const deleted = await ctx.store.transaction(async (tx) => {
    const objects = ctx.objects.within(tx);
    const out: KubeObject[] = [];
    for (const object of (await objects.list(ctx.type, ctx.info.namespace)).filter(matches)) {
      const metadata = metadataOf(object);
      out.push(dry ? object : (await objects.delete(ctx.type, String(metadata['namespace'] ?? ''), String(metadata['name'])))!);
    }
    return out;
  });
  if (!dry) ctx.hub.changed(ctx.objects.clusterUid);
  return json({ kind: `${ctx.type.kind}List`, apiVersion: apiVersionOf(ctx.type), metadata: { resourceVersion: String(await ctx.objects.resourceVersion()) }, items: deleted });
}
