/**
 * SimulatePrincipalPolicy's `PolicyExclusionList`: policies of the principal left out of the simulation,
 * each named by policy type (`inline`, `aws-managed`, `user-managed`, `permission-boundary`, `scp` for
 * the account's service control policies; `rcp` excludes nothing, as no RCPs take part), by managed policy ARN, or by an
 * inline policy's name with the type and name of its owner (the owner's name may hold one `*` and any
 * number of `?`). A malformed identifier is InvalidInput; one matching no policy is ignored.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html
 */
import { invalidInput } from '../shared/iam-errors.ts';

/** One PolicyIdentifier as the model gives it (a union: one member set). */
export interface PolicyIdentifierInput {
  readonly PolicyType?: string;
  readonly PolicyArn?: string;
  readonly InlinePolicyIdentifier?: { readonly PolicyName: string; readonly AttachmentType: string; readonly AttachmentName: string };
}

/** A checked exclusion. */
export type PolicyExclusion =
  | { readonly by: 'type'; readonly type: string }
  | { readonly by: 'arn'; readonly arn: string }
  | { readonly by: 'inline'; readonly policyName: string; readonly ownerType: string; readonly ownerName: RegExp };

/** A policy of the principal, as exclusions see it. */
export interface ExcludablePolicy {
  readonly kind: 'inline' | 'aws-managed' | 'user-managed' | 'permission-boundary';
  readonly arn: string | undefined;
  readonly inline: { readonly policyName: string; readonly type: string; readonly name: string } | undefined;
}

const TYPES = ['inline', 'aws-managed', 'user-managed', 'permission-boundary', 'scp', 'rcp'];
const POLICY_ARN = /^arn:aws:iam::(\d{12}|aws):policy\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,128}$/;

/** Checks the list; InvalidInput on the first malformed identifier. */
export function readExclusions(list: readonly PolicyIdentifierInput[] | undefined): PolicyExclusion[] {
  return (list ?? []).map((identifier) => {
    const set = [identifier.PolicyType, identifier.PolicyArn, identifier.InlinePolicyIdentifier].filter((v) => v !== undefined);
    if (set.length !== 1) throw invalidInput('Each PolicyIdentifier must specify exactly one of PolicyType, PolicyArn or InlinePolicyIdentifier.');
    if (identifier.PolicyType !== undefined) {
      if (!TYPES.includes(identifier.PolicyType)) throw invalidInput(`Invalid PolicyType: ${identifier.PolicyType}.`);
      return { by: 'type', type: identifier.PolicyType };
    }
    if (identifier.PolicyArn !== undefined) {
      if (!POLICY_ARN.test(identifier.PolicyArn)) throw invalidInput(`Invalid PolicyArn: ${identifier.PolicyArn}.`);
      return { by: 'arn', arn: identifier.PolicyArn };
    }
    const inline = identifier.InlinePolicyIdentifier!;
    if (!['user', 'group', 'role'].includes(inline.AttachmentType)) throw invalidInput(`Invalid AttachmentType: ${inline.AttachmentType}.`);
    if ((inline.AttachmentName.match(/\*/g) ?? []).length > 1 || !/^[\w+=,.@*?-]+$/.test(inline.AttachmentName)) {
      throw invalidInput(`Invalid AttachmentName: ${inline.AttachmentName}.`);
    }
    const pattern = inline.AttachmentName.replace(/[.+=,@-]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    return { by: 'inline', policyName: inline.PolicyName, ownerType: inline.AttachmentType, ownerName: new RegExp(`^${pattern}$`) };
  });
}

/** True when an exclusion names `policy`. */
export function excluded(exclusions: readonly PolicyExclusion[], policy: ExcludablePolicy): boolean {
  return exclusions.some((e) => {
    if (e.by === 'type') return e.type === policy.kind;
    if (e.by === 'arn') return policy.arn !== undefined && e.arn === policy.arn;
    const inline = policy.inline;
    return inline !== undefined && inline.policyName === e.policyName && inline.type === e.ownerType && e.ownerName.test(inline.name);
  });
}
