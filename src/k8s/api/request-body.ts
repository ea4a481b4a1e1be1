/**
 * Reading object bodies of create, update and patch requests: JSON, YAML or Kubernetes protobuf by
 * Content-Type (anything else is 415), and field validation as `fieldValidation` asks
 * (https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation): `Strict` refuses
 * fields the type does not have (`strict decoding error: unknown field "spec.foo"`), `Warn` (the
 * default) answers them as warnings, `Ignore` drops nothing and says nothing. Fields of open-ended
 * types (RawExtension, maps) are not checked.
 */
import { parseYaml } from '../../kernel/yaml-parse.ts';
import { badRequest, unsupportedMediaType } from '../kube-status.ts';
import { decodeProtobufBody, ProtobufError } from '../protobuf/protobuf-body.ts';
import { isScalar, isStringListMessage, messageSchema, SPECIAL } from '../schema/type-schema.ts';
import type { KubeObject } from './cluster-objects.ts';
import { messageOfKind } from './resource-types.ts';

const OBJECT_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

/** The media type of a Content-Type header, without parameters, lower-cased. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
}

function isObject(value: unknown): value is KubeObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Parses JSON or YAML text into an object, with Kubernetes's wording for malformed bodies. */
export function parseText(text: string, yaml: boolean): unknown {
  try {
    return yaml ? parseYaml(text) : (JSON.parse(text) as unknown);
  } catch (error) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** The object of a create or update body. */
export function decodeObjectBody(body: Buffer, contentType: string | undefined): KubeObject {
  const type = mediaType(contentType);
  let value: unknown;
  if (type === 'application/vnd.kubernetes.protobuf') {
    try {
      value = decodeProtobufBody(body, messageOfKind);
    } catch (error) {
      if (error instanceof ProtobufError) throw badRequest(error.message);
      throw error;
    }
  } else if (type === 'application/json' || type === 'application/yaml') {
    value = parseText(body.toString('utf8'), type === 'application/yaml');
  } else {
    throw unsupportedMediaType(OBJECT_TYPES);
  }
  if (!isObject(value)) throw badRequest("Object 'Kind' is missing in '" + body.toString('utf8').slice(0, 200) + "'");
  return value;
}

/** The JSON paths of fields `value` has that message `type` does not. */
export function unknownFields(value: unknown, type: string, path = ''): string[] {
  if (isScalar(type) || Object.values<string>(SPECIAL).includes(type) || isStringListMessage(type)) return [];
  const schema = messageSchema(type);
  if (!schema || !isObject(value)) return [];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (path === '' && (key === 'apiVersion' || key === 'kind')) continue;
    const field = schema.byName.get(key);
    const at = path === '' ? key : `${path}.${key}`;
    if (!field) {
      out.push(at);
      continue;
    }
    if (field.mapKey !== undefined) {
      if (isObject(child) && !isScalar(field.type)) for (const [k, v] of Object.entries(child)) out.push(...unknownFields(v, field.type, `${at}[${k}]`));
    } else if (field.repeated) {
      if (Array.isArray(child)) child.forEach((item, i) => out.push(...unknownFields(item, field.type, `${at}[${i}]`)));
    } else {
      out.push(...unknownFields(child, field.type, at));
    }
  }
  return out;
}

/** Applies `fieldValidation` to a decoded object of `kind`; answers the warnings to send. */
export function checkFields(object: KubeObject, message: string, kind: string, apiVersion: string, validation: string | null): string[] {
  const mode = validation ?? 'Warn';
  if (mode === 'Ignore') return [];
  if (mode !== 'Strict' && mode !== 'Warn') throw badRequest(`fieldValidation parameter unsupported: ${mode}`);
  const unknown = unknownFields(object, message).map((f) => `unknown field ${JSON.stringify(f)}`);
  if (unknown.length === 0) return [];
  if (mode === 'Strict') {
    const version = apiVersion.includes('/') ? apiVersion.split('/')[1] : apiVersion;
    throw badRequest(`${kind} in version ${JSON.stringify(version)} cannot be handled as a ${kind}: strict decoding error: ${unknown.join(', ')}`);
  }
  return unknown;
}
