// Model-driven input validation (docs/aws-behaviour/wire-protocols.md): required members, lengths, patterns, enums, numeric
// ranges and list/map sizes, reported in model order with one issue per member.
import { shapeNamed, type ListShape, type MapShape, type ServiceModel, type ShapeModel, type StringShape, type StructureShape } from '../service-model.ts';
import { structureFields } from '../shape-plan.ts';
import { isWireList, isWireStructure, type WireStructure, type WireValue } from '../../kernel/wire-value.ts';
import { matchesJavaPattern } from './java-pattern.ts';

/** One failed constraint: the member path as AWS renders it (`tags.1.member.key`), the value (null when missing) and the constraint phrase. */
export interface ValidationIssue {
  readonly path: string;
  readonly value: WireValue | null;
  readonly constraint: string;
}

const NOT_NULL = 'Member must not be null';

/** Checks `input` against operation `operation`'s input shape; an empty list means valid. */
export function validateInput(model: ServiceModel, operation: string, input: WireStructure): ValidationIssue[] {
  const inputName = model.operations[operation]?.input;
  if (inputName === undefined) return [];
  const shape = shapeNamed(model, inputName);
  const issues: ValidationIssue[] = [];
  if (shape.type === 'structure') new Checker(model, issues).structure(shape, input, '');
  return issues;
}

/** `userName` from `UserName`: member paths start lower-case (docs/aws-behaviour/wire-protocols.md). */
export function memberPathSegment(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

class Checker {
  private readonly listEnumValues: boolean;

  constructor(private readonly model: ServiceModel, private readonly issues: ValidationIssue[]) {
    this.listEnumValues = model.metadata.validation.listEnumValues;
  }

  structure(shape: StructureShape, value: WireStructure, prefix: string): void {
    for (const field of structureFields(this.model, shape)) {
      const v = value[field.name];
      if (v === undefined || v === null) {
        if (field.required) this.issues.push({ path: prefix + memberPathSegment(field.name), value: null, constraint: NOT_NULL });
      } else {
        this.member(field.shape ?? shapeNamed(this.model, field.member.shape), v, prefix + memberPathSegment(field.name));
      }
    }
  }

  private member(shape: ShapeModel, value: WireValue, path: string): void {
    if (shape.type === 'structure') {
      if (isWireStructure(value)) this.structure(shape, value, `${path}.`);
    } else if (shape.type === 'list') {
      if (isWireList(value)) this.list(shape, value, path);
    } else if (shape.type === 'map') {
      if (isWireStructure(value)) this.map(shape, value, path);
    } else {
      const failed = this.scalarFailure(shape, value);
      if (failed !== undefined) this.issues.push({ path, value, constraint: failed });
    }
  }

  private list(shape: ListShape, value: readonly WireValue[], path: string): void {
    const sizeFailure = lengthFailure(shape, value.length);
    if (sizeFailure !== undefined) {
      this.issues.push({ path, value, constraint: sizeFailure });
      return;
    }
    const element = shapeNamed(this.model, shape.member.shape);
    if (element.type === 'structure') {
      value.forEach((item, i) => {
        if (isWireStructure(item)) this.structure(element, item, `${path}.${i + 1}.member.`);
      });
    } else if (value.some((item) => this.scalarFailure(element, item) !== undefined)) {
      this.issues.push({ path, value, constraint: `Member must satisfy constraint: [${[...this.phrases(element), NOT_NULL].join(', ')}]` });
    }
  }

  private map(shape: MapShape, value: WireStructure, path: string): void {
    const entries = Object.entries(value).filter((e): e is [string, WireValue] => e[1] !== undefined && e[1] !== null);
    const sizeFailure = lengthFailure(shape, entries.length);
    if (sizeFailure !== undefined) {
      this.issues.push({ path, value, constraint: sizeFailure });
      return;
    }
    const keyShape = shapeNamed(this.model, shape.key.shape);
    if (entries.some(([k]) => this.scalarFailure(keyShape, k) !== undefined)) {
      this.issues.push({ path, value, constraint: `Map keys must satisfy constraint: [${this.phrases(keyShape).join(', ')}]` });
      return;
    }
    const valueShape = shapeNamed(this.model, shape.value.shape);
    if (valueShape.type === 'structure') {
      for (const [k, v] of entries) if (isWireStructure(v)) this.structure(valueShape, v, `${path}.${k}.member.`);
    } else if (entries.some(([, v]) => this.scalarFailure(valueShape, v) !== undefined)) {
      this.issues.push({ path, value, constraint: `Map value must satisfy constraint: [${this.phrases(valueShape).join(', ')}]` });
    }
  }

  /** The first failed constraint of a scalar: length first, then pattern, then enum (docs/aws-behaviour/wire-protocols.md). */
  private scalarFailure(shape: ShapeModel, value: WireValue): string | undefined {
    if (shape.type === 'string' && typeof value === 'string') {
      return stringLengthFailure(shape, value)
        ?? (shape.pattern !== undefined && !matchesJavaPattern(shape.pattern, value) ? patternPhrase(shape.pattern) : undefined)
        ?? (shape.enum !== undefined && !shape.enum.includes(value) ? this.enumPhrase(shape.enum) : undefined);
    }
    if ((shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double') && typeof value === 'number') {
      if (shape.max !== undefined && value > shape.max) return `Member must have value less than or equal to ${shape.max}`;
      if (shape.min !== undefined && value < shape.min) return `Member must have value greater than or equal to ${shape.min}`;
    }
    return undefined;
  }

  /** Every constraint of an element shape, in the order AWS lists them inside `[…]`. */
  private phrases(shape: ShapeModel): string[] {
    const out: string[] = [];
    if (shape.type === 'string') {
      if (shape.max !== undefined) out.push(`Member must have length less than or equal to ${shape.max}`);
      if (shape.min !== undefined) out.push(`Member must have length greater than or equal to ${shape.min}`);
      if (shape.pattern !== undefined) out.push(patternPhrase(shape.pattern));
      if (shape.enum !== undefined) out.push(this.enumPhrase(shape.enum));
    } else if (shape.type === 'integer' || shape.type === 'long' || shape.type === 'float' || shape.type === 'double') {
      if (shape.max !== undefined) out.push(`Member must have value less than or equal to ${shape.max}`);
      if (shape.min !== undefined) out.push(`Member must have value greater than or equal to ${shape.min}`);
    }
    return out;
  }

  private enumPhrase(values: readonly string[]): string {
    return this.listEnumValues ? `Member must satisfy enum value set: [${values.join(', ')}]` : 'Member must satisfy enum value set';
  }
}

function lengthFailure(bounds: { readonly min?: number; readonly max?: number }, length: number): string | undefined {
  if (bounds.max !== undefined && length > bounds.max) return `Member must have length less than or equal to ${bounds.max}`;
  if (bounds.min !== undefined && length < bounds.min) return `Member must have length greater than or equal to ${bounds.min}`;
  return undefined;
}

/** lengthFailure over the value's code points, counted only when the shape bounds them. */
function stringLengthFailure(shape: StringShape, value: string): string | undefined {
  return shape.min === undefined && shape.max === undefined ? undefined : lengthFailure(shape, codePointCount(value));
}

/** `[...text].length` without the array: a surrogate pair is one code point, a lone surrogate one too. */
function codePointCount(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        i++;
      }
    }
  }
  return count;
}

function patternPhrase(pattern: string): string {
  return `Member must satisfy regular expression pattern: ${pattern}`;
}
