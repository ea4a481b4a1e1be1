// Per-shape facts the codecs and validators need on every request, worked out once instead of per call:
// a structure's members in model order with their wire names and resolved shapes.
import { shapeNamed, wireName, type MemberModel, type ServiceModel, type ShapeModel, type StructureShape } from './service-model.ts';

/** One structure member, ready for a hot loop. */
export interface StructureField {
  readonly name: string;
  readonly wireName: string;
  readonly member: MemberModel;
  /** Undefined only for a dangling reference, which callers report through shapeNamed exactly when they reach it. */
  readonly shape: ShapeModel | undefined;
  readonly required: boolean;
}

interface Plan {
  readonly model: ServiceModel;
  readonly fields: readonly StructureField[];
}

// Keyed by the shape object: parseServiceModel builds fresh shapes per model, and the model is kept to
// stay right should a shape object ever be shared between models.
const plans = new WeakMap<StructureShape, Plan>();

/** The shape `name` refers to, or undefined when the reference dangles. */
export function resolvedShape(model: ServiceModel, name: string): ShapeModel | undefined {
  return Object.hasOwn(model.shapes, name) ? model.shapes[name] : undefined;
}

/** The members of `shape` in model order. */
export function structureFields(model: ServiceModel, shape: StructureShape): readonly StructureField[] {
  const plan = plans.get(shape);
  if (plan !== undefined && plan.model === model) return plan.fields;
  const required = new Set(shape.required ?? []);
  const fields = Object.entries(shape.members).map(([name, member]): StructureField => ({
    name, wireName: wireName(name, member), member, shape: resolvedShape(model, member.shape), required: required.has(name),
  }));
  plans.set(shape, { model, fields });
  return fields;
}

/** The writer for a reference parseServiceModel would have refused: fails when a value reaches it, as shapeNamed does. */
export function danglingWriter(model: ServiceModel, name: string): (value: unknown) => never {
  return () => {
    shapeNamed(model, name);
    throw new Error(`service model ${model.metadata.service}: no shape \`${name}\``);
  };
}

/**
 * The writer cached under `key`, compiling it on first use. While it compiles, a forwarder stands in
 * for it, so a shape that contains itself compiles once and terminates.
 */
export function compileOnce<K, V>(cache: Map<K, (value: V) => string>, key: K, compile: () => (value: V) => string): (value: V) => string {
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  cache.set(key, (value) => compiled(value));
  const compiled = compile();
  cache.set(key, compiled);
  return compiled;
}

/** Per-model memo: `build` runs once per model and key. */
export class ModelMemo<V> {
  private readonly byModel = new WeakMap<ServiceModel, Map<string, V>>();

  constructor(private readonly build: (model: ServiceModel, key: string) => V) {}

  get(model: ServiceModel, key: string): V {
    let entries = this.byModel.get(model);
    if (entries === undefined) this.byModel.set(model, (entries = new Map()));
    let value = entries.get(key);
    if (value === undefined) entries.set(key, (value = this.build(model, key)));
    return value;
  }
}
