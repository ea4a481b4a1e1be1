/**
 * Session policies and the packed size (docs/aws-behaviour/sts-sessions.md): the inline `Policy` is validated as a
 * session policy, each of `PolicyArns` must name an AWS managed policy or a customer managed policy of
 * the account the session acts in, and the policy, the ARNs and the session tags together, compressed,
 * must fit the packed allowance. `PackedPolicySize` is the percentage used (any deterministic estimate
 * is acceptable, the exact encoding is not documented: here deflate-compressed bytes of 2,048). An overflow caused by the tags is
 * reported as theirs, as AWS does (`Packed size of session tags consumes 112% of allotted space.`, seen in
 * CloudTrail, aws/containers-roadmap#2413).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html
 */
import { deflateRawSync } from 'node:zlib';
import { validatePolicy } from '../../../policy/index.ts';
import type { Tag } from '../../../store/iam-records.ts';
import type { OperationContext } from '../../operation.ts';
import { invalidParameterValue, malformedPolicyDocument, packedPolicyTooLarge } from '../shared/sts-errors.ts';

/** A `PolicyArns` member on the wire. */
export interface WirePolicyArn {
  readonly arn?: string;
}

/** The session policies of a request, checked. */
export interface CheckedSessionPolicies {
  readonly policy: string | undefined;
  readonly policyArns: string[];
  /** The percentage of the packed allowance used; undefined when no policy, ARN or tag was passed. */
  readonly packedPolicySize: number | undefined;
}

const PACKED_ALLOWANCE = 2048;

/** Validates the session policies of a request for a session in `accountId`; throws AWS's errors. */
export async function checkSessionPolicies(
  ctx: OperationContext, accountId: string, policy: string | undefined, wireArns: readonly WirePolicyArn[] | undefined, tags: readonly Tag[],
): Promise<CheckedSessionPolicies> {
  let minified = '';
  if (policy !== undefined) {
    const result = validatePolicy(policy, 'session', { enforceSizeLimit: false });
    if (!result.ok) throw malformedPolicyDocument(result.error.message);
    minified = JSON.stringify(JSON.parse(policy));
  }
  const policyArns = (wireArns ?? []).map((p) => p.arn ?? '');
  for (const arn of policyArns) {
    const exists = ctx.managedPolicies.get(arn) !== undefined || (arn.split(':')[4] === accountId && (await ctx.store.managedPolicies.get(arn)) !== undefined);
    if (!exists) throw invalidParameterValue(`Policy ${arn} does not exist or is not attachable.`);
  }
  if (policy === undefined && policyArns.length === 0 && tags.length === 0) return { policy, policyArns, packedPolicySize: undefined };
  const policyParts = [minified, ...policyArns];
  const tagParts = tags.map((t) => `${t.key}=${t.value}`);
  const packedPolicySize = packedPercent([...policyParts, ...tagParts]);
  if (packedPolicySize > 100) {
    // AWS names the session tags when they are what overflows, the policy otherwise.
    const policiesFit = tagParts.length > 0 && packedPercent(policyParts) <= 100;
    throw packedPolicyTooLarge(packedPolicySize, policiesFit ? 'tags' : 'policy');
  }
  return { policy, policyArns, packedPolicySize };
}

/** The percentage of the packed allowance `parts` use once compressed. */
function packedPercent(parts: readonly string[]): number {
  return Math.ceil((100 * deflateRawSync(Buffer.from(parts.join('\n'), 'utf8')).length) / PACKED_ALLOWANCE);
}

