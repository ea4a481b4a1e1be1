// Model-typed values straight to JSON text, for restJson1 bodies and awsQuery's JSON form. A writer is compiled
// once per model and shape, so a request walks precomputed members instead of the model, and no intermediate
// object is built: the text is byte for byte what JSON.stringify of that object gives (member order, number
// and string forms, escaping), and wrong kinds throw the same TypeErrors in the same order.
import { BoundedMemo } from '../kernel/bounded-memo.ts';
import { rfc3986, scalarToText } from './scalar-text.ts';
import type { MemberModel, ServiceModel, ShapeModel, StructureShape, TimestampFormat, TimestampShape } from './service-model.ts';
import { compileOnce, danglingWriter, resolvedShape, structureFields, type StructureField } from './shape-plan.ts';
import { epochSeconds, toDate } from './timestamp.ts';
import { isWireList, isWireStructure, type WireStructure } from '../kernel/wire-value.ts';

/** Writes one value as JSON text; throws TypeError when the service returned the wrong kind. */
export type JsonWriter = (value: unknown) => string;

/** Writes a structure's members as a JSON object. */
export type StructureJsonWriter = (value: WireStructure) => string;

/**
 * `rest-json`: timestamps as the shape's format (epoch seconds by default), strings as they are.
 * `query`: awsQuery's JSON form, timestamps always epoch seconds and uriEncoded strings percent-encoded.
 */
export type JsonFlavour = 'rest-json' | 'query';

interface JsonField {
  readonly name: string;
  readonly wireName: string;
  /** `"wire":` and `,"wire":`, so a member costs one concatenation. */
  readonly first: string;
  readonly next: string;
  readonly write: JsonWriter;
}

/** Compiles and caches the writers of one model in one flavour. */
class JsonCompiler {
  private readonly members = new Map<string, JsonWriter>();
  private readonly structures = new Map<StructureShape, StructureJsonWriter>();
  private readonly bodies = new Map<StructureShape, StructureJsonWriter>();
  private readonly timestampFormat: TimestampFormat;

  constructor(private readonly model: ServiceModel, private readonly flavour: JsonFlavour) {
    this.timestampFormat = flavour === 'query' ? 'iso8601' : 'unixTimestamp';
  }

  /** The writer of a structure's body; `bodyOnly` leaves out members bound to the URI, headers or status code. */
  structure(shape: StructureShape, bodyOnly: boolean): StructureJsonWriter {
    return compileOnce(bodyOnly ? this.bodies : this.structures, shape, () => {
      const fields = structureFields(this.model, shape).filter((f) => !bodyOnly || f.member.location === undefined);
      const writers = fields.map((f) => this.field(f));
      return plainKeys(fields) ? objectWriter(writers) : looseObjectWriter(writers);
    });
  }

  /** The writer for values of `member`. */
  member(member: MemberModel): JsonWriter {
    const uriEncoded = this.flavour === 'query' && member.uriEncoded === true;
    const key = uriEncoded ? `${member.shape}\u0000uri` : member.shape;
    return compileOnce(this.members, key, () => {
      const shape = resolvedShape(this.model, member.shape);
      return shape === undefined ? danglingWriter(this.model, member.shape) : this.compile(shape, uriEncoded);
    });
  }

  private field(field: StructureField): JsonField {
    const key = JSON.stringify(field.wireName);
    return { name: field.name, wireName: field.wireName, first: `${key}:`, next: `,${key}:`, write: this.member(field.member) };
  }

  private compile(shape: ShapeModel, uriEncoded: boolean): JsonWriter {
    switch (shape.type) {
      case 'structure': {
        const body = this.structure(shape, false);
        return (value) => {
          if (!isWireStructure(value)) throw new TypeError('expected a structure');
          return body(value);
        };
      }
      case 'list':
        return listWriter(this.member(shape.member));
      case 'map':
        return mapWriter(this.member(shape.value));
      case 'timestamp':
        return this.timestamp(shape);
      case 'string':
        return this.string(shape, uriEncoded);
      default:
        return this.scalar(shape);
    }
  }

  private timestamp(shape: TimestampShape): JsonWriter {
    const asNumber = this.flavour === 'query' || shape.timestampFormat === undefined || shape.timestampFormat === 'unixTimestamp';
    return (value) => {
      const date = toDate(value);
      if (date === undefined) throw new TypeError('expected a timestamp');
      return asNumber ? String(epochSeconds(date)) : jsonString(scalarToText(shape, date, 'unixTimestamp'));
    };
  }

