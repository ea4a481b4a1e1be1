/**
 * Kubernetes API errors: the `Status` objects kube-apiserver answers, with its reasons, codes and
 * message texts (apimachinery's `errors.New*`, docs/aws-behaviour/kubernetes-api.md). A KubeError
 * thrown anywhere in the Kubernetes pipeline becomes its Status in one place (`kube-app.ts`).
 */

/** `details` of a Status. */
export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly causes?: readonly { readonly reason?: string; readonly message: string; readonly field?: string }[];
  readonly retryAfterSeconds?: number;
}

/** A Kubernetes Status object. */
export interface KubeStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Failure' | 'Success';
  readonly message?: string;
  readonly reason?: string;
  readonly details?: StatusDetails;
  readonly code: number;
}

/** An error answered as a Status. */
export class KubeError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message ?? status.reason ?? 'error');
    this.name = 'KubeError';
  }
}

/** A group and resource, printed as `resource` or `resource.group` (schema.GroupResource). */
export interface GroupResource {
  readonly group: string;
  readonly resource: string;
}

/** `pods`, `deployments.apps`. */
export function qualified(gr: GroupResource): string {
  return gr.group === '' ? gr.resource : `${gr.resource}.${gr.group}`;
}

/** Go's %q of a string: double-quoted with Go escapes. */
export function goQuote(text: string): string {
  return JSON.stringify(text).replace(/\\u007f/g, '\\x7f');
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): KubeError {
  return new KubeError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details ? { details } : {}), code });
}

function detailsOf(gr: GroupResource, name: string): StatusDetails {
  return { ...(name ? { name } : {}), ...(gr.group ? { group: gr.group } : {}), kind: gr.resource };
}

/** 401 `Unauthorized`, as kube-apiserver answers any failed authentication. */
export function unauthorized(): KubeError {
  return failure(401, 'Unauthorized', 'Unauthorized');
}

/** 403: `<resource> ["name"] is forbidden: <why>`, or `forbidden: <why>` without a resource. */
export function forbidden(gr: GroupResource | undefined, name: string, why: string): KubeError {
  if (!gr || gr.resource === '') return failure(403, 'Forbidden', `forbidden: ${why}`, {});
  const message = name === '' ? `${qualified(gr)} is forbidden: ${why}` : `${qualified(gr)} ${goQuote(name)} is forbidden: ${why}`;
  return failure(403, 'Forbidden', message, detailsOf(gr, name));
}

/** 404 `<resource> "name" not found`. */
export function notFound(gr: GroupResource, name: string): KubeError {
  return failure(404, 'NotFound', `${qualified(gr)} ${goQuote(name)} not found`, detailsOf(gr, name));
}

/** 404 for a path the server does not serve (an unknown resource type or API). */
export function pathNotFound(): KubeError {
  return failure(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** 409 `<resource> "name" already exists`. */
export function alreadyExists(gr: GroupResource, name: string): KubeError {
  return failure(409, 'AlreadyExists', `${qualified(gr)} ${goQuote(name)} already exists`, detailsOf(gr, name));
}

/** 409 `Operation cannot be fulfilled on <resource> "name": <why>`. */
export function conflict(gr: GroupResource, name: string, why: string): KubeError {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} ${goQuote(name)}: ${why}`, detailsOf(gr, name));
}

/** One field error of an Invalid status (apimachinery's field.Error). */
export interface FieldError {
  /** `FieldValueInvalid`, `FieldValueRequired`, ... */
  readonly type: string;
  readonly field: string;
  /** What `ErrorBody()` prints: `Invalid value: "x": why`, `Required value`, ... */
  readonly body: string;
}

/** 422 `<Kind>[.group] "name" is invalid: <errors>`. */
export function invalid(group: string, kind: string, name: string, errors: readonly FieldError[]): KubeError {
  const qualifiedKind = group === '' ? kind : `${kind}.${group}`;
  const texts = errors.map((e) => (e.field ? `${e.field}: ${e.body}` : e.body));
  const aggregate = texts.length === 1 ? texts[0]! : `[${texts.join(', ')}]`;
  const message = texts.length === 0 ? `${qualifiedKind} ${goQuote(name)} is invalid` : `${qualifiedKind} ${goQuote(name)} is invalid: ${aggregate}`;
  return failure(422, 'Invalid', message, {
    ...(name ? { name } : {}), ...(group ? { group } : {}), kind,
    causes: errors.map((e) => ({ reason: e.type, message: e.body, field: e.field })),
  });
}

/** 400 BadRequest with `message`. */
export function badRequest(message: string): KubeError {
  return failure(400, 'BadRequest', message);
}

/** 405 `<verb> is not supported on resources of kind "<resource>"`. */
export function methodNotSupported(gr: GroupResource, action: string): KubeError {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${goQuote(qualified(gr))}`, { ...(gr.group ? { group: gr.group } : {}), kind: gr.resource });
}

/** 415 for a body type the endpoint does not decode. */
export function unsupportedMediaType(supported: readonly string[]): KubeError {
  return failure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${supported.join(', ')}`, {});
}

/** 410 Expired: a watch or list from a resource version no longer kept. */
export function expired(message: string): KubeError {
  return failure(410, 'Expired', message);
}

/** 503 ServiceUnavailable. */
export function serviceUnavailable(message: string): KubeError {
  return failure(503, 'ServiceUnavailable', message);
}

/** 500 InternalError: `Internal error occurred: <why>`. */
export function internalError(why: string): KubeError {
  return failure(500, 'InternalError', `Internal error occurred: ${why}`, { causes: [{ message: why }] });
}

/** Whether `error` is a KubeError. */
export function isKubeError(error: unknown): error is KubeError {
  return error instanceof KubeError;
}
