// restJson1 request decoding (IAM-SPEC §9.2): route, then URI labels, querystring, headers and JSON body
// into one model-typed input. https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
import { AwsError } from '../../kernel/aws-error.ts';
import type { ProtocolRequest } from '../http-message.ts';
import { expectedKind, scalarFromText } from '../scalar-text.ts';
import { shapeNamed, structureNamed, wireName, type MemberModel, type ServiceModel, type StructureShape } from '../service-model.ts';
import type { WireStructure, WireValue } from '../wire-value.ts';
import { structureFromJson } from './json-shape.ts';
import type { RouteTable } from './route-table.ts';

/** A decoded restJson1 call. */
export interface RestJsonCall {
  readonly operation: string;
  readonly input: WireStructure;
}

/** The answer to a request no operation's route matches [?]: 404 UnknownOperationException. */
export function unknownOperation(method: string, path: string): AwsError {
  return new AwsError('UnknownOperationException', 404, `No operation matches ${method.toUpperCase()} ${path}`);
}

/** Decodes a restJson1 request into the operation its route names and that operation's input. */
export function decodeRestJsonCall(model: ServiceModel, routes: RouteTable, request: ProtocolRequest): RestJsonCall {
  const query = new URLSearchParams(request.query);
  const match = routes.match(request.method, request.path, query);
  if (match === undefined) throw unknownOperation(request.method, request.path);
  const shape = structureNamed(model, model.operations[match.operation]?.input);
  if (shape === undefined) return { operation: match.operation, input: {} };

  const input: Record<string, WireValue> = bodyMembers(model, shape, request.body);
  const bound = new Set<string>();
  for (const [name, member] of Object.entries(shape.members)) {
    if (member.location === 'querystring' && shapeNamed(model, member.shape).type !== 'map') bound.add(wireName(name, member));
  }
  for (const [name, member] of Object.entries(shape.members)) {
    const key = wireName(name, member);
    let value: WireValue | undefined;
    switch (member.location) {
      case 'uri': {
        const label = match.labels[key];
        value = label === undefined ? undefined : fromText(model, member, label, name);
        break;
      }
      case 'querystring':
        value = queryValue(model, member, name, key, query, bound);
        break;
      case 'header': {
        const header = request.headers[key.toLowerCase()];
        value = header === undefined ? undefined : fromText(model, member, header, name);
        break;
      }
      case 'headers':
        value = prefixedHeaders(request.headers, key.toLowerCase());
        break;
      default:
        continue;
    }
    if (value !== undefined) input[name] = value;
  }
  return { operation: match.operation, input };
}

function bodyMembers(model: ServiceModel, shape: StructureShape, body: string): Record<string, WireValue> {
  if (body.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new AwsError('SerializationException', 400, 'The request body is not valid JSON');
  }
  return { ...structureFromJson(model, shape, json, '', true) };
}

function fromText(model: ServiceModel, member: MemberModel, text: string, name: string): WireValue {
  const shape = shapeNamed(model, member.shape);
  const value = scalarFromText(shape, text);
  if (value === undefined) throw new AwsError('SerializationException', 400, `Unexpected value at \`${name}\`: expected ${expectedKind(shape)}`);
  return value;
}

function queryValue(model: ServiceModel, member: MemberModel, name: string, key: string, query: URLSearchParams, bound: ReadonlySet<string>): WireValue | undefined {
  const shape = shapeNamed(model, member.shape);
  if (shape.type === 'list') {
    const values = query.getAll(key);
    return values.length === 0 ? undefined : values.map((v) => fromText(model, shape.member, v, name));
  }
  if (shape.type === 'map') {
    const listValued = shapeNamed(model, shape.value.shape).type === 'list';
    const keys = [...new Set(query.keys())].filter((k) => !bound.has(k));
    return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, listValued ? query.getAll(k) : query.get(k) ?? ''])) : undefined;
  }
  const text = query.get(key);
  return text === null ? undefined : fromText(model, member, text, name);
}

function prefixedHeaders(headers: ProtocolRequest['headers'], prefix: string): WireStructure | undefined {
  const pairs = Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined && e[0].startsWith(prefix));
  return pairs.length > 0 ? Object.fromEntries(pairs.map(([name, value]) => [name.slice(prefix.length), value])) : undefined;
}
