/** The tag condition keys of EKS requests (docs/aws-behaviour/eks-authorization.md): aws:RequestTag/*, aws:TagKeys, aws:ResourceTag/*. */
import type { ContextInput } from '../../../policy/index.ts';
import type { TagMap } from '../shared/eks-state.ts';

type Context = Record<string, ContextInput>;

/** `aws:RequestTag/<key>` and `aws:TagKeys` for tags in a request; nothing when it has none. */
export function requestTagContext(tags: TagMap | undefined): Context {
  if (tags === undefined) return {};
  const context: Context = { 'aws:TagKeys': Object.keys(tags) };
  for (const [key, value] of Object.entries(tags)) context[`aws:RequestTag/${key}`] = value;
  return context;
}

/** `aws:ResourceTag/<key>` for the tags of the resource authorized. */
export function resourceTagContext(tags: TagMap | undefined): Context {
  const context: Context = {};
  for (const [key, value] of Object.entries(tags ?? {})) context[`aws:ResourceTag/${key}`] = value;
  return context;
}

/** Tag limits of the model's TagMap (≤ 50, key 1–128 not `aws:`, value ≤ 256); the message, or undefined when valid. */
export function tagProblem(tags: TagMap): string | undefined {
  const keys = Object.keys(tags);
  if (keys.length > 50) return 'The number of tags exceeds the limit of 50.';
  for (const key of keys) {
    if (key.toLowerCase().startsWith('aws:')) return `Tag keys cannot start with 'aws:': ${key}`;
  }
  return undefined;
}
