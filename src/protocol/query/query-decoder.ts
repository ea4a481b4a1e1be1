// awsQuery request decoding (IAM-SPEC §9.1): `Action=…&Version=…&Name.member.N=…` into a model-typed input.
// https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
import { AwsError } from '../../kernel/aws-error.ts';
import { expectedKind, scalarFromText } from '../scalar-text.ts';
import { shapeNamed, wireName, type MemberModel, type ServiceModel, type StructureShape } from '../service-model.ts';
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
    for (const [key, value] of new URLSearchParams(text)) if (!params.has(key)) params.set(key, value);
  }
  return params;
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
  private readonly keys: readonly string[];

  constructor(private readonly model: ServiceModel, private readonly params: ReadonlyMap<string, string>) {
    this.keys = [...params.keys()];
  }

  structure(shape: StructureShape, prefix: string): WireStructure {
    const out: Record<string, WireValue> = {};
    for (const [name, member] of Object.entries(shape.members)) {
      const value = this.value(member, prefix + wireName(name, member));
      if (value !== undefined) out[name] = value;
    }
    return out;
  }

  private value(member: MemberModel, key: string): WireValue | undefined {
    const shape = shapeNamed(this.model, member.shape);
    switch (shape.type) {
      case 'structure':
        return this.hasPrefix(`${key}.`) ? this.structure(shape, `${key}.`) : undefined;
      case 'list': {
        const base = shape.flattened ? key : `${key}.${shape.member.locationName ?? 'member'}`;
        const items = this.indices(base).map((i) => this.value(shape.member, `${base}.${i}`)).filter((v) => v !== undefined);
        return items.length > 0 || this.params.get(key) === '' ? items : undefined;
      }
      case 'map': {
        const base = shape.flattened ? key : `${key}.entry`;
        const keyName = shape.key.locationName ?? 'key';
        const valueName = shape.value.locationName ?? 'value';
        const pairs: [string, WireValue][] = [];
        for (const i of this.indices(base)) {
          const k = this.params.get(`${base}.${i}.${keyName}`);
          const v = this.value(shape.value, `${base}.${i}.${valueName}`);
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
