/**
 * get, list and watch (https://kubernetes.io/docs/reference/using-api/api-concepts/): lists filtered
 * by namespace and selectors, in pages (`limit`, `continue`), as Tables when asked; watches from a
 * resource version (or from the current objects, as ADDED events, when none or `0` is given), as JSON
 * lines `{"type":"ADDED","object":{...}}`, with 410 Expired for versions no longer logged.
 */
import { expired, badRequest, notFound } from '../kube-status.ts';
import { json, type ApiAnswer, type ApiContext, type WatchAnswer } from './api-context.ts';
import { objectOf, type KubeObject } from './cluster-objects.ts';
import { apiVersionOf, type ResourceType } from './resource-types.ts';
import { fieldSelector, labelSelector } from './selectors.ts';
import { table, wantsTable } from './table.ts';

/** An object of `type` with its apiVersion and kind (stored objects carry them; this makes sure). */
export function typed(type: ResourceType, object: KubeObject): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = object;
  return { apiVersion: apiVersionOf(type), kind: type.kind, ...rest };
}

/** GET of one object. */
export async function getObject(ctx: ApiContext): Promise<KubeObject> {
  const object = await ctx.objects.get(ctx.type, ctx.info.namespace, ctx.info.name);
  if (!object) throw notFound(ctx.type, ctx.info.name);
  return typed(ctx.type, object);
}

function matcher(ctx: ApiContext): (object: KubeObject) => boolean {
  const labels = labelSelector(ctx.query.get('labelSelector'));
  const fields = fieldSelector(ctx.query.get('fieldSelector'), ctx.type.kind);
  return (object) => labels(object) && fields(object);
}

interface ContinueToken {
  readonly rv: number;
  readonly start: string;
}

function keyOf(object: KubeObject): string {
  const metadata = object['metadata'] as { namespace?: string; name?: string };
  return `${metadata.namespace ?? ''}/${metadata.name ?? ''}`;
}

function readContinue(text: string | null): ContinueToken | undefined {
  if (!text) return undefined;
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ContinueToken;
    if (typeof token.rv === 'number' && typeof token.start === 'string') return token;
  } catch {
    // fall through
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

/** GET of a collection. */
export async function listObjects(ctx: ApiContext): Promise<ApiAnswer> {
  const version = await ctx.objects.resourceVersion();
  const all = (await ctx.objects.list(ctx.type, ctx.info.namespace)).filter(matcher(ctx));
  const token = readContinue(ctx.query.get('continue'));
  let items = token ? all.filter((o) => keyOf(o) > token.start) : all;
  const limit = Number(ctx.query.get('limit') ?? 0);
  let next: string | undefined;
  let remaining: number | undefined;
  if (Number.isInteger(limit) && limit > 0 && items.length > limit) {
    remaining = items.length - limit;
    items = items.slice(0, limit);
    next = Buffer.from(JSON.stringify({ rv: token?.rv ?? version, start: keyOf(items[items.length - 1]!) })).toString('base64url');
  }
  const metadata = { resourceVersion: String(version), ...(next ? { continue: next, remainingItemCount: remaining } : {}) };
  if (wantsTable(ctx.headers.accept)) {
    const answer = table(ctx.type, items.map((o) => typed(ctx.type, o)), String(version), ctx.now, ctx.query.get('includeObject')) as { metadata: Record<string, unknown> };
    answer.metadata = metadata;
    return { kind: 'json', status: 200, body: answer, contentType: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
  }
  const stripped = items.map((o) => {
    const { apiVersion: _a, kind: _k, ...rest } = o;
    return rest;
  });
  return json({ kind: `${ctx.type.kind}List`, apiVersion: apiVersionOf(ctx.type), metadata, items: stripped });
}

/** A single object as a Table (for `kubectl get KIND NAME`). */
export function objectAsTable(ctx: ApiContext, object: KubeObject): ApiAnswer {
  const metadata = object['metadata'] as { resourceVersion?: string };
  return { kind: 'json', status: 200, body: table(ctx.type, [object], metadata.resourceVersion ?? '', ctx.now, ctx.query.get('includeObject')), contentType: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
}

function inScope(ctx: ApiContext, object: KubeObject): boolean {
  const metadata = object['metadata'] as { namespace?: string; name?: string };
  if (ctx.type.namespaced && ctx.info.namespace !== '' && metadata.namespace !== ctx.info.namespace) return false;
  if (ctx.info.name !== '' && metadata.name !== ctx.info.name) return false;
  return true;
}

/** A watch of a collection (or of one object, named by the path or `metadata.name`). */
export function watchObjects(ctx: ApiContext): WatchAnswer {
  const matches = matcher(ctx);
  const timeoutSeconds = Number(ctx.query.get('timeoutSeconds') ?? 0);
  const rvParam = ctx.query.get('resourceVersion') ?? '';
  return {
    kind: 'watch',
    run: async (write, closed) => {
      let open = true;
      void closed.then(() => (open = false));
      const deadline = timeoutSeconds > 0 ? Date.now() + timeoutSeconds * 1000 : Number.POSITIVE_INFINITY;
      // As Tables when the client asked for them (kubectl get -w), column definitions in the first event only.
      const asTable = wantsTable(ctx.headers.accept);
      let first = true;
      const event = (type: string, object: KubeObject) => {
        let body: unknown = typed(ctx.type, object);
        if (asTable) {
          const rendered = table(ctx.type, [body as KubeObject], String((object['metadata'] as { resourceVersion?: string }).resourceVersion ?? ''), Date.now(), ctx.query.get('includeObject')) as Record<string, unknown>;
          if (!first) rendered['columnDefinitions'] = [];
          body = rendered;
        }
        first = false;
        write(`${JSON.stringify({ type, object: body })}\n`);
      };
      let from: number;
      if (rvParam === '' || rvParam === '0') {
        from = await ctx.objects.resourceVersion();
        for (const object of await ctx.objects.list(ctx.type, ctx.info.namespace)) if (inScope(ctx, object) && matches(object)) event('ADDED', object);
      } else {
        from = Number(rvParam);
        if (!Number.isInteger(from) || from < 0) throw badRequest(`invalid resource version: ${rvParam}`);
      }
      while (open && Date.now() < deadline) {
        const { changes, expired: gone } = await ctx.store.kubernetes.changes(ctx.objects.clusterUid, from);
        if (gone) {
          const status = expired(`too old resource version: ${from} (${await ctx.objects.resourceVersion()})`).status;
          write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
          return;
        }
        for (const change of changes) {
          from = change.resourceVersion;
          if (change.group !== ctx.type.group || change.resource !== ctx.type.resource) continue;
          const object = objectOf(change);
          if (inScope(ctx, object) && matches(object)) event(change.type, object);
        }
        const wait = ctx.hub.next(ctx.objects.clusterUid, Math.min(1000, Math.max(0, deadline - Date.now())));
        await Promise.race([wait.promise, closed]);
        wait.cancel();
      }
    },
  };
}
