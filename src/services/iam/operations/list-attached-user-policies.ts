/**
 * iam:ListAttachedUserPolicies: the managed policies attached to a user whose path starts with
 * PathPrefix, in attachment order, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListAttachedUserPolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { attachedPolicies } from '../shared/identity-attachments.ts';
import { userCheck } from '../shared/identity-checks.ts';
import { pageFields, type WirePageFields } from '../shared/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

interface ListAttachedUserPoliciesInput {
  readonly UserName: string;
  readonly PathPrefix?: string;
  readonly Marker?: string;
  readonly MaxItems?: number;
}

interface ListAttachedUserPoliciesOutput extends WirePageFields {
  readonly AttachedPolicies: { readonly PolicyName: string; readonly PolicyArn: string }[];
}

/** ListAttachedUserPolicies. */
export const listAttachedUserPolicies = defineOperation<ListAttachedUserPoliciesInput, ListAttachedUserPoliciesOutput>({
  readOnly: true,
  authorize: async (input, ctx) => [await userCheck(ctx, 'iam:ListAttachedUserPolicies', input.UserName)],
  handle: async (input, ctx) => {
    const page = paginate(await attachedPolicies(ctx, 'user', input.UserName, input.PathPrefix), input);
    return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), ...pageFields(page) };
  },
});
