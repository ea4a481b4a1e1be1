// awsQuery request decoding (docs/aws-behaviour/wire-protocols.md): `Action=…&Version=…&Name.member.N=…` into a model-typed input.
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
import { AwsError } from '../../kernel/aws-error.ts';
import { expectedKind, scalarFromText } from '../scalar-text.ts';
import { shapeNamed, type MemberModel, type ServiceModel, type ShapeModel, type StructureShape } from '../service-model.ts';
import { structureFields } from '../shape-plan.ts';
import type { WireStructure, WireValue } from '../../kernel/wire-value.ts';

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

/** The most positions one index may add past the largest one before it (at least 1). */
const MAX_SKIPPED = 10;
/** A key segment spelled with leading zeros (`.01`, `.00`): it names the same position as without them. */
const LEADING_ZERO_SEGMENT = /\.0+\d/;
const DIGITS = /^\d+$/;
const NEGATIVE = /^-\d+$/;

/**
 * How IAM answers list and map indexes it cannot place (docs/aws-behaviour/awsquery-list-indexes.md):
 * MalformedInput, before any validation of the values.
 */
function malformedInput(message: string): AwsError {
  return new AwsError('MalformedInput', 400, message);
}

/** True when a key segment is spelled as an index (digits, or digits after `-`). */
function isIndex(segment: string): boolean {
  return DIGITS.test(segment) || NEGATIVE.test(segment);
}

/** The position an index segment names; 0 and negative ones are refused. */
function positionOf(segment: string): number {
  if (segment.charCodeAt(0) === 0x2d) throw malformedInput(`Key ${segment} may not have a leading '-'`);
  const position = Number(segment);
  if (position === 0) throw malformedInput('0 is not a valid index');
  return position;
}

/** `key` with its numeric segments written without leading zeros (`Tags.member.01.Key` → `Tags.member.1.Key`). */
function withoutLeadingZeros(key: string): string {
  return key.split('.').map((segment) => (DIGITS.test(segment) ? segment.replace(/^0+(?=\d)/, '') : segment)).join('.');
}

class QueryReader {
  /** The parameter names, listed only once a list, map or nested structure asks for them. */
  private keyList: readonly string[] | undefined;

  constructor(private readonly model: ServiceModel, private params: ReadonlyMap<string, string>) {}

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
        const element = shapeNamed(this.model, shape.member.shape);
        const items: WireValue[] = [];
        for (const i of this.indices(base)) {
          const item = this.value(element, `${base}.${i}`);
          if (item === undefined) continue;
          // A skipped position of a list of structures is an element with no members, which validation
          // then reports (`tags.1.member.key ... Member must not be null`), as IAM does.
          if (element.type === 'structure') while (items.length < i - 1) items.push({});
          items.push(item);
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

  /** The parameter names; a name whose positions are spelled with leading zeros is read without them. */
  private get keys(): readonly string[] {
    if (this.keyList !== undefined) return this.keyList;
    let keys = [...this.params.keys()];
    if (keys.some((k) => LEADING_ZERO_SEGMENT.test(k))) {
      // Only list, map and nested-structure members have such names, and each is read after this listing.
      const params = new Map<string, string>();
      for (const [k, v] of this.params) {
        const plain = withoutLeadingZeros(k);
        if (!params.has(plain)) params.set(plain, v);
      }
      this.params = params;
      keys = [...params.keys()];
    }
    return (this.keyList = keys);
  }

  private hasPrefix(prefix: string): boolean {
    return this.keys.some((k) => k.startsWith(prefix));
  }

  /**
   * The 1-based positions present under `base.N…`, ascending. As IAM reads them: an index may not be 0 or
   * negative, nor be followed by another index, and each may reach at most MAX_SKIPPED positions past the
   * largest one before it (a list cannot be made huge by one far-off index).
   */
  private indices(base: string): number[] {
    const found = new Set<number>();
    const prefix = `${base}.`;
    for (const key of this.keys) {
      if (!key.startsWith(prefix)) continue;
      const dot = key.indexOf('.', prefix.length);
      const segment = key.slice(prefix.length, dot < 0 ? key.length : dot);
      if (!isIndex(segment)) continue;
      if (dot >= 0) {
        const next = key.indexOf('.', dot + 1);
        if (isIndex(key.slice(dot + 1, next < 0 ? key.length : next))) throw malformedInput('Two index elements may not occur back to back');
      }
      found.add(positionOf(segment));
    }
    const positions = [...found].sort((a, b) => a - b);
    let largest = 1;
    for (const position of positions) {
      const skipped = position - largest;
      if (skipped > MAX_SKIPPED) throw malformedInput(`Excessively sparse input would skip ${skipped} list elements`);
      largest = Math.max(largest, position);
    }
    return positions;
  }
}
