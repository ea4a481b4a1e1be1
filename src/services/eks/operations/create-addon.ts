/**
 * eks:CreateAddon `POST /clusters/{name}/addons` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md, docs/aws-behaviour/eks-authorization.md, docs/aws-behaviour/eks-passed-roles.md). Authorized on the cluster
 * ARN (the add-on's does not exist yet) with the request's tags and the cluster's tags; iam:PassRole on
 * `serviceAccountRoleArn`. Then: cluster exists, name free (409 unless the same clientRequestToken
 * retries), cluster ACTIVE, the add-on offered on the cluster's Kubernetes version, the version
 * compatible (default when none), the role exists. CREATING until the server's delay has passed.
 */
import { randomUUID } from 'node:crypto';
import { defineOperation } from '../../operation.ts';
import { addonExists } from '../addons/addon-errors.ts';
import { addonRoleChecks, assertAddonRoleExists } from '../addons/addon-roles.ts';
import { offeredAddon, resolveAddonVersion } from '../addons/addon-versions.ts';
import { addonToWire } from '../addons/addon-wire.ts';
import { assertClusterActive } from '../shared/child-errors.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { childArn } from '../shared/eks-arns.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { invalidParameter } from '../shared/eks-errors.ts';
import type { AddonState } from '../shared/eks-state.ts';
import { delayMs } from '../shared/lifecycle.ts';
import { requestTagContext, tagProblem } from '../tags/tag-context.ts';
import { updatesOf } from '../updates/updates.ts';

export const createAddon = defineOperation('eks', 'CreateAddon', {
  authorize: async (input, ctx) => [
    await clusterCheck(ctx, 'eks:CreateAddon', input.clusterName, requestTagContext(input.tags)),
    ...(await addonRoleChecks(ctx, input.serviceAccountRoleArn)),
  ],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const fields = { clusterName: input.clusterName, addonName: input.addonName };
    const docs = new EksDocuments(ctx);
    const cluster = await docs.requireCluster(input.clusterName);
    const existing = await docs.get('addon', input.clusterName, input.addonName);
    if (existing) {
      if (input.clientRequestToken !== undefined && existing.clientRequestToken === input.clientRequestToken) return { addon: addonToWire(existing, now) };
      throw addonExists(input.clusterName, input.addonName);
    }
    assertClusterActive(cluster, now);
    const problem = tagProblem(input.tags ?? {});
    if (problem) throw invalidParameter(problem, fields);
    const offered = offeredAddon(cluster.name, input.addonName, cluster.version);
    const addonVersion = resolveAddonVersion(cluster.name, offered, cluster.version, input.addonVersion);
    await assertAddonRoleExists(ctx, input.serviceAccountRoleArn, fields);
    const addon: AddonState = {
      addonName: input.addonName,
      arn: childArn('addon', ctx.region, ctx.caller.accountId, cluster.name, input.addonName, randomUUID()),
      clusterName: cluster.name,
      createdAt: now,
      modifiedAt: now,
      readyAt: now + delayMs(ctx),
      addonVersion,
      serviceAccountRoleArn: input.serviceAccountRoleArn,
      configurationValues: input.configurationValues,
      tags: { ...input.tags },
      publisher: offered.publisher,
      owner: offered.owner,
      clientRequestToken: input.clientRequestToken,
    };
    await ctx.store.transaction(async (tx) => {
      const inTx = docs.within(tx);
      if (await inTx.get('addon', cluster.name, input.addonName)) throw addonExists(input.clusterName, input.addonName);
      // Updates of an earlier add-on of the same name are not this one's.
      for (const old of await updatesOf(inTx, cluster.name, `addon/${input.addonName}`)) await inTx.delete('update', cluster.name, old.id);
      await inTx.put('addon', cluster.name, input.addonName, addon);
    });
    return { addon: addonToWire(addon, now) };
  },
});
