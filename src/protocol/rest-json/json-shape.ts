// JSON documents → model-typed values for restJson1 bodies: timestamps are epoch seconds, blobs base64,
// member names are wire names (docs/aws-behaviour/wire-protocols.md, docs/aws-behaviour/eks-clusters-and-lifecycle.md). Writing is ../json-writer.ts.
import { AwsError } from '../../kernel/aws-error.ts';
import { shapeNamed, type MemberModel, type ServiceModel, type ShapeModel, type StructureShape } from '../service-model.ts';
import { structureFields } from '../shape-plan.ts';
import { parseTimestamp } from '../timestamp.ts';
import type { WireValue } from '../../kernel/wire-value.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mismatch(path: string, expected: string): AwsError {
  return new AwsError('SerializationException', 400, `Unexpected value at \`${path}\`: expected ${expected}`);
}

/** Reads the body members of a structure from a parsed JSON object (members bound elsewhere are skipped). */
export function structureFromJson(model: ServiceModel, shape: StructureShape, json: unknown, path: string, bodyOnly = false): Record<string, WireValue> {
  if (!isObject(json)) throw mismatch(path || '$', 'an object');
  const out: Record<string, WireValue> = {};
  for (const { name, wireName, member } of structureFields(model, shape)) {
    if (bodyOnly && member.location !== undefined) continue;
    const value = valueFromJson(model, member, json[wireName], path === '' ? name : `${path}.${name}`);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Reads one member's value; undefined for JSON null or absence. */
export function valueFromJson(model: ServiceModel, member: MemberModel, json: unknown, path: string): WireValue | undefined {
  if (json === undefined || json === null) return undefined;
  const shape = shapeNamed(model, member.shape);
  switch (shape.type) {
    case 'structure':
      return structureFromJson(model, shape, json, path);
    case 'list':
      if (!Array.isArray(json)) throw mismatch(path, 'a list');
      return json.map((item, i) => valueFromJson(model, shape.member, item, `${path}.${i + 1}`)).filter((v) => v !== undefined);
    case 'map': {
      if (!isObject(json)) throw mismatch(path, 'a map');
      const pairs: [string, WireValue][] = [];
      for (const [k, v] of Object.entries(json)) {
        const value = valueFromJson(model, shape.value, v, `${path}.${k}`);
        if (value !== undefined) pairs.push([k, value]);
      }
      return Object.fromEntries(pairs); // own properties only: a `__proto__` key stays a key
    }
    default:
      return scalarFromJson(shape, json, path);
  }
}

function scalarFromJson(shape: ShapeModel, json: unknown, path: string): WireValue {
  switch (shape.type) {
    case 'string':
      if (typeof json === 'string') return json;
      throw mismatch(path, 'a string');
    case 'integer':
    case 'long':
      if (typeof json === 'number' && Number.isSafeInteger(json)) return json;
      throw mismatch(path, 'an integer');
    case 'float':
    case 'double':
      if (typeof json === 'number') return json;
      throw mismatch(path, 'a number');
    case 'boolean':
      if (typeof json === 'boolean') return json;
      throw mismatch(path, 'a boolean');
    case 'timestamp': {
      const date = typeof json === 'number' ? new Date(json * 1000) : typeof json === 'string' ? parseTimestamp(json) : undefined;
      if (date !== undefined && !Number.isNaN(date.getTime())) return date;
      throw mismatch(path, 'a timestamp');
    }
    case 'blob':
      if (typeof json === 'string') return new Uint8Array(Buffer.from(json, 'base64'));
      throw mismatch(path, 'base64 data');
    default:
      throw mismatch(path, shape.type);
  }
}
