/**
 * The three patch formats of PATCH requests (https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/):
 * JSON patch (RFC 6902), JSON merge patch (RFC 7386), and strategic merge patch, which kubectl
 * apply and edit send for built-in kinds: lists the Go types mark `patchStrategy=merge` are merged
 * by their `patchMergeKey` (containers by name, ports by containerPort, ...) with the directives
 * `$patch` (replace, delete, merge), `$setElementOrder/FIELD`, `$retainKeys` and
 * `$deleteFromPrimitiveList/FIELD`; the list keys come from the same type table as the protobuf
 * decoder (`../schema/type-schema.ts`).
 */
import { badRequest } from '../kube-status.ts';
import { isScalar, messageSchema, SPECIAL, type FieldSchema } from '../schema/type-schema.ts';

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(value: Json): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** RFC 7386. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) Reflect.deleteProperty(out, key);
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw badRequest(`the server rejected our request due to an error in our request`);
  return path.slice(1).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function parentOf(document: Json, tokens: string[]): { parent: Json; last: string } {
  let node = document;
  for (const token of tokens.slice(0, -1)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else node = undefined;
    if (node === undefined) throw badRequest(`jsonpatch: path ${tokens.join('/')} does not exist`);
  }
  return { parent: node, last: tokens[tokens.length - 1] ?? '' };
}

function getAt(document: Json, tokens: string[]): Json {
  let node = document;
  for (const token of tokens) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isObject(node)) node = node[token];
    else return undefined;
  }
  return node;
}

function addAt(document: Json, tokens: string[], value: Json): Json {
  if (tokens.length === 0) return value;
  const { parent, last } = parentOf(document, tokens);
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (!Number.isInteger(index) || index < 0 || index > parent.length) throw badRequest(`add operation does not apply: doc is missing path: "/${tokens.join('/')}": missing value`);
    parent.splice(index, 0, value);
  } else if (isObject(parent)) {
    parent[last] = value;
  } else {
    throw badRequest(`add operation does not apply: doc is missing path: "/${tokens.join('/')}": missing value`);
  }
  return document;
}

function removeAt(document: Json, tokens: string[], op: string): Json {
  const { parent, last } = parentOf(document, tokens);
  if (Array.isArray(parent) && Number(last) < parent.length) parent.splice(Number(last), 1);
  else if (isObject(parent) && last in parent) Reflect.deleteProperty(parent, last);
  else throw badRequest(`${op} operation does not apply: doc is missing path: "/${tokens.join('/')}": missing value`);
  return document;
}

/** RFC 6902. */
export function jsonPatch(target: Json, operations: Json): Json {
  if (!Array.isArray(operations)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let document = clone(target);
  for (const raw of operations) {
    const op = isObject(raw) ? raw : {};
    const path = pointer(String(op['path'] ?? ''));
    switch (op['op']) {
      case 'add': document = addAt(document, path, clone(op['value'])); break;
      case 'remove': document = removeAt(document, path, 'remove'); break;
      case 'replace': document = addAt(removeAt(document, path, 'replace'), path, clone(op['value'])); break;
      case 'move': {
        const from = pointer(String(op['from'] ?? ''));
        const value = getAt(document, from);
        document = addAt(removeAt(document, from, 'move'), path, value);
        break;
      }
      case 'copy': document = addAt(document, path, clone(getAt(document, pointer(String(op['from'] ?? ''))))); break;
      case 'test':
        if (JSON.stringify(getAt(document, path)) !== JSON.stringify(op['value'])) throw badRequest(`testing value /${path.join('/')} failed: test failed`);
        break;
      default: throw badRequest(`Unexpected kind: ${String(op['op'])}`);
    }
  }
  return document;
}

const DIRECTIVE = '$patch';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVE = '$deleteFromPrimitiveList/';
const RETAIN_KEYS = '$retainKeys';

function structured(type: string): boolean {
  return !isScalar(type) && !Object.values<string>(SPECIAL).includes(type);
}

function mergeList(original: Json, patch: Json[], field: FieldSchema, order: Json[] | undefined): Json {
  const base = Array.isArray(original) ? clone(original) : [];
  if (patch.some((p) => isObject(p) && p[DIRECTIVE] === 'replace')) return patch.filter((p) => !(isObject(p) && p[DIRECTIVE] === 'replace'));
  const key = field.mergeKey;
  if (!structured(field.type) || key === undefined) {
    // A merged list of primitives (finalizers): union, original order first.
    const out = [...base];
    for (const item of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(item))) out.push(item);
    return out;
  }
  let out = base as Json[];
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = out.findIndex((o) => isObject(o) && o[key] === item[key]);
    if (item[DIRECTIVE] === 'delete') {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = strategicMerge(out[index], item, field.type);
    else out.push(strategicMerge(undefined, item, field.type));
  }
  if (order) {
    const rank = (o: Json) => {
      const i = order.findIndex((k) => isObject(k) && isObject(o) && k[key] === o[key]);
      return i < 0 ? order.length : i;
    };
    out = out.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map((x) => x.o);
  }
  return out;
}

/**
 * Applies a strategic merge patch to `original`, an object of message `type` (or of no known
 * type, where it is a JSON merge patch).
 */
export function strategicMerge(original: Json, patch: Json, type: string | undefined): Json {
  if (!isObject(patch)) return clone(patch);
  if (patch[DIRECTIVE] === 'replace') {
    const { [DIRECTIVE]: _directive, ...rest } = patch;
    return clone(rest);
  }
  if (patch[DIRECTIVE] === 'delete') return undefined;
  const schema = type === undefined ? undefined : messageSchema(type);
  const out: JsonObject = isObject(original) ? { ...original } : {};
  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) for (const key of Object.keys(out)) if (!retain.includes(key) && !(key in patch)) Reflect.deleteProperty(out, key);
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_PRIMITIVE)) {
      const name = key.slice(DELETE_PRIMITIVE.length);
      const doomed = Array.isArray(value) ? value.map((v) => JSON.stringify(v)) : [];
      if (Array.isArray(out[name])) out[name] = (out[name] as Json[]).filter((v) => !doomed.includes(JSON.stringify(v)));
      continue;
    }
    if (value === null) {
      Reflect.deleteProperty(out, key);
      continue;
    }
    const field = schema?.byName.get(key);
    if (!field) {
      out[key] = mergePatch(out[key], value);
      continue;
    }
    if (field.mapKey !== undefined) {
      const directive = isObject(value) ? value[DIRECTIVE] : undefined;
      if (directive === 'delete') {
        Reflect.deleteProperty(out, key);
        continue;
      }
      const map: JsonObject = isObject(out[key]) && directive !== 'replace' ? { ...(out[key] as JsonObject) } : {};
      if (isObject(value)) {
        for (const [k, v] of Object.entries(value)) {
          if (k === DIRECTIVE) continue;
          if (v === null) Reflect.deleteProperty(map, k);
          else map[k] = structured(field.type) ? strategicMerge(map[k], v, field.type) : clone(v);
        }
      }
      out[key] = map;
    } else if (field.repeated && Array.isArray(value)) {
      const order = patch[`${SET_ORDER}${key}`];
      out[key] = field.strategy?.includes('merge') ? mergeList(out[key], value, field, Array.isArray(order) ? order : undefined) : clone(value);
    } else if (structured(field.type) && isObject(value)) {
      const merged = strategicMerge(out[key], value, field.type);
      if (merged === undefined) Reflect.deleteProperty(out, key);
      else out[key] = merged;
    } else {
      out[key] = clone(value);
    }
  }
  return out;
}
