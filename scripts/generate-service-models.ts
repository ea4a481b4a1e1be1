// Generates src/protocol/models/<service>.json, the compact service models our codecs and validators read.
//
//   node --import tsx scripts/generate-service-models.ts                       # regenerate the models
//   node --import tsx scripts/generate-service-models.ts --botocore <dir>      # first refresh the facts tables
//
// Sources: the AWS SDK for JavaScript v2 models (node_modules/aws-sdk/apis/<id>.min.json: operations, HTTP
// bindings, shapes, XML names, traits) and, for what those files lack (min/max/pattern/enum, error codes and
// statuses, per-operation errors), one facts table per service in src/protocol/models/facts/<service>.json,
// extracted from a botocore package (`--botocore /path/to/site-packages/botocore`) — DESIGN.md, "The protocol layer".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ErrorModel, MemberModel, OperationModel, ServiceModel, ShapeModel, ValidationStyle } from '../src/protocol/service-model.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modelsDir = join(root, 'src/protocol/models');
const factsDir = join(modelsDir, 'facts');

interface ServiceConfig {
  readonly v2: string;
  readonly botocore: string;
  readonly validation: ValidationStyle;
  /** Output members carried percent-encoded (IAM policy documents, IAM-SPEC §9.1). */
  readonly uriEncodedOutputMembers?: readonly string[];
}

/** Per-service facts the models carry nowhere (IAM-SPEC §9.1, §11.1, §11.2). */
const SERVICES: Readonly<Record<string, ServiceConfig>> = {
  iam: {
    v2: 'iam-2010-05-08', botocore: 'iam/2010-05-08',
    validation: { code: 'ValidationError', httpStatus: 400, showValues: false, listEnumValues: false },
    uriEncodedOutputMembers: ['AssumeRolePolicyDocument', 'PolicyDocument', 'Document'],
  },
  sts: { v2: 'sts-2011-06-15', botocore: 'sts/2011-06-15', validation: { code: 'ValidationError', httpStatus: 400, showValues: true, listEnumValues: true } },
  eks: { v2: 'eks-2017-11-01', botocore: 'eks/2017-11-01', validation: { code: 'InvalidParameterException', httpStatus: 400, showValues: true, listEnumValues: true } },
};

// ---- facts tables (from botocore) ----

type Constraint = { min?: number; max?: number; pattern?: string; enum?: string[] };
interface Facts {
  source: string;
  constraints: Record<string, Constraint>;
  /** Operation → input member path (`Tags.member.Key`) → constrained botocore shape name. */
  inputs: Record<string, Record<string, string>>;
  errors: Record<string, ErrorModel>;
  operationErrors: Record<string, string[]>;
}
interface BotoShape extends Constraint {
  type: string; members?: Record<string, { shape: string }>; member?: { shape: string }; key?: { shape: string }; value?: { shape: string };
  exception?: boolean; error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}
interface BotoModel { operations: Record<string, { input?: { shape: string }; errors?: { shape: string }[] }>; shapes: Record<string, BotoShape> }

function pickConstraint(shape: Constraint): Constraint | undefined {
  const c: Constraint = {};
  if (shape.min !== undefined) c.min = shape.min;
  if (shape.max !== undefined) c.max = shape.max;
  if (shape.pattern !== undefined) c.pattern = shape.pattern;
  if (shape.enum !== undefined) c.enum = shape.enum;
  return Object.keys(c).length > 0 ? c : undefined;
}

function extractFacts(boto: BotoModel, source: string): Facts {
  const facts: Facts = { source, constraints: {}, inputs: {}, errors: {}, operationErrors: {} };
  for (const [opName, op] of Object.entries(boto.operations)) {
    const paths: Record<string, string> = {};
    const walk = (name: string, path: string, stack: readonly string[]): void => {
      const shape = boto.shapes[name];
      if (shape === undefined || stack.includes(name)) return;
      const constraint = pickConstraint(shape);
      if (constraint !== undefined && path !== '') {
        paths[path] = name;
        facts.constraints[name] = constraint;
      }
      const next = [...stack, name];
      const at = (segment: string): string => (path === '' ? segment : `${path}.${segment}`);
      for (const [member, ref] of Object.entries(shape.members ?? {})) walk(ref.shape, at(member), next);
      if (shape.member) walk(shape.member.shape, at('member'), next);
      if (shape.key) walk(shape.key.shape, at('key'), next);
      if (shape.value) walk(shape.value.shape, at('value'), next);
    };
    if (op.input) walk(op.input.shape, '', []);
    if (Object.keys(paths).length > 0) facts.inputs[opName] = paths;
    if (op.errors?.length) facts.operationErrors[opName] = op.errors.map((e) => e.shape);
  }
  for (const [name, shape] of Object.entries(boto.shapes)) {
    if (!shape.exception) continue;
    const httpStatus = shape.error?.httpStatusCode ?? 400;
    const members = Object.keys(shape.members ?? {}).filter((m) => m.toLowerCase() !== 'message');
    const fault = shape.error?.senderFault || httpStatus < 500 ? 'Sender' : 'Receiver';
    facts.errors[name] = { code: shape.error?.code ?? name, httpStatus, fault, ...(members.length ? { members } : {}) };
  }
  return facts;
}

