// restJson1 routing: (method, path) → operation through the model's `http.requestUri` templates
// (`/clusters/{name}/node-groups/{nodegroupName}`; `{label+}` is greedy). IAM-SPEC §9.2.
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

/** The routes of one restJson1 service, most specific first. */
export class RouteTable {
  private readonly routes: readonly Route[];

  constructor(model: ServiceModel) {
    const routes: Route[] = [];
    for (const [name, op] of Object.entries(model.operations)) if (op.http) routes.push(compile(name, op.http.method, op.http.requestUri));
    this.routes = routes.sort((a, b) => specificity(a).localeCompare(specificity(b)) || b.query.size - a.query.size);
  }

  /** The operation for `method` and the raw (percent-encoded) `path`, or undefined. */
  match(method: string, path: string, query: URLSearchParams = new URLSearchParams()): RouteMatch | undefined {
    const raw = path.split('/').filter((s, i, all) => s !== '' || (i > 0 && i < all.length - 1));
    const segments = raw.map(decodeSegment);
    if (segments.some((s) => s === undefined)) return undefined;
    const upper = method.toUpperCase();
    for (const route of this.routes) {
      if (route.method !== upper) continue;
      const labels = matchSegments(route.segments, segments as string[]);
      if (labels === undefined) continue;
      if ([...route.query].every(([k, v]) => query.getAll(k).includes(v))) return { operation: route.operation, labels };
    }
    return undefined;
  }
}

function matchSegments(template: readonly Segment[], path: readonly string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const segment = template[i];
    const actual = path[i];
    if (segment === undefined || actual === undefined) return undefined;
    if ('literal' in segment) {
      if (segment.literal !== actual) return undefined;
    } else if (segment.greedy) {
      if (i !== template.length - 1) return undefined;
      labels[segment.label] = path.slice(i).join('/');
      return labels;
    } else {
      if (actual === '') return undefined;
      labels[segment.label] = actual;
    }
  }
  return template.length === path.length ? labels : undefined;
}
