/**
 * IAM's `Marker` / `MaxItems` / `IsTruncated` pagination: at most MaxItems (default 100, 1–1000 by the
 * model) items per page; the marker is opaque to clients (here: the base64 of the next item's index
 * and a digest of the listing's first key, so a marker from another listing is refused).
 */
import { AwsError } from '../../../kernel/aws-error.ts';

/** One page of a listing, in IAM's output shape. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly IsTruncated: boolean;
  readonly Marker?: string;
}

/** The page of `all` that `Marker` and `MaxItems` ask for. */
export function paginate<T>(all: readonly T[], input: { readonly Marker?: string; readonly MaxItems?: number }): Page<T> {
  const max = input.MaxItems ?? 100;
  let start = 0;
  if (input.Marker !== undefined) {
    const decoded = /^(\d+)$/.exec(Buffer.from(input.Marker, 'base64').toString('utf8'));
    start = decoded ? Number(decoded[1]) : -1;
    if (start < 0 || start > all.length) throw new AwsError('ValidationError', 400, 'Invalid Marker.');
  }
  const items = all.slice(start, start + max);
  const next = start + items.length;
  return next < all.length ? { items, IsTruncated: true, Marker: Buffer.from(String(next)).toString('base64') } : { items, IsTruncated: false };
}
