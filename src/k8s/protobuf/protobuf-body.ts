/**
 * Request bodies in Kubernetes's protobuf encoding (`application/vnd.kubernetes.protobuf`), which
 * kubectl 1.32 sends for `create namespace|configmap|...` and the review kinds, and does not retry as
 * JSON after a 415. The envelope is the magic `k8s\0` and a `runtime.Unknown` message (typeMeta
 * {apiVersion, kind}, raw); `raw` is the object, decoded here with the message table extracted from
 * Kubernetes's `generated.proto` (`../schema/type-schema.ts`) into the object's JSON form, as the
 * server would have read it from JSON: zero scalars and unset times omitted, special types
 * (Time, IntOrString, Quantity, RawExtension, ExtraValue) in their JSON forms.
 * https://kubernetes.io/docs/reference/using-api/api-concepts/#protobuf-encoding
 */
import { isScalar, isStringListMessage, messageSchema, SPECIAL, type FieldSchema } from '../schema/type-schema.ts';

/** A body that is not valid protobuf for the expected type. */
export class ProtobufError extends Error {}

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

class Reader {
  offset = 0;
  readonly end: number;
  constructor(readonly bytes: Buffer) {
    this.end = bytes.length;
  }

  done(): boolean {
    return this.offset >= this.end;
  }

  /** A varint as a signed 64-bit integer (negative int32 and int64 values take ten bytes). */
  varint(): number {
    let result = 0;
    let scale = 1;
    const start = this.offset;
    for (let i = 0; i < 10; i += 1) {
      if (this.offset >= this.end) throw new ProtobufError('truncated varint');
      const byte = this.bytes[this.offset++]!;
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return i < 7 ? result : this.wide(start);
      scale *= 128;
    }
    throw new ProtobufError('varint too long');
  }

  /** A long varint read exactly, as two's complement. */
  private wide(start: number): number {
    let value = 0n;
    for (let i = start, shift = 0n; i < this.offset; i += 1, shift += 7n) value |= BigInt(this.bytes[i]! & 0x7f) << shift;
    return Number(BigInt.asIntN(64, value));
  }

  slice(): Buffer {
    const length = this.varint();
    if (this.offset + length > this.end) throw new ProtobufError('truncated length-delimited field');
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.offset += 8;
    else if (wireType === 2) this.slice();
    else if (wireType === 5) this.offset += 4;
    else throw new ProtobufError(`unsupported wire type ${wireType}`);
    if (this.offset > this.end) throw new ProtobufError('truncated field');
  }
}

function scalar(type: string, wireType: number, reader: Reader): unknown {
  switch (type) {
    case 'string': return reader.slice().toString('utf8');
    case 'bytes': return reader.slice().toString('base64');
    case 'bool': return reader.varint() !== 0;
    case 'double': {
      const v = reader.bytes.readDoubleLE(reader.offset);
      reader.offset += 8;
      return v;
    }
    case 'float': {
      const v = reader.bytes.readFloatLE(reader.offset);
      reader.offset += 4;
      return v;
    }
    default:
      if (wireType !== 0) throw new ProtobufError(`wire type ${wireType} for ${type}`);
      return reader.varint();
  }
}

function isZero(value: unknown): boolean {
  return value === '' || value === 0 || value === false || value === undefined || (Array.isArray(value) && value.length === 0)
    || (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0 && Object.getPrototypeOf(value) === MAP_PROTO);
}

/** Objects made for map fields carry this prototype, so that empty maps are dropped but empty messages kept. */
const MAP_PROTO = Object.create(null) as object;

function rfc3339(seconds: number, nanos: number, micro: boolean): string {
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micro ? `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z` : `${iso}Z`;
}

function goDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0s';
  let rest = nanoseconds / 1e9;
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  rest -= minutes * 60;
  return `${hours > 0 ? `${hours}h` : ''}${hours > 0 || minutes > 0 ? `${minutes}m` : ''}${Number(rest.toFixed(9))}s`;
}

/** The JSON form of a special message, or undefined when `name` is not special. */
function special(name: string, bytes: Buffer): { value: unknown } | undefined {
  switch (name) {
    case SPECIAL.time:
    case SPECIAL.microTime: {
      const t = decodeMessage(bytes, name, false) as { seconds?: number; nanos?: number };
      if (!t.seconds && !t.nanos) return { value: undefined };
      return { value: rfc3339(t.seconds ?? 0, t.nanos ?? 0, name === SPECIAL.microTime) };
    }
    case SPECIAL.duration: {
      const d = decodeMessage(bytes, name, false) as { duration?: number };
      return { value: goDuration(d.duration ?? 0) };
    }
    case SPECIAL.intOrString: {
      const v = decodeMessage(bytes, name, false) as { type?: number; intVal?: number; strVal?: string };
      return { value: v.type === 1 ? v.strVal ?? '' : v.intVal ?? 0 };
    }
    case SPECIAL.quantity:
      return { value: (decodeMessage(bytes, name, false) as { string?: string }).string ?? '' };
    case SPECIAL.rawExtension:
    case SPECIAL.fieldsV1: {
      const raw = new Reader(bytes);
      let content: Buffer | undefined;
      while (!raw.done()) {
        const tag = raw.varint();
        if (tag >>> 3 === 1 && (tag & 7) === 2) content = raw.slice();
        else raw.skip(tag & 7);
      }
      if (!content || content.length === 0) return { value: undefined };
      try {
        return { value: JSON.parse(content.toString('utf8')) as unknown };
      } catch {
        throw new ProtobufError(`${name} does not hold JSON`);
      }
    }
    default:
      if (isStringListMessage(name)) return { value: (decodeMessage(bytes, name, false) as { items?: string[] }).items ?? [] };
      return undefined;
  }
}

