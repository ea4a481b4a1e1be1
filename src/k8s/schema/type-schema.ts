/**
 * The Kubernetes API types Tollgate serves, as extracted from Kubernetes's own `generated.proto` files
 * (`kubernetes-types.json`, made by scripts/generate-kubernetes-schemas.ts): message and field names
 * (which are the JSON names), field numbers, types and the list-merge markers. One table drives the
 * protobuf decoder, the OpenAPI documents, strategic merge patch and unknown-field checks.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A field of a message. */
export interface FieldSchema {
  readonly n: number;
  readonly name: string;
  /** A protobuf scalar (`string`, `int64`, ...) or a message name. */
  readonly type: string;
  readonly repeated?: true;
  /** Maps: the key type (the value type is `type`). */
  readonly mapKey?: string;
  readonly mergeKey?: string;
  readonly strategy?: string;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
}

/** A message with its fields by number and by JSON name. */
export interface MessageSchema {
  readonly name: string;
  readonly fields: readonly FieldSchema[];
  readonly byNumber: ReadonlyMap<number, FieldSchema>;
  readonly byName: ReadonlyMap<string, FieldSchema>;
}

/** Messages with a JSON form of their own rather than an object of their fields. */
export const SPECIAL = {
  time: 'k8s.io.apimachinery.pkg.apis.meta.v1.Time',
  microTime: 'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime',
  duration: 'k8s.io.apimachinery.pkg.apis.meta.v1.Duration',
  intOrString: 'k8s.io.apimachinery.pkg.util.intstr.IntOrString',
  quantity: 'k8s.io.apimachinery.pkg.api.resource.Quantity',
  rawExtension: 'k8s.io.apimachinery.pkg.runtime.RawExtension',
  fieldsV1: 'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1',
} as const;

/** `ExtraValue` messages are Go `[]string`: in JSON, a plain list. */
export function isStringListMessage(name: string): boolean {
  return name.endsWith('.ExtraValue');
}

const PROTO_SCALARS = new Set(['string', 'int32', 'int64', 'uint32', 'uint64', 'bool', 'bytes', 'double', 'float', 'sint32', 'sint64', 'fixed32', 'fixed64']);

/** Whether `type` is a protobuf scalar. */
export function isScalar(type: string): boolean {
  return PROTO_SCALARS.has(type);
}

let loaded: ReadonlyMap<string, MessageSchema> | undefined;

function load(): ReadonlyMap<string, MessageSchema> {
  if (loaded) return loaded;
  const file = fileURLToPath(new URL('./kubernetes-types.json', import.meta.url));
  const data = JSON.parse(readFileSync(file, 'utf8')) as { messages: Record<string, { fields: FieldSchema[] }> };
  const out = new Map<string, MessageSchema>();
  for (const [name, message] of Object.entries(data.messages)) {
    out.set(name, {
      name, fields: message.fields,
      byNumber: new Map(message.fields.map((f) => [f.n, f])),
      byName: new Map(message.fields.map((f) => [f.name, f])),
    });
  }
  loaded = out;
  return out;
}

/** The message `name`, or undefined. */
export function messageSchema(name: string): MessageSchema | undefined {
  return load().get(name);
}

/** Every message, by name. */
export function allMessages(): ReadonlyMap<string, MessageSchema> {
  return load();
}

/** The OpenAPI definition name of a message: `io.k8s.api.core.v1.Pod`. */
export function definitionName(message: string): string {
  return message.startsWith('k8s.io.') ? `io.k8s.${message.slice('k8s.io.'.length)}` : message;
}
