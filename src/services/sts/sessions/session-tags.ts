/**
 * Session tags (docs/aws-behaviour/sts-sessions.md, docs/aws-behaviour/iam-policy-evaluation.md): the requested `Tags` and `TransitiveTagKeys`, checked,
 * joined with the transitive tags inherited from a calling role session. Inherited transitive tags
 * come first and stay transitive; a requested tag may not reuse an inherited transitive key.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
 */
import type { ContextInput } from '../../../policy/index.ts';
import type { Tag } from '../../../store/iam-records.ts';
import type { StsSessionRecord } from '../../../store/session-records.ts';
import { invalidParameterValue, STS_MESSAGES } from '../shared/sts-errors.ts';

/** A tag as it travels on the wire. */
export interface WireTag {
  readonly Key: string;
  readonly Value: string;
}

/** The tags of a new session. */
export interface SessionTags {
  readonly tags: Tag[];
  readonly transitiveTagKeys: string[];
}

/** The transitive tags a calling session passes on (only role sessions pass any). */
export function inheritedTransitiveTags(caller: StsSessionRecord | undefined): Tag[] {
  if (caller?.kind !== 'assumed-role') return [];
  const keys = new Set(caller.transitiveTagKeys.map((k) => k.toLowerCase()));
  return caller.tags.filter((t) => keys.has(t.key.toLowerCase()));
}

/** Checks the requested tags and joins them with the inherited ones; throws AWS's InvalidParameterValue. */
export function sessionTags(requested: readonly WireTag[] | undefined, transitive: readonly string[] | undefined, inherited: readonly Tag[]): SessionTags {
  const seen = new Set<string>();
  const tags: Tag[] = [];
  for (const tag of requested ?? []) {
    const lower = tag.Key.toLowerCase();
    if (seen.has(lower)) throw invalidParameterValue(STS_MESSAGES.duplicateTagKeys);
    seen.add(lower);
    tags.push({ key: tag.Key, value: tag.Value });
  }
  for (const key of transitive ?? []) {
    if (!seen.has(key.toLowerCase())) throw invalidParameterValue(STS_MESSAGES.transitiveNotInTags);
  }
  if (inherited.some((t) => seen.has(t.key.toLowerCase()))) throw invalidParameterValue(STS_MESSAGES.transitiveConflict);
  return { tags: [...inherited, ...tags], transitiveTagKeys: [...inherited.map((t) => t.key), ...(transitive ?? [])] };
}

/** `aws:RequestTag/<key>`, `aws:TagKeys` and `sts:TransitiveTagKeys` of a request with session tags. */
export function sessionTagContext(requested: readonly WireTag[] | undefined, transitive: readonly string[] | undefined): Record<string, ContextInput> {
  const context: Record<string, ContextInput> = {};
  if (!requested || requested.length === 0) return context;
  for (const tag of requested) context[`aws:RequestTag/${tag.Key}`] = tag.Value;
  context['aws:TagKeys'] = requested.map((t) => t.Key);
  if (transitive && transitive.length > 0) context['sts:TransitiveTagKeys'] = [...transitive];
  return context;
}
