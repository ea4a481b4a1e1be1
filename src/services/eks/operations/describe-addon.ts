/** eks:DescribeAddon `GET /clusters/{name}/addons/{addonName}` (EKS-SPEC §2.10): authorized on the add-on's ARN and tags. */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { defineOperation } from '../../operation.ts';
import { addonNotFound } from '../addon-errors.ts';
import { addonToWire } from '../addon-wire.ts';
import { childCheck } from '../child-checks.ts';
import { EksDocuments } from '../eks-documents.ts';

interface DescribeAddonInput {
  readonly clusterName: string;
  readonly addonName: string;
}

export const describeAddon = defineOperation<DescribeAddonInput, { addon: WireStructure }>({
  readOnly: true,
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DescribeAddon', 'addon', input.clusterName, input.addonName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const addon = await docs.get('addon', input.clusterName, input.addonName);
    if (!addon) throw addonNotFound(input.clusterName, input.addonName);
    return { addon: addonToWire(addon, ctx.clock.now()) };
  },
});