  private string(shape: ShapeModel, uriEncoded: boolean): JsonWriter {
    const format = this.timestampFormat;
    if (uriEncoded) return (value) => jsonString(rfc3986(scalarToText(shape, value, format)));
    return (value) => jsonString(typeof value === 'string' ? value : scalarToText(shape, value, format));
  }

  /** Numbers and booleans are written as they are once checked; blobs as base64; anything else fails as scalarToText does. */
  private scalar(shape: ShapeModel): JsonWriter {
    const format = this.timestampFormat;
    const reject: JsonWriter = (value) => rejected(shape, value, format);
    switch (shape.type) {
      case 'integer':
      case 'long':
      case 'float':
      case 'double':
        return (value) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : reject(value));
      case 'boolean':
        return (value) => (value === true ? 'true' : value === false ? 'false' : reject(value));
      case 'blob':
        return (value) => jsonString(scalarToText(shape, value, format));
      default:
        return reject;
    }
  }
}

// What JSON.stringify escapes in a string: quote, backslash, C0 controls, and (to keep lone ones well-formed) surrogates.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const JSON_SPECIALS = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Strings at least this long (a cluster's CA certificate, policy documents) are remembered once quoted. */
const REMEMBERED_LENGTH = 256;
const remembered = new BoundedMemo<string, string>(1024);

/**
 * JSON.stringify(text): most service strings need no escaping, and a regex test then quoting beats the
 * general path. Long strings come back request after request as the same stored value, and scanning
 * them is the cost, so their quoted form is kept (V8 keeps a string's hash with it: a lookup is cheap).
 */
export function jsonString(text: string): string {
  return text.length < REMEMBERED_LENGTH ? quote(text) : remembered.get(text, quote);
}

function quote(text: string): string {
  return JSON_SPECIALS.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** True when assigning the wire names to a fresh object, in order, gives exactly those keys in that order. */
function plainKeys(fields: readonly StructureField[]): boolean {
  const seen = new Set<string>();
  for (const { wireName } of fields) {
    if (seen.has(wireName) || wireName === '__proto__' || /^\d+$/.test(wireName)) return false;
    seen.add(wireName);
  }
  return true;
}

function objectWriter(fields: readonly JsonField[]): StructureJsonWriter {
  return (value) => {
    let out = '';
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const v = value[field.name];
      if (v === undefined || v === null) continue;
      out += (out === '' ? field.first : field.next) + field.write(v);
    }
    return `{${out}}`;
  };
}

/** For wire names a plain object would reorder (`"1"`), merge (duplicates) or swallow (`__proto__`): build that object, as before. */
function looseObjectWriter(fields: readonly JsonField[]): StructureJsonWriter {
  return (value) => {
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      const v = value[field.name];
      if (v !== undefined && v !== null) out[field.wireName] = JSON.parse(field.write(v));
    }
    return JSON.stringify(out);
  };
}

function listWriter(item: JsonWriter): JsonWriter {
  return (value) => {
    if (!isWireList(value)) throw new TypeError('expected a list');
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      // A hole stays a hole through Array#map, which JSON.stringify writes as null.
      const text = v === undefined && !(i in value) ? 'null' : item(v);
      out += i === 0 ? text : `,${text}`;
    }
    return `[${out}]`;
  };
}

function mapWriter(entry: JsonWriter): JsonWriter {
  return (value) => {
    if (!isWireStructure(value)) throw new TypeError('expected a map');
    let out = '';
    for (const key of Object.keys(value)) {
      const v = value[key];
      if (v === undefined || v === null) continue;
      out += `${out === '' ? '' : ','}${jsonString(key)}:${entry(v)}`;
    }
    return `{${out}}`;
  };
}

/** Reached only with a value scalarToText refuses: throws its TypeError. */
function rejected(shape: ShapeModel, value: unknown, format: TimestampFormat): never {
  scalarToText(shape, value, format);
  throw new TypeError(`cannot write ${typeof value} as ${shape.type}`);
}

const compilers: Record<JsonFlavour, WeakMap<ServiceModel, JsonCompiler>> = { 'rest-json': new WeakMap(), query: new WeakMap() };

function compilerFor(model: ServiceModel, flavour: JsonFlavour): JsonCompiler {
  let compiler = compilers[flavour].get(model);
  if (compiler === undefined) compilers[flavour].set(model, (compiler = new JsonCompiler(model, flavour)));
  return compiler;
}

/** The compiled writer of `shape`'s members (all of them, or only the body-bound ones). */
export function structureJsonWriter(model: ServiceModel, shape: StructureShape, flavour: JsonFlavour, bodyOnly = false): StructureJsonWriter {
  return compilerFor(model, flavour).structure(shape, bodyOnly);
}