function refreshFacts(botocoreDir: string): void {
  const version = /__version__ = '([^']+)'/.exec(readFileSync(join(botocoreDir, '__init__.py'), 'utf8'))?.[1] ?? 'unknown';
  mkdirSync(factsDir, { recursive: true });
  for (const [service, config] of Object.entries(SERVICES)) {
    const file = join(botocoreDir, 'data', config.botocore, 'service-2.json');
    const text = existsSync(file) ? readFileSync(file, 'utf8') : gunzipSync(readFileSync(`${file}.gz`)).toString('utf8');
    const facts = extractFacts(JSON.parse(text) as BotoModel, `botocore ${version} botocore/data/${config.botocore}/service-2.json`);
    writeFileSync(join(factsDir, `${service}.json`), sectioned(facts));
  }
}

// ---- models (from the SDK v2 files plus the facts) ----

/** A v2 shape or member definition: shape fields and member traits share one object. */
interface V2Def {
  shape?: string; type?: string; members?: Record<string, V2Def>; member?: V2Def; key?: V2Def; value?: V2Def;
  required?: string[]; flattened?: boolean; timestampFormat?: string;
  locationName?: string; location?: string; idempotencyToken?: boolean;
}
interface V2Model {
  metadata: { apiVersion: string; protocol: string; xmlNamespace?: string };
  operations: Record<string, { http?: { method?: string; requestUri: string; responseCode?: number }; input?: V2Def; output?: V2Def & { resultWrapper?: string } }>;
  shapes: Record<string, V2Def>;
}

const PRIMITIVES = ['string', 'integer', 'long', 'float', 'double', 'boolean', 'timestamp', 'blob'];

class ModelBuilder {
  readonly shapes: Record<string, ShapeModel> = {};
  private readonly byContent = new Map<string, string>();

  constructor(private readonly v2: V2Model, private readonly facts: Facts, private readonly config: ServiceConfig) {}

  /** Compiles the v2 definition `def` and returns the name of the resulting shape. */
  shape(def: V2Def, candidate: string, at: { op: string; path: string; input: boolean }, stack: readonly string[], rootName?: string): string {
    let body = def;
    if (def.shape !== undefined) {
      if (stack.includes(def.shape)) throw new Error(`recursive shape ${def.shape} at ${at.op}.${at.path}`);
      body = this.v2.shapes[def.shape] ?? {};
      stack = [...stack, def.shape];
    }
    const botoName = at.input ? this.facts.inputs[at.op]?.[at.path] : undefined;
    const constraint = botoName === undefined ? undefined : this.facts.constraints[botoName];
    const child = (segment: string): typeof at => ({ ...at, path: at.path === '' ? segment : `${at.path}.${segment}` });
    const type = body.type ?? 'string';
    let compiled: ShapeModel;
    if (type === 'structure') {
      const members: Record<string, MemberModel> = {};
      for (const [name, memberDef] of Object.entries(body.members ?? {})) members[name] = this.member(memberDef, name, upperFirst(name), child(name), stack);
      compiled = { type, members, ...(body.required?.length ? { required: body.required } : {}) };
    } else if (type === 'list') {
      const member = this.member(body.member ?? {}, 'member', singular(candidate), child('member'), stack);
      compiled = { type, member, ...flag('flattened', body.flattened), ...bounds(constraint) };
    } else if (type === 'map') {
      const key = this.member(body.key ?? {}, 'key', `${candidate}Key`, child('key'), stack);
      const value = this.member(body.value ?? {}, 'value', `${candidate}Value`, child('value'), stack);
      compiled = { type, key, value, ...flag('flattened', body.flattened), ...bounds(constraint) };
    } else if (PRIMITIVES.includes(type)) {
      const format = body.timestampFormat ?? def.timestampFormat;
      compiled = { type, ...(constraint ?? {}), ...(type === 'timestamp' && format ? { timestampFormat: format } : {}) } as ShapeModel;
      if (Object.keys(compiled).length === 1 && rootName === undefined) {
        this.shapes[type] = compiled;
        return type;
      }
    } else {
      throw new Error(`unsupported shape type ${type} at ${at.op}.${at.path}`);
    }
    return this.name(compiled, rootName ?? botoName ?? genericName(compiled) ?? candidate, rootName !== undefined ? undefined : `${botoName ?? ''}|`);
  }

