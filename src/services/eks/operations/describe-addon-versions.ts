/**
 * eks:DescribeAddonVersions `GET /addons/supported-versions` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): the add-on catalogue,
 * filtered and paged by add-on name. The action has no resource type, so it is authorized on `*`.
 */
import { defineOperation } from '../../operation.ts';
import { queryAddonVersions } from '../addons/addon-version-query.ts';
import { paginate } from '../shared/pagination.ts';

export const describeAddonVersions = defineOperation('eks', 'DescribeAddonVersions', {
  authorize: () => [{ action: 'eks:DescribeAddonVersions', resource: '*' }],
  handle: (input) => {
    const page = paginate(queryAddonVersions(input), (a) => a.name, input.maxResults, input.nextToken);
    return Promise.resolve({ addons: page.items.map((a) => a.wire), ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) });
  },
});
