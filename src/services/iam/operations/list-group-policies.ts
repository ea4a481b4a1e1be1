/**
 * iam:ListGroupPolicies: the names of a group's inline policies, sorted, paginated.
 * https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListGroupPolicies.html
 */
import { defineOperation } from '../../operation.ts';
import { groupCheck } from '../shared/identity-checks.ts';
import { inlinePolicyNames } from '../shared/identity-inline-policies.ts';
import { pageFields, type WirePageFields } from '../shared/identity-wire.ts';
import { paginate } from '../shared/pagination.ts';

interface ListGroupPoliciesInput {
  readonly GroupName: string;
  readonly Marker?: string;
  readonly MaxItems?: number;
}

interface ListGroupPoliciesOutput extends WirePageFields {
  readonly PolicyNames: string[];
}

/** ListGroupPolicies. */
export const listGroupPolicies = defineOperation<ListGroupPoliciesInput, ListGroupPoliciesOutput>({
  readOnly: true,
  authorize: async (input, ctx) => [await groupCheck(ctx, 'iam:ListGroupPolicies', input.GroupName)],
  handle: async (input, ctx) => {
    const page = paginate(await inlinePolicyNames(ctx, 'group', input.GroupName), input);
    return { PolicyNames: [...page.items], ...pageFields(page) };
  },
});
