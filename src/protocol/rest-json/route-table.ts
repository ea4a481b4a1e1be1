// restJson1 routing: (method, path) → operation through the model's `http.requestUri` templates
// (`/clusters/{name}/node-groups/{nodegroupName}`; `{label+}` is greedy). docs/aws-behaviour/wire-protocols.md.
import { BoundedMemo } from '../../kernel/bounded-memo.ts';
import type { ServiceModel } from '../service-model.ts';

/** A matched route: the operation and its percent-decoded URI labels. */
export interface RouteMatch {
  readonly operation: string;
  readonly labels: Readonly<Record<string, string>>;
}

type Segment = { readonly literal: string } | { readonly label: string; readonly greedy: boolean };

interface Route {
  readonly operation: string;
  readonly method: string;
  readonly segments: readonly Segment[];
  /** Literal query parameters the template requires (`/x?type=a`). */
  readonly query: ReadonlyMap<string, string>;
}

function compile(operation: string, method: string, requestUri: string): Route {
  const [path = '', queryText = ''] = requestUri.split('?', 2);
  const segments = path.split('/').filter((s) => s !== '').map((s): Segment => {
    const label = /^\{([^}]+?)(\+?)\}$/.exec(s);
    return label ? { label: label[1] ?? '', greedy: label[2] === '+' } : { literal: s };
  });
  const query = new Map([...new URLSearchParams(queryText)]);
  return { operation, method: method.toUpperCase(), segments, query };
}

/** Literal segments first, then plain labels, greedy labels last (then templates requiring query parameters): the most specific wins. */
function specificity(route: Route): string {
  return route.segments.map((s) => ('literal' in s ? '0' : s.greedy ? '2' : '1')).join('') + '3';
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** An empty query string, shared because nothing writes to it: a request without one then allocates none. */
export const NO_QUERY: URLSearchParams = new URLSearchParams();

/** The routes of one restJson1 service, most specific first. */
export class RouteTable {
  /** The routes by method, each list most specific first. */
  private readonly byMethod = new Map<string, Route[]>();
  /**
   * Matches already made, by method and path, for methods none of whose routes require a query
   * parameter (so the path alone decides): clients send the same few paths again and again.
   */
  private readonly known = new BoundedMemo<string, RouteMatch | undefined>(4096);
  private readonly pathDecides = new Set<string>();

  constructor(model: ServiceModel) {
    const routes: Route[] = [];
    for (const [name, op] of Object.entries(model.operations)) if (op.http) routes.push(compile(name, op.http.method, op.http.requestUri));
    routes.sort((a, b) => specificity(a).localeCompare(specificity(b)) || b.query.size - a.query.size);
    for (const route of routes) {
      const list = this.byMethod.get(route.method);
      if (list === undefined) this.byMethod.set(route.method, [route]);
      else list.push(route);
    }
    for (const [method, list] of this.byMethod) if (list.every((route) => route.query.size === 0)) this.pathDecides.add(method);
  }

  /** The operation for `method` and the raw (percent-encoded) `path`, or undefined. */
  match(method: string, path: string, query: URLSearchParams = NO_QUERY): RouteMatch | undefined {
    if (!this.pathDecides.has(method)) return this.search(method, path, query);
    return this.known.get(`${method} ${path}`, () => frozen(this.search(method, path, query)));
  }

  private search(method: string, path: string, query: URLSearchParams): RouteMatch | undefined {
    const routes = this.byMethod.get(method.toUpperCase());
    if (routes === undefined) return undefined;
    const segments = pathSegments(path);
    if (segments === undefined) return undefined;
    for (const route of routes) {
      if (matchesSegments(route.segments, segments) && requiredQueryPresent(route, query)) return { operation: route.operation, labels: labelsOf(route.segments, segments) };
    }
    return undefined;
  }
}

/** The percent-decoded segments, empty ones kept only between two slashes; undefined when one does not decode. */
function pathSegments(path: string): string[] | undefined {
  const raw = path.split('/');
  const segments: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i]!;
    if (s === '' && (i === 0 || i === raw.length - 1)) continue;
    const decoded = s.includes('%') ? decodeSegment(s) : s;
    if (decoded === undefined) return undefined;
    segments.push(decoded);
  }
  return segments;
}

function matchesSegments(template: readonly Segment[], path: readonly string[]): boolean {
  for (let i = 0; i < template.length; i++) {
    const segment = template[i]!;
    const actual = path[i];
    if (actual === undefined) return false;
    if ('literal' in segment) {
      if (segment.literal !== actual) return false;
    } else if (segment.greedy) {
      return i === template.length - 1;
    } else if (actual === '') {
      return false;
    }
  }
  return template.length === path.length;
}

/** The labels of a template `path` matches. */
function labelsOf(template: readonly Segment[], path: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const segment = template[i]!;
    if ('literal' in segment) continue;
    labels[segment.label] = segment.greedy ? path.slice(i).join('/') : path[i]!;
  }
  return labels;
}

/** A match to share between requests. */
function frozen(match: RouteMatch | undefined): RouteMatch | undefined {
  return match && Object.freeze({ operation: match.operation, labels: Object.freeze(match.labels) });
}

function requiredQueryPresent(route: Route, query: URLSearchParams): boolean {
  if (route.query.size === 0) return true;
  for (const [k, v] of route.query) if (!query.getAll(k).includes(v)) return false;
  return true;
}