  private member(def: V2Def, memberName: string, candidate: string, at: { op: string; path: string; input: boolean }, stack: readonly string[]): MemberModel {
    const shape = this.shape(def, candidate, at, stack);
    const uriEncoded = !at.input && (this.config.uriEncodedOutputMembers ?? []).includes(memberName);
    return {
      shape,
      ...(def.locationName !== undefined && def.locationName !== memberName ? { locationName: def.locationName } : {}),
      ...(def.location !== undefined ? { location: def.location as MemberModel['location'] } : {}),
      ...flag('idempotencyToken', def.idempotencyToken),
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

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
function flag<K extends string>(key: K, on: boolean | undefined): Partial<Record<K, true>> {
  return on ? ({ [key]: true } as Record<K, true>) : {};
}
function bounds(c: Constraint | undefined): Constraint {
  return { ...(c?.min !== undefined ? { min: c.min } : {}), ...(c?.max !== undefined ? { max: c.max } : {}) };
}

function buildModel(service: string, config: ServiceConfig, v2: V2Model, facts: Facts, sdkVersion: string): ServiceModel {
  const builder = new ModelBuilder(v2, facts, config);
  const operations: Record<string, OperationModel> = {};
  const restJson = v2.metadata.protocol === 'rest-json';
  for (const [opName, op] of Object.entries(v2.operations)) {
    const input = op.input ? builder.shape(op.input, `${opName}Request`, { op: opName, path: '', input: true }, [], `${opName}Request`) : undefined;
    const output = op.output ? builder.shape(op.output, `${opName}Response`, { op: opName, path: '', input: false }, [], `${opName}Response`) : undefined;
    const errors = facts.operationErrors[opName];
    operations[opName] = {
      ...(input ? { input } : {}), ...(output ? { output } : {}),
      ...(op.output?.resultWrapper ? { resultWrapper: op.output.resultWrapper } : {}),
      ...(restJson && op.http ? { http: { method: op.http.method ?? 'POST', requestUri: op.http.requestUri, ...(op.http.responseCode ? { responseCode: op.http.responseCode } : {}) } } : {}),
      ...(errors ? { errors } : {}),
    };
  }
  const protocol = restJson ? 'rest-json' : 'query';
  return {
    metadata: {
      service, protocol, apiVersion: v2.metadata.apiVersion,
      ...(v2.metadata.xmlNamespace ? { xmlNamespace: v2.metadata.xmlNamespace } : {}),
      validation: config.validation,
      source: `aws-sdk ${sdkVersion} apis/${config.v2}.min.json; constraints and errors from ${facts.source}`,
    },
    operations,
    shapes: Object.fromEntries(Object.entries(builder.shapes).sort(([a], [b]) => a.localeCompare(b))),
    errors: facts.errors,
  };
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

function main(args: readonly string[]): void {
  const botocoreAt = args.indexOf('--botocore');
  if (botocoreAt >= 0) {
    const dir = args[botocoreAt + 1];
    if (dir === undefined) throw new Error('--botocore needs the botocore package directory');
    refreshFacts(dir);
  }
  const sdkDir = join(root, 'node_modules/aws-sdk');
  const sdkVersion = (JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8')) as { version: string }).version;
  for (const [service, config] of Object.entries(SERVICES)) {
    const v2 = JSON.parse(readFileSync(join(sdkDir, 'apis', `${config.v2}.min.json`), 'utf8')) as V2Model;
    const facts = JSON.parse(readFileSync(join(factsDir, `${service}.json`), 'utf8')) as Facts;
    const model = buildModel(service, config, v2, facts, sdkVersion);
    const shapes = Object.fromEntries(Object.entries(model.shapes).map(([name, shape]) => [name, compactShape(shape)]));
    writeFileSync(join(modelsDir, `${service}.json`), sectioned({ ...model, shapes }));
    console.log(`${service}: ${Object.keys(model.operations).length} operations, ${Object.keys(model.shapes).length} shapes`);
  }
}

main(process.argv.slice(2));
