/** eks:DescribeFargateProfile `GET /clusters/{name}/fargate-profiles/{fargateProfileName}` (EKS-SPEC §2.11): authorized on the profile's ARN and tags. */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import { defineOperation } from '../../operation.ts';
import { childCheck } from '../child-checks.ts';
import { fargateProfileNotFound } from '../child-errors.ts';
import { EksDocuments } from '../eks-documents.ts';
import { fargateProfileToWire } from '../fargate-profile-wire.ts';

interface DescribeFargateProfileInput {
  readonly clusterName: string;
  readonly fargateProfileName: string;
}

export const describeFargateProfile = defineOperation<DescribeFargateProfileInput, { fargateProfile: WireStructure }>({
  readOnly: true,
  authorize: async (input, ctx) => [await childCheck(ctx, 'eks:DescribeFargateProfile', 'fargateprofile', input.clusterName, input.fargateProfileName)],
  handle: async (input, ctx) => {
    const docs = new EksDocuments(ctx);
    await docs.requireCluster(input.clusterName);
    const profile = await docs.get('fargateprofile', input.clusterName, input.fargateProfileName);
    if (!profile) throw fargateProfileNotFound(input.clusterName, input.fargateProfileName);
    return { fargateProfile: fargateProfileToWire(profile, ctx.clock.now()) };
  },
});
