/**
 * Dispatches an authorized resource request by verb and subresource: reviews are answered, stored
 * kinds go to reads and writes, `scale` is the autoscaling/v1 Scale view of a workload's replicas,
 * `status` shares the object's reads and writes only its status. Other subresources (`log`, `exec`,
 * `portforward`, `proxy`, ...) need running containers, which Tollgate has none of: they are
 * answered as the API server answers a request for a subresource it does not serve.
 */
import { badRequest, methodNotSupported, pathNotFound } from '../kube-status.ts';
import { json, type ApiAnswer, type ApiContext } from './api-context.ts';
import { metadataOf, type KubeObject } from './cluster-objects.ts';
import { getObject, listObjects, objectAsTable, watchObjects } from './object-reads.ts';
import { applyPatch, createObject, deleteCollection, deleteObject, patchObject, updateObject } from './object-writes.ts';
import { decodeObjectBody } from './request-body.ts';
import { answerReview } from './reviews.ts';
import { fieldSelector, labelSelector } from './selectors.ts';
import { wantsTable } from './table.ts';

/** Subresources that reach a pod's containers through its node. */
const RUNTIME_SUBRESOURCES = new Set(['log', 'exec', 'attach', 'portforward']);

function scaleOf(object: KubeObject): KubeObject {
  const metadata = metadataOf(object);
  const spec = (object['spec'] ?? {}) as { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  const status = (object['status'] ?? {}) as { replicas?: number };
  const selector = Object.entries(spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: metadata['name'], namespace: metadata['namespace'], uid: metadata['uid'], resourceVersion: metadata['resourceVersion'], creationTimestamp: metadata['creationTimestamp'] },
    spec: { replicas: spec.replicas ?? 0 }, status: { replicas: status.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

async function scale(ctx: ApiContext): Promise<ApiAnswer> {
  const object = await getObject(ctx);
  if (ctx.info.verb === 'get') return json(scaleOf(object));
  const asked = ctx.info.verb === 'patch' ? applyPatch(ctx, scaleOf(object), 'k8s.io.api.autoscaling.v1.Scale') : decodeObjectBody(ctx.body, ctx.headers['content-type']);
  const replicas = (asked['spec'] as { replicas?: unknown } | undefined)?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) throw badRequest('spec.replicas must be a non-negative integer');
  const rv = (asked['metadata'] as { resourceVersion?: string } | undefined)?.resourceVersion;
  const next = { ...object, metadata: { ...metadataOf(object), ...(rv ? { resourceVersion: rv } : {}) }, spec: { ...(object['spec'] as object), replicas } };
  const body = Buffer.from(JSON.stringify(next));
  const answer = await updateObject({ ...ctx, body, headers: { ...ctx.headers, 'content-type': 'application/json' }, info: { ...ctx.info, subresource: '' } });
  return answer.kind === 'json' ? json(scaleOf(answer.body as KubeObject), 200) : answer;
}

/** Answers a resource request of ctx.type. */
export async function handleResource(ctx: ApiContext): Promise<ApiAnswer> {
  const { verb, subresource, name } = ctx.info;
  if (ctx.type.storage === 'review') {
    if (verb !== 'create') throw methodNotSupported(ctx.type, verb);
    const body = decodeObjectBody(ctx.body, ctx.headers['content-type']);
    return json(await answerReview(ctx.type.kind, body, ctx.reviews), 201);
  }
  if (subresource !== '') {
    const served = ctx.type.subresources.find((s) => s.name === subresource);
    if (!served) throw pathNotFound();
    if (subresource === 'scale') return scale(ctx);
    if (RUNTIME_SUBRESOURCES.has(subresource)) {
      // Nothing is scheduled: every pod is without a node, which is what the API server answers then.
      await getObject(ctx);
      throw badRequest(`pod ${name} does not have a host assigned`);
    }
  }
  switch (verb) {
    case 'get': {
      const object = await getObject(ctx);
      return subresource === '' && wantsTable(ctx.headers.accept) ? objectAsTable(ctx, object) : json(object);
    }
    case 'list': return listObjects(ctx);
    case 'watch': return watchObjects(ctx);
    case 'create':
      if (name !== '' || subresource !== '') throw methodNotSupported(ctx.type, 'create');
      return createObject(ctx);
    case 'update': return updateObject(ctx);
    case 'patch': return patchObject(ctx);
    case 'delete':
      if (subresource !== '') throw methodNotSupported(ctx.type, 'delete');
      return deleteObject(ctx);
    case 'deletecollection': {
      if (!ctx.type.verbs.includes('deletecollection')) throw methodNotSupported(ctx.type, 'deletecollection');
      const labels = labelSelector(ctx.query.get('labelSelector'));
      const fields = fieldSelector(ctx.query.get('fieldSelector'), ctx.type.kind);
      return deleteCollection(ctx, (o) => labels(o) && fields(o));
    }
    default: throw methodNotSupported(ctx.type, verb);
  }
}
