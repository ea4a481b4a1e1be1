// Compiles a botocore model into the compact model our codecs and validators read
// (src/protocol/service-model.ts): one shape per distinct definition, constraints kept on input shapes
// only (responses are not validated), members that are only a shape reference written as its name.
import type { ErrorModel, MemberModel, OperationModel, ServiceModel, ShapeModel, WireProtocol } from '../../src/protocol/service-model.ts';
import type { BotoConstraint, BotoModel, BotoRef, ServiceConfig } from './botocore-source.ts';

const PRIMITIVES = ['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob'];
const PROTOCOLS: Readonly<Record<string, WireProtocol>> = { query: 'query', 'rest-json': 'rest-json', json: 'json' };

type Constraint = { min?: number; max?: number; pattern?: string; enum?: readonly string[] };
interface Place { readonly op: string; readonly path: string; readonly input: boolean }

function pickConstraint(shape: BotoConstraint): Constraint | undefined {
  const c: Constraint = {};
  if (shape.min !== undefined) c.min = shape.min;
  if (shape.max !== undefined) c.max = shape.max;
  if (shape.pattern !== undefined) c.pattern = shape.pattern;
  if (shape.enum !== undefined) c.enum = shape.enum;
  return Object.keys(c).length > 0 ? c : undefined;
}

class ModelBuilder {
  readonly shapes: Record<string, ShapeModel> = {};
  private readonly byContent = new Map<string, string>();

  constructor(private readonly boto: BotoModel, private readonly config: ServiceConfig) {}

  /** Compiles the shape `ref` names and returns the name of the resulting shape. */
  shape(ref: BotoRef, candidate: string, at: Place, stack: readonly string[], rootName?: string): string {
    if (stack.includes(ref.shape)) throw new Error(`recursive shape ${ref.shape} at ${at.op}.${at.path}`);
    const body = this.boto.shapes[ref.shape];
    if (body === undefined) throw new Error(`unknown shape ${ref.shape} at ${at.op}.${at.path}`);
    stack = [...stack, ref.shape];
    const constraint = at.input && at.path !== '' ? pickConstraint(body) : undefined;
    const botoName = constraint === undefined ? undefined : ref.shape;
    const child = (segment: string): Place => ({ ...at, path: at.path === '' ? segment : `${at.path}.${segment}` });
    let compiled: ShapeModel;
    if (body.type === 'structure') {
      const members: Record<string, MemberModel> = {};
      for (const [name, member] of Object.entries(body.members ?? {})) members[name] = this.member(member, name, upperFirst(name), child(name), stack);
      compiled = { type: 'structure', members, ...(body.required?.length ? { required: body.required } : {}) };
    } else if (body.type === 'list') {
      const member = this.member(body.member ?? { shape: '' }, 'member', singular(candidate), child('member'), stack);
      compiled = { type: 'list', member, ...flag('flattened', body.flattened), ...bounds(constraint) };
    } else if (body.type === 'map') {
      const key = this.member(body.key ?? { shape: '' }, 'key', `${candidate}Key`, child('key'), stack);
      const value = this.member(body.value ?? { shape: '' }, 'value', `${candidate}Value`, child('value'), stack);
      compiled = { type: 'map', key, value, ...flag('flattened', body.flattened), ...bounds(constraint) };
    } else if (PRIMITIVES.includes(body.type)) {
      const format = body.timestampFormat ?? ref.timestampFormat;
      compiled = { type: body.type, ...(constraint ?? {}), ...(body.type === 'timestamp' && format ? { timestampFormat: format } : {}) } as ShapeModel;
      if (Object.keys(compiled).length === 1 && rootName === undefined) {
        this.shapes[body.type] = compiled;
        return body.type;
      }
    } else {
      throw new Error(`unsupported shape type ${body.type} at ${at.op}.${at.path}`);
    }
    return this.name(compiled, rootName ?? botoName ?? genericName(compiled) ?? candidate, rootName !== undefined ? undefined : `${botoName ?? ''}|`);
  }

  private member(ref: BotoRef, memberName: string, candidate: string, at: Place, stack: readonly string[]): MemberModel {
    const shape = this.shape(ref, candidate, at, stack);
    const uriEncoded = !at.input && (this.config.uriEncodedOutputMembers ?? []).includes(memberName);
    return {
      shape,
      ...(ref.locationName !== undefined && ref.locationName !== memberName ? { locationName: ref.locationName } : {}),
      ...(ref.location !== undefined ? { location: ref.location as MemberModel['location'] } : {}),
      ...flag('idempotencyToken', ref.idempotencyToken),
      ...flag('uriEncoded', uriEncoded),
    };
  }

  private name(shape: ShapeModel, candidate: string, dedupeKey: string | undefined): string {
    const content = dedupeKey === undefined ? undefined : dedupeKey + JSON.stringify(shape);
    const known = content === undefined ? undefined : this.byContent.get(content);
    if (known !== undefined) return known;
    let name = candidate;
    for (let i = 2; Object.hasOwn(this.shapes, name) || PRIMITIVES.includes(name); i++) name = `${candidate}${i}`;
    this.shapes[name] = shape;
    if (content !== undefined) this.byContent.set(content, name);
    return name;
  }
}

