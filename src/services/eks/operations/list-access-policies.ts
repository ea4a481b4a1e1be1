/**
 * eks:ListAccessPolicies `GET /access-policies` (docs/aws-behaviour/eks-access-entries.md): AWS's access policies by name. The
 * action has no resource type, so it is authorized on `*`.
 */
import { defineOperation } from '../../operation.ts';
import { ACCESS_POLICIES } from '../access-entries/access-policies.ts';
import { paginate } from '../shared/pagination.ts';

export const listAccessPolicies = defineOperation('eks', 'ListAccessPolicies', {
  authorize: () => [{ action: 'eks:ListAccessPolicies', resource: '*' }],
  handle: (input) => {
    const page = paginate(ACCESS_POLICIES, (p) => p.name, input.maxResults, input.nextToken);
    return Promise.resolve({ accessPolicies: page.items.map((p) => ({ name: p.name, arn: p.arn })), ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) });
  },
});
