// awsQuery request decoding (IAM-SPEC §9.1): `Action=…&Version=…&Name.member.N=…` into a model-typed input.
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
import { AwsError } from '../../kernel/aws-error.ts';
import { expectedKind, scalarFromText } from '../scalar-text.ts';
import { shapeNamed, type MemberModel, type ServiceModel, type ShapeModel, type StructureShape } from '../service-model.ts';
import { structureFields } from '../shape-plan.ts';
import type { WireStructure, WireValue } from '../wire-value.ts';

/** A decoded awsQuery call. */
export interface QueryCall {
  readonly operation: string;
  readonly input: WireStructure;
}

/** Parses a form-encoded body or query string into its parameters (first occurrence of a key wins). */
export function queryParameters(...encoded: readonly string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const text of encoded) {
    if (text === '' || addPlainPairs(params, text)) continue;
    for (const [key, value] of new URLSearchParams(text)) if (!params.has(key)) params.set(key, value);
  }
  return params;
}

// eslint-disable-next-line no-control-regex -- the test is "anything outside ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * The common case, ASCII text whose escapes are valid UTF-8, parsed as URLSearchParams does without building one:
 * false (having added only pairs URLSearchParams would have added too) when the text needs its lenient decoding.
 */
function addPlainPairs(params: Map<string, string>, text: string): boolean {
  if (NON_ASCII.test(text)) return false;
  const body = text.charCodeAt(0) === 0x3f ? text.slice(1) : text;
  const escaped = body.includes('%') || body.includes('+');
  let start = 0;
  while (start <= body.length) {
    let end = body.indexOf('&', start);
    if (end === -1) end = body.length;
    if (end > start) {
      const eq = body.indexOf('=', start);
      const split = eq === -1 || eq > end ? end : eq;
      const key = formDecode(body.slice(start, split), escaped);
      const value = split === end ? '' : formDecode(body.slice(split + 1, end), escaped);
      if (key === undefined || value === undefined) return false;
      if (!params.has(key)) params.set(key, value);
    }
    start = end + 1;
  }
  return true;
}

/** `+` as space, then percent-escapes; undefined when they are not valid UTF-8 (URLSearchParams substitutes U+FFFD). */
function formDecode(text: string, escaped: boolean): string | undefined {
  if (!escaped) return text;
  const spaced = text.replaceAll('+', ' ');
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return undefined;
  }
}

/** The operation `Action` and `Version` name, or AWS's MissingAction / InvalidAction errors. */
export function resolveQueryOperation(model: ServiceModel, params: ReadonlyMap<string, string>): string {
  const action = params.get('Action');
  if (action === undefined || action === '') throw new AwsError('MissingAction', 400, 'Missing Action');
  const version = params.get('Version');
  if (!Object.hasOwn(model.operations, action) || version !== model.metadata.apiVersion) {
    throw new AwsError('InvalidAction', 400, `Could not find operation ${action} for version ${version || 'NO_VERSION_SPECIFIED'}`);
  }
  return action;
}

/** Decodes awsQuery parameters into the named operation and its input. */
export function decodeQueryCall(model: ServiceModel, params: ReadonlyMap<string, string>): QueryCall {
  const operation = resolveQueryOperation(model, params);
  const inputName = model.operations[operation]?.input;
  const shape = inputName === undefined ? undefined : shapeNamed(model, inputName);
  const input = shape?.type === 'structure' ? new QueryReader(model, params).structure(shape, '') : {};
  return { operation, input };
}

class QueryReader {
  /** The parameter names, listed only once a list, map or nested structure asks for them. */
  private keyList: readonly string[] | undefined;

  constructor(private readonly model: ServiceModel, private readonly params: ReadonlyMap<string, string>) {}

  structure(shape: StructureShape, prefix: string): WireStructure {
    const out: Record<string, WireValue> = {};
    for (const field of structureFields(this.model, shape)) {
      const value = this.value(field.shape ?? shapeNamed(this.model, field.member.shape), prefix + field.wireName);
      if (value !== undefined) out[field.name] = value;
    }
    return out;
  }

  private value(shape: ShapeModel, key: string): WireValue | undefined {
    switch (shape.type) {
      case 'structure':
        return this.hasPrefix(`${key}.`) ? this.structure(shape, `${key}.`) : undefined;
      case 'list': {
        const base = shape.flattened ? key : `${key}.${shape.member.locationName ?? 'member'}`;
        const items: WireValue[] = [];
        for (const i of this.indices(base)) {
          const item = this.memberValue(shape.member, `${base}.${i}`);
          if (item !== undefined) items.push(item);
        }
        return items.length > 0 || this.params.get(key) === '' ? items : undefined;
      }
      case 'map': {
        const base = shape.flattened ? key : `${key}.entry`;
        const keyName = shape.key.locationName ?? 'key';
        const valueName = shape.value.locationName ?? 'value';
        const pairs: [string, WireValue][] = [];
        for (const i of this.indices(base)) {
          const k = this.params.get(`${base}.${i}.${keyName}`);
          const v = this.memberValue(shape.value, `${base}.${i}.${valueName}`);
          if (k !== undefined && v !== undefined) pairs.push([k, v]);
        }
        // Object.fromEntries defines own properties, so a `__proto__` key stays a plain key.
        return pairs.length > 0 || this.params.get(key) === '' ? Object.fromEntries(pairs) : undefined;
      }
      default: {
        const text = this.params.get(key);
        if (text === undefined) return undefined;
        const value = scalarFromText(shape, text);
        if (value === undefined) {
          throw new AwsError('InvalidParameterValue', 400, `Value ${text} for parameter ${key} is invalid. Reason: must be ${expectedKind(shape)}.`);
        }
        return value;
      }
    }
  }

  private memberValue(member: MemberModel, key: string): WireValue | undefined {
    return this.value(shapeNamed(this.model, member.shape), key);
  }

  private get keys(): readonly string[] {
    return (this.keyList ??= [...this.params.keys()]);
  }

  private hasPrefix(prefix: string): boolean {
    return this.keys.some((k) => k.startsWith(prefix));
  }

  /** The 1-based positions present under `base.N…`, ascending (gaps are closed up). */
  private indices(base: string): number[] {
    const found = new Set<number>();
    const prefix = `${base}.`;
    for (const key of this.keys) {
      if (!key.startsWith(prefix)) continue;
      const segment = key.slice(prefix.length).split('.', 1)[0] ?? '';
      if (/^[1-9]\d*$/.test(segment)) found.add(Number(segment));
    }
    return [...found].sort((a, b) => a - b);
  }
}