/** `stringList`, `stringToIntegerMap`, … for unconstrained collections of primitives, named after what they hold. */
function genericName(shape: ShapeModel): string | undefined {
  const primitive = (m: MemberModel): boolean => PRIMITIVES.includes(m.shape) && Object.keys(m).length === 1;
  if (shape.type === 'list' && primitive(shape.member) && Object.keys(shape).length === 2) return `${shape.member.shape}List`;
  if (shape.type === 'map' && primitive(shape.key) && primitive(shape.value) && Object.keys(shape).length === 3) return `${shape.key.shape}To${upperFirst(shape.value.shape)}Map`;
  return undefined;
}

/** On disk a member that is only a shape reference is written as the bare shape name (service-model.ts expands it). */
function compactShape(shape: ShapeModel): unknown {
  const compact = (m: MemberModel): unknown => (Object.keys(m).length === 1 ? m.shape : m);
  switch (shape.type) {
    case 'structure': return { ...shape, members: Object.fromEntries(Object.entries(shape.members).map(([k, m]) => [k, compact(m)])) };
    case 'list': return { ...shape, member: compact(shape.member) };
    case 'map': return { ...shape, key: compact(shape.key), value: compact(shape.value) };
    default: return shape;
  }
}

/** `Role` for the elements of `Roles`; `XMember` when the list name is not a plural. */
function singular(listName: string): string {
  return /[^s]s$/.test(listName) ? listName.slice(0, -1) : `${listName}Member`;
}

/** `name` with its first letter upper-cased. */
export function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
function flag<K extends string>(key: K, on: boolean | undefined): Partial<Record<K, true>> {
  return on ? ({ [key]: true } as Record<K, true>) : {};
}
function bounds(c: Constraint | undefined): Constraint {
  return { ...(c?.min !== undefined ? { min: c.min } : {}), ...(c?.max !== undefined ? { max: c.max } : {}) };
}

/** The modeled errors: wire code, HTTP status, fault and extra body members of each exception shape. */
function errorModels(boto: BotoModel): Record<string, ErrorModel> {
  const errors: Record<string, ErrorModel> = {};
  for (const [name, shape] of Object.entries(boto.shapes)) {
    if (!shape.exception) continue;
    const httpStatus = shape.error?.httpStatusCode ?? 400;
    const members = Object.keys(shape.members ?? {}).filter((m) => m.toLowerCase() !== 'message');
    const fault = shape.error?.senderFault || httpStatus < 500 ? 'Sender' : 'Receiver';
    errors[name] = { code: shape.error?.code ?? name, httpStatus, fault, ...(members.length ? { members } : {}) };
  }
  return errors;
}

/** The compact model of `service`, compiled from its botocore model. */
export function compileModel(service: string, config: ServiceConfig, boto: BotoModel, source: string): ServiceModel {
  const protocol = PROTOCOLS[boto.metadata.protocol];
  if (protocol === undefined) throw new Error(`${service}: unsupported protocol ${boto.metadata.protocol}`);
  const builder = new ModelBuilder(boto, config);
  const operations: Record<string, OperationModel> = {};
  // Inputs first: where an input and an output shape would take the same name, the validated input's wins.
  const inputs = new Map(Object.entries(boto.operations).map(([opName, op]) => [opName, op.input ? builder.shape(op.input, `${opName}Request`, { op: opName, path: '', input: true }, [], `${opName}Request`) : undefined]));
  for (const [opName, op] of Object.entries(boto.operations)) {
    const input = inputs.get(opName);
    const output = op.output ? builder.shape(op.output, `${opName}Response`, { op: opName, path: '', input: false }, [], `${opName}Response`) : undefined;
    const errors = op.errors?.map((e) => e.shape);
    operations[opName] = {
      ...(input ? { input } : {}), ...(output ? { output } : {}),
      ...(op.output?.resultWrapper ? { resultWrapper: op.output.resultWrapper } : {}),
      ...(protocol === 'rest-json' && op.http ? { http: { method: op.http.method ?? 'POST', requestUri: op.http.requestUri, ...(op.http.responseCode ? { responseCode: op.http.responseCode } : {}) } } : {}),
      ...(errors?.length ? { errors } : {}),
    };
  }
  const { apiVersion, xmlNamespace, jsonVersion, targetPrefix } = boto.metadata;
  return {
    metadata: {
      service, protocol, apiVersion,
      ...(xmlNamespace ? { xmlNamespace } : {}),
      ...(protocol === 'json' && jsonVersion ? { jsonVersion } : {}),
      ...(protocol === 'json' && targetPrefix ? { targetPrefix } : {}),
      validation: config.validation,
      source,
    },
    operations,
    shapes: Object.fromEntries(Object.entries(builder.shapes).sort(([a], [b]) => a.localeCompare(b))),
    errors: errorModels(boto),
  };
}

/** The model as written to src/protocol/models/<service>.json: one line per entry of each top-level section. */
export function modelJson(model: ServiceModel): string {
  const shapes = Object.fromEntries(Object.entries(model.shapes).map(([name, shape]) => [name, compactShape(shape)]));
  return sectioned({ ...model, shapes });
}

/** JSON with one line per entry of each top-level section: small, yet reviewable in diffs. */
function sectioned(value: object): string {
  const sections = Object.entries(value).map(([key, section]) => {
    if (typeof section !== 'object' || section === null || Array.isArray(section) || key === 'metadata') return `${JSON.stringify(key)}:${JSON.stringify(section)}`;
    const lines = Object.entries(section as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
    return `${JSON.stringify(key)}:{\n${lines.join(',\n')}\n}`;
  });
  return `{\n${sections.join(',\n')}\n}\n`;
}
