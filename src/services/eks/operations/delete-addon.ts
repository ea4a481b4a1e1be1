/**
 * eks:DeleteAddon `DELETE /clusters/{name}/addons/{addonName}` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): DELETING, then gone; an
 * add-on already DELETING answers as it is. `preserve` only decides whether the software stays on the
 * cluster, which has no counterpart here. Authorized on the add-on's ARN and tags.
 */
import { defineOperation } from '../../operation.ts';
import { addonNotFound } from '../addons/addon-errors.ts';
import { addonToWire } from '../addons/addon-wire.ts';
import { childCheck } from '../shared/child-checks.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { delayMs } from '../shared/lifecycle.ts';

export const deleteAddon = defineOperation('eks', 'DeleteAddon', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DeleteAddon', 'addon', input.clusterName, input.addonName)],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const deleting = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      await docs.requireCluster(input.clusterName);
      const addon = await docs.get('addon', input.clusterName, input.addonName);
      if (!addon) throw addonNotFound(input.clusterName, input.addonName);
      if (addon.deletingUntil !== undefined) return addon;
      const next = { ...addon, modifiedAt: now, deletingUntil: now + delayMs(ctx) };
      await docs.put('addon', input.clusterName, input.addonName, next);
      return next;
    });
    return { addon: addonToWire(deleting, now) };
  },
});
