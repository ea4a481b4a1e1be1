/**
 * eks:CreateFargateProfile `POST /clusters/{name}/fargate-profiles` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md, docs/aws-behaviour/eks-authorization.md, docs/aws-behaviour/eks-passed-roles.md).
 * Authorized on the cluster ARN with the request's tags and the cluster's tags; iam:PassRole on the pod
 * execution role; the Fargate service-linked role checks. Then: cluster exists, name free (409 unless
 * the same clientRequestToken retries), cluster ACTIVE, selectors, no profile DELETING, and the role's
 * trust of eks-fargate-pods.amazonaws.com. Subnets default to the cluster's.
 */
import { randomUUID } from 'node:crypto';
import { defineOperation } from '../../operation.ts';
import { assertClusterActive } from '../shared/child-errors.ts';
import { clusterCheck } from '../clusters/cluster-checks.ts';
import { childArn } from '../shared/eks-arns.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { resourceInUse } from '../shared/eks-errors.ts';
import type { FargateProfileState } from '../shared/eks-state.ts';
import { assertNoProfileDeleting, FARGATE_SERVICE, fargateServiceRoleChecks } from '../fargate-profiles/fargate-checks.ts';
import { fargateProfileToWire } from '../fargate-profiles/fargate-profile-wire.ts';
import { checkSelectors } from '../fargate-profiles/fargate-selectors.ts';
import { delayMs } from '../shared/lifecycle.ts';
import { ensureNodeAccessEntry } from '../access-entries/node-access-entries.ts';
import { POD_EXECUTION_ROLE, untrustedRole } from '../shared/passed-roles.ts';
import { ensureServiceLinkedRole, passExistingRoleCheck, roleTrustsService } from '../shared/role-checks.ts';
import { requestTagContext } from '../tags/tag-context.ts';

/** 409 `A Fargate Profile already exists with this name in this cluster.` (moto's recording of AWS; the model lists no 409 here). */
function duplicate(cluster: string): Error {
  return resourceInUse('A Fargate Profile already exists with this name in this cluster.', { clusterName: cluster });
}

export const createFargateProfile = defineOperation('eks', 'CreateFargateProfile', {
  authorize: async (input, ctx) => [
    await clusterCheck(ctx, 'eks:CreateFargateProfile', input.clusterName, requestTagContext(input.tags)),
    await passExistingRoleCheck(ctx, input.podExecutionRoleArn, POD_EXECUTION_ROLE.passedToService),
    ...(await fargateServiceRoleChecks(ctx)),
  ],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const fields = { clusterName: input.clusterName, fargateProfileName: input.fargateProfileName };
    const docs = new EksDocuments(ctx);
    const cluster = await docs.requireCluster(input.clusterName);
    const existing = await docs.get('fargateprofile', input.clusterName, input.fargateProfileName);
    if (existing) {
      if (input.clientRequestToken !== undefined && existing.clientRequestToken === input.clientRequestToken) return { fargateProfile: fargateProfileToWire(existing, now) };
      throw duplicate(input.clusterName);
    }
    assertClusterActive(cluster, now);
    checkSelectors(input.selectors, fields);
    await assertNoProfileDeleting(docs, now, 'create', input.clusterName, input.fargateProfileName);
    if (!(await roleTrustsService(ctx, input.podExecutionRoleArn, POD_EXECUTION_ROLE.trustedService))) {
      throw untrustedRole(POD_EXECUTION_ROLE, input.podExecutionRoleArn, fields);
    }
    const profile: FargateProfileState = {
      fargateProfileName: input.fargateProfileName,
      arn: childArn('fargateprofile', ctx.region, ctx.caller.accountId, cluster.name, input.fargateProfileName, randomUUID()),
      clusterName: cluster.name,
      createdAt: now,
      readyAt: now + delayMs(ctx),
      podExecutionRoleArn: input.podExecutionRoleArn,
      subnets: [...(input.subnets ?? cluster.resourcesVpcConfig.subnetIds)],
      selectors: (input.selectors ?? []).map((s) => ({ namespace: s.namespace, ...(s.labels === undefined ? {} : { labels: { ...s.labels } }) })),
      tags: { ...input.tags },
      clientRequestToken: input.clientRequestToken,
    };
    await ctx.store.transaction(async (tx) => {
      const inTx = docs.within(tx);
      if (await inTx.get('fargateprofile', cluster.name, profile.fargateProfileName)) throw duplicate(input.clusterName);
      await assertNoProfileDeleting(inTx, now, 'create', input.clusterName, input.fargateProfileName);
      await inTx.put('fargateprofile', cluster.name, profile.fargateProfileName, profile);
      await ensureServiceLinkedRole(ctx, tx, FARGATE_SERVICE);
      await ensureNodeAccessEntry(ctx, inTx, cluster, input.podExecutionRoleArn, 'FARGATE_LINUX', now);
    });
    return { fargateProfile: fargateProfileToWire(profile, now) };
  },
});
