/** EKS list pagination (docs/aws-behaviour/eks-clusters-and-lifecycle.md): `maxResults` (default 100) and an opaque `nextToken`. */
import { invalidParameter } from './eks-errors.ts';

/** One page and the token of the next, if any. */
export interface Page<T> {
  readonly items: T[];
  readonly nextToken: string | undefined;
}

/** The page of `items` (sorted by `key`) after `nextToken`, at most `maxResults` long. */
export function paginate<T>(items: readonly T[], key: (item: T) => string, maxResults: number | undefined, nextToken: string | undefined): Page<T> {
  let start = 0;
  if (nextToken !== undefined) {
    const after = Buffer.from(nextToken, 'base64url').toString('utf8');
    if (!after.startsWith('k:')) throw invalidParameter('The nextToken provided is invalid.');
    const last = after.slice(2);
    start = items.findIndex((item) => key(item) > last);
    if (start < 0) start = items.length;
  }
  const size = maxResults ?? 100;
  const page = items.slice(start, start + size);
  const more = start + size < items.length && page.length > 0;
  return { items: page, nextToken: more ? Buffer.from(`k:${key(page[page.length - 1]!)}`, 'utf8').toString('base64url') : undefined };
}
