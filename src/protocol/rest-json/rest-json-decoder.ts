// restJson1 request decoding (docs/aws-behaviour/wire-protocols.md): route, then URI labels, querystring, headers and JSON body
// into one model-typed input. https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
import { AwsError } from '../../kernel/aws-error.ts';
import type { ProtocolRequest } from '../http-message.ts';
import { expectedKind, scalarFromText } from '../scalar-text.ts';
import { shapeNamed, structureNamed, type ServiceModel, type ShapeModel, type StructureShape } from '../service-model.ts';
import { ModelMemo, structureFields, type StructureField } from '../shape-plan.ts';
import type { WireStructure, WireValue } from '../../kernel/wire-value.ts';
import { structureFromJson } from './json-shape.ts';
import { NO_QUERY, type RouteTable } from './route-table.ts';

/** A decoded restJson1 call. */
export interface RestJsonCall {
  readonly operation: string;
  readonly input: WireStructure;
}

/** The answer to a request no operation's route matches: 404 UnknownOperationException (what AWS answers here is not documented). */
export function unknownOperation(method: string, path: string): AwsError {
  return new AwsError('UnknownOperationException', 404, `No operation matches ${method.toUpperCase()} ${path}`);
}

/** A member bound to the URI, querystring or headers. */
interface BoundField {
  readonly field: StructureField;
  readonly location: 'uri' | 'querystring' | 'header' | 'headers';
  /** The wire name, lower-cased for header lookups. */
  readonly header: string;
}

/** What decoding one operation's input needs, worked out on its first request. */
interface InputPlan {
  readonly shape: StructureShape | undefined;
  readonly bound: readonly BoundField[];
  /** Querystring keys taken by non-map members: a map-valued querystring member collects the rest. */
  readonly boundKeys: ReadonlySet<string>;
  /** A querystring member whose shape dangles (parseServiceModel refuses those): reported where it was before. */
  readonly dangling: string | undefined;
}

const plans = new ModelMemo<InputPlan>((model, operation) => {
  const shape = structureNamed(model, model.operations[operation]?.input);
  const bound: BoundField[] = [];
  const boundKeys = new Set<string>();
  let dangling: string | undefined;
  for (const field of shape === undefined ? [] : structureFields(model, shape)) {
    const location = field.member.location;
    if (location !== 'uri' && location !== 'querystring' && location !== 'header' && location !== 'headers') continue;
    bound.push({ field, location, header: field.wireName.toLowerCase() });
    if (location !== 'querystring') continue;
    if (field.shape === undefined) dangling ??= field.member.shape;
    else if (field.shape.type !== 'map') boundKeys.add(field.wireName);
  }
  return { shape, bound, boundKeys, dangling };
});

/** Decodes a restJson1 request into the operation its route names and that operation's input. */
export function decodeRestJsonCall(model: ServiceModel, routes: RouteTable, request: ProtocolRequest): RestJsonCall {
  const query = request.query === '' ? NO_QUERY : new URLSearchParams(request.query);
  const match = routes.match(request.method, request.path, query);
  if (match === undefined) throw unknownOperation(request.method, request.path);
  const plan = plans.get(model, match.operation);
  if (plan.shape === undefined) return { operation: match.operation, input: {} };

  const input: Record<string, WireValue> = bodyMembers(model, plan.shape, request.body);
  if (plan.dangling !== undefined) shapeNamed(model, plan.dangling);
  for (const { field, location, header } of plan.bound) {
    const { name, wireName: key } = field;
    let value: WireValue | undefined;
    switch (location) {
      case 'uri': {
        const label = match.labels[key];
        value = label === undefined ? undefined : fromText(model, field, label);
        break;
      }
      case 'querystring':
        value = queryValue(model, field, query, plan.boundKeys);
        break;
      case 'header': {
        const text = request.headers[header];
        value = text === undefined ? undefined : fromText(model, field, text);
        break;
      }
      case 'headers':
        value = prefixedHeaders(request.headers, header);
        break;
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

function fromText(model: ServiceModel, field: StructureField, text: string): WireValue {
  return textValue(field.shape ?? shapeNamed(model, field.member.shape), text, field.name);
}

function textValue(shape: ShapeModel, text: string, name: string): WireValue {
  const value = scalarFromText(shape, text);
  if (value === undefined) throw new AwsError('SerializationException', 400, `Unexpected value at \`${name}\`: expected ${expectedKind(shape)}`);
  return value;
}

function queryValue(model: ServiceModel, field: StructureField, query: URLSearchParams, bound: ReadonlySet<string>): WireValue | undefined {
  const shape = field.shape ?? shapeNamed(model, field.member.shape);
  if (shape.type === 'list') {
    const values = query.getAll(field.wireName);
    if (values.length === 0) return undefined;
    const itemShape = shapeNamed(model, shape.member.shape);
    return values.map((v) => textValue(itemShape, v, field.name));
  }
  if (shape.type === 'map') {
    const listValued = shapeNamed(model, shape.value.shape).type === 'list';
    const keys = [...new Set(query.keys())].filter((k) => !bound.has(k));
    return keys.length > 0 ? Object.fromEntries(keys.map((k) => [k, listValued ? query.getAll(k) : query.get(k) ?? ''])) : undefined;
  }
  const text = query.get(field.wireName);
  return text === null ? undefined : textValue(shape, text, field.name);
}

function prefixedHeaders(headers: ProtocolRequest['headers'], prefix: string): WireStructure | undefined {
  const pairs = Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined && e[0].startsWith(prefix));
  return pairs.length > 0 ? Object.fromEntries(pairs.map(([name, value]) => [name.slice(prefix.length), value])) : undefined;
}