function value(field: FieldSchema, type: string, wireType: number, reader: Reader): unknown {
  if (isScalar(type)) return scalar(type, wireType, reader);
  if (wireType !== 2) throw new ProtobufError(`wire type ${wireType} for message field ${field.name}`);
  const bytes = reader.slice();
  const known = special(type, bytes);
  return known ? known.value : decodeMessage(bytes, type, true);
}

function mapEntry(field: FieldSchema, bytes: Buffer): [string, unknown] {
  const reader = new Reader(bytes);
  let key: unknown = '';
  let entry: unknown;
  while (!reader.done()) {
    const tag = reader.varint();
    const number = tag >>> 3;
    const wireType = tag & 7;
    if (number === 1) key = scalar(field.mapKey!, wireType, reader);
    else if (number === 2) entry = value(field, field.type, wireType, reader);
    else reader.skip(wireType);
  }
  if (entry === undefined) entry = isScalar(field.type) ? (field.type === 'string' || field.type === 'bytes' ? '' : 0) : {};
  return [String(key), entry];
}

/**
 * Decodes one message into its JSON form. `dropZero` omits zero scalars and empty lists and maps,
 * as the JSON encoding of the Go type (`omitempty`) would.
 */
export function decodeMessage(bytes: Buffer, name: string, dropZero: boolean): Record<string, unknown> {
  const schema = messageSchema(name);
  if (!schema) throw new ProtobufError(`no schema for ${name}`);
  const out: Record<string, unknown> = {};
  const reader = new Reader(bytes);
  while (!reader.done()) {
    const tag = reader.varint();
    const number = tag >>> 3;
    const wireType = tag & 7;
    const field = schema.byNumber.get(number);
    if (!field) {
      reader.skip(wireType);
      continue;
    }
    if (field.mapKey !== undefined) {
      if (wireType !== 2) throw new ProtobufError(`wire type ${wireType} for map field ${field.name}`);
      const [key, entry] = mapEntry(field, reader.slice());
      const map = (out[field.name] ??= Object.create(MAP_PROTO)) as Record<string, unknown>;
      map[key] = entry;
    } else if (field.repeated) {
      const list = (out[field.name] ??= []) as unknown[];
      if (wireType === 2 && isScalar(field.type) && field.type !== 'string' && field.type !== 'bytes') {
        const packed = new Reader(reader.slice());
        while (!packed.done()) list.push(scalar(field.type, field.type === 'double' ? 1 : field.type === 'float' ? 5 : 0, packed));
      } else {
        list.push(value(field, field.type, wireType, reader));
      }
    } else {
      out[field.name] = value(field, field.type, wireType, reader);
    }
  }
  if (dropZero) {
    for (const key of Object.keys(out)) if (isZero(out[key])) Reflect.deleteProperty(out, key);
  }
  for (const key of Object.keys(out)) {
    const v = out[key];
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === MAP_PROTO) out[key] = { ...(v as object) };
  }
  return out;
}

/** Whether `body` starts with the Kubernetes protobuf magic. */
export function isProtobufEnvelope(body: Buffer): boolean {
  return body.length >= 4 && body.subarray(0, 4).equals(MAGIC);
}

/** The object of a protobuf request body; `messageFor` names the message of an apiVersion and kind. */
export function decodeProtobufBody(body: Buffer, messageFor: (apiVersion: string, kind: string) => string | undefined): Record<string, unknown> {
  if (!isProtobufEnvelope(body)) throw new ProtobufError('the body does not start with the Kubernetes protobuf magic');
  const envelope = decodeMessage(body.subarray(4), 'k8s.io.apimachinery.pkg.runtime.Unknown', false) as { typeMeta?: { apiVersion?: string; kind?: string }; raw?: string };
  const apiVersion = envelope.typeMeta?.apiVersion ?? '';
  const kind = envelope.typeMeta?.kind ?? '';
  const message = messageFor(apiVersion, kind);
  if (!message) throw new ProtobufError(`no kind "${kind}" is registered for version "${apiVersion}"`);
  const object = decodeMessage(Buffer.from(envelope.raw ?? '', 'base64'), message, true);
  return { apiVersion, kind, ...object };
}
