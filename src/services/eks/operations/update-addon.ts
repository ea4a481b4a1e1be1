/**
 * eks:UpdateAddon `POST /clusters/{name}/addons/{addonName}/update` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md, docs/aws-behaviour/eks-passed-roles.md): an AddonUpdate
 * whose params are the fields the request gives; the add-on is UPDATING until it ends, then ACTIVE with
 * the new values. Only an ACTIVE add-on takes an update (409 as AWS answers), so one runs at a time; a
 * retry with the same clientRequestToken answers the update it made. Authorized on the add-on's ARN and
 * tags, plus iam:PassRole on a new `serviceAccountRoleArn`.
 */
import { defineOperation } from '../../operation.ts';
import { addonNotFound, addonNotUpdatable } from '../addons/addon-errors.ts';
import { addonRoleChecks, assertAddonRoleExists } from '../addons/addon-roles.ts';
import { offeredAddon, resolveAddonVersion } from '../addons/addon-versions.ts';
import { childCheck } from '../shared/child-checks.ts';
import { updateToWire } from '../clusters/cluster-wire.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import type { AddonState } from '../shared/eks-state.ts';
import { delayMs, lifecycleStatus } from '../shared/lifecycle.ts';
import { recordUpdate, retriedUpdate } from '../updates/updates.ts';
import type { UpdateAddonRequest } from '../../../model-types/eks.ts';

/** The update's params, in the order EKS lists them, for the fields given. */
function updateParams(input: UpdateAddonRequest): { type: string; value: string }[] {
  const given: [string, string | undefined][] = [
    ['AddonVersion', input.addonVersion],
    ['ServiceAccountRoleArn', input.serviceAccountRoleArn],
    ['ResolveConflicts', input.resolveConflicts],
    ['ConfigurationValues', input.configurationValues],
  ];
  return given.flatMap(([type, value]) => (value === undefined ? [] : [{ type, value }]));
}

export const updateAddon = defineOperation('eks', 'UpdateAddon', {
  authorize: async (input, ctx) => {
    const addonCheck = await childCheck(ctx, 'eks:UpdateAddon', 'addon', input.clusterName, input.addonName);
    // The add-on's ARN when it exists (a missing one is named with a `*` and is no associated resource).
    const addonArn = addonCheck.resource.endsWith('/*') ? undefined : addonCheck.resource;
    return [addonCheck, ...(await addonRoleChecks(ctx, input.serviceAccountRoleArn, addonArn))];
  },
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const scope = `addon/${input.addonName}`;
    const fields = { clusterName: input.clusterName, addonName: input.addonName };
    const update = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      const cluster = await docs.requireCluster(input.clusterName);
      const addon = await docs.get('addon', input.clusterName, input.addonName);
      if (!addon) throw addonNotFound(input.clusterName, input.addonName);
      const retried = await retriedUpdate(docs, { cluster: input.clusterName, scope, token: input.clientRequestToken });
      if (retried) return retried;
      const status = lifecycleStatus(addon, now);
      if (status !== 'ACTIVE') throw addonNotUpdatable(input.clusterName, input.addonName, status);
      const addonVersion = input.addonVersion === undefined
        ? addon.addonVersion
        : resolveAddonVersion(cluster.name, offeredAddon(cluster.name, addon.addonName, cluster.version), cluster.version, input.addonVersion);
      await assertAddonRoleExists(ctx, input.serviceAccountRoleArn, fields, tx);
      const next: AddonState = {
        ...addon,
        addonVersion,
        serviceAccountRoleArn: input.serviceAccountRoleArn ?? addon.serviceAccountRoleArn,
        configurationValues: input.configurationValues ?? addon.configurationValues,
        modifiedAt: now,
        updatingUntil: now + delayMs(ctx),
      };
      await docs.put('addon', input.clusterName, input.addonName, next);
      return recordUpdate(docs, ctx, { cluster: input.clusterName, scope, type: 'AddonUpdate', params: updateParams(input), token: input.clientRequestToken });
    });
    return { update: updateToWire(update, now) };
  },
});
