/**
 * Tags on IAM users, roles and policies: AWS's limits and duplicate-key rule (docs/aws-behaviour/iam-identities-and-quotas.md, docs/aws-behaviour/error-shapes.md),
 * and the condition keys a tagging request sets (`aws:RequestTag/<key>`, `aws:TagKeys`).
 */
import type { ContextInput } from '../../../policy/index.ts';
import type { Tag } from '../../../store/iam-records.ts';
import { invalidInput, limitExceeded } from './iam-errors.ts';

/** A tag as it travels on the wire. */
export interface WireTag {
  readonly Key: string;
  readonly Value: string;
}

/** Most tags one entity may carry. */
export const MAX_TAGS = 50;

/** The wire tags as records; refuses duplicate keys (case-insensitive, as IAM compares them). */
export function tagsFromWire(tags: readonly WireTag[] | undefined, duplicateMessage = 'Duplicate tag keys found. Please note that Tag keys are case insensitive.'): Tag[] {
  const seen = new Set<string>();
  const out: Tag[] = [];
  for (const tag of tags ?? []) {
    const lower = tag.Key.toLowerCase();
    if (seen.has(lower)) throw invalidInput(duplicateMessage);
    seen.add(lower);
    out.push({ key: tag.Key, value: tag.Value });
  }
  return out;
}

/** Records as wire tags. */
export function tagsToWire(tags: readonly Tag[]): WireTag[] {
  return tags.map((t) => ({ Key: t.key, Value: t.value }));
}

/** `existing` with `added` merged in (a key present in any case is replaced), within the 50-tag limit. */
export function mergeTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const merged = [...existing];
  for (const tag of added) {
    const at = merged.findIndex((t) => t.key.toLowerCase() === tag.key.toLowerCase());
    if (at >= 0) merged[at] = tag;
    else merged.push(tag);
  }
  if (merged.length > MAX_TAGS) throw limitExceeded(`Cannot exceed quota for TagsPerResource: ${MAX_TAGS}`);
  return merged;
}

/** `existing` without the keys in `removed` (compared case-insensitively). */
export function removeTags(existing: readonly Tag[], removed: readonly string[]): Tag[] {
  const drop = new Set(removed.map((k) => k.toLowerCase()));
  return existing.filter((t) => !drop.has(t.key.toLowerCase()));
}

/** `aws:RequestTag/<key>` for each tag and `aws:TagKeys`, for a request that sets tags. */
export function requestTagKeys(tags: readonly WireTag[] | undefined): Record<string, ContextInput> {
  if (!tags || tags.length === 0) return {};
  const keys: Record<string, ContextInput> = { 'aws:TagKeys': tags.map((t) => t.Key) };
  for (const tag of tags) keys[`aws:RequestTag/${tag.Key}`] = tag.Value;
  return keys;
}
