/**
 * The condition keys the tags of an IAM role, user or policy bring to a check made on it, whichever
 * service makes the check (IAM on its own entities, EKS on the roles passed to it).
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html
 */
import type { ContextInput } from '../../policy/index.ts';
import type { Tag } from '../../store/iam-records.ts';

/** `aws:ResourceTag/<key>` (and `iam:ResourceTag/<key>`) for the tags of the entity acted on. */
export function resourceTagKeys(tags: readonly Tag[]): Record<string, ContextInput> {
  const keys: Record<string, ContextInput> = {};
  for (const tag of tags) {
    keys[`aws:ResourceTag/${tag.key}`] = tag.value;
    keys[`iam:ResourceTag/${tag.key}`] = tag.value;
  }
  return keys;
}
