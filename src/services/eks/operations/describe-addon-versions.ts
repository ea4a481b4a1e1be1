/**
 * eks:DescribeAddonVersions `GET /addons/supported-versions` (EKS-SPEC §2.10): the add-on catalogue,
 * filtered and paged by add-on name. The action has no resource type, so it is authorized on `*`.
 */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { defineOperation } from '../../operation.ts';
import { queryAddonVersions, type AddonVersionFilters } from '../addon-version-query.ts';
import { paginate } from '../pagination.ts';

interface DescribeAddonVersionsInput extends AddonVersionFilters {
  readonly maxResults?: number;
  readonly nextToken?: string;
}

export const describeAddonVersions = defineOperation<DescribeAddonVersionsInput, { addons: WireStructure[]; nextToken?: string }>({
  readOnly: true,
  authorize: () => [{ action: 'eks:DescribeAddonVersions', resource: '*' }],
  handle: (input) => {
    const page = paginate(queryAddonVersions(input), (a) => a.name, input.maxResults, input.nextToken);
    return Promise.resolve({ addons: page.items.map((a) => a.wire), ...(page.nextToken === undefined ? {} : { nextToken: page.nextToken }) });
  },
});
