/**
 * eks:DeleteFargateProfile `DELETE /clusters/{name}/fargate-profiles/{fargateProfileName}` (see
 * docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): DELETING, then gone; refused while another profile of the cluster is DELETING. Authorized on
 * the profile's ARN and tags.
 */
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../shared/child-checks.ts';
import { fargateProfileNotFound } from '../shared/child-errors.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { assertNoProfileDeleting } from '../fargate-profiles/fargate-checks.ts';
import { fargateProfileToWire } from '../fargate-profiles/fargate-profile-wire.ts';
import { delayMs } from '../shared/lifecycle.ts';

export const deleteFargateProfile = defineOperation('eks', 'DeleteFargateProfile', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DeleteFargateProfile', 'fargateprofile', input.clusterName, input.fargateProfileName)],
  handle: async (input, ctx) => {
    const now = ctx.clock.now();
    const deleting = await ctx.store.transaction(async (tx) => {
      const docs = new EksDocuments(ctx, tx);
      await docs.requireCluster(input.clusterName);
      const profile = await docs.get('fargateprofile', input.clusterName, input.fargateProfileName);
      if (!profile) throw fargateProfileNotFound(input.clusterName, input.fargateProfileName);
      if (profile.deletingUntil !== undefined) return profile;
      await assertNoProfileDeleting(docs, now, 'delete', input.clusterName, input.fargateProfileName);
      const next = { ...profile, deletingUntil: now + delayMs(ctx) };
      await docs.put('fargateprofile', input.clusterName, input.fargateProfileName, next);
      return next;
    });
    return { fargateProfile: fargateProfileToWire(deleting, now) };
  },
});
