// Emits src/model-types/<service>.ts: a TypeScript type for every structure an operation's input or
// output reaches, and the service's operation map (name → input and output type). Members are
// optional unless the model requires them in a structure that inputs reach, where enums are unions of
// their values (the validator refuses any other; responses may carry values newer than the model). Types are object
// type aliases, not interfaces, so that they are assignable to the codecs' WireStructure; member types
// follow the decoders: strings (enums too) and numbers as such, timestamps as Date, blobs as Uint8Array.
import type { BotoModel, BotoRef } from './botocore-source.ts';
import { upperFirst } from './compile-model.ts';

/** Names a generated type may not take: the built-ins the generated code uses. */
const RESERVED = new Set(['Date', 'Uint8Array', 'Readonly', 'ReadonlyArray', 'Record', 'Empty']);

/** The generated type name of botocore structure `shape`. */
function typeName(shape: string): string {
  const name = upperFirst(shape);
  return RESERVED.has(name) ? `${name}Shape` : name;
}

function memberKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

class TypeEmitter {
  private readonly structures = new Map<string, string>();
  private readonly owners = new Map<string, string>();

  /** Structures an input reaches: only theirs keep `required`, since responses do not honour it (GetUser of the root user has no UserName). */
  private readonly inInputs = new Set<string>();

  constructor(private readonly boto: BotoModel) {
    const visit = (name: string): void => {
      const shape = boto.shapes[name];
      if (shape === undefined || this.inInputs.has(name)) return;
      if (shape.type === 'structure') this.inInputs.add(name);
      for (const ref of [...Object.values(shape.members ?? {}), shape.member, shape.key, shape.value]) if (ref !== undefined) visit(ref.shape);
    };
    for (const op of Object.values(boto.operations)) if (op.input) visit(op.input.shape);
  }

  /** The TypeScript type of a reference to `ref.shape`, collecting the structures it reaches. */
  type(ref: BotoRef, inInput = false): string {
    const shape = this.boto.shapes[ref.shape];
    if (shape === undefined) throw new Error(`unknown shape ${ref.shape}`);
    switch (shape.type) {
      case 'structure': this.structure(ref.shape); return typeName(ref.shape);
      case 'list': {
        const member = this.type(shape.member ?? { shape: '' }, inInput);
        return /^\w+$/.test(member) ? `readonly ${member}[]` : `ReadonlyArray<${member}>`;
      }
      case 'map': return `Readonly<Record<string, ${this.type(shape.value ?? { shape: '' }, inInput)}>>`;
      case 'string': return inInput && shape.enum !== undefined ? shape.enum.map((v) => `'${v}'`).join(' | ') : 'string';
      case 'integer': case 'long': case 'float': case 'double': return 'number';
      case 'boolean': return 'boolean';
      case 'timestamp': return 'Date';
      case 'blob': return 'Uint8Array';
      default: throw new Error(`unsupported shape type ${shape.type} (${ref.shape})`);
    }
  }

  /** The declared type of an operation's input or output: Empty when it has none or no members. */
  root(ref: BotoRef | undefined): string {
    if (ref === undefined) return 'Empty';
    const shape = this.boto.shapes[ref.shape];
    if (shape?.type === 'structure' && Object.keys(shape.members ?? {}).length === 0) return 'Empty';
    return this.type(ref);
  }

  private structure(name: string): void {
    const type = typeName(name);
    const owner = this.owners.get(type);
    if (owner !== undefined && owner !== name) throw new Error(`shapes ${owner} and ${name} would both be the type ${type}`);
    if (owner !== undefined) return;
    this.owners.set(type, name);
    const shape = this.boto.shapes[name]!;
    const inInput = this.inInputs.has(name);
    const required = new Set(inInput ? shape.required ?? [] : []);
    const members = Object.entries(shape.members ?? {}).map(([member, ref]) => `  readonly ${memberKey(member)}${required.has(member) ? '' : '?'}: ${this.type(ref, inInput)};`);
    this.structures.set(type, members.length === 0 ? `export type ${type} = Empty;` : `export type ${type} = {\n${members.join('\n')}\n};`);
  }

  /** Every structure type reached, sorted by name. */
  declarations(): string[] {
    return [...this.structures.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text);
  }
}

/** The name of a service's operation map type: `EksOperations`. */
export function operationsTypeName(service: string): string {
  return `${upperFirst(service)}Operations`;
}

/** The text of src/model-types/<service>.ts. */
export function emitTypes(service: string, boto: BotoModel, source: string): string {
  const emitter = new TypeEmitter(boto);
  const operations = Object.entries(boto.operations).map(([name, op]) => {
    const input = emitter.root(op.input);
    const output = emitter.root(op.output);
    return `  readonly ${name}: { readonly input: ${input}; readonly output: ${output} };`;
  });
  return [
    `// Generated by scripts/generate-service-models.ts from ${source}: do not edit.`,
    `// The input and output types of every ${service} operation, as the codecs hand them to and take them from operations.`,
    `import type { Empty } from './empty.ts';`,
    '',
    ...emitter.declarations().map((d) => `/** The model's \`${d.split(' ')[2]}\`. */\n${d}`),
    '',
    `/** Every ${service} operation of the model, by name: its input and output types. */`,
    `export type ${operationsTypeName(service)} = {`,
    ...operations,
    '};',
    '',
  ].join('\n');
}

/** The text of src/model-types/index.ts: the operation maps of every service. */
export function emitIndex(services: readonly string[]): string {
  return [
    '// Generated by scripts/generate-service-models.ts: do not edit.',
    '// The generated operation types of every modeled service (a pure type module: it holds no code).',
    ...services.map((s) => `import type { ${operationsTypeName(s)} } from './${s}.ts';`),
    `export type { Empty } from './empty.ts';`,
    '',
    '/** Each modeled service\'s operations: name → input and output types. */',
    'export type ModelOperations = {',
    ...services.map((s) => `  readonly ${s}: ${operationsTypeName(s)};`),
    '};',
    '',
  ].join('\n');
}
