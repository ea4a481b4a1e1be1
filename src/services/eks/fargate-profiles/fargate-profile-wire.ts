/** The `FargateProfile` object as EKS answers it (docs/aws-behaviour/eks-node-groups-add-ons-fargate.md; AWS CLI create-fargate-profile examples). */
import type { WireStructure } from '../../../kernel/wire-value.ts';
import type { FargateProfileState } from '../shared/eks-state.ts';
import { lifecycleStatus } from '../shared/lifecycle.ts';

/** A Fargate profile at `now`; selector labels only when the selector has them. */
export function fargateProfileToWire(profile: FargateProfileState, now: number): WireStructure {
  const status = lifecycleStatus(profile, now);
  return {
    fargateProfileName: profile.fargateProfileName,
    fargateProfileArn: profile.arn,
    clusterName: profile.clusterName,
    createdAt: new Date(profile.createdAt),
    podExecutionRoleArn: profile.podExecutionRoleArn,
    subnets: [...profile.subnets],
    selectors: profile.selectors.map((s) => ({
      ...(s.namespace === undefined ? {} : { namespace: s.namespace }),
      ...(s.labels === undefined ? {} : { labels: { ...s.labels } }),
    })),
    status: status === 'GONE' ? 'DELETING' : status === 'UPDATING' ? 'ACTIVE' : status,
    tags: { ...profile.tags },
  };
}
