/** The `PathPrefix` filter of IAM's List operations as SQL. */
import { sql, type RawBuilder } from 'kysely';
import type { PathFilter } from '../store.ts';

/**
 * True for rows whose `path` column starts with the filter's prefix, compared literally and
 * case-sensitively (LIKE would treat `_` and `%` as wildcards and ignore case). No prefix: every row.
 */
export function pathStartsWith(filter: PathFilter | undefined): RawBuilder<boolean> {
  const prefix = filter?.pathPrefix ?? '';
  return sql<boolean>`substr(path, 1, ${prefix.length}) = ${prefix}`;
}
