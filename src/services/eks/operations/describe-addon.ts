/** eks:DescribeAddon `GET /clusters/{name}/addons/{addonName}` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): authorized on the add-on's ARN and tags. */
import { defineOperation } from '../../operation.ts';
import { addonNotFound } from '../addons/addon-errors.ts';
import { addonToWire } from '../addons/addon-wire.ts';
import { childCheck } from '../shared/child-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';

export const describeAddon = defineOperation('eks', 'DescribeAddon', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DescribeAddon', 'addon', input.clusterName, input.addonName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const addon = await docs.get('addon', input.clusterName, input.addonName);
    if (!addon) throw addonNotFound(input.clusterName, input.addonName);
    return { addon: addonToWire(addon, ctx.clock.now()) };
  },
});
