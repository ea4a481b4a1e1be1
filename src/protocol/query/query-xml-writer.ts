// awsQuery output values to XML, compiled once per model and shape so a response walks precomputed members
// (element names checked, wrappers built) instead of the model. The text, and the TypeErrors for values of
// the wrong kind, are those of writing each member with xmlElement and escapeXml.
import { rfc3986, scalarToText } from '../scalar-text.ts';
import type { ListShape, MapShape, MemberModel, ServiceModel, ShapeModel, StructureShape } from '../service-model.ts';
import { compileOnce, danglingWriter, resolvedShape, structureFields } from '../shape-plan.ts';
import { isWireList, isWireStructure, type WireStructure } from '../../kernel/wire-value.ts';
import { elementWriter, escapeXml } from '../xml-writer.ts';

/** Writes one value as its element(s); throws TypeError when the service returned the wrong kind. */
export type XmlWriter = (value: unknown) => string;

/** Writes a structure's members, one element each, without a wrapper. */
export type StructureXmlWriter = (value: WireStructure) => string;

type Wrap = (inner: string) => string;

interface XmlField {
  readonly name: string;
  readonly write: XmlWriter;
}

/** Compiles and caches the writers of one model. */
class XmlCompiler {
  private readonly structures = new Map<StructureShape, StructureXmlWriter>();

  constructor(private readonly model: ServiceModel) {}

  structure(shape: StructureShape): StructureXmlWriter {
    return compileOnce(this.structures, shape, () => {
      const fields = structureFields(this.model, shape).map((f): XmlField => ({ name: f.name, write: this.member(f.wireName, f.member) }));
      return membersWriter(fields);
    });
  }

  /** The writer of `member`'s values as `<element>`. */
  member(element: string, member: MemberModel): XmlWriter {
    const shape = resolvedShape(this.model, member.shape);
    if (shape === undefined) return danglingWriter(this.model, member.shape);
    const wrap = elementWriter(element);
    switch (shape.type) {
      case 'structure': {
        const body = this.structure(shape);
        return (value) => {
          if (!isWireStructure(value)) throw new TypeError(`${element}: expected a structure`);
          return wrap(body(value));
        };
      }
      case 'list':
        return this.list(element, shape, wrap);
      case 'map':
        return this.map(element, shape, wrap);
      default:
        return scalarWriter(shape, member.uriEncoded === true, wrap);
    }
  }

  private list(element: string, shape: ListShape, wrap: Wrap): XmlWriter {
    const itemName = shape.member.locationName ?? (shape.flattened ? element : 'member');
    const flattened = shape.flattened === true;
    // Compiled on first use: a list of lists of … with no structure between would otherwise never finish compiling.
    let item: XmlWriter | undefined;
    return (value) => {
      if (!isWireList(value)) throw new TypeError(`${element}: expected a list`);
      item ??= this.member(itemName, shape.member);
      let items = '';
      for (let i = 0; i < value.length; i++) {
        const v = value[i];
        if (v === undefined && !(i in value)) continue; // Array#map skips holes and join writes them as ''
        items += item(v);
      }
      return flattened ? items : wrap(items);
    };
  }

  private map(element: string, shape: MapShape, wrap: Wrap): XmlWriter {
    const key = elementWriter(shape.key.locationName ?? 'key');
    const entryWrap = elementWriter(shape.flattened ? element : 'entry');
    const valueName = shape.value.locationName ?? 'value';
    const flattened = shape.flattened === true;
    let entry: XmlWriter | undefined;
    return (value) => {
      if (!isWireStructure(value)) throw new TypeError(`${element}: expected a map`);
      entry ??= this.member(valueName, shape.value);
      let entries = '';
      for (const k of Object.keys(value)) {
        const v = value[k];
        if (v !== undefined && v !== null) entries += entryWrap(key(escapeXml(k)) + entry(v));
      }
      return flattened ? entries : wrap(entries);
    };
  }
}

function membersWriter(fields: readonly XmlField[]): StructureXmlWriter {
  return (value) => {
    let xml = '';
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const v = value[field.name];
      if (v !== undefined && v !== null) xml += field.write(v);
    }
    return xml;
  };
}

function scalarWriter(shape: ShapeModel, uriEncoded: boolean, wrap: Wrap): XmlWriter {
  if (uriEncoded) return (value) => wrap(escapeXml(rfc3986(scalarToText(shape, value, 'iso8601'))));
  if (shape.type === 'string') return (value) => wrap(escapeXml(typeof value === 'string' ? value : scalarToText(shape, value, 'iso8601')));
  return (value) => wrap(escapeXml(scalarToText(shape, value, 'iso8601')));
}

const compilers = new WeakMap<ServiceModel, XmlCompiler>();

/** The compiled writer of `shape`'s members. */
export function structureXmlWriter(model: ServiceModel, shape: StructureShape): StructureXmlWriter {
  let compiler = compilers.get(model);
  if (compiler === undefined) compilers.set(model, (compiler = new XmlCompiler(model)));
  return compiler.structure(shape);
}
