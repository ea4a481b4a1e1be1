// CanonicalQueryString: names and values RFC 3986-encoded, sorted by name then value, `name=value` joined by `&`
// (docs/aws-behaviour/sigv4.md; https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
import type { QueryPair } from './sigv4-request.ts';
import { normalizeEncoded, uriEncode } from './uri-encode.ts';

/** A query parameter with name and value in canonical percent-encoding. */
export interface EncodedParam {
  readonly name: string;
  readonly value: string;
}

/** The parameters of a raw query string (or of decoded pairs), canonically encoded, in arrival order. */
export function parseQuery(query: string | readonly QueryPair[] | undefined): EncodedParam[] {
  if (query === undefined || query === '') return [];
  if (typeof query !== 'string') return query.map(([name, value]) => ({ name: uriEncode(name), value: uriEncode(value) }));
  const params: EncodedParam[] = [];
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    if (end > start) {
      const eq = query.indexOf('=', start);
      params.push(
        eq < 0 || eq > end
          ? { name: normalizeEncoded(query.slice(start, end)), value: '' }
          : { name: normalizeEncoded(query.slice(start, eq)), value: normalizeEncoded(query.slice(eq + 1, end)) },
      );
    }
    start = end + 1;
  }
  return params;
}

/** The canonical query string of `params`, leaving out every parameter named `omit` (presigning's `X-Amz-Signature`). */
export function canonicalQueryString(params: readonly EncodedParam[], omit?: string): string {
  if (params.length === 0) return '';
  let list: readonly EncodedParam[] = omit === undefined ? params : params.filter((p) => p.name !== omit);
  if (!isSorted(list)) list = [...list].sort(compareParams);
  let out = '';
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as EncodedParam;
    out += i === 0 ? `${p.name}=${p.value}` : `&${p.name}=${p.value}`;
  }
  return out;
}

/** The (still encoded) value of the first parameter named `name`, or undefined. */
export function findParam(params: readonly EncodedParam[], name: string): string | undefined {
  for (const p of params) if (p.name === name) return p.value;
  return undefined;
}

function compareParams(a: EncodedParam, b: EncodedParam): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}

function isSorted(list: readonly EncodedParam[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareParams(list[i - 1] as EncodedParam, list[i] as EncodedParam) > 0) return false;
  return true;
}
