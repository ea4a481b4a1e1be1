/** eks:DescribeFargateProfile `GET /clusters/{name}/fargate-profiles/{fargateProfileName}` (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md): authorized on the profile's ARN and tags. */
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../shared/child-checks.ts';
import { fargateProfileNotFound } from '../shared/child-errors.ts';
import { EksDocuments } from '../shared/eks-documents.ts';
import { fargateProfileToWire } from '../fargate-profiles/fargate-profile-wire.ts';

export const describeFargateProfile = defineOperation('eks', 'DescribeFargateProfile', {
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DescribeFargateProfile', 'fargateprofile', input.clusterName, input.fargateProfileName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const profile = await docs.get('fargateprofile', input.clusterName, input.fargateProfileName);
    if (!profile) throw fargateProfileNotFound(input.clusterName, input.fargateProfileName);
    return { fargateProfile: fargateProfileToWire(profile, ctx.clock.now()) };
  },
});
